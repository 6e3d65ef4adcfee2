/**
 * Text checks of `npm run i18n:check` that read a string's words rather than its keys:
 * French administrative words left untranslated inside another language's sentence, and
 * placeholders (empty strings, TODO markers, the source text wrapped in brackets). Pure
 * functions, tested in i18n-check-lib.test.ts.
 */

/**
 * French words that must never stand untranslated in another language's sentence: a
 * patient who reads "domiciliation" or "récépissé" in the middle of Dari learns nothing.
 * Each may still appear in parentheses after a translation, so that the patient can show
 * the French term to French staff ("postal address from an association (domiciliation)").
 * Words here must not be ordinary words of another Carnet language: "attestation" (English)
 * and "vaccin" (Romanian) are left out for that reason. Matched case-insensitively, as
 * whole words, with and without accents.
 */
export const FRENCH_WORDS: readonly string[] = [
  'domiciliation',
  'domicilié',
  'ordonnance',
  'récépissé',
  'médecin',
  'sage-femme',
  'titre de séjour',
  'carte de séjour',
  'demande d’asile',
  'aide médicale',
  'sécurité sociale',
  'assurance maladie',
  'complémentaire santé',
  'mutuelle',
  'carnet de santé',
  'carnet de vaccination',
  'compte rendu',
  'prise de sang',
  'sans domicile',
  'porteur inactif',
  'préfecture',
  'hébergement',
  'courrier',
  'pharmacie',
  'urgences',
];

/** One exception to {@link FRENCH_WORDS}, with the reason a reviewer accepted it. */
export interface FrenchAllowance {
  /** Languages it applies to; `*` for every language. */
  readonly languages: readonly string[];
  /** `ns:key`, or `*` for every key. */
  readonly key: string;
  /** The French word allowed there, as written in {@link FRENCH_WORDS}. */
  readonly word: string;
  readonly reason: string;
}

/** Reads scripts/i18n-french-allowed.json, rejecting an entry without a reason. */
export function parseFrenchAllowList(json: unknown): FrenchAllowance[] {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new TypeError('French allow-list: not an object');
  }
  const { allowed } = json as Record<string, unknown>;
  if (!Array.isArray(allowed)) throw new TypeError('French allow-list: "allowed" must be a list');
  return allowed.map((entry: unknown, i) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
    if (
      !Array.isArray(e.languages) ||
      e.languages.length === 0 ||
      !e.languages.every(text) ||
      !text(e.key) ||
      !text(e.word) ||
      !text(e.reason)
    ) {
      throw new TypeError(
        `French allow-list: entry ${i} needs languages, key, word and a non-empty reason`,
      );
    }
    return { languages: e.languages, key: e.key, word: e.word, reason: e.reason };
  });
}

const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’ʼ]/g, "'").toLowerCase();

/** `[start, end)` spans of the text inside (...) or full-width （...）, outermost only. */
function parenthesisedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '（') {
      if (depth === 0) start = i;
      depth++;
    } else if ((c === ')' || c === '）') && depth > 0) {
      depth--;
      if (depth === 0) spans.push([start, i + 1]);
    }
  }
  return spans;
}

/**
 * The words of {@link FRENCH_WORDS} that `raw` leaves untranslated. A word is accepted only
 * as the French term given after a translation: inside parentheses that follow translated
 * text, and first in them or first after a separator. Comparison ignores case and accents.
 */
export function frenchLeftovers(raw: string, words: readonly string[] = FRENCH_WORDS): string[] {
  const text = raw.normalize('NFC');
  // Fold one code point at a time, padded to its own length, so that an index in the folded
  // text is the same index in the original.
  const folded = [...text]
    .map((c) => {
      const f = fold(c);
      return f.length === c.length ? f : `${f}${' '.repeat(c.length)}`.slice(0, c.length);
    })
    .join('');
  const spans = parenthesisedSpans(text);
  const found: string[] = [];
  for (const word of words) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${fold(word)
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/[ -]/g, '[\\s\\-\u2011]')}(?![\\p{L}\\p{N}])`,
      'gu',
    );
    for (const match of folded.matchAll(pattern)) {
      const span = spans.find(([s, e]) => s < match.index && match.index < e);
      // The French term shown to French staff: inside parentheses that follow a translation,
      // first in them or first after a separator ("PUMa (health insurance, Sécurité sociale)").
      // Not a word in a translated list that happens to sit in parentheses.
      if (
        span &&
        /[\p{L}\p{N}]/u.test(text.slice(0, span[0])) &&
        /(^|[,;:/—–،؛፣፡，、；])\s*$/u.test(text.slice(span[0] + 1, match.index))
      ) {
        continue;
      }
      found.push(word);
      break;
    }
  }
  return found;
}

/** True when `allow` lets `word` stand at `ns:key` in `lng`. */
export function frenchAllowed(
  allow: readonly FrenchAllowance[],
  lng: string,
  id: string,
  word: string,
): boolean {
  return allow.some(
    (a) =>
      (a.languages.includes('*') || a.languages.includes(lng)) &&
      (a.key === '*' || a.key === id) &&
      fold(a.word) === fold(word),
  );
}

/** Markers that wrap untranslated source text: `[Save]`, `__Save__`, `<Save>`... */
const WRAPPERS: readonly (readonly [string, string])[] = [
  ['[', ']'],
  ['<', '>'],
  ['__', '__'],
  ['**', '**'],
  ['##', '##'],
  ['!!', '!!'],
  ['@@', '@@'],
];

/**
 * Why `value` looks like a placeholder rather than a translation, or undefined. `sources`
 * are the French and English strings of the same key: a translation that still holds one of
 * them wrapped in markers was never translated. TODO, TBD, FIXME and XXX count only in
 * capitals ("todo" is Spanish and Portuguese for "all").
 */
export function placeholderReason(
  value: string,
  sources: readonly (string | undefined)[] = [],
): string | undefined {
  if (value.trim() === '') return 'empty string';
  const marker = /(?<![\p{L}\p{N}])(TODO|TBD|FIXME|XXX)(?![\p{L}\p{N}])/u.exec(value);
  if (marker) return `placeholder marker "${marker[1]}"`;
  const tag = /\[(?:[a-z]{2,3}(?:-[A-Za-z]{2,4})?|[A-Z]{2,3})\]/.exec(value);
  if (tag) return `language tag "${tag[0]}" left in the text`;
  if (value.includes('???')) return 'placeholder "???"';
  if (/lorem ipsum/i.test(value)) return 'lorem ipsum';
  for (const source of sources) {
    const s = source?.trim();
    if (!s || !/\p{L}/u.test(s)) continue;
    for (const [open, close] of WRAPPERS) {
      if (value.includes(`${open}${s}${close}`)) {
        return `source text left in markers: "${open}${s}${close}"`;
      }
    }
  }
  return undefined;
}
