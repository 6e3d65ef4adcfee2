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
    case 'carnet-allergen':
      return LOCAL.test(code);
  }
}
