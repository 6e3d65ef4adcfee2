import { describe, expect, it } from 'vitest';
import { termByKey } from '../../vocab/index.ts';
import { doseWords, itemOf, newDraft } from './drafts.ts';
import { loadReplyStrings } from './strings.ts';

describe('the reply form drafts', () => {
  it('turns a prescription into an item with a structured dose, and says it in French', async () => {
    const s = await loadReplyStrings('fr');
    const amoxicillin = termByKey('medication.amoxicillin')!;
    const empty = newDraft('medication', 1, false);
    if (empty.kind !== 'medication') throw new Error('not a medication draft');
    const draft = { ...empty, term: amoxicillin };
    expect(itemOf(draft)).toEqual({
      kind: 'medication',
      term: { system: 'atc', code: 'J01CA04', key: 'medication.amoxicillin' },
    });
    const item = itemOf({ ...draft, amount: '1', unit: 'g', times: '3', days: '7' });
    expect(item).toMatchObject({
      dosage: { amount: 1, unit: 'g', frequency: { per: 'day', times: 3 } },
      days: 7,
    });
    if (item?.kind !== 'medication') throw new Error('not a medication');
    expect(doseWords(s, item.dosage, item.days)).toBe('1 g, 3 fois par jour, pendant 7 jours');
    expect(doseWords(s, { amount: 2, unit: 'tablet' })).toBe('2 comprimé(s)');
  });

  it('is not an item while something it needs is missing', () => {
    expect(itemOf(newDraft('medication', 1, false))).toBeNull();
    expect(itemOf(newDraft('vaccination', 1, false))).toBeNull();
    expect(itemOf(newDraft('note', 1, false))).toBeNull();
    expect(itemOf(newDraft('document', 1, true))).toBeNull();
    expect(itemOf(newDraft('right', 1, true))).toEqual({ kind: 'right', scheme: 'AME' });
  });

  it('turns a paper into an item with its number, issuer and validity; another kind needs a name', () => {
    const draft = newDraft('right', 1, true);
    if (draft.kind !== 'right') throw new Error('not a right draft');
    expect(
      itemOf({
        ...draft,
        scheme: 'residence-permit',
        number: ' 7501234567 ',
        issuer: 'Préfecture de Seine-Saint-Denis',
        validFrom: '2026-12-01',
        validUntil: '2027-11-30',
      }),
    ).toEqual({
      kind: 'right',
      scheme: 'residence-permit',
      number: '7501234567',
      issuer: 'Préfecture de Seine-Saint-Denis',
      validFrom: '2026-12-01',
      validUntil: '2027-11-30',
    });
    expect(itemOf({ ...draft, scheme: 'other' })).toBeNull();
    expect(itemOf({ ...draft, scheme: 'other', text: 'Carte Solidarité Transport' })).toEqual({
      kind: 'right',
      scheme: 'other',
      text: 'Carte Solidarité Transport',
    });
  });
});
