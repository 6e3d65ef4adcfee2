import { foldCode, foldText, words } from './normalize.ts';
import { TERMS } from './terms.ts';
import type { LabelMap, Term, TermKind } from './types.ts';

/**
 * Vocabulary search for the term picker. It matches what the patient types against the
 * labels of the languages given (the patient's, then French) and against the codes, ignoring
 * case and accents, and finds a term from the first letters of any word of its label.
 * Labels come in as plain maps so this module stays free of i18next and React.
 */

/** How well a term matched; lower is better. */
export const MatchRank = {
  /** The whole label, or the whole code, equals the query. */
  exact: 0,
  /** The label, or the code, starts with the query. */
  prefix: 1,
  /** Every word of the query starts a word of the label, in any order. */
  wordPrefix: 2,
  /**
   * The query appears inside the label: 3 characters or more, or any length in scripts
   * written without spaces between words (Chinese), where "inside" is the only way in.
   */
  substring: 3,
} as const;
export type MatchRank = (typeof MatchRank)[keyof typeof MatchRank];

/** One result: the term, the label that matched (or the code) and in which language. */
export interface SearchHit {
  readonly term: Term;
  readonly rank: MatchRank;
  /** The language whose label matched, or `'code'` when the code matched. */
  readonly matchedIn: string;
  /** The label (or code) that matched, as written. */
  readonly matched: string;
}

/** Options of {@link searchTerms}. */
export interface SearchOptions {
  /** Only terms of this kind, or of these kinds. */
  readonly kind?: TermKind | readonly TermKind[];
  /** Languages to match in, in order of preference: usually `[patientLanguage, 'fr']`. */
  readonly languages: readonly string[];
  /** Label maps by language; a language missing here is skipped. */
  readonly labels: Readonly<Record<string, LabelMap>>;
  /** At most this many hits (default 30). */
  readonly limit?: number;
  /** The terms to search (default: the whole vocabulary). */
  readonly terms?: readonly Term[];
}

/** Han ideographs: Chinese labels have no spaces, so a word may start anywhere. */
const NO_SPACES = /\p{Script=Han}/u;

interface IndexedLabel {
  readonly term: Term;
  readonly label: string;
  readonly folded: string;
  readonly words: readonly string[];
}

/** Folded labels of one language, built once per label map and term list. */
type LanguageIndex = readonly IndexedLabel[];

const labelIndexes = new WeakMap<LabelMap, WeakMap<readonly Term[], LanguageIndex>>();
const codeIndexes = new WeakMap<readonly Term[], readonly string[]>();

function languageIndex(labels: LabelMap, terms: readonly Term[]): LanguageIndex {
  let perTerms = labelIndexes.get(labels);
  if (!perTerms) {
    perTerms = new WeakMap();
    labelIndexes.set(labels, perTerms);
  }
  let index = perTerms.get(terms);
  if (!index) {
    const built: IndexedLabel[] = [];
    for (const term of terms) {
      const label = labels[term.key];
      if (!label) continue;
      const folded = foldText(label);
      built.push({ term, label, folded, words: words(folded) });
    }
    index = built;
    perTerms.set(terms, index);
  }
  return index;
}

function codeIndex(terms: readonly Term[]): readonly string[] {
  let index = codeIndexes.get(terms);
  if (!index) {
    index = terms.map((t) => foldCode(t.code));
    codeIndexes.set(terms, index);
  }
  return index;
}

/** How `entry` matches the folded query, or undefined when it does not. */
function rankLabel(
  entry: IndexedLabel,
  query: string,
  queryWords: readonly string[],
): MatchRank | undefined {
  if (entry.folded === query) return MatchRank.exact;
  if (entry.folded.startsWith(query)) return MatchRank.prefix;
  if (queryWords.length > 0 && queryWords.every((q) => entry.words.some((w) => w.startsWith(q)))) {
    return MatchRank.wordPrefix;
  }
  if ((query.length >= 3 || NO_SPACES.test(query)) && entry.folded.includes(query)) {
    return MatchRank.substring;
  }
  return undefined;
}

/**
 * Finds terms whose label (in one of `languages`) or code matches `query`. Results are
 * ordered by rank, then by language preference, then by shorter label; each term appears
 * once, with its best match. Codes match when the query holds a digit (`E11`, `J01CA04`,
 * `4548-4`), ignoring dots and dashes. An empty query finds nothing.
 */
export function searchTerms(query: string, options: SearchOptions): SearchHit[] {
  const terms = options.terms ?? TERMS;
  const limit = options.limit ?? 30;
  const folded = foldText(query).trim();
  if (folded.length === 0 || limit <= 0) return [];
  const queryWords = words(folded);
  const kinds = options.kind === undefined ? undefined : [options.kind].flat();
  const wanted = (t: Term): boolean => kinds === undefined || kinds.includes(t.kind);

  const best = new Map<Term, { hit: SearchHit; order: number; length: number }>();
  const offer = (hit: SearchHit, order: number): void => {
    const previous = best.get(hit.term);
    const length = hit.matched.length;
    if (
      !previous ||
      hit.rank < previous.hit.rank ||
      (hit.rank === previous.hit.rank && order < previous.order)
    ) {
      best.set(hit.term, { hit, order, length });
    }
  };

  if (/\d/.test(folded)) {
    const code = foldCode(query);
    const codes = codeIndex(terms);
    terms.forEach((term, i) => {
      const candidate = codes[i];
      if (candidate === undefined || !wanted(term) || !candidate.startsWith(code)) return;
      const rank = candidate === code ? MatchRank.exact : MatchRank.prefix;
      offer({ term, rank, matchedIn: 'code', matched: term.code }, -1);
    });
  }

  options.languages.forEach((lng, order) => {
    const labels = options.labels[lng];
    if (!labels) return;
    for (const entry of languageIndex(labels, terms)) {
      if (!wanted(entry.term)) continue;
      const rank = rankLabel(entry, folded, queryWords);
      if (rank === undefined) continue;
      offer({ term: entry.term, rank, matchedIn: lng, matched: entry.label }, order);
    }
  });

  return [...best.values()]
    .sort(
      (a, b) =>
        a.hit.rank - b.hit.rank ||
        a.order - b.order ||
        a.length - b.length ||
        a.hit.matched.localeCompare(b.hit.matched),
    )
    .slice(0, limit)
    .map((b) => b.hit);
}
