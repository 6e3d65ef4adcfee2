/**
 * Paper documents end to end on fake-indexeddb: sealed metadata, sealed pages and
 * thumbnails, no partial document after a full disk, sweeping after an interrupted import.
 */
import { describe, expect, it } from 'vitest';
import { codeOf as failureCode, floorVault } from '../crypto/test-helpers.ts';
import { randomBytes } from '../crypto/encoding.ts';
import type { CarnetDb } from '../db/index.ts';
import { listFileIds, openCarnetDb, putFileChunks } from '../db/index.ts';
import { DOCUMENT_READ_BATCH, createDocumentStore } from './document-store.ts';
import type { FileVault } from '../crypto/types.ts';
import { isImportedRecord } from './documents.ts';
import type { NewDocument } from './document-store.ts';
import { RecordError } from './errors.ts';
import { createLocalStore } from './local-store.ts';
import { fillDiskAfter, freshDb, freshDbName, trackDb } from '../db/test-db.ts';
import { STORED_PROFILE } from './profile.test-helper.ts';

async function setup(configure?: (db: CarnetDb) => void) {
  const db = await freshDb('documents-test', configure);
  const vault = floorVault();
  await vault.create('123456', 'pin');
  return { db, vault, docs: createDocumentStore(vault, () => Promise.resolve(db)) };
}

const TITLE = 'Compte rendu hôpital Bichat';

function input(pages: Uint8Array[], extra: Partial<NewDocument> = {}): NewDocument {
  return {
    profileId: 'p1',
    title: TITLE,
    date: '2024-03-02',
    type: 'hospital-letter',
    lang: 'fr',
    entryIds: [],
    sensitive: false,
    files: pages.map((p) => ({
      blob: new Blob([p as Uint8Array<ArrayBuffer>]),
      mime: 'image/jpeg',
    })),
    thumbnail: { blob: new Blob([new Uint8Array([1, 2, 3])]), mime: 'image/jpeg' },
    ...extra,
  };
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** The RecordError code a call fails with (any other error fails the test). */
const codeOf = (run: Promise<unknown>) => failureCode(run, RecordError);

describe('document store', () => {
  it('adds a two-page document, lists it, and reads each page back', async () => {
    const { db, docs } = await setup();
    const pages = [randomBytes(70_000), randomBytes(1)];
    const progress: number[] = [];
    const doc = await docs.add(input(pages), (done) => progress.push(done));
    expect(progress.at(-1)).toBe(70_001);

    const { documents, unreadable } = await docs.list();
    expect(unreadable).toBe(0);
    expect(documents.map((d) => d.title)).toEqual([TITLE]);
    expect(documents[0]?.files).toHaveLength(2);
    expect(await bytesOf(await docs.readFile(doc.files[0]!))).toEqual(pages[0]);
    expect(await bytesOf(await docs.readFile(doc.files[1]!))).toEqual(pages[1]);
    expect(await bytesOf(await docs.readFile(doc.thumbnail!))).toEqual(new Uint8Array([1, 2, 3]));
    expect(await listFileIds(db)).toHaveLength(3);

    // SECURITY: no title, type or language in clear anywhere in the database.
    const dump = JSON.stringify(await db.documents.toArray(), (_k, v: unknown) =>
      v instanceof Uint8Array ? new TextDecoder().decode(v) : v,
    );
    for (const clear of ['Bichat', 'hospital-letter', 'image/jpeg']) {
      expect(dump).not.toContain(clear);
    }
  });

  it('renames, re-dates and links a document, then deletes it with its files', async () => {
    const { db, docs } = await setup();
    const doc = await docs.add(input([randomBytes(10)]));
    const updated = await docs.update(doc.id, {
      ...doc,
      title: 'Ordonnance',
      date: '2023',
      entryIds: ['e1'],
    });
    expect(updated.files).toEqual(doc.files);
    const [listed] = (await docs.list()).documents;
    expect(listed).toMatchObject({ title: 'Ordonnance', date: '2023', entryIds: ['e1'] });

    expect((await docs.update(doc.id, { ...listed!, lang: undefined })).lang).toBeUndefined();

    await docs.remove(doc.id);
    expect((await docs.list()).documents).toEqual([]);
    expect(await listFileIds(db)).toEqual([]);
    expect(await db.fileChunks.count()).toBe(0);
  });

  it('refuses an empty title, a future date, no pages and an unsupported type', async () => {
    const { docs } = await setup();
    expect(await codeOf(docs.add(input([randomBytes(1)], { title: ' ' })))).toBe('invalid');
    expect(await codeOf(docs.add(input([randomBytes(1)], { date: '2999-01-01' })))).toBe('invalid');
    expect(await codeOf(docs.add(input([])))).toBe('invalid');
    const exe = input([], {
      files: [{ blob: new Blob(['MZ']), mime: 'application/x-msdownload' }],
    });
    expect(await codeOf(docs.add(exe))).toBe('invalid');
    expect((await docs.list()).documents).toEqual([]);
  });

  it('keeps an imported record whole, sealed, and never mixes it with pages', async () => {
    const { db, docs } = await setup();
    const fhir = new TextEncoder().encode('{"resourceType":"Bundle","type":"collection"}');
    const original = (mime: string) => ({
      blob: new Blob([fhir]),
      mime,
    });
    const { thumbnail: _none, ...record } = input([], {
      title: 'Reçu de la Clinique, 3 nov. 2026',
      type: 'medical-other',
      sensitive: true,
      files: [original('application/fhir+json'), original('application/smart-health-card')],
    });
    const doc = await docs.add(record);
    const [listed] = (await docs.list()).documents;
    expect(listed && isImportedRecord(listed)).toBe(true);
    expect(await bytesOf(await docs.readFile(doc.files[0]!))).toEqual(fhir);
    // SECURITY: sealed like any page: the file's content is nowhere in clear.
    const dump = JSON.stringify(await db.fileChunks.toArray(), (_k, v: unknown) =>
      v instanceof Uint8Array ? new TextDecoder().decode(v) : v,
    );
    expect(dump).not.toContain('Bundle');

    // A document is pages or an imported record's files, never both.
    const mixed = input([randomBytes(3)]);
    const both = { ...mixed, files: [...mixed.files, original('application/fhir+json')] };
    expect(await codeOf(docs.add(both))).toBe('invalid');
    expect((await docs.list()).documents).toHaveLength(1);
  });

  it('leaves no partial document when the disk fills up mid-import', async () => {
    const { db, docs } = await setup((d) => fillDiskAfter(d, 'fileChunks', 3));
    const pages = [randomBytes(1024 * 1024), randomBytes(3 * 1024 * 1024)];
    expect(await codeOf(docs.add(input(pages)))).toBe('storage-full');
    expect((await docs.list()).documents).toEqual([]);
    expect(await listFileIds(db)).toEqual([]);
    expect(await db.fileChunks.count()).toBe(0);
  });

  it('sweeps chunks without a header and files no document owns', async () => {
    const { db, vault, docs } = await setup();
    const kept = await docs.add(input([randomBytes(100)]));
    // A tab closed mid-import: chunks stored, no header.
    await vault.sealFile('cut-short', new Blob([randomBytes(200_000)]), (chunks) =>
      putFileChunks(db, 'cut-short', chunks),
    );
    // A tab closed after the pages but before the metadata: a whole file, no document.
    const other = createDocumentStore(vault, () => Promise.resolve(db));
    const gone = await other.add(input([randomBytes(10)]));
    await db.documents.delete(gone.id);

    expect(await docs.sweep()).toBe(3);
    expect((await listFileIds(db)).sort()).toEqual(
      [kept.files[0]!.fileId, kept.thumbnail!.fileId].sort(),
    );
    expect(await db.fileChunks.where('fileId').equals('cut-short').count()).toBe(0);
    expect((await docs.list()).documents).toHaveLength(1);
  });

  it('hides a document that lost a page, and reads a tampered page as corrupt', async () => {
    const { db, docs } = await setup();
    const doc = await docs.add(input([randomBytes(100), randomBytes(100)]));
    const [first, second] = doc.files;
    const chunk = await db.fileChunks.get([first!.fileId, 0]);
    const flipped = new Uint8Array(chunk!.data);
    flipped[5]! ^= 1;
    await db.fileChunks.put({ ...chunk!, data: flipped });
    expect(await codeOf(docs.readFile(first!))).toBe('corrupt');

    await db.files.delete(second!.fileId);
    const listed = await docs.list();
    expect(listed.documents).toEqual([]);
    expect(listed.unreadable).toBe(1);
  });
});

describe('reading a page of several batches', () => {
  // Chunks hold 64 KiB of the page each.
  const pageBytes = 2 * DOCUMENT_READ_BATCH * 65_536 + 1;

  it('reads it whole, as one Blob of the page type', async () => {
    const { docs } = await setup();
    const page = randomBytes(pageBytes);
    const doc = await docs.add(input([page]));
    const blob = await docs.readFile(doc.files[0]!);
    expect(blob.type).toBe('image/jpeg');
    expect(Buffer.compare(await bytesOf(blob), page)).toBe(0);
  }, 60_000);

  it('reads it whole into one buffer the caller owns, for pdf.js', async () => {
    const { docs } = await setup();
    const page = randomBytes(pageBytes);
    const doc = await docs.add(input([page]));
    const bytes = await docs.readBytes(doc.files[0]!);
    expect(Buffer.compare(bytes, page)).toBe(0);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
  }, 60_000);

  it('fails `locked`, reading no further, when the vault locks mid-page', async () => {
    const db = await freshDb('documents-lock-test');
    const vault = floorVault();
    await vault.create('123456', 'pin');
    let batches = 0;
    // The vault, locking itself once the first batch of chunks has been read.
    const openFile: FileVault['openFile'] = (id, header, chunks) =>
      vault.openFile(id, header, lockAfterFirst(chunks));
    const locking = new Proxy(vault, {
      get: (target, key) => {
        if (key === 'openFile') return openFile;
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    async function* lockAfterFirst<T>(chunks: AsyncIterable<T>): AsyncGenerator<T> {
      for await (const batch of chunks) {
        if (++batches === 2) await vault.lock();
        yield batch;
      }
    }
    const docs = createDocumentStore(locking, () => Promise.resolve(db));
    const doc = await docs.add(input([randomBytes(pageBytes)]));
    expect(await codeOf(docs.readFile(doc.files[0]!))).toBe('locked');
    expect(batches).toBeLessThanOrEqual(3);
  }, 60_000);
});

describe('deleting a profile', () => {
  it('deletes its documents and their files, and keeps the others', async () => {
    const name = freshDbName('documents-profile');
    const vault = floorVault();
    const store = createLocalStore(vault, () => openCarnetDb(name));
    await store.create('123456', 'pin');
    const now = Date.now();
    for (const id of ['p1', 'p2']) {
      await store.saveProfile({
        id,
        name: id,
        relation: id === 'p1' ? 'self' : 'child',
        sex: 'unknown',
        language: 'fr',
        interpreterNeeded: false,
        createdAt: now,
        updatedAt: now,
      });
    }
    await store.documents.add(input([randomBytes(10)]));
    const kept = await store.documents.add(input([randomBytes(10)], { profileId: 'p2' }));
    await store.deleteProfile('p1');
    expect((await store.documents.list()).documents.map((d) => d.id)).toEqual([kept.id]);
    const db = trackDb(await openCarnetDb(name));
    expect(await listFileIds(db)).toHaveLength(2);
  });
});

describe('an imported record in a backup', () => {
  it('comes back whole on another phone, still an imported record', async () => {
    const phone = () => {
      const name = freshDbName('documents-record-backup');
      return createLocalStore(floorVault(), () => openCarnetDb(name));
    };
    const a = phone();
    const code = await a.create('123456', 'pin');
    const now = Date.now();
    await a.saveProfile({ ...STORED_PROFILE, createdAt: now, updatedAt: now });
    const card = new TextEncoder().encode('{"verifiableCredential":["a.b.c"]}');
    const { thumbnail: _none, ...record } = input([], {
      title: 'Reçu de la Clinique',
      type: 'medical-other',
      sensitive: true,
      files: [{ blob: new Blob([card]), mime: 'application/smart-health-card' }],
    });
    const doc = await a.documents.add(record);
    const file = await a.backup.save({ now });

    const b = phone();
    await (await b.backup.restore(file, code)).commit('654321', 'pin');
    const [restored] = (await b.documents.list()).documents;
    expect(restored?.id).toBe(doc.id);
    expect(restored && isImportedRecord(restored)).toBe(true);
    expect(await bytesOf(await b.documents.readFile(restored!.files[0]!))).toEqual(card);
  });
});
