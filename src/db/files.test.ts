/**
 * Files end to end on fake-indexeddb: the crypto Vault seals, these repositories store.
 * (Tests may combine layers; db/ code itself never imports crypto beyond its types.)
 */
import { serialize } from 'node:v8';
import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { floorVault } from '../crypto/test-helpers.ts';
import { randomBytes, randomId } from '../crypto/encoding.ts';
import type { Vault } from '../crypto/vault.ts';
import type { CarnetDb } from './schema.ts';
import { DbError } from './errors.ts';
import { getAllSealed, openCarnetDb, putSealed } from './repo.ts';
import {
  CHUNK_READS_IN_FLIGHT,
  deleteFile,
  deleteOrphanFileChunks,
  getFileHeader,
  listFileIds,
  putFileChunks,
  putFileHeader,
  readFileChunks,
} from './files.ts';
import { fillDiskAfter, freshDb, freshDbName, trackDb } from './test-db.ts';

/** A fresh database (after `prepare`, when given) and an open vault. */
async function setup(prepare?: (db: CarnetDb) => void): Promise<{ db: CarnetDb; vault: Vault }> {
  const db = await freshDb('carnet-files', prepare);
  const vault = floorVault();
  await vault.create('123456', 'pin');
  return { db, vault };
}

/** The import flow: chunks as they are sealed, header last. */
async function importFile(
  db: CarnetDb,
  vault: Vault,
  fileId: string,
  bytes: Uint8Array<ArrayBuffer>,
) {
  const header = await vault.sealFile(fileId, new Blob([bytes]), (chunks) =>
    putFileChunks(db, fileId, chunks),
  );
  await putFileHeader(db, fileId, header);
}

async function readBack(db: CarnetDb, vault: Vault, fileId: string): Promise<Uint8Array> {
  const header = await getFileHeader(db, fileId);
  if (!header) throw new Error('no header');
  return vault.openFile(fileId, header, readFileChunks(db, fileId));
}

describe('file repositories', () => {
  it('stores and reads back files of 0, 65,537 and 3 MB bytes', async () => {
    const { db, vault } = await setup();
    for (const size of [0, 65_537, 3 * 1024 * 1024]) {
      const bytes = randomBytes(size);
      await importFile(db, vault, `f${size}`, bytes);
      expect(Buffer.compare(await readBack(db, vault, `f${size}`), bytes)).toBe(0);
    }
    expect((await listFileIds(db)).sort()).toEqual(['f0', 'f3145728', 'f65537']);
    await deleteFile(db, 'f65537');
    expect(await getFileHeader(db, 'f65537')).toBeUndefined();
    expect(await db.fileChunks.where('fileId').equals('f65537').count()).toBe(0);
  });

  it('asks for the next batches before handing over the first, and reads each chunk once', async () => {
    const { db } = await setup();
    // 2.5 batches of 4 chunks (not sealed: the order and the reads are what is checked).
    const chunks = Array.from({ length: 10 }, (_, index) => ({
      index,
      data: new Uint8Array([index]),
    }));
    await putFileChunks(db, 'f', chunks);
    await putFileChunks(db, 'g', [{ index: 0, data: new Uint8Array([99]) }]);
    const where = vi.spyOn(db.fileChunks, 'where');
    const batches = readFileChunks(db, 'f', 4)[Symbol.asyncIterator]();
    const first = (await batches.next()).value as { index: number }[];
    expect(first.map((c) => c.index)).toEqual([0, 1, 2, 3]);
    expect(where).toHaveBeenCalledTimes(CHUNK_READS_IN_FLIGHT);
    const rest: number[] = [];
    for (let b = await batches.next(); !b.done; b = await batches.next()) {
      rest.push(...(b.value ?? []).map((c) => c.data[0]!));
    }
    expect(rest).toEqual([4, 5, 6, 7, 8, 9]);
    // Batches 0 to 2, and no more than CHUNK_READS_IN_FLIGHT - 1 asked for past the end.
    expect(where.mock.calls.length).toBeLessThanOrEqual(3 + CHUNK_READS_IN_FLIGHT - 1);
  });

  it("keeps every chunk row under Chromium's 64 KiB limit for values stored inline", async () => {
    // Above 64 KiB, Chromium stores an IndexedDB value as a blob file of its own, which
    // made documents slower to store and read. V8 serializes the row as the browser does;
    // the browser adds a few bytes of its own, hence the room left.
    const { db, vault } = await setup();
    const fileId = randomId();
    await importFile(db, vault, fileId, randomBytes(3 * 1024 * 1024 + 5));
    const rows = await db.fileChunks.where('fileId').equals(fileId).toArray();
    expect(rows.length).toBeGreaterThan(40);
    const largest = Math.max(...rows.map((row) => serialize(row).length));
    expect(largest).toBeLessThanOrEqual(65_536 - 256);
  });

  it('rejects chunk rows swapped inside the database', async () => {
    const { db, vault } = await setup();
    await importFile(db, vault, 'doc', randomBytes(3 * 65_536));
    const [a, b] = await db.fileChunks.where('fileId').equals('doc').toArray();
    if (!a || !b) throw new Error('missing chunks');
    await db.fileChunks.bulkPut([
      { ...a, data: b.data },
      { ...b, data: a.data },
    ]);
    await expect(readBack(db, vault, 'doc')).rejects.toMatchObject({ code: 'bad-envelope' });
  });

  it('storage full mid-import: the import fails, and deleting the file leaves nothing', async () => {
    const { db, vault } = await setup((d) => fillDiskAfter(d, 'fileChunks', 2));
    const error = await importFile(db, vault, 'big', randomBytes(5 * 1024 * 1024)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).code).toBe('quota-exceeded');
    expect(await listFileIds(db)).toEqual([]);
    expect(await db.fileChunks.count()).toBe(32);
    await deleteFile(db, 'big');
    expect(await db.fileChunks.count()).toBe(0);
  });

  it('removes the chunks an interrupted import left behind, and only those', async () => {
    const { db, vault } = await setup();
    const kept = randomBytes(200_000);
    await importFile(db, vault, 'kept', kept);
    // A tab closed mid-import: chunks stored, header never written.
    await vault.sealFile('cut', new Blob([randomBytes(300_000)]), (chunks) =>
      putFileChunks(db, 'cut', chunks),
    );
    expect(await db.fileChunks.where('fileId').equals('cut').count()).toBe(5);
    expect(await deleteOrphanFileChunks(db)).toBe(1);
    expect(await db.fileChunks.where('fileId').equals('cut').count()).toBe(0);
    expect(Buffer.compare(await readBack(db, vault, 'kept'), kept)).toBe(0);
    expect(await deleteOrphanFileChunks(db)).toBe(0);
  });

  it('upgrades a version 1 database without losing rows', async () => {
    const name = freshDbName('carnet-files');
    const v1 = trackDb(new Dexie(name));
    v1.version(1).stores({
      keyring: 'key',
      meta: 'key',
      profiles: 'id, updatedAt',
      entries: 'id, updatedAt',
      shares: 'id, updatedAt',
    });
    await v1.table('entries').put({ id: 'old', updatedAt: 1, env: new Uint8Array(41) });
    v1.close();
    const db = trackDb(await openCarnetDb(name));
    await putSealed(db, 'entries', [{ id: 'new', updatedAt: 2, env: new Uint8Array(41) as never }]);
    expect((await getAllSealed(db, 'entries')).map((r) => r.id)).toEqual(['new', 'old']);
    expect(await db.files.count()).toBe(0);
    expect(await db.documents.count()).toBe(0);
    expect(await db.prefs.count()).toBe(0);
    // A database from before the vault index carries the mark that has its index built.
    expect(await db.vaultIndex.toArray()).toEqual([{ key: 'legacy' }]);
    expect(db.verno).toBe(5);
  });
});
