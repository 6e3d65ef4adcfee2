import { describe, expect, it } from 'vitest';
import { isValidAtc, isValidCode, isValidIcd10, isValidLoinc, loincCheckDigit } from './codes.ts';

describe('loincCheckDigit', () => {
  it('computes the check digit of published codes', () => {
    // The worked example LOINC gives: 12345 -> 5.
    expect(loincCheckDigit('12345')).toBe(5);
    expect(loincCheckDigit('4548')).toBe(4); // HbA1c
    expect(loincCheckDigit('2160')).toBe(0); // creatinine
    expect(loincCheckDigit('718')).toBe(7); // haemoglobin
    expect(loincCheckDigit('24467')).toBe(3); // CD4
    expect(loincCheckDigit('20447')).toBe(9); // HIV viral load
  });

  it('rejects non-digits', () => {
    expect(() => loincCheckDigit('12a')).toThrow(RangeError);
    expect(() => loincCheckDigit('')).toThrow(RangeError);
  });
});

describe('isValidLoinc', () => {
  it('accepts well-formed codes with the right check digit', () => {
    expect(isValidLoinc('4548-4')).toBe(true);
    expect(isValidLoinc('2160-0')).toBe(true);
  });

  it('rejects a wrong check digit, a swapped pair and malformed codes', () => {
    expect(isValidLoinc('4548-5')).toBe(false);
    expect(isValidLoinc('4584-4')).toBe(false);
    expect(isValidLoinc('4548')).toBe(false);
    expect(isValidLoinc('4548-44')).toBe(false);
    expect(isValidLoinc('LP4548-4')).toBe(false);
  });
});

describe('isValidIcd10', () => {
  it('accepts categories and subcategories', () => {
    for (const code of ['I10', 'E11', 'A15.0', 'F43.1', 'Z22.7', 'B24']) {
      expect(isValidIcd10(code)).toBe(true);
    }
  });

  it('rejects other forms', () => {
    for (const code of ['i10', 'E1', 'A15.', 'A150', 'N90.811', 'AA5.0']) {
      expect(isValidIcd10(code)).toBe(false);
    }
    expect(isValidCode('icd10-cm', 'N90.811')).toBe(true);
  });
});

describe('isValidAtc', () => {
  it('accepts every level', () => {
    for (const code of ['J', 'J01', 'J01C', 'J01CA', 'J01CA04', 'J05AP55']) {
      expect(isValidAtc(code)).toBe(true);
    }
  });

  it('rejects malformed codes', () => {
    for (const code of ['J1', 'J01C4', 'J01CA4', 'J01CA044', 'j01ca04', '01CA04']) {
      expect(isValidAtc(code)).toBe(false);
    }
  });
});
