import { describe, expect, it } from 'vitest';
import type { Entry } from './types.ts';
import { MAX_TEXT, isIsoDate, validateEntry, validateProfile } from './validate.ts';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const base: Entry = {
  id: 'e',
  profileId: 'p',
  text: 'Doliprane',
  details: { kind: 'medication', current: true },
  provenance: 'patient',
  sensitive: false,
  createdAt: 0,
  updatedAt: 0,
};

describe('dates', () => {
  it('accepts full and partial ISO dates that exist', () => {
    for (const d of ['2024', '2024-02', '2024-02-29', '1950-12-31'])
      expect(isIsoDate(d)).toBe(true);
  });
  it('refuses impossible or malformed dates', () => {
    for (const d of [
      '2023-02-29',
      '2024-13',
      '2024-00-10',
      '24-01-01',
      '1899-12-31',
      '2024-1-1',
      '',
    ]) {
      expect(isIsoDate(d)).toBe(false);
    }
  });
});

describe('validateEntry', () => {
  it('accepts a medication named only by free text', () => {
    expect(validateEntry(base, NOW)).toEqual({});
  });
  it('needs a coded term or some text', () => {
    expect(validateEntry({ ...base, text: '  ' }, NOW)).toEqual({ text: 'required' });
  });
  it('refuses text longer than the limit', () => {
    expect(validateEntry({ ...base, text: 'x'.repeat(MAX_TEXT + 1) }, NOW)).toEqual({
      text: 'too-long',
    });
  });
  it('refuses a start date in the future but allows a right valid until next year', () => {
    expect(
      validateEntry(
        { ...base, details: { kind: 'medication', current: true, since: '2026-07-01' } },
        NOW,
      ),
    ).toEqual({
      since: 'future-date',
    });
    expect(
      validateEntry(
        { ...base, details: { kind: 'right', scheme: 'AME', validUntil: '2027-06-01' } },
        NOW,
      ),
    ).toEqual({});
  });
  it('refuses a dose number that is not a small positive integer', () => {
    for (const doseNumber of [0, 1.5, 99]) {
      expect(validateEntry({ ...base, details: { kind: 'vaccination', doseNumber } }, NOW)).toEqual(
        {
          doseNumber: 'bad-number',
        },
      );
    }
  });
  it('refuses unknown enum values that could come from a tampered form', () => {
    const e = {
      ...base,
      provenance: 'hacker',
      details: { kind: 'allergy', severity: 'deadly' },
    } as unknown as Entry;
    expect(validateEntry(e, NOW)).toEqual({ provenance: 'bad-value', severity: 'bad-value' });
  });
});

describe('validateProfile', () => {
  it('needs a name and a real birth date', () => {
    const p = {
      id: 'p',
      name: ' ',
      relation: 'self' as const,
      sex: 'unknown' as const,
      birthDate: '2030-01-01',
      language: 'fr',
      interpreterNeeded: false,
      createdAt: 0,
      updatedAt: 0,
    };
    expect(validateProfile(p, NOW)).toEqual({ name: 'required', birthDate: 'future-date' });
  });
});

describe('structured doses, reactions, rights and names', () => {
  const med = (dosage: object) =>
    validateEntry({ ...base, details: { kind: 'medication', current: true, dosage } }, NOW);
  it('accepts a full dose and refuses impossible ones', () => {
    expect(
      med({
        amount: 0.5,
        unit: 'tablet',
        frequency: { per: 'day', times: 3 },
        route: 'route.oral',
      }),
    ).toEqual({});
    expect(med({ amount: 0, unit: 'mg' })).toEqual({ amount: 'bad-number' });
    expect(med({ amount: Number.NaN, unit: 'mg' })).toEqual({ amount: 'bad-number' });
    expect(med({ amount: 5 })).toEqual({ unit: 'required' });
    expect(med({ amount: 5, unit: 'spoon' })).toEqual({ unit: 'bad-value' });
    expect(med({ frequency: { per: 'day', times: 1.5 } })).toEqual({ frequency: 'bad-number' });
    expect(med({ frequency: { per: 'hours', every: 200 } })).toEqual({ frequency: 'bad-number' });
    expect(med({ route: 'by magic' })).toEqual({ route: 'bad-value' });
  });

  it('accepts coded reactions only', () => {
    const allergy = (reactions: string[]) =>
      validateEntry({ ...base, details: { kind: 'allergy', severity: 'severe', reactions } }, NOW);
    expect(allergy(['reaction.urticaria'])).toEqual({});
    expect(allergy(['urticaria'])).toEqual({ reactions: 'bad-value' });
  });

  it('names a right by its scheme: words are needed only for "other"', () => {
    const right = (scheme: 'AME' | 'other') =>
      validateEntry({ ...base, text: undefined, details: { kind: 'right', scheme } }, NOW);
    expect(right('AME')).toEqual({});
    expect(right('other')).toEqual({ text: 'required' });
  });

  it("checks a paper's issuer and validity: a start after the end is refused", () => {
    const paper = (details: Partial<Extract<Entry['details'], { kind: 'right' }>>) =>
      validateEntry({ ...base, details: { kind: 'right', scheme: 'AME', ...details } }, NOW);
    expect(
      paper({ issuer: 'CPAM de Paris', validFrom: '2026-01-01', validUntil: '2027-01-01' }),
    ).toEqual({});
    expect(paper({ issuer: 'x'.repeat(121) })).toEqual({ issuer: 'too-long' });
    expect(paper({ validFrom: '2026-05-01', validUntil: '2026-04-01' })).toEqual({
      validUntil: 'bad-date',
    });
  });

  it('accepts a note dated ahead: an appointment at the prefecture', () => {
    const note = { ...base, details: { kind: 'note' as const, date: '2026-07-01' } };
    expect(validateEntry(note, NOW)).toEqual({});
  });

  it('wants the official name in Latin letters, with a family name', () => {
    const profile = {
      id: 'p',
      name: 'أمينة',
      relation: 'self',
      sex: 'female',
      language: 'ar',
      interpreterNeeded: true,
      createdAt: 0,
      updatedAt: 0,
    } as const;
    expect(
      validateProfile({ ...profile, officialName: { family: "N'DIAYE", given: 'Aïssa' } }),
    ).toEqual({});
    expect(validateProfile({ ...profile, officialName: { family: 'رحيمي' } })).toEqual({
      family: 'not-latin',
    });
    expect(validateProfile({ ...profile, officialName: { family: ' ', given: 'Amina' } })).toEqual({
      family: 'required',
    });
  });
});
