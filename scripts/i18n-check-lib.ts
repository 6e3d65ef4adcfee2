/**
 * The pure logic of `npm run i18n:check`: flattening locale files, coverage, interpolation
 * variables, plural categories, strings left in English, French words left in other
 * languages, placeholders, and `_meta.json`. No file access here, so every rule can be
 * tested on small inputs.
 */
import {
  frenchAllowed,
  frenchLeftovers,
  placeholderReason,
  type FrenchAllowance,
} from './i18n-check-text.ts';

/** A locale namespace flattened to dotted keys -> strings. */
export type FlatStrings = Readonly<Record<string, string>>;

/** CLDR plural categories, in the order i18next suffixes use them. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** The namespace whose keys must be complete in every language, shipped or not. */
export const VOCAB_NAMESPACE = 'vocab';

export type ProblemKind =
  | 'missing'
  | 'variables'
  | 'plural'
  | 'identical'
  | 'french'
  | 'placeholder'
  | 'meta'
  | 'json'
  | 'extra';

/** One finding. `fatal` problems make the check exit 1; the others are printed only. */
export interface Problem {
  readonly lng: string;
  readonly ns: string;
  readonly key: string;
  readonly kind: ProblemKind;
  readonly message: string;
  readonly fatal: boolean;
}

/** Turns nested JSON into dotted keys. Non-string leaves are reported through `onBadValue`. */
export function flattenKeys(
  json: unknown,
  onBadValue: (key: string) => void = () => undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (value: unknown, prefix: string): void => {
    if (typeof value === 'string') out[prefix] = value;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
    } else onBadValue(prefix);
  };
  walk(json, '');
  return out;
}

/** The `{{variable}}` names a string uses, sorted, without format options (`{{n, number}}` -> n). */
export function interpolationVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\{\s*-?\s*([^,}\s]+)[^}]*\}\}/g)) {
    if (match[1]) names.add(match[1]);
  }
  return [...names].sort();
}

/** Splits `items_one` into `{ base: 'items', category: 'one' }`; undefined if not a plural form. */
export function splitPluralKey(
  key: string,
): { base: string; category: PluralCategory } | undefined {
  const match = /^(.+)_(zero|one|two|few|many|other)$/.exec(key);
  if (!match?.[1] || !match[2]) return undefined;
  return { base: match[1], category: match[2] as PluralCategory };
}

/** The plural categories the language's CLDR rules use, as `Intl.PluralRules` reports them. */
export function requiredPluralCategories(lng: string): PluralCategory[] {
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
  return PLURAL_CATEGORIES.filter((c) => categories.includes(c));
}

/**
 * The keys French defines, grouped: plain keys, and plural bases (a base is any key that
 * French writes with an `_one` or `_other` suffix). Coverage counts each base once.
 */
export function logicalKeys(reference: FlatStrings): { plain: string[]; plural: string[] } {
  const plural = new Set<string>();
  for (const key of Object.keys(reference)) {
    const split = splitPluralKey(key);
    if (split && (split.category === 'one' || split.category === 'other')) plural.add(split.base);
  }
  const plain = Object.keys(reference).filter((key) => {
    const split = splitPluralKey(key);
    return !(split && plural.has(split.base));
  });
  return { plain, plural: [...plural] };
}

/** Strings that say nothing translatable: numbers, symbols, only `{{variables}}`. */
export function hasWords(text: string): boolean {
  return /\p{L}/u.test(text.replace(/\{\{[^}]*\}\}/g, '').replace(/\$t\([^)]*\)/g, ''));
}

/** Exceptions to the "identical to English" rule. */
export interface IdenticalAllowList {
  /** Strings allowed to equal English in any language (compared case-insensitively). */
  readonly values?: readonly string[];
  /** `ns:key` allowed in any language. */
  readonly keys?: readonly string[];
  /** Per language: `ns:key` allowed there. */
  readonly languages?: Readonly<Record<string, readonly string[]>>;
  /** Per language: strings allowed there wherever they appear (cognates: "Date", "Documents"). */
  readonly languageValues?: Readonly<Record<string, readonly string[]>>;
}

/** Reads the allow-list file's JSON, rejecting anything not shaped like one. */
export function parseAllowList(json: unknown): IdenticalAllowList {
  const isStrings = (v: unknown): v is string[] =>
    Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (json === null || typeof json !== 'object') throw new TypeError('allow-list: not an object');
  const { values, keys, languages, languageValues } = json as Record<string, unknown>;
  if (values !== undefined && !isStrings(values)) throw new TypeError('allow-list: bad values');
  if (keys !== undefined && !isStrings(keys)) throw new TypeError('allow-list: bad keys');
  const perLanguage = (
    field: string,
    value: unknown,
  ): Readonly<Record<string, readonly string[]>> | undefined => {
    if (value === undefined) return undefined;
    if (value === null || typeof value !== 'object') {
      throw new TypeError(`allow-list: bad ${field}`);
    }
    for (const [lng, list] of Object.entries(value)) {
      if (!isStrings(list)) throw new TypeError(`allow-list: bad ${field} for ${lng}`);
    }
    return value as Readonly<Record<string, readonly string[]>>;
  };
  return {
    values,
    keys,
    languages: perLanguage('languages', languages),
    languageValues: perLanguage('languageValues', languageValues),
  };
}

/** True when `value`, found at `ns:key` in `lng`, may equal the English string. */
export function identicalAllowed(
  allow: IdenticalAllowList,
  lng: string,
  ns: string,
  key: string,
  value: string,
): boolean {
  const id = `${ns}:${key}`;
  const folded = value.trim().toLowerCase();
  const same = (v: string): boolean => v.trim().toLowerCase() === folded;
  return (
    !hasWords(value) ||
    (allow.values ?? []).some(same) ||
    (allow.languageValues?.[lng] ?? []).some(same) ||
    (allow.keys ?? []).includes(id) ||
    (allow.languages?.[lng] ?? []).includes(id)
  );
}

/** How much of one namespace a language has, and what is wrong with it. */
export interface NamespaceResult {
  readonly present: number;
  readonly total: number;
  readonly problems: Problem[];
}

/** What {@link checkNamespace} compares. */
export interface NamespaceInput {
  readonly lng: string;
  readonly ns: string;
  /** The French strings: the reference for keys and variables. */
  readonly reference: FlatStrings;
  /** The English strings, for the "identical to English" rule; absent for English itself. */
  readonly english?: FlatStrings;
  /** The language's strings; undefined when its file does not exist. */
  readonly strings?: FlatStrings;
  /** Missing keys are fatal (shipped languages, and the vocabulary everywhere). */
  readonly mustBeComplete: boolean;
  readonly allow: IdenticalAllowList;
  /** French words accepted, with a reason, where {@link frenchLeftovers} would reject them. */
  readonly frenchAllow?: readonly FrenchAllowance[];
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const withoutCount = (vars: readonly string[]): string[] => vars.filter((v) => v !== 'count');

/** Checks one namespace of one language against French (and English). */
export function checkNamespace(input: NamespaceInput): NamespaceResult {
  const { lng, ns, reference, english, strings = {}, mustBeComplete, allow } = input;
  const problems: Problem[] = [];
  const report = (key: string, kind: ProblemKind, message: string, fatal = true): void => {
    problems.push({ lng, ns, key, kind, message, fatal });
  };
  const filled = (key: string): string | undefined => {
    const v = strings[key];
    return v !== undefined && v.trim() !== '' ? v : undefined;
  };
  const compareVariables = (key: string, want: string[], got: string[]): void => {
    if (sameList(want, got)) return;
    report(key, 'variables', `variables {${got.join(', ')}} but French has {${want.join(', ')}}`);
  };
  const checkIdentical = (key: string, value: string): void => {
    if (lng === 'en' || english === undefined) return;
    if (english[key] === value && !identicalAllowed(allow, lng, ns, key, value)) {
      report(key, 'identical', `same as English: "${value}"`);
    }
  };
  const checkText = (key: string, sourceKey: string): void => {
    for (const [kind, message] of textProblems(input, key, sourceKey)) report(key, kind, message);
  };

  const { plain, plural } = logicalKeys(reference);
  let present = 0;
  for (const key of plain) {
    checkText(key, key);
    const value = filled(key);
    if (value === undefined) {
      // A blank string is reported once, as a placeholder (i18next would show it blank).
      if (strings[key] === undefined) report(key, 'missing', 'missing', mustBeComplete);
      continue;
    }
    present++;
    compareVariables(
      key,
      interpolationVariables(reference[key] ?? ''),
      interpolationVariables(value),
    );
    checkIdentical(key, value);
  }

  const required = requiredPluralCategories(lng);
  for (const base of plural) {
    for (const category of PLURAL_CATEGORIES) {
      const key = `${base}_${category}`;
      checkText(key, key in reference ? key : `${base}_other`);
    }
    const forms = PLURAL_CATEGORIES.filter((c) => filled(`${base}_${c}`) !== undefined);
    if (forms.length === 0) {
      report(base, 'missing', 'missing (plural)', mustBeComplete);
      continue;
    }
    present++;
    const lacking = required.filter((c) => !forms.includes(c));
    if (lacking.length > 0) {
      report(base, 'plural', `plural forms missing: ${lacking.map((c) => `_${c}`).join(', ')}`);
    }
    for (const category of forms) {
      const key = `${base}_${category}`;
      const value = filled(key) ?? '';
      const french = reference[key] ?? reference[`${base}_other`] ?? '';
      compareVariables(
        key,
        withoutCount(interpolationVariables(french)),
        withoutCount(interpolationVariables(value)),
      );
      checkIdentical(key, value);
    }
  }

  for (const key of extraKeys(reference, strings, plural)) {
    report(key, 'extra', 'not in French (unused?)', false);
  }
  return { present, total: plain.length + plural.length, problems };
}

/** Placeholders in any language; French words in every language but French. */
function textProblems(
  input: NamespaceInput,
  key: string,
  sourceKey: string,
): [ProblemKind, string][] {
  const { lng, ns, reference, english, strings = {} } = input;
  const value = strings[key];
  if (value === undefined) return [];
  const found: [ProblemKind, string][] = [];
  const sources =
    lng === 'fr' ? [english?.[sourceKey]] : [reference[sourceKey], english?.[sourceKey]];
  const reason = placeholderReason(value, sources);
  if (reason) found.push(['placeholder', reason]);
  if (lng === 'fr') return found;
  for (const word of frenchLeftovers(value)) {
    if (!frenchAllowed(input.frenchAllow ?? [], lng, `${ns}:${key}`, word)) {
      found.push(['french', `French "${word}" left untranslated: "${value}"`]);
    }
  }
  return found;
}

/** Keys a language has that French has not (leftovers of a renamed key, or typos). */
function extraKeys(
  reference: FlatStrings,
  strings: FlatStrings,
  plural: readonly string[],
): string[] {
  const pluralBases = new Set(plural);
  return Object.keys(strings).filter((key) => {
    const split = splitPluralKey(key);
    return !(key in reference || (split && pluralBases.has(split.base)));
  });
}

/**
 * The `ns:key` ids a `_meta.json` "reviewFirst" list may name: every French key, and every
 * plural base (`share:list.sensitiveCount` for `sensitiveCount_one` and `_other`).
 */
export function reviewableKeys(reference: ReadonlyMap<string, FlatStrings>): Set<string> {
  const ids = new Set<string>();
  for (const [ns, strings] of reference) {
    for (const key of Object.keys(strings)) {
      ids.add(`${ns}:${key}`);
      const split = splitPluralKey(key);
      if (split) ids.add(`${ns}:${split.base}`);
    }
  }
  return ids;
}

/**
 * Checks a parsed `_meta.json`: `{ author, reviewed, reviewedBy, notes, notice?,
 * reviewFirst }`, where `reviewedBy` names the reviewer exactly when `reviewed` is true, the
 * optional `notice` says, in the language itself, that the translation is not reviewed, and
 * `reviewFirst` lists, as `namespace:key`, the strings a professional reviewer must confirm
 * before any other (safety-critical wording, and terms the drafter was unsure of). When
 * `knownKeys` is given, every id in `reviewFirst` must be one of them. Returns what is wrong
 * (empty when fine).
 */
export function validateMeta(json: unknown, knownKeys?: ReadonlySet<string>): string[] {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return ['not an object'];
  const meta = json as Record<string, unknown>;
  const errors: string[] = [];
  if (typeof meta.author !== 'string' || meta.author.trim() === '') {
    errors.push('"author" must be a non-empty string');
  }
  if (typeof meta.reviewed !== 'boolean') errors.push('"reviewed" must be true or false');
  const by = meta.reviewedBy;
  if (by !== null && (typeof by !== 'string' || by.trim() === '')) {
    errors.push('"reviewedBy" must be null or a non-empty string');
  }
  if (meta.reviewed === true && typeof by !== 'string') {
    errors.push('"reviewed": true needs "reviewedBy" to name the reviewer');
  }
  if (meta.reviewed === false && by !== null) {
    errors.push('"reviewedBy" must be null while "reviewed" is false');
  }
  if (typeof meta.notes !== 'string') errors.push('"notes" must be a string');
  if (meta.notice !== undefined && (typeof meta.notice !== 'string' || meta.notice.trim() === '')) {
    errors.push('"notice", when present, must be a non-empty string');
  }
  errors.push(...validateReviewFirst(meta.reviewFirst, knownKeys));
  return errors;
}

function validateReviewFirst(list: unknown, knownKeys?: ReadonlySet<string>): string[] {
  if (!Array.isArray(list) || list.length === 0) {
    return ['"reviewFirst" must be a non-empty list of "namespace:key" strings'];
  }
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const id of list) {
    if (typeof id !== 'string' || !/^[a-z][\w-]*:[\w.-]+$/.test(id)) {
      errors.push(`"reviewFirst": ${JSON.stringify(id)} is not a "namespace:key" string`);
    } else if (seen.has(id)) {
      errors.push(`"reviewFirst": ${id} is listed twice`);
    } else if (knownKeys && !knownKeys.has(id)) {
      errors.push(`"reviewFirst": ${id} is not a key of the French locale`);
    }
    if (typeof id === 'string') seen.add(id);
  }
  return errors;
}
