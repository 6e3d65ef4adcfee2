import { describe, expect, it } from 'vitest';
import {
  isValidAtc,
  isValidCode,
  isValidIcd10,
  isValidLoinc,
  isValidSctid,
  loincCheckDigit,
  verhoeffCheckDigit,
} from './codes.ts';

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

describe('verhoeffCheckDigit', () => {
  it('computes the check digit SNOMED CT identifiers end in', () => {
    expect(verhoeffCheckDigit('3957900')).toBe(1); // 39579001 anaphylaxis
    expect(verhoeffCheckDigit('76295200')).toBe(8); // 762952008 peanut
    expect(verhoeffCheckDigit('2664300')).toBe(6); // 26643006 oral route
    expect(verhoeffCheckDigit('44257100012410')).toBe(8); // 442571000124108, an extension
    // The worked example usually given for Verhoeff's scheme: 236 -> 3.
    expect(verhoeffCheckDigit('236')).toBe(3);
  });

  it('rejects non-digits', () => {
    expect(() => verhoeffCheckDigit('12a')).toThrow(RangeError);
    expect(() => verhoeffCheckDigit('')).toThrow(RangeError);
  });
});

describe('isValidSctid', () => {
  it('accepts real concept identifiers, short and with a namespace', () => {
    for (const code of [
      '39579001', // Anaphylaxis (disorder)
      '126485001', // Urticaria (disorder)
      '762952008', // Peanut (substance)
      '26643006', // Oral route (qualifier value)
      '4386001', // Bronchospasm (finding)
      '442571000124108', // Tree nut (substance), US extension: namespace 1000124
    ]) {
      expect(isValidSctid(code)).toBe(true);
    }
    expect(isValidCode('snomed', '39579001')).toBe(true);
  });

  it('rejects a wrong check digit and swapped neighbouring digits', () => {
    for (const code of ['39579002', '39579000', '762952009', '26643007', '93579001', '39759001']) {
      expect(isValidSctid(code)).toBe(false);
    }
    expect(isValidCode('snomed', '39579002')).toBe(false);
  });

  it('rejects identifiers of the wrong length, with a leading zero or not digits', () => {
    expect(isValidSctid('10004')).toBe(false); // 5 digits
    expect(isValidSctid('1234567890123456789')).toBe(false); // 19 digits
    expect(isValidSctid('039579001')).toBe(false);
    expect(isValidSctid('3957900l')).toBe(false);
    expect(isValidSctid(' 39579001')).toBe(false);
    expect(isValidSctid('')).toBe(false);
  });

  it('rejects identifiers whose partition is not a concept', () => {
    // Description and relationship identifiers have a valid check digit but are no code.
    const description = `100002${'01'}`;
    const relationship = `100002${'02'}`;
    for (const body of [description, relationship]) {
      expect(isValidSctid(`${body}${verhoeffCheckDigit(body)}`)).toBe(false);
    }
    const concept = `100002${'00'}`;
    expect(isValidSctid(`${concept}${verhoeffCheckDigit(concept)}`)).toBe(true);
    // An extension partition with no room for a seven-digit namespace.
    const shortExtension = `1234${'10'}`;
    expect(isValidSctid(`${shortExtension}${verhoeffCheckDigit(shortExtension)}`)).toBe(false);
  });
});
