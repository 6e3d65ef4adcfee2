import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, SHIPPED_LANGUAGES, findLanguage } from '../../i18n/languages.ts';
import { changeLanguage } from '../../i18n/setup.ts';
import { Icon } from '../../ui/Icon.tsx';
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
  // A language that could not be loaded (offline, never used on this phone): said plainly.
  const [unavailable, setUnavailable] = useState<string | null>(null);
  return (
    <>
      {unavailable && (
        <Notice tone="error">
          {t('language.unavailable', { language: findLanguage(unavailable)?.nativeName })}
        </Notice>
      )}
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
                  setUnavailable(null);
                  changeLanguage(l.code).then(
                    () => onPicked?.(l.code),
                    () => setUnavailable(l.code),
                  );
                }}
              >
                <Icon name="language" />
                <span>{l.nativeName}</span>
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
