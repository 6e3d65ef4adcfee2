import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../src/i18n/languages.ts';
import { TERMS } from '../src/vocab/terms.ts';
import { searchTerms } from '../src/vocab/search.ts';
import { toLabelMap } from '../src/vocab/labels.ts';
import type { LabelMap } from '../src/vocab/types.ts';

const LOCALES = join(import.meta.dirname, '..', 'public', 'locales');
const read = (lng: string, file: string): unknown =>
  JSON.parse(readFileSync(join(LOCALES, lng, file), 'utf8')) as unknown;
const labels: Record<string, LabelMap> = Object.fromEntries(
  LANGUAGES.map((l) => [l.code, toLabelMap(read(l.code, 'vocab.json'))]),
);

describe('vocabulary labels in every language', () => {
  it.each(LANGUAGES.map((l) => l.code))('%s labels every term, with nothing extra', (lng) => {
    const map = labels[lng] ?? {};
    expect(TERMS.filter((t) => !map[t.key]?.trim()).map((t) => t.key)).toEqual([]);
    const keys = new Set(TERMS.map((t) => t.key));
    expect(Object.keys(map).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('finds a term from its Arabic label, typed without vowel marks', () => {
    const label = labels.ar?.['condition.diabetesType2'] ?? '';
    const firstWord = label.split(/\s+/)[0] ?? '';
    const hits = searchTerms(firstWord.replace(/[\u064b-\u065f]/g, ''), {
      languages: ['ar', 'fr'],
      labels,
      kind: 'condition',
    });
    expect(hits.map((h) => h.term.key)).toContain('condition.diabetesType2');
    expect(hits.find((h) => h.term.key === 'condition.diabetesType2')?.matchedIn).toBe('ar');
  });

  it('finds tuberculosis from the first letters in Dari and Russian', () => {
    const dari = labels.prs?.['condition.tuberculosisLatent'] ?? '';
    const hits = searchTerms(dari.slice(0, 3), { languages: ['prs', 'fr'], labels });
    expect(hits.map((h) => h.term.key)).toContain('condition.tuberculosisLatent');
    const ru = searchTerms('туберк', { languages: ['ru', 'fr'], labels, kind: 'condition' });
    expect(ru.length).toBeGreaterThan(3);
  });
});

describe('_meta.json', () => {
  it.each(LANGUAGES.map((l) => l.code))('%s says honestly that it is not reviewed', (lng) => {
    expect(read(lng, '_meta.json')).toMatchObject({ reviewed: false, reviewedBy: null });
  });
});

describe('search in scripts without spaces', () => {
  it('finds Chinese labels from characters inside them', () => {
    const hits = searchTerms('结核', { languages: ['zh-Hans', 'fr'], labels, kind: 'condition' });
    expect(hits.map((h) => h.term.key)).toEqual(
      expect.arrayContaining(['condition.tuberculosisPulmonary', 'condition.tuberculosisLatent']),
    );
  });
});
