import type { Entry, EntryKind } from './types.ts';
import { ENTRY_KINDS } from './types.ts';

export interface SummarySection {
  readonly kind: EntryKind;
  /** The section's entries, most relevant first (see `buildSummary`). */
  readonly entries: readonly Entry[];
  /**
   * How many entries at the head of `entries` must never be cut from the first view:
   * severe allergies (all of them, they come first). 0 for every other kind.
   */
  readonly mustShow: number;
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

/** An entry with its sort keys worked out once, not at each comparison. */
interface Keyed {
  readonly entry: Entry;
  readonly rank: number;
  readonly date: string;
}

function byRelevance(a: Keyed, b: Keyed): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  // ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) order as strings; '' (no date) comes last.
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return b.entry.updatedAt - a.entry.updatedAt;
}

/**
 * Groups one profile's entries for the summary: allergies, medicines, problems,
 * vaccinations, results, rights and papers, notes. Empty sections are kept so the screen can say
 * "none recorded" and offer to add one. One pass over the record, then one sort per section.
 */
export function buildSummary(entries: readonly Entry[], profileId: string): SummarySection[] {
  const buckets = new Map<EntryKind, Keyed[]>(ENTRY_KINDS.map((kind) => [kind, []]));
  for (const entry of entries) {
    if (entry.profileId !== profileId) continue;
    buckets.get(entry.details.kind)?.push({ entry, rank: rank(entry), date: entryDate(entry) });
  }
  return ENTRY_KINDS.map((kind) => {
    const keyed = (buckets.get(kind) ?? []).sort(byRelevance);
    return {
      kind,
      entries: keyed.map((k) => k.entry),
      mustShow: kind === 'allergy' ? keyed.filter((k) => k.rank === 0).length : 0,
    };
  });
}

/**
 * How many items a section shows before "show more": enough for a doctor's first look at
 * what matters most (current medicines and active problems come first), few enough that
 * a long record draws as fast as a short one on a cheap phone.
 */
export const FIRST_PAGE: Readonly<Record<EntryKind, number>> = {
  allergy: 10,
  medication: 10,
  condition: 10,
  vaccination: 5,
  result: 5,
  right: 5,
  note: 5,
};

/** How many more items each "show more" reveals. */
export const NEXT_PAGE = 20;

/**
 * How many of `section`'s entries are shown after `pages` views (1: the first view, each
 * "show more" adds one). SAFETY: never fewer than `mustShow`, so every severe allergy is on
 * the first view, whatever the page size.
 */
export function shownCount(section: SummarySection, pages: number): number {
  const first = Math.max(FIRST_PAGE[section.kind], section.mustShow);
  const wanted = first + Math.max(0, Math.floor(pages) - 1) * NEXT_PAGE;
  return Math.min(section.entries.length, wanted);
}

/** How many entries the next "show more" of `section` reveals, after `pages` views; 0: none left. */
export function nextPageCount(section: SummarySection, pages: number): number {
  return Math.min(NEXT_PAGE, section.entries.length - shownCount(section, pages));
}
