import type { Entry, EntryKind } from './types.ts';
import { ENTRY_KINDS } from './types.ts';

export interface SummarySection {
  readonly kind: EntryKind;
  readonly entries: readonly Entry[];
}

/**
 * The summary's two parts: health first, then administrative papers and rights (asylum
 * papers, residence permit, domiciliation, AME, CSS, PUMa) under their own heading, so a
 * medical screen and a paper never mix.
 */
export const SUMMARY_GROUPS = ['health', 'admin'] as const;
export type SummaryGroup = (typeof SUMMARY_GROUPS)[number];

/** Which part of the summary a kind of entry belongs to. */
export function groupOf(kind: EntryKind): SummaryGroup {
  return kind === 'right' ? 'admin' : 'health';
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
 * vaccinations, results, rights and papers, notes. Empty sections are kept so the screen can say
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
