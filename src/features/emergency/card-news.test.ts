import { describe, expect, it } from 'vitest';
import type { EmergencyCard } from '../../record/emergency-card.ts';
import type { Entry } from '../../record/types.ts';
import { cardNews, cardNewsState, readCardNews } from './card-news.ts';

const allergy: Entry = {
  id: 'e1',
  profileId: 'p1',
  text: 'latex',
  details: { kind: 'allergy', severity: 'severe' },
  provenance: 'patient',
  sensitive: false,
  createdAt: 1,
  updatedAt: 1,
};
const card = (entryIds: string[], profileId = 'p1'): EmergencyCard => ({
  id: 'emergency',
  profileId,
  entryIds,
  updatedAt: 1,
});

describe('what an entry’s save did to the emergency card', () => {
  it('says "added" only when the save put the entry on the card', () => {
    expect(cardNews(card([]), card(['e1']), allergy)).toBe('added');
    expect(cardNews(card(['e1']), card(['e1']), allergy)).toBeUndefined();
    // The card could not be read before: still on it now, so said.
    expect(cardNews(null, card(['e1']), allergy)).toBe('added');
  });

  it('says "sensitive" for a sensitive one left off, and nothing without a card or for another profile', () => {
    expect(cardNews(card([]), card([]), { ...allergy, sensitive: true })).toBe('sensitive');
    expect(cardNews(card([]), card([]), allergy)).toBeUndefined();
    expect(cardNews(null, null, allergy)).toBeUndefined();
    expect(
      cardNews(card([], 'p2'), card([], 'p2'), { ...allergy, sensitive: true }),
    ).toBeUndefined();
  });

  it('travels in a navigation state, and anything else in one reads as nothing', () => {
    expect(readCardNews(cardNewsState('added'))).toBe('added');
    expect(cardNewsState(undefined)).toBeUndefined();
    for (const state of [null, undefined, 'added', { emergencyCard: 'other' }, { x: 1 }])
      expect(readCardNews(state)).toBeUndefined();
  });
});
