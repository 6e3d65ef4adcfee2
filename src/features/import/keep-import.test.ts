import { describe, expect, it } from 'vitest';
import type { NewDocument } from '../../record/document-store.ts';
import { RecordError } from '../../record/errors.ts';
import type { CarnetStore } from '../../record/store.ts';
import type { Entry } from '../../record/types.ts';
import { mapFhir } from '../../share/import-map.ts';
import type { OpenedImport } from '../../share/import-open.ts';
import { keepImport, sourceName } from './keep-import.ts';

/** A store that keeps what it is given in memory, and fails the n-th entry when told. */
function memoryStore(failEntryAt?: number) {
  const entries = new Map<string, Entry>();
  const documents = new Map<string, NewDocument>();
  let saves = 0;
  const store = {
    saveEntry: (entry: Entry) => {
      if (++saves === failEntryAt) return Promise.reject(new RecordError('storage-full'));
      entries.set(entry.id, entry);
      return Promise.resolve();
    },
    deleteEntry: (id: string) => {
      entries.delete(id);
      return Promise.resolve();
    },
    documents: {
      add: (doc: NewDocument) => {
        const id = `d${documents.size}`;
        documents.set(id, doc);
        return Promise.resolve({ id });
      },
      remove: (id: string) => {
        documents.delete(id);
        return Promise.resolve();
      },
    },
  } as unknown as CarnetStore;
  return { store, entries, documents };
}

const opened: OpenedImport = {
  batch: mapFhir([
    {
      resourceType: 'Bundle',
      entry: [
        { resource: { resourceType: 'Condition', code: { text: 'Asthme' } } },
        { resource: { resourceType: 'Condition', code: { text: 'Migraine' } } },
        {
          resource: {
            resourceType: 'DocumentReference',
            description: 'Lettre',
            content: [{ attachment: { contentType: 'application/pdf', data: btoa('%PDF') } }],
          },
        },
      ],
    },
  ]),
  source: { label: 'Clinique du Parc', host: 'shl.example.org' },
  originals: [{ mime: 'application/fhir+json', data: new Uint8Array([123, 125]) }],
  cards: [],
};

const choice = (items = opened.batch.items) => ({
  opened,
  items,
  papers: opened.batch.papers,
  profileId: 'p1',
  sourceTitle: 'Reçu de Clinique du Parc, 3 déc. 2026',
  untitled: 'Sans titre',
});

describe('keeping an import', () => {
  it('writes the picked entries, as not typed by the patient, and the attached papers', async () => {
    const { store, entries, documents } = memoryStore();
    const ids = await keepImport(store, choice(opened.batch.items.slice(0, 1)));
    expect(ids).toHaveLength(1);
    expect([...entries.values()].map((e) => [e.text, e.provenance, e.profileId])).toEqual([
      ['Asthme', 'clinician', 'p1'],
    ]);
    // Where it came from: the link's label, and the day it was received (no date in the bundle).
    const [kept] = [...entries.values()];
    expect(kept?.addedBy).toEqual({
      name: 'Clinique du Parc',
      date: new Date().toISOString().slice(0, 10),
    });
    const papers = [...documents.values()];
    expect(papers[0]).toMatchObject({ title: 'Lettre', provenance: 'clinician', profileId: 'p1' });
    // The original file, whole, as an imported record linked to the kept entry; sensitive.
    expect(papers[1]).toMatchObject({
      title: 'Reçu de Clinique du Parc, 3 déc. 2026',
      entryIds: ids,
      sensitive: true,
      provenance: 'clinician',
    });
    expect(papers[1]?.files.map((f) => f.mime)).toEqual(['application/fhir+json']);
  });

  it('writes nothing when one write fails: what it wrote is removed again', async () => {
    const { store, entries, documents } = memoryStore(2);
    await expect(keepImport(store, choice())).rejects.toBeInstanceOf(RecordError);
    expect(entries.size).toBe(0);
    expect(documents.size).toBe(0);
  });

  it('names the source by the link label first', () => {
    expect(sourceName(opened)).toBe('Clinique du Parc');
    expect(sourceName({ ...opened, source: { host: 'shl.example.org' } })).toBe('shl.example.org');
  });
});
