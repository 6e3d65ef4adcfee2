import { describe, expect, it } from 'vitest';
import en from '../../public/locales/en/vocab.json';
import fr from '../../public/locales/fr/vocab.json';
import { isValidCode } from './codes.ts';
import { REACTIONS } from './data/reactions.ts';
import { ROUTES } from './data/routes.ts';
import { searchTerms } from './search.ts';
import { TERMS, termByCode, termByKey, termsOfKind } from './terms.ts';
import type { LabelMap, TermKind } from './types.ts';
import { CODE_SYSTEM_URIS, TERM_KINDS, TERM_KIND_OF_ENTRY } from './types.ts';

const ATC_LEVEL_5 = /^[A-Z]\d{2}[A-Z]{2}\d{2}$/;

/** The kinds an entry picker offers; `reaction` and `route` are details of an entry. */
const PICKED_KINDS: readonly TermKind[] = Object.values(TERM_KIND_OF_ENTRY);
const DETAIL_KINDS: readonly TermKind[] = ['reaction', 'route'];

/**
 * UCUM's character rules for a unit code: printable ASCII only (33 to 126, so no space,
 * no `µ`, `²` or `³`), square brackets and curly braces in balanced, unnested pairs, and
 * annotations (`{copies}`) free of braces.
 */
function isUcumForm(code: string): boolean {
  if (!/^[\x21-\x7e]+$/.test(code)) return false;
  let square = false;
  let curly = false;
  for (const c of code) {
    if (curly) {
      if (c === '{') return false;
      if (c === '}') curly = false;
    } else if (c === '{') curly = true;
    else if (c === '}') return false;
    else if (c === '[') {
      if (square) return false;
      square = true;
    } else if (c === ']') {
      if (!square) return false;
      square = false;
    }
  }
  return !square && !curly;
}

describe('the term list', () => {
  it('holds at least 300 terms, of every kind', () => {
    expect(TERMS.length).toBeGreaterThanOrEqual(300);
    expect([...PICKED_KINDS, ...DETAIL_KINDS].sort()).toEqual([...TERM_KINDS].sort());
    for (const kind of PICKED_KINDS) expect(termsOfKind(kind).length).toBeGreaterThan(20);
    for (const kind of DETAIL_KINDS) expect(termsOfKind(kind).length).toBeGreaterThanOrEqual(10);
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

  it('gives every test unit its UCUM code, and UCUM codes to test units only', () => {
    const missing = TERMS.filter((t) => (t.unit === undefined) !== (t.ucum === undefined));
    expect(missing.map((t) => t.key)).toEqual([]);
    const bad = TERMS.filter((t) => t.ucum !== undefined && !isUcumForm(t.ucum));
    expect(bad.map((t) => `${t.key}: ${t.ucum}`)).toEqual([]);
    expect(termByKey('test.creatinineMolar')?.ucum).toBe('umol/L');
    expect(termByKey('test.leukocytes')?.ucum).toBe('10*9/L');
    expect(termByKey('test.tsh')?.ucum).toBe('m[IU]/L');
    expect(termByKey('test.cd4')?.ucum).toBe('/mm3');
    expect(termByKey('test.hivViralLoad')?.ucum).toBe('{copies}/mL');
    // "UI/L" on a French liver panel is enzyme activity: UCUM's enzyme unit, not [IU].
    expect(termByKey('test.alt')?.ucum).toBe('U/L');
    expect(termByKey('test.betaHcg')?.ucum).toBe('[IU]/L');
  });

  it('prints the eGFR unit whole, with its UCUM annotation', () => {
    expect(termByKey('test.egfr')?.unit).toBe('mL/min/1.73 m²');
    expect(termByKey('test.egfr')?.ucum).toBe('mL/min/{1.73_m2}');
  });

  it('checks UCUM character rules as UCUM states them', () => {
    for (const code of ['%', 'umol/L', '10*9/L', '[IU]/L', 'm[IU]/L', '{copies}/mL', 'mm[Hg]']) {
      expect(isUcumForm(code)).toBe(true);
    }
    for (const code of ['µmol/L', '/mm³', 'mL/min/1.73 m2', '[IU/L', '{a{b}}', 'U]/L', '']) {
      expect(isUcumForm(code)).toBe(false);
    }
  });

  it('codes non-drug allergens in SNOMED CT, drug allergens in ATC', () => {
    const allergens = termsOfKind('allergy');
    expect(allergens.filter((t) => t.system === 'carnet-allergen').map((t) => t.key)).toEqual([
      'allergy.treeNuts',
      'allergy.houseDustMite',
    ]);
    expect(allergens.every((t) => ['atc', 'snomed', 'carnet-allergen'].includes(t.system))).toBe(
      true,
    );
    expect(termByKey('allergy.peanut')).toMatchObject({ system: 'snomed', code: '762952008' });
    expect(termByKey('allergy.penicillins')).toMatchObject({ system: 'atc', code: 'J01C' });
    expect(CODE_SYSTEM_URIS.snomed).toBe('http://snomed.info/sct');
  });

  it('still finds an allergen by the carnet-allergen code stored before it moved', () => {
    expect(termByCode('carnet-allergen', 'peanut')?.key).toBe('allergy.peanut');
    expect(termByCode('carnet-allergen', 'catDander')?.key).toBe('allergy.catDander');
    expect(termByCode('carnet-allergen', 'treeNuts')?.key).toBe('allergy.treeNuts');
    expect(termByCode('carnet-allergen', 'nope')).toBeUndefined();
  });

  it('codes reactions and routes in SNOMED CT, each under its own kind', () => {
    expect(REACTIONS.length).toBeGreaterThanOrEqual(14);
    for (const t of REACTIONS) {
      expect(t).toMatchObject({ system: 'snomed', kind: 'reaction' });
      expect(t.key).toMatch(/^reaction\./);
    }
    for (const t of ROUTES) {
      expect(t).toMatchObject({ system: 'snomed', kind: 'route' });
      expect(t.key).toMatch(/^route\./);
    }
    expect(termByCode('snomed', '39579001')?.key).toBe('reaction.anaphylaxis');
    expect(termByCode('snomed', '26643006')?.key).toBe('route.oral');
    expect(termsOfKind('reaction')).toEqual(REACTIONS);
    expect(termsOfKind('route')).toEqual(ROUTES);
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

describe('the entry pickers', () => {
  // Labels made up so that a reaction, a route and an allergen all match the same query.
  const labels: Record<string, LabelMap> = {
    en: Object.fromEntries(TERMS.map((t) => [t.key, `skin ${t.key}`])),
  };

  it('never pick a reaction or a route', () => {
    expect(PICKED_KINDS).not.toContain('reaction');
    expect(PICKED_KINDS).not.toContain('route');
  });

  it('never offer reactions or routes, whatever the patient types', () => {
    for (const kind of PICKED_KINDS) {
      for (const query of ['skin', 'reaction', 'route', '39579001', '26643006', '448598008']) {
        const hits = searchTerms(query, { kind, languages: ['en'], labels, limit: 1000 });
        expect(hits.every((h) => h.term.kind === kind)).toBe(true);
      }
    }
    const all = searchTerms('skin', { languages: ['en'], labels, limit: 1000 });
    expect(all.some((h) => h.term.kind === 'reaction')).toBe(true);
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
