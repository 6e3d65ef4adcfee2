import { describe, expect, it } from 'vitest';
import { draftFromEntry, emptyDraft, entryFromDraft } from './entry-draft.ts';

const ids = { id: 'e1', profileId: 'p1', createdAt: 1 };

describe('entry drafts', () => {
  it('drops empty fields instead of storing empty strings', () => {
    const d = emptyDraft('medication', 'fr');
    d.text = '  Doliprane ';
    d.fields = { dose: '500 mg', frequency: ' ', since: '' };
    const e = entryFromDraft(d, ids, 2);
    expect(e.text).toBe('Doliprane');
    expect(e.details).toEqual({ kind: 'medication', dose: '500 mg', current: true });
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
});
