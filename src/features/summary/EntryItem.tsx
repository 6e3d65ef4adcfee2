import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { findLanguage } from '../../i18n/languages.ts';
import type { Entry } from '../../record/types.ts';
import { Icon } from '../../ui/Icon.tsx';
import { entryDetailLine, entryTitle } from '../entries/entry-text.ts';

/** One line of the summary; tapping it opens the entry for editing. */
export function EntryItem({ entry }: { entry: Entry }) {
  const { t, i18n } = useTranslation(['summary', 'entry', 'vocab']);
  const lng = i18n.resolvedLanguage ?? 'fr';
  const title = entryTitle(entry, t);
  const detail = entryDetailLine(entry, t, lng);
  // Free text is shown as written, labelled with its language when it differs from the UI's.
  const textLang =
    !entry.term && entry.textLang && entry.textLang !== lng
      ? findLanguage(entry.textLang)
      : undefined;
  return (
    <li className={`entry-item${entry.sensitive ? ' is-sensitive' : ''}`}>
      <Link to={`/entry/${entry.id}`} className="entry-link">
        <span className="entry-main">
          <span className="entry-title" lang={textLang?.code} dir={textLang ? 'auto' : undefined}>
            {title}
          </span>
          {textLang && <span className="tag">{textLang.nativeName}</span>}
          {detail && <span className="entry-detail">{detail}</span>}
        </span>
        <span className="entry-badges">
          {entry.sensitive && (
            <span className="tag tag-sensitive">
              <Icon name="sensitive" />
              {t('sensitive')}
            </span>
          )}
          <span className="tag tag-provenance" title={t(`entry:provenance.${entry.provenance}`)}>
            <Icon name={entry.provenance} />
            <span className="visually-hidden">{t(`entry:provenance.${entry.provenance}`)}</span>
          </span>
        </span>
      </Link>
    </li>
  );
}
