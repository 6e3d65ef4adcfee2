import { useTranslation } from 'react-i18next';
import { LANGUAGES, SHIPPED_LANGUAGES, findLanguage } from '../../i18n/languages.ts';
import { changeLanguage } from '../../i18n/setup.ts';
import { Notice } from '../../ui/Notice.tsx';
import { useLocaleMeta } from './useLocaleMeta.ts';
import './shell.css';

/**
 * The language list: each language written in its own script, with `lang` and `dir` set so
 * it renders and is read aloud correctly. No flags. Under the list, in the chosen language,
 * an honest word when its translation has not been reviewed by a professional.
 */
export function LanguagePicker({ onPicked }: { onPicked?: (code: string) => void }) {
  const { t, i18n } = useTranslation('common');
  const offered = LANGUAGES.filter((l) => SHIPPED_LANGUAGES.includes(l.code));
  const current = i18n.resolvedLanguage ?? 'fr';
  const meta = useLocaleMeta(current);
  const language = findLanguage(current);
  return (
    <>
      <ul className="language-list" aria-label={t('language.choose')}>
        {offered.map((l) => {
          const isCurrent = current === l.code;
          return (
            <li key={l.code}>
              <button
                type="button"
                className={`language-option${isCurrent ? ' is-current' : ''}`}
                aria-pressed={isCurrent}
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
      {meta && !meta.reviewed && meta.notice && (
        <Notice tone="info">
          <span lang={current} dir={language?.dir} data-testid="translation-notice">
            {meta.notice}
          </span>
        </Notice>
      )}
    </>
  );
}
