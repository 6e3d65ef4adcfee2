/**
 * Many rows put at once: sealed in batches while storage writes the ones before, and still
 * one transaction with the vault index. What must hold: everything or nothing (a batch the
 * vault refuses, a full disk, a worker that never answers), the compare-and-set against a
 * tab that wrote meanwhile, and an index the next unlock finds intact.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytesEqual } from '../crypto/encoding.ts';
import { CryptoError } from '../crypto/types.ts';
import { channelVault, codeOf, floorVault } from '../crypto/test-helpers.ts';
import type { CarnetDb } from '../db/index.ts';
import { DbError, STREAM_WAIT_MS, getIndexRoot, openCarnetDb } from '../db/index.ts';
import { freshDbName, trackDb } from '../db/test-db.ts';
import { indexWriter } from './index-writer.ts';
import { createLocalStore } from './local-store.ts';
import { SEAL_BATCH } from './sealed-table.ts';
import { recordTables } from './tables.ts';
import type { Entry, Profile } from './types.ts';
import { STORED_PROFILE } from './profile.test-helper.ts';

const PIN = '123456';

const profile: Profile = { ...STORED_PROFILE, language: 'prs' };

const note = (id: string): Entry => ({
  id,
  profileId: 'p1',
  text: `Note ${id}`,
  details: { kind: 'note' },
  provenance: 'patient',
  sensitive: false,
  createdAt: 1,
  updatedAt: 2,
});

/** Enough entries for three batches, the last one short. */
const many = (prefix: string, n = SEAL_BATCH * 2 + 7) =>
  Array.from({ length: n }, (_, i) => note(`${prefix}${i}`));

/**
 * A patient's record (a store, as the app has it) and, over the same vault and database,
 * the sealed tables the many-row writes go through.
 */
async function record(vault: Parameters<typeof createLocalStore>[0] = floorVault()) {
  const name = freshDbName('streamed');
  let handle: Promise<CarnetDb> | undefined;
  const db = () => (handle ??= openCarnetDb(name).then(trackDb));
  const store = createLocalStore(vault, db);
  await store.create(PIN, 'pin');
  await store.saveProfile(profile);
  const tables = recordTables(vault, db, indexWriter(vault, db));
  return { store, tables, db };
}

/** A prototype's own method as it is before a spy replaces it, to call through to. */
function original<T, K extends keyof T>(proto: T, key: K) {
  type Method = T[K] extends (...args: infer A) => infer R ? (this: T, ...args: A) => R : never;
  return Object.getOwnPropertyDescriptor(proto, key)?.value as Method;
}

async function state(db: () => Promise<CarnetDb>) {
  const d = await db();
  return { entries: await d.entries.count(), version: (await getIndexRoot(d))?.version };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('putting many rows at once', () => {
  it('stores every batch and the index in one write, intact at the next unlock', async () => {
    const vault = channelVault();
    try {
      const { store, tables, db } = await record(vault);
      const before = await state(db);
      const seal = vi.spyOn(vault, 'sealTexts');
      await tables.entries.put(many('n'));
      // Three requests to the worker, one index update.
      expect(seal).toHaveBeenCalledTimes(3);
      expect(await state(db)).toEqual({
        entries: SEAL_BATCH * 2 + 7,
        version: before.version! + 1,
      });
      expect((await store.load()).entries).toHaveLength(SEAL_BATCH * 2 + 7);
      await store.lock();
      await store.unlock(PIN);
      expect(await store.integrity.report()).toEqual({ status: 'intact' });
      // Later writes build on the index this one sealed.
      await store.saveEntry(note('after'));
      expect(await store.integrity.report()).toEqual({ status: 'intact' });
    } finally {
      vault.terminate();
    }
  });

  it("takes each row's digest from the worker: the main thread hashes no envelope", async () => {
    const vault = floorVault();
    const { store, tables, db } = await record(vault);
    const digest = vi.spyOn(crypto.subtle, 'digest');
    await tables.entries.put(many('n'));
    await store.saveEntry(note('one'));
    const hashed = digest.mock.calls.map(([, data]) => new Uint8Array(data as ArrayBuffer));
    vi.restoreAllMocks();
    const stored = (await (await db()).entries.toArray()).map((row) => row.env);
    expect(stored).toHaveLength(SEAL_BATCH * 2 + 8);
    // Only the index's own buckets were hashed here, none of the rows.
    expect(hashed.some((bytes) => stored.some((env) => bytesEqual(env, bytes)))).toBe(false);
    await store.lock();
    await store.unlock(PIN);
    expect(await store.integrity.report()).toEqual({ status: 'intact' });
  });

  it('never vouches for a digest the worker got wrong: the next check reports the row', async () => {
    const vault = floorVault();
    const { store, tables } = await record(vault);
    const seal = vault.sealTexts.bind(vault);
    vi.spyOn(vault, 'sealTexts').mockImplementation(async (...args) => {
      const sealed = await seal(...args);
      sealed.digests[0]! ^= 1;
      return sealed;
    });
    await tables.entries.put(many('n'));
    vi.restoreAllMocks();
    await store.lock();
    await store.unlock(PIN);
    // One wrong digest per batch: each of those rows is reported, none passes unseen.
    expect(await store.integrity.report()).toEqual({
      status: 'changed',
      missing: 0,
      added: 0,
      changed: 3,
    });
  });

  it('writes nothing when the vault locks halfway', async () => {
    const vault = floorVault();
    const { store, tables, db } = await record(vault);
    const before = await state(db);
    const seal = vault.sealTexts.bind(vault);
    let calls = 0;
    vi.spyOn(vault, 'sealTexts').mockImplementation(async (...args) => {
      // The second batch reaches a vault that locked meanwhile.
      if (++calls === 2) await vault.lock();
      return seal(...args);
    });
    expect(await codeOf(tables.entries.put(many('n')), CryptoError)).toBe('locked');
    expect(await state(db)).toEqual(before);
    await store.unlock(PIN);
    expect(await store.integrity.report()).toEqual({ status: 'intact' });
  });

  it('writes nothing when the disk fills up halfway', async () => {
    const { store, tables, db } = await record();
    const before = await state(db);
    // The first batch of entries goes in; the disk is full from the second one on.
    const put = original<IDBObjectStore, 'put'>(IDBObjectStore.prototype, 'put');
    let rows = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'entries' && ++rows > SEAL_BATCH) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    });
    expect(await codeOf(tables.entries.put(many('n')), DbError)).toBe('quota-exceeded');
    vi.restoreAllMocks();
    expect(await state(db)).toEqual(before);
    await store.lock();
    await store.unlock(PIN);
    expect(await store.integrity.report()).toEqual({ status: 'intact' });
  });

  it('gives up, writing nothing, when a batch never comes back', async () => {
    const vault = floorVault();
    const { tables, db } = await record(vault);
    const before = await state(db);
    const seal = vault.sealTexts.bind(vault);
    let calls = 0;
    vi.spyOn(vault, 'sealTexts').mockImplementation((...args) =>
      ++calls === 2 ? new Promise(() => undefined) : seal(...args),
    );
    // The worker stopped answering: on a clock where every look costs a second, the
    // transaction soon passes its wait limit and gives up.
    const realNow = Date.now.bind(Date);
    let looks = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 1000 * looks++);
    expect(await codeOf(tables.entries.put(many('n')), DbError)).toBe('failed');
    expect(looks).toBeGreaterThan(STREAM_WAIT_MS / 1000);
    vi.restoreAllMocks();
    expect(await state(db)).toEqual(before);
  });

  it('leaves the record as it was when the tab closes halfway', async () => {
    const vault = floorVault();
    const { store, tables, db } = await record(vault);
    const before = await state(db);
    // Closing a tab aborts its open transactions: this one, while batch 2 is being sealed.
    const open = original<IDBDatabase, 'transaction'>(IDBDatabase.prototype, 'transaction');
    let opened!: (tx: IDBTransaction) => void;
    const writing = new Promise<IDBTransaction>((resolve) => (opened = resolve));
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      const tx = open.apply(this, args);
      if (tx.mode === 'readwrite' && tx.objectStoreNames.contains('entries')) opened(tx);
      return tx;
    });
    const seal = vault.sealTexts.bind(vault);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    vi.spyOn(vault, 'sealTexts').mockImplementation(async (...args) => {
      if (++calls === 2) await held;
      return seal(...args);
    });
    const write = tables.entries.put(many('n'));
    (await writing).abort();
    release();
    expect(await codeOf(write, DbError)).toBe('failed');
    vi.restoreAllMocks();
    expect(await state(db)).toEqual(before);
    await store.lock();
    await store.unlock(PIN);
    expect(await store.integrity.report()).toEqual({ status: 'intact' });
  });

  it('starts over when another tab wrote while it was sealing', async () => {
    const vault = floorVault();
    const { store: tabA, tables: tabB, db } = await record(vault);
    // Tab B knows the index from its own first write.
    await tabB.entries.put(many('b'));
    const start = (await state(db)).version!;
    const seal = vault.sealTexts.bind(vault);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const atGate = new Promise<void>((resolve) => (reached = resolve));
    let calls = 0;
    vi.spyOn(vault, 'sealTexts').mockImplementation(async (...args) => {
      if (++calls === 1) {
        reached();
        await held;
      }
      return seal(...args);
    });
    const writeB = tabB.entries.put(many('c'));
    await atGate;
    // Tab A saves while B's first batch is still being sealed, over the version B knows.
    await tabA.saveEntry(note('from-a'));
    release();
    await writeB;
    // B's first try found the version moved on, wrote nothing, and wrote again over A's.
    expect((await state(db)).version).toBe(start + 2);
    const ids = (await tabA.load()).entries.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['from-a', 'b0', 'c0', `c${SEAL_BATCH * 2 + 6}`]));
    expect(ids).toHaveLength(1 + 2 * (SEAL_BATCH * 2 + 7));
    await tabA.lock();
    await tabA.unlock(PIN);
    expect(await tabA.integrity.report()).toEqual({ status: 'intact' });
  });
});
