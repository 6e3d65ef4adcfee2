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
});
