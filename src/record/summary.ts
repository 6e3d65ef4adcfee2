import type { Entry, EntryKind } from './types.ts';
import { ENTRY_KINDS } from './types.ts';

/** Days before a right (AME, PUMa, CSS) ends when the summary starts reminding the patient. */
const RIGHT_REMINDER_DAYS = 45;

export interface SummarySection {
  readonly kind: EntryKind;
  readonly entries: readonly Entry[];
}

/** The date an entry is "about", for sorting newest first. */
function entryDate(e: Entry): string {
  const d = e.details;
  switch (d.kind) {
    case 'vaccination':
    case 'result':
    case 'note':
      return d.date ?? '';
    case 'condition':
    case 'medication':
      return d.since ?? '';
    case 'right':
      return d.validUntil ?? '';
    case 'allergy':
      return '';
  }
}

/** Current medicines and active problems come before past ones; then newest first. */
function rank(e: Entry): number {
  const d = e.details;
  if (d.kind === 'medication') return d.current ? 0 : 1;
  if (d.kind === 'condition') return d.active ? 0 : 1;
  if (d.kind === 'allergy') return d.severity === 'severe' ? 0 : 1;
  return 0;
}

/**
 * Groups one profile's entries for the summary: allergies, medicines, problems,
 * vaccinations, results, rights, notes. Empty sections are kept so the screen can say
 * "none recorded" and offer to add one.
 */
export function buildSummary(entries: readonly Entry[], profileId: string): SummarySection[] {
  const mine = entries.filter((e) => e.profileId === profileId);
  return ENTRY_KINDS.map((kind) => ({
    kind,
    entries: mine
      .filter((e) => e.details.kind === kind)
      .sort(
        (a, b) =>
          rank(a) - rank(b) ||
          entryDate(b).localeCompare(entryDate(a)) ||
          b.updatedAt - a.updatedAt,
      ),
  }));
}

export interface RightReminder {
  readonly entry: Entry;
  /** Whole days left; negative once the right has ended. */
  readonly daysLeft: number;
}

/** Rights that end within RIGHT_REMINDER_DAYS (or have ended), soonest first. */
export function rightReminders(
  entries: readonly Entry[],
  profileId: string,
  now = Date.now(),
): RightReminder[] {
  const today = Date.UTC(
    new Date(now).getUTCFullYear(),
    new Date(now).getUTCMonth(),
    new Date(now).getUTCDate(),
  );
  const out: RightReminder[] = [];
  for (const entry of entries) {
    const d = entry.details;
    if (entry.profileId !== profileId || d.kind !== 'right' || !d.validUntil) continue;
    if (d.validUntil.length !== 10) continue;
    const end = Date.parse(`${d.validUntil}T00:00:00Z`);
    const daysLeft = Math.round((end - today) / 86_400_000);
    if (daysLeft <= RIGHT_REMINDER_DAYS) out.push({ entry, daysLeft });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft);
}
