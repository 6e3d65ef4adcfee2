import { memo } from 'react';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { CLINICIAN_LANGUAGE, findLanguage } from '../../i18n/languages.ts';
import type { Entry } from '../../record/types.ts';
import { Icon } from '../../ui/Icon.tsx';
import { entryDetailLine, entryTitle, termLabel } from '../entries/entry-text.ts';
import { entryIcon } from './kind-icons.ts';
import { AddedBy } from '../replies/AddedBy.tsx';

/** The summary's translations: namespace `summary` first, with `entry` and `vocab`. */
type SummaryT = TFunction<readonly ['summary', 'entry', 'vocab']>;

interface EntryItemProps {
  entry: Entry;
  /** The summary's translations in the interface language `lng`. */
  t: SummaryT;
  lng: string;
  /** The same in French, when the French is shown beside the patient's language. */
  fr?: SummaryT | undefined;
  /** Reads the item aloud; absent when the device has no voice for the language. */
  speak?: (text: string) => void;
}

/**
 * One line of the summary; tapping it opens the entry for editing. The summary hands down
 * its translation functions (one subscription for the whole list, not one per line), and
 * a line re-renders only when its entry, the language or the French column changes.
 */
export const EntryItem = memo(function EntryItem({ entry, t, lng, fr, speak }: EntryItemProps) {
  const title = entryTitle(entry, t);
  const detail = entryDetailLine(entry, t, lng);
  // Free text is shown as written, labelled with its language when it differs from the UI's.
  const written = !entry.term && entry.textLang ? findLanguage(entry.textLang) : undefined;
  const textLang = written && written.code !== lng ? written : undefined;
  // The French column holds only what has a French translation: coded names and details.
  // Free text has no French: it is shown once, as written, above.
  const frTitle = fr ? termLabel(entry, fr) : undefined;
  const frDetail = fr
    ? entryDetailLine(entry, fr, CLINICIAN_LANGUAGE, { freeText: false })
    : undefined;
  return (
    <li className={`entry-item${entry.sensitive ? ' is-sensitive' : ''}`}>
      <Link to={`/entry/${entry.id}`} className="entry-link">
        <Icon name={entryIcon(entry)} className="entry-icon" />
        <span className="entry-main">
          <span className="entry-title" lang={written?.code} dir={written ? 'auto' : undefined}>
            {title}
          </span>
          {textLang && <span className="tag">{textLang.nativeName}</span>}
          {detail && <span className="entry-detail">{detail}</span>}
          <AddedBy entry={entry} />
          {(frTitle || frDetail) && (
            <span className="entry-french" lang={CLINICIAN_LANGUAGE} dir="ltr">
              <span className="tag">FR</span>
              {frTitle && <span>{frTitle}</span>}
              {frDetail && <span className="entry-detail">{frDetail}</span>}
            </span>
          )}
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
      {speak && (
        <button
          type="button"
          className="icon-button speak-button"
          onClick={() => speak([title, detail].filter(Boolean).join('. '))}
        >
          <Icon name="speaker" />
          <span className="visually-hidden">{t('readAloud', { name: title })}</span>
        </button>
      )}
    </li>
  );
});
