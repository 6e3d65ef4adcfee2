import { describe, expect, it } from 'vitest';
import en from '../../public/locales/en/vocab.json';
import fr from '../../public/locales/fr/vocab.json';
import { MatchRank, searchTerms } from './search.ts';
import { TERMS } from './terms.ts';
import type { LabelMap } from './types.ts';

/** Stand-in Arabic labels, written with full vowel marks as a careful typesetter would. */
const ar: LabelMap = {
  'medication.amoxicillin': 'أَمُوكْسِيسِيلِين',
  'allergy.penicillins': 'البِنِسِلِينَات',
  'condition.diabetesType2': 'داء السُّكَّرِي من النوع الثاني',
};
const labels = { fr, en, ar };
const keysOf = (hits: readonly { term: { key: string } }[]): string[] =>
  hits.map((h) => h.term.key);

describe('searchTerms', () => {
  it('finds penicillins from the first letters, in English and in French', () => {
    const inEnglish = searchTerms('penicil', { languages: ['en', 'fr'], labels });
    expect(keysOf(inEnglish)).toContain('allergy.penicillins');
    expect(keysOf(inEnglish)).toContain('medication.penicillinV');
    const inFrench = searchTerms('pénicil', { languages: ['fr'], labels });
    expect(keysOf(inFrench)).toContain('allergy.penicillins');
  });

  it('ignores accents and case', () => {
    const hits = searchTerms('PENICILLINES', { languages: ['fr'], labels, kind: 'allergy' });
    expect(keysOf(hits)[0]).toBe('allergy.penicillins');
    expect(keysOf(searchTerms('epilepsie', { languages: ['fr'], labels }))).toContain(
      'condition.epilepsy',
    );
  });

  it('finds a term from the start of any word of its label', () => {
    const hits = searchTerms('drep', { languages: ['en', 'fr'], labels });
    expect(keysOf(hits)).toContain('condition.sickleCellDisease');
    const twoWords = searchTerms('hep chron', { languages: ['fr'], labels, kind: 'condition' });
    expect(keysOf(twoWords)).toEqual(
      expect.arrayContaining(['condition.hepatitisBChronic', 'condition.hepatitisCChronic']),
    );
  });

  it('ranks exact and prefix matches before word and substring matches', () => {
    const hits = searchTerms('asthme', { languages: ['fr'], labels });
    expect(hits[0]?.term.key).toBe('condition.asthma');
    expect(hits[0]?.rank).toBe(MatchRank.exact);
    const tub = searchTerms('tuberc', { languages: ['fr'], labels, kind: 'condition' });
    expect(tub[0]?.rank).toBe(MatchRank.prefix);
    const ranks = tub.map((h) => h.rank);
    expect([...ranks].sort()).toEqual(ranks);
  });

  it('searches the patient language first, then French', () => {
    const hits = searchTerms('amox', { languages: ['ar', 'fr'], labels });
    expect(hits[0]?.matchedIn).toBe('fr');
    const arabic = searchTerms('اموكس', { languages: ['ar', 'fr'], labels });
    expect(arabic[0]?.term.key).toBe('medication.amoxicillin');
    expect(arabic[0]?.matchedIn).toBe('ar');
    expect(arabic[0]?.matched).toBe('أَمُوكْسِيسِيلِين');
  });

  it('finds an Arabic label from a word inside it, without vowel marks', () => {
    const hits = searchTerms('السكري', { languages: ['ar', 'fr'], labels });
    expect(keysOf(hits)).toEqual(['condition.diabetesType2']);
  });

  it('matches codes, with or without dots and dashes', () => {
    expect(keysOf(searchTerms('J01CA04', { languages: ['fr'], labels }))).toEqual([
      'medication.amoxicillin',
    ]);
    const e11 = searchTerms('e11', { languages: ['fr'], labels });
    expect(e11[0]?.term.key).toBe('condition.diabetesType2');
    expect(e11[0]?.matchedIn).toBe('code');
    expect(keysOf(searchTerms('45484', { languages: ['fr'], labels }))).toEqual(['test.hba1c']);
    expect(keysOf(searchTerms('a15', { languages: ['fr'], labels }))).toContain(
      'condition.tuberculosisPulmonary',
    );
  });

  it('finds a medicine by the French brand name on the box', () => {
    const hits = searchTerms('doliprane', { languages: ['en', 'fr'], labels, kind: 'medication' });
    expect(hits[0]?.term.key).toBe('medication.paracetamol');
    expect(hits[0]?.matchedIn).toBe('fr');
  });

  it('filters by kind and honours the limit', () => {
    const hits = searchTerms('hépatite', { languages: ['fr'], labels, kind: 'vaccine' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.term.kind === 'vaccine')).toBe(true);
    const both = searchTerms('hépatite', { languages: ['fr'], labels, kind: ['vaccine', 'test'] });
    expect(new Set(both.map((h) => h.term.kind))).toEqual(new Set(['vaccine', 'test']));
    expect(searchTerms('a', { languages: ['fr'], labels, limit: 5 })).toHaveLength(5);
  });

  it('returns each term once and nothing for an empty query', () => {
    const hits = searchTerms('grippe', { languages: ['fr', 'en'], labels });
    expect(new Set(keysOf(hits)).size).toBe(hits.length);
    expect(searchTerms('   ', { languages: ['fr'], labels })).toEqual([]);
    expect(searchTerms('zzzzqq', { languages: ['fr'], labels })).toEqual([]);
  });

  it('skips languages without labels', () => {
    expect(keysOf(searchTerms('asthma', { languages: ['ti', 'en'], labels }))[0]).toBe(
      'condition.asthma',
    );
  });

  it('searches the whole vocabulary and answers the same from its cached index', () => {
    expect(TERMS.length).toBeGreaterThan(300);
    const first = searchTerms('pa', { languages: ['en', 'fr'], labels });
    expect(first.length).toBeGreaterThan(5);
    for (let i = 0; i < 20; i++) {
      expect(searchTerms('pa', { languages: ['en', 'fr'], labels })).toEqual(first);
    }
  });
});
