import { Link } from 'react-router';
import type { SummarySection as Section } from '../../record/summary.ts';
import type { Entry, Profile } from '../../record/types.ts';
import { isDeclarable } from '../../record/declarations.ts';
import { Icon } from '../../ui/Icon.tsx';
import { entryTitle } from '../entries/entry-text.ts';
import type { SummaryT } from '../reminders/reminder-text.ts';
import { ReadAloud } from '../shell/ReadAloud.tsx';
import { VaccineReminder } from '../vaccines/VaccineReminder.tsx';
import { EntryItem } from './EntryItem.tsx';
import { KIND_ICONS } from './kind-icons.ts';
import { NoneDeclaration } from './NoneDeclaration.tsx';

interface SummarySectionProps {
  section: Section;
  profile: Profile;
  /** Every entry of the record, for the vaccination schedule. */
  allEntries: readonly Entry[];
  t: SummaryT;
  lng: string;
  fr: SummaryT | undefined;
  speak: ((text: string) => void) | undefined;
}

/**
 * One kind of entry on the summary: its heading with its icon and a button that reads the
 * heading and its items aloud, the way to add one, and its items (or "none").
 */
export function SummarySection({
  section: { kind, entries },
  profile,
  allEntries,
  t,
  lng,
  fr,
  speak,
}: SummarySectionProps) {
  const heading = t(`entry:kinds.${kind}`);
  const spoken = [heading, ...(entries.length > 0 ? entries.map((e) => entryTitle(e, t)) : [])];
  return (
    <section className="summary-section" aria-labelledby={`section-${kind}`}>
      <div className="section-head">
        <div className="section-title">
          <h3 id={`section-${kind}`}>
            <Icon name={KIND_ICONS[kind]} />
            <span>{heading}</span>
          </h3>
          <ReadAloud text={spoken.join('. ')} label={t('readAloud', { name: heading })} />
        </div>
        <Link
          className="btn btn-ghost btn-small"
          to={`/entry/new/${kind}`}
          aria-label={t(`entry:add.${kind}`)}
        >
          <Icon name="add" />
          <span>{t('add')}</span>
        </Link>
      </div>
      {entries.length === 0 ? (
        isDeclarable(kind) ? (
          <NoneDeclaration profile={profile} kind={kind} />
        ) : (
          <p className="empty">{t(`entry:none.${kind}`)}</p>
        )
      ) : (
        <ul className="entry-list">
          {entries.map((e) => (
            <EntryItem key={e.id} entry={e} t={t} lng={lng} fr={fr} {...(speak ? { speak } : {})} />
          ))}
        </ul>
      )}
      {kind === 'vaccination' && <VaccineReminder profile={profile} entries={allEntries} />}
    </section>
  );
}
