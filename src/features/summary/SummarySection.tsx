import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { SummarySection as Section } from '../../record/summary.ts';
import { nextPageCount, shownCount } from '../../record/summary.ts';
import type { Profile } from '../../record/types.ts';
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
  /**
   * How many entries the section has in all: `section.entries.length`, except while only the
   * summary snapshot's part of the record is read (`waiting`), when it comes from the snapshot.
   */
  total: number;
  /** Only part of the record is read yet: "show more" and the "none" statement wait. */
  waiting: boolean;
  profile: Profile;
  t: SummaryT;
  lng: string;
  fr: SummaryT | undefined;
  speak: ((text: string) => void) | undefined;
}

/**
 * One kind of entry on the summary: its heading with its icon and a button that reads the
 * heading and its items aloud, the way to add one, and its items (or "none").
 *
 * A long section shows its most relevant items first (record/summary.ts) and "show more"
 * for the rest, so the summary draws as fast with 10,000 items as with 100. SAFETY: a cut
 * section says its total in its heading, and never hides a severe allergy (`mustShow`), so
 * neither the patient nor a doctor can take a short list for the whole record.
 */
export function SummarySection({
  section,
  total,
  waiting,
  profile,
  t,
  lng,
  fr,
  speak,
}: SummarySectionProps) {
  const { kind, entries } = section;
  const [pages, setPages] = useState(1);
  const list = useRef<HTMLUListElement>(null);
  // Index of the first item the last "show more" revealed: focus goes there once drawn.
  const focusFrom = useRef<number | null>(null);
  const shown = shownCount(section, pages);
  const next = nextPageCount(section, pages);
  const cut = shown < total;
  const visible = entries.slice(0, shown);

  useEffect(() => {
    const from = focusFrom.current;
    if (from === null) return;
    focusFrom.current = null;
    list.current?.children[from]?.querySelector<HTMLElement>('a')?.focus();
  }, [pages]);

  const heading = t(`entry:kinds.${kind}`);
  const totalText = cut ? t('section.total', { count: total }) : undefined;
  const showingText = cut ? t('section.showing', { count: total, shown }) : undefined;
  const allergyRest = cut && kind === 'allergy' ? t('section.allergyRest') : undefined;
  // Read aloud: what the section shows, and how many there are in all when it is cut.
  const spoken = [heading, showingText, ...visible.map((e) => entryTitle(e, t)), allergyRest];
  const showingId = `section-${kind}-showing`;
  return (
    <section className="summary-section" aria-labelledby={`section-${kind}`}>
      <div className="section-head">
        <div className="section-title">
          <h3 id={`section-${kind}`}>
            <Icon name={KIND_ICONS[kind]} />
            <span>{heading}</span>
            {totalText && <span className="section-total">{totalText}</span>}
          </h3>
          <ReadAloud
            text={spoken.filter(Boolean).join('. ')}
            label={t('readAloud', { name: heading })}
          />
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
      {total === 0 ? (
        isDeclarable(kind) ? (
          <NoneDeclaration profile={profile} kind={kind} waiting={waiting} />
        ) : (
          <p className="empty">{t(`entry:none.${kind}`)}</p>
        )
      ) : (
        <ul className="entry-list" ref={list}>
          {visible.map((e) => (
            <EntryItem key={e.id} entry={e} t={t} lng={lng} fr={fr} {...(speak ? { speak } : {})} />
          ))}
        </ul>
      )}
      {cut && (
        <div className="section-more">
          {allergyRest && <p className="section-note">{allergyRest}</p>}
          <p className="section-showing" id={showingId}>
            {showingText}
          </p>
          {waiting ? (
            // The rest of the section comes with the whole record, a moment after unlock.
            <button
              type="button"
              className="btn btn-secondary btn-small"
              aria-label={t('section.waitingLabel', { name: heading })}
              aria-describedby={showingId}
              disabled
            >
              <Icon name={KIND_ICONS[kind]} />
              <span>{t('section.waiting')}</span>
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-secondary btn-small"
              aria-label={t('section.moreLabel', { count: next, name: heading })}
              aria-describedby={showingId}
              onClick={() => {
                focusFrom.current = shown;
                setPages((p) => p + 1);
              }}
            >
              {/* The section's own icon, not "add": this button adds nothing to the record. */}
              <Icon name={KIND_ICONS[kind]} />
              <span>{t('section.more', { count: next })}</span>
            </button>
          )}
        </div>
      )}
      {kind === 'vaccination' && <VaccineReminder profile={profile} entries={entries} />}
    </section>
  );
}
