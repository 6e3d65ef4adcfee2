import { useTranslation } from 'react-i18next';
import { LANGUAGES, SHIPPED_LANGUAGES } from '../../i18n/languages.ts';
import { changeLanguage } from '../../i18n/setup.ts';

/**
 * The language list: each language written in its own script, with `lang` and `dir` set so
 * it renders and is read aloud correctly. No flags.
 */
export function LanguagePicker({ onPicked }: { onPicked?: (code: string) => void }) {
  const { t, i18n } = useTranslation('common');
  const offered = LANGUAGES.filter((l) => SHIPPED_LANGUAGES.includes(l.code));
  return (
    <ul className="language-list" aria-label={t('language.choose')}>
      {offered.map((l) => {
        const current = i18n.resolvedLanguage === l.code;
        return (
          <li key={l.code}>
            <button
              type="button"
              className={`language-option${current ? ' is-current' : ''}`}
              aria-pressed={current}
              lang={l.code}
              dir={l.dir}
              onClick={() => {
                void changeLanguage(l.code).then(() => onPicked?.(l.code));
              }}
            >
              {l.nativeName}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
