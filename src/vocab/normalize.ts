/**
 * Text folding for search: two spellings a patient would consider the same word fold to
 * the same string. Case, Latin and Cyrillic accents, Arabic-script vowel marks and letter
 * variants are folded; the vowel signs of Indic scripts (Bengali, Tamil) are kept, since
 * they are letters there, not accents.
 */

/**
 * Builds a character class from code point ranges. Written as ranges rather than a regex
 * literal because a literal class of combining marks reads as one glyph and trips the
 * misleading-character-class lint.
 */
function charClass(ranges: readonly (readonly [number, number])[]): RegExp {
  const hex = (n: number): string => `\\u{${n.toString(16)}}`;
  return new RegExp(`[${ranges.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')}]`, 'gu');
}

/**
 * Combining marks that are accents rather than letters: Latin, Greek and Cyrillic
 * diacritics, Hebrew points, Arabic harakat, Quranic marks and the superscript alef.
 */
const ACCENT_MARKS = charClass([
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x0591, 0x05c7],
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06ed],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
]);

/** Arabic-script letters written several ways across Arabic, Dari, Pashto and Urdu. */
const LETTER_VARIANTS: Readonly<Record<string, string>> = {
  '\u0671': '\u0627', // alef wasla -> alef
  '\u0649': '\u064a', // alef maqsura -> yeh
  '\u06cc': '\u064a', // Farsi yeh -> yeh
  '\u06d0': '\u064a', // Pashto yeh -> yeh
  '\u06a9': '\u0643', // keheh -> kaf
  '\u0629': '\u0647', // teh marbuta -> heh
  '\u06c1': '\u0647', // heh goal (Urdu) -> heh
  '\u06be': '\u0647', // heh doachashmee (Urdu) -> heh
  '\u06d5': '\u0647', // ae -> heh
  '\u0131': 'i', // Turkish dotless i
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
};
const VARIANT_PATTERN = new RegExp(`[${Object.keys(LETTER_VARIANTS).join('')}]`, 'g');

/** Tatweel (Arabic elongation) and the zero-width joiners used inside Persian words. */
const INVISIBLE = charClass([
  [0x0640, 0x0640],
  [0x00ad, 0x00ad],
  [0x200c, 0x200f],
]);

/** Arabic-Indic and Extended Arabic-Indic digits, so a code typed with them still matches. */
const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/**
 * Folds text for matching: lower case, NFD, accents and Arabic marks removed, letter
 * variants unified, then NFC again so scripts whose marks are kept compare consistently.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(ACCENT_MARKS, '')
    .replace(INVISIBLE, '')
    .replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .replace(VARIANT_PATTERN, (c) => LETTER_VARIANTS[c] ?? c)
    .normalize('NFC');
}

/** Word characters: letters, digits and the combining marks that remain after folding. */
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;

/** Splits folded text into words; punctuation, spaces and symbols separate them. */
export function words(folded: string): string[] {
  return folded.split(SEPARATORS).filter((w) => w.length > 0);
}

/** A code folded for comparison: upper case, without dots, dashes or spaces (`a15.0` -> `A150`). */
export function foldCode(code: string): string {
  return foldText(code)
    .toUpperCase()
    .replace(/[\s.\-_]/g, '');
}
