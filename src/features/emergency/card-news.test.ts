import { describe, expect, it } from 'vitest';
import type { CarnetStore } from '../../record/store.ts';
import type { EmergencyCard } from '../../record/emergency-card.ts';
import type { Entry } from '../../record/types.ts';
import { cardNews, cardNewsState, keepAndSeeCard, readCardNews } from './card-news.ts';

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

describe('keeping what others sent, and the card', () => {
  /** A store whose card reads `cards` one after the other (a failure: the card is unreadable). */
  const storeReading = (...cards: (EmergencyCard | null | Error)[]) =>
    ({
      emergency: {
        card: () => {
          const next = cards.shift();
          return next instanceof Error ? Promise.reject(next) : Promise.resolve(next ?? null);
        },
      },
    }) as unknown as CarnetStore;

  it('says whether the card gained an entry while keeping', async () => {
    const keep = () => Promise.resolve(2);
    expect(await keepAndSeeCard(storeReading(card(['a']), card(['a', 'b'])), keep)).toEqual({
      result: 2,
      cardGrew: true,
    });
    expect(await keepAndSeeCard(storeReading(card(['a']), card(['a'])), keep)).toEqual({
      result: 2,
      cardGrew: false,
    });
    expect(await keepAndSeeCard(storeReading(null, null), keep)).toEqual({
      result: 2,
      cardGrew: false,
    });
  });

  it('an unreadable card says nothing and never fails the keep; the keep’s own failure does', async () => {
    const keep = () => Promise.resolve(1);
    expect(
      await keepAndSeeCard(storeReading(new Error('locked'), new Error('locked')), keep),
    ).toEqual({ result: 1, cardGrew: false });
    await expect(
      keepAndSeeCard(storeReading(null, null), () => Promise.reject(new Error('full'))),
    ).rejects.toThrow('full');
  });
});
