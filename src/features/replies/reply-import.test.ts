import { describe, expect, it } from 'vitest';
import type { CarnetStore } from '../../record/store.ts';
import type { Entry } from '../../record/types.ts';
import type { Reply } from '../../share/reply-model.ts';
import { importReply, type ImportWords } from './reply-import.ts';

const WORDS: ImportWords = {
  days: (n) => `pendant ${n} jours`,
  lot: (lot) => `Lot ${lot}`,
  untitled: 'Document',
  appointment: (date, text) => `Rendez-vous le ${date} : ${text}`,
};

/** A store that keeps saved entries in a list (only what importReply calls). */
function fakeStore() {
  const entries: Entry[] = [];
  const store = {
    saveEntry: (e: Entry) => Promise.resolve(void entries.push(e)),
    deleteEntry: () => Promise.resolve(),
    documents: { add: () => Promise.resolve({ id: 'd' }), remove: () => Promise.resolve() },
  } as unknown as CarnetStore;
  return { store, entries };
}

const NOW = Date.parse('2026-12-04T10:00:00Z');

describe('importReply', () => {
  it('keeps a paper with its number, issuer and validity; an asylum paper starts sensitive', async () => {
    const reply: Reply = {
      author: { name: 'Sophie Durand, CADA' },
      date: '2026-12-04',
      lang: 'fr',
      items: [
        {
          kind: 'right',
          scheme: 'AME',
          number: '2 75 12 99 123 456',
          validFrom: '2026-12-01',
          validUntil: '2027-11-30',
        },
        { kind: 'right', scheme: 'asylum-claim', issuer: 'Préfecture de Bobigny' },
        { kind: 'right', scheme: 'other', text: 'Carte Solidarité Transport' },
      ],
    };
    const { store, entries } = fakeStore();
    expect(await importReply(store, reply, reply.items, 'p1', WORDS, NOW)).toBe(3);
    expect(entries.map((e) => [e.details, e.sensitive, e.provenance])).toEqual([
      [
        {
          kind: 'right',
          scheme: 'AME',
          number: '2 75 12 99 123 456',
          validFrom: '2026-12-01',
          validUntil: '2027-11-30',
        },
        false,
        'clinician',
      ],
      [
        { kind: 'right', scheme: 'asylum-claim', issuer: 'Préfecture de Bobigny' },
        true,
        'clinician',
      ],
      [{ kind: 'right', scheme: 'other' }, false, 'clinician'],
    ]);
    expect(entries[2]).toMatchObject({ text: 'Carte Solidarité Transport', textLang: 'fr' });
    expect(entries[0]!.addedBy).toEqual({ name: 'Sophie Durand, CADA', date: '2026-12-04' });
  });

  it('keeps an appointment ahead as words with its date, a past note with its date', async () => {
    const reply: Reply = {
      author: { name: 'Sophie Durand' },
      date: '2026-12-04',
      lang: 'fr',
      items: [
        { kind: 'note', text: 'Préfecture, guichet 4', date: '2026-12-15' },
        { kind: 'note', text: 'Dossier envoyé', date: '2026-12-02' },
      ],
    };
    const { store, entries } = fakeStore();
    await importReply(store, reply, reply.items, 'p1', WORDS, NOW);
    expect(entries[0]).toMatchObject({
      text: 'Rendez-vous le 2026-12-15 : Préfecture, guichet 4',
      details: { kind: 'note' },
    });
    expect(entries[0]!.details).toEqual({ kind: 'note' });
    expect(entries[1]).toMatchObject({
      text: 'Dossier envoyé',
      details: { kind: 'note', date: '2026-12-02' },
    });
  });
});
