import { describe, expect, it } from 'vitest';
import { draftFromEntry, emptyDraft, entryFromDraft } from './entry-draft.ts';

const ids = { id: 'e1', profileId: 'p1', createdAt: 1 };

describe('entry drafts', () => {
  it('drops empty fields instead of storing empty strings', () => {
    const d = emptyDraft('medication', 'fr');
    d.text = '  Doliprane ';
    d.fields = { amount: '500', unit: 'mg', times: ' ', per: 'day', since: '', instructions: ' ' };
    const e = entryFromDraft(d, ids, 2);
    expect(e.text).toBe('Doliprane');
    expect(e.details).toEqual({
      kind: 'medication',
      dosage: { amount: 500, unit: 'mg' },
      current: true,
    });
  });

  it('makes a structured dose: amount with a decimal comma, how often, route, when needed', () => {
    const d = emptyDraft('medication', 'ar');
    // Typed on an Arabic keyboard: Arabic-Indic digits and the Arabic decimal separator.
    d.fields = { amount: '٠٫٥', unit: 'tablet', times: '٨', per: 'hours', route: 'route.oral' };
    d.flags.asNeeded = true;
    const e = entryFromDraft(d, ids, 2);
    expect(e.details).toEqual({
      kind: 'medication',
      dosage: {
        amount: 0.5,
        unit: 'tablet',
        frequency: { per: 'hours', every: 8 },
        asNeeded: true,
        route: 'route.oral',
      },
      current: true,
    });
    expect(entryFromDraft(draftFromEntry(e), ids, 2)).toEqual(e);
  });

  it('keeps a dose typed as words before doses were structured, as instructions', () => {
    const old = {
      id: 'e1',
      profileId: 'p1',
      text: 'Doliprane',
      textLang: 'fr',
      details: { kind: 'medication', dose: '1 g', frequency: '3 fois', current: true },
      provenance: 'patient',
      sensitive: false,
      createdAt: 1,
      updatedAt: 1,
    } as const;
    const d = draftFromEntry(old);
    expect(d.fields.instructions).toBe('1 g, 3 fois');
    expect(entryFromDraft(d, ids, 2).details).toEqual({
      kind: 'medication',
      instructions: '1 g, 3 fois',
      current: true,
    });
  });

  it('keeps the coded reactions of an allergy with the words beside them', () => {
    const d = emptyDraft('allergy', 'ar');
    d.reactions = ['reaction.urticaria'];
    d.fields = { severity: 'severe', reaction: 'حكة' };
    const e = entryFromDraft(d, ids, 2);
    expect(e.details).toEqual({
      kind: 'allergy',
      reactions: ['reaction.urticaria'],
      reaction: 'حكة',
      severity: 'severe',
    });
    expect(entryFromDraft(draftFromEntry(e), ids, 2)).toEqual(e);
  });

  it('round-trips an entry through the form state', () => {
    const d = emptyDraft('vaccination', 'en');
    d.term = { system: 'atc', code: 'J07BD52', key: 'vaccine.mmr' };
    d.fields = { date: '2024-03-01', doseNumber: '2' };
    const e = entryFromDraft(d, ids, 2);
    expect(e.details).toEqual({ kind: 'vaccination', date: '2024-03-01', doseNumber: 2 });
    expect(entryFromDraft(draftFromEntry(e), ids, 2)).toEqual(e);
  });

  it('keeps the language of free text only when there is text', () => {
    const d = emptyDraft('allergy', 'ar');
    d.term = { system: 'atc', code: 'J01C', key: 'allergen.penicillins' };
    const e = entryFromDraft(d, ids, 2);
    expect(e.textLang).toBeUndefined();
    expect(e.details).toEqual({ kind: 'allergy', severity: 'unknown' });
  });

  it('keeps a paper’s number, issuer and validity, and edits an old right without adding any', () => {
    const d = emptyDraft('right', 'ar');
    d.fields = {
      ...d.fields,
      scheme: 'residence-receipt',
      number: ' R-7 ',
      issuer: 'Préfecture',
      validFrom: '2026-01-02',
      validUntil: '2026-07-01',
    };
    const e = entryFromDraft(d, ids, 2);
    expect(e.details).toEqual({
      kind: 'right',
      scheme: 'residence-receipt',
      number: 'R-7',
      issuer: 'Préfecture',
      validFrom: '2026-01-02',
      validUntil: '2026-07-01',
    });
    expect(entryFromDraft(draftFromEntry(e), ids, 2)).toEqual(e);
    // A right saved before papers had an issuer or a start date comes back as it was.
    const old = {
      ...e,
      details: { kind: 'right', scheme: 'AME', validUntil: '2026-05-01' },
    } as const;
    expect(entryFromDraft(draftFromEntry(old), ids, 2)).toEqual(old);
  });
});
