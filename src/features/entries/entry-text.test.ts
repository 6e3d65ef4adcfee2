import { describe, expect, it } from 'vitest';
import type { Entry } from '../../record/types.ts';
import type { EntryT } from './entry-keys.ts';
import { entryDetailLine, entryTitle } from './entry-text.ts';

/** A `t` that knows a few labels, and answers a missing key as i18next does. */
const LABELS: Record<string, string> = {
  'vocab:allergy.penicillins': 'Penicillins',
  'entry:unnamed': 'Item without a name',
  'entry:scheme.residence-permit': 'Residence permit',
  'entry:detail.issuer': 'issued by {{name}}',
  'entry:detail.validFrom': 'valid from {{date}}',
  'entry:detail.validUntil': 'valid until {{date}}',
};
const t: EntryT = (key, options) => {
  const found = LABELS[key];
  if (found === undefined)
    return typeof options?.defaultValue === 'string' ? options.defaultValue : key;
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = options?.[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  });
};

const entry = (partial: Partial<Entry> & Pick<Entry, 'details'>): Entry => ({
  id: 'e',
  profileId: 'p',
  provenance: 'clinician',
  sensitive: false,
  createdAt: 0,
  updatedAt: 0,
  ...partial,
});

describe('entryTitle never shows a raw code', () => {
  it('names a known term by its label', () => {
    const e = entry({
      term: { system: 'atc', code: 'J01C', key: 'allergy.penicillins' },
      details: { kind: 'allergy', severity: 'unknown' },
    });
    expect(entryTitle(e, t)).toBe('Penicillins');
  });

  it('names an imported item with an unknown code by its words', () => {
    const e = entry({
      term: { system: 'http://hl7.org/fhir/sid/icd-10', code: 'B18.1', key: 'unmapped' },
      text: 'Hépatite B chronique',
      details: { kind: 'condition', active: true },
    });
    expect(entryTitle(e, t)).toBe('Hépatite B chronique');
  });

  it('calls an item whose only words are its unknown code an item without a name', () => {
    const e = entry({
      term: { system: 'http://hl7.org/fhir/sid/icd-10', code: 'B18.1', key: 'unmapped' },
      text: 'B18.1',
      details: { kind: 'condition', active: true },
    });
    expect(entryTitle(e, t)).toBe('Item without a name');
    const bare = entry({
      term: { system: 'atc', code: 'J01C', key: 'unmapped' },
      details: { kind: 'allergy', severity: 'unknown' },
    });
    expect(entryTitle(bare, t)).toBe('Item without a name');
  });
});

describe('a paper', () => {
  it('is named by its kind, with number, issuer and validity on its line', () => {
    const e = entry({
      details: {
        kind: 'right',
        scheme: 'residence-permit',
        number: 'FRA-123',
        issuer: 'Préfecture du Rhône',
        validFrom: '2026-01-02',
        validUntil: '2031-01-01',
      },
    });
    expect(entryTitle(e, t)).toBe('Residence permit');
    const line = entryDetailLine(e, t, 'en');
    expect(line).toContain('FRA-123');
    expect(line).toContain('issued by Préfecture du Rhône');
    expect(line).toMatch(/valid from .*2026.* · valid until .*2031/);
  });
});
