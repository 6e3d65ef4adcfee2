import type { CodeSystem } from './types.ts';

/**
 * Form checks for codes. They catch typing mistakes (a wrong LOINC check digit, an ATC
 * code one letter short); they cannot prove a code exists in its system.
 */

/** WHO ICD-10: a letter, two digits, then optionally a dot and one digit (`I10`, `A15.0`). */
const ICD10 = /^[A-Z]\d{2}(\.\d)?$/;
/** ICD-10-CM allows up to four characters after the dot (`N90.811`). */
const ICD10_CM = /^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/;
/**
 * WHO ATC, any level: `J` (1), `J01` (2), `J01C` (3), `J01CA` (4), `J01CA04` (5).
 */
const ATC = /^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/;
/** LOINC: up to seven digits, a dash, one check digit. */
const LOINC = /^(\d{1,7})-(\d)$/;
/** Carnet's own allergen identifiers: lower camel case. */
const LOCAL = /^[a-z][a-zA-Z0-9]*$/;
/** SNOMED CT identifier: 6 to 18 digits, the first not a zero. */
const SCTID = /^[1-9]\d{5,17}$/;
/**
 * Partition identifiers (the two digits before the check digit) of SNOMED CT *concept*
 * identifiers: `00` for the International Edition, `10` for an extension, whose seven-digit
 * namespace identifier then stands just before the partition. The other partitions name
 * descriptions, relationships and the like, which are never a code.
 */
const CONCEPT_PARTITIONS: readonly string[] = ['00', '10'];

/** True when `code` has the form of a WHO ICD-10 code. */
export function isValidIcd10(code: string): boolean {
  return ICD10.test(code);
}

/** True when `code` has the form of a WHO ATC code at any level (1 to 5). */
export function isValidAtc(code: string): boolean {
  return ATC.test(code);
}

/**
 * The LOINC check digit of the code's digits before the dash (the mod 10 algorithm that
 * LOINC publishes, the same as Luhn): from the rightmost digit leftwards, double every
 * other digit starting with the rightmost, sum the digits of the results and of the
 * undoubled digits, and return what brings the sum to a multiple of ten.
 */
export function loincCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError('LOINC code part must be digits only');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += digit;
    }
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `code` looks like `NNNN-C` and `C` is its correct check digit. */
export function isValidLoinc(code: string): boolean {
  const match = LOINC.exec(code);
  if (!match?.[1] || match[2] === undefined) return false;
  return loincCheckDigit(match[1]) === Number(match[2]);
}

/** Verhoeff dihedral group D5 multiplication table. */
const VERHOEFF_D: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
/** Verhoeff permutation table: row `i % 8` permutes the digit in position `i`. */
const VERHOEFF_P: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
/** Verhoeff inverse table. */
const VERHOEFF_INV: readonly number[] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/** Folds the digits, rightmost first, starting at position `offset`, through Verhoeff's tables. */
function verhoeffFold(digits: string, offset: number): number {
  let check = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    check = VERHOEFF_D[check]?.[VERHOEFF_P[(i + offset) % 8]?.[digit] ?? 0] ?? 0;
  }
  return check;
}

/**
 * The Verhoeff check digit SNOMED CT appends to an identifier: `digits` are the identifier
 * without its last digit (`3957900` for anaphylaxis, `39579001`). Verhoeff's scheme catches
 * every single wrong digit and every swap of two neighbouring digits.
 */
export function verhoeffCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError('Verhoeff input must be digits only');
  return VERHOEFF_INV[verhoeffFold(digits, 1)] ?? 0;
}

/**
 * True when `code` has the form of a SNOMED CT concept identifier (SCTID): 6 to 18 digits
 * with no leading zero, a concept partition identifier (`00`, or `10` with room for a
 * namespace) and a right Verhoeff check digit. It cannot tell whether the concept exists.
 */
export function isValidSctid(code: string): boolean {
  if (!SCTID.test(code)) return false;
  const partition = code.slice(-3, -1);
  if (!CONCEPT_PARTITIONS.includes(partition)) return false;
  // An extension identifier holds item, seven-digit namespace, partition and check digit.
  if (partition === '10' && code.length < 11) return false;
  return verhoeffFold(code, 0) === 0;
}

/** True when `code` has the form its system requires. */
export function isValidCode(system: CodeSystem, code: string): boolean {
  switch (system) {
    case 'icd10':
      return isValidIcd10(code);
    case 'icd10-cm':
      return ICD10_CM.test(code);
    case 'atc':
      return isValidAtc(code);
    case 'loinc':
      return isValidLoinc(code);
    case 'snomed':
      return isValidSctid(code);
    case 'carnet-allergen':
      return LOCAL.test(code);
  }
}
