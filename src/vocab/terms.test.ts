import { describe, expect, it } from 'vitest';
import en from '../../public/locales/en/vocab.json';
import fr from '../../public/locales/fr/vocab.json';
import { isValidCode } from './codes.ts';
import { TERMS, termByCode, termByKey, termsOfKind } from './terms.ts';
import { TERM_KINDS } from './types.ts';

const ATC_LEVEL_5 = /^[A-Z]\d{2}[A-Z]{2}\d{2}$/;

describe('the term list', () => {
  it('holds at least 300 terms, of every kind', () => {
    expect(TERMS.length).toBeGreaterThanOrEqual(300);
    for (const kind of TERM_KINDS) expect(termsOfKind(kind).length).toBeGreaterThan(20);
  });

  it('writes every code in the form its system requires', () => {
    const bad = TERMS.filter((t) => !isValidCode(t.system, t.code));
    expect(bad).toEqual([]);
  });

  it('codes medicines at ATC level 5, or level 4 for a named group', () => {
    const meds = termsOfKind('medication').filter((t) => !ATC_LEVEL_5.test(t.code));
    expect(meds.map((t) => t.code)).toEqual(['A07CA', 'A12AX', 'D02AC']);
  });

  it('codes vaccines under ATC J07 and conditions in ICD-10', () => {
    for (const t of termsOfKind('vaccine')) expect(t.code).toMatch(/^J07[A-Z]{2}\d{2}$/);
    for (const t of termsOfKind('condition')) expect(t.system).toMatch(/^icd10/);
    for (const t of termsOfKind('test')) expect(t.system).toBe('loinc');
  });

  it('has no duplicate code within a system and no duplicate key', () => {
    const codes = TERMS.map((t) => `${t.system}|${t.code}`);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
    const keys = TERMS.map((t) => t.key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('prefixes every key with its kind', () => {
    for (const t of TERMS) expect(t.key).toMatch(new RegExp(`^${t.kind}\\.[a-z][a-zA-Z0-9]*$`));
  });

  it('gives units to tests only', () => {
    for (const t of TERMS) {
      if (t.unit !== undefined) {
        expect(t.kind).toBe('test');
        expect(t.unit).not.toBe('');
      }
    }
    expect(termByCode('loinc', '4548-4')?.unit).toBe('%');
  });

  it('marks what the design calls sensitive', () => {
    for (const code of ['B24', 'Z21', 'F43.1', 'F32.9', 'Z33', 'B18.2']) {
      expect(termByCode('icd10', code)?.sensitive).toBe(true);
    }
    expect(termByCode('icd10-cm', 'N90.812')?.sensitive).toBe(true);
    expect(termByCode('atc', 'J05AR27')?.sensitive).toBe(true);
    expect(termByCode('loinc', '24467-3')?.sensitive).toBe(true);
    expect(termByCode('icd10', 'J45.9')?.sensitive).toBeUndefined();
    expect(termByCode('atc', 'N02BE01')?.sensitive).toBeUndefined();
  });

  it('finds terms by key and by code', () => {
    expect(termByKey('medication.amoxicillin')?.code).toBe('J01CA04');
    expect(termByCode('atc', 'J04AB02')?.key).toBe('medication.rifampicin');
    expect(termByCode('icd10', 'Z22.7')?.key).toBe('condition.tuberculosisLatent');
    expect(termByKey('nope')).toBeUndefined();
  });
});

describe('French and English labels', () => {
  const locales: Record<string, Record<string, string>> = { fr, en };

  it('label every term and nothing else', () => {
    const keys = new Set(TERMS.map((t) => t.key));
    for (const [lng, labels] of Object.entries(locales)) {
      const missing = TERMS.filter((t) => !labels[t.key]?.trim()).map((t) => `${lng}:${t.key}`);
      expect(missing).toEqual([]);
      expect(Object.keys(labels).filter((k) => !keys.has(k))).toEqual([]);
    }
  });
});
