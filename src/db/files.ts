/**
 * Repositories for encrypted files: a header row in `files` and one row per 63 KiB chunk
 * in `fileChunks`. A file is written chunks first and header last, so the header row is
 * the commit point: chunks without a header are leftovers of an interrupted import and
 * `deleteOrphanFileChunks` removes them.
 */
import type { Envelope, SealedChunk } from '../crypto/types.ts';
import type { CarnetDb } from './schema.ts';
import type { FileChunkRow, SealedRow } from './tables.ts';
import { guard } from './errors.ts';

/** Chunks read per batch by `readFileChunks`: 16 x 63 KiB, about 1 MB. */
const CHUNK_READ_BATCH = 16;

/**
 * Batches `readFileChunks` asks IndexedDB for at once. With one at a time, the database
 * waited while each batch crossed to the page: reading 20 MB took 125-140 ms on disk, and
 * 86-104 with two.
 */
export const CHUNK_READS_IN_FLIGHT = 2;

/** Stores a batch of a file's sealed chunks in one transaction (all or none). */
export async function putFileChunks(
  db: CarnetDb,
  fileId: string,
  chunks: readonly SealedChunk[],
): Promise<void> {
  const rows: FileChunkRow[] = chunks.map((c) => ({ fileId, index: c.index, data: c.data }));
  await guard(() => db.transaction('rw', db.fileChunks, () => db.fileChunks.bulkPut(rows)));
}

/**
 * Stores a file's sealed header, after all of its chunks: from then on the file exists.
 * `updatedAt` is in ms since the epoch.
 * SECURITY: bypasses the vault index (record/index-writer.ts is how the app writes), so
 * what it writes is reported at unlock as changed outside Carnet; for tests and benchmarks.
 */
export async function putFileHeader(
  db: CarnetDb,
  fileId: string,
  header: Envelope,
  updatedAt: number = Date.now(),
): Promise<void> {
  const row: SealedRow = { id: fileId, updatedAt, env: header };
  await guard(() => db.files.put(row));
}

/** A file's sealed header, or `undefined` when the file does not exist (or is incomplete). */
export async function getFileHeader(db: CarnetDb, fileId: string): Promise<Envelope | undefined> {
  const row = await guard(() => db.files.get(fileId));
  return row?.env;
}

/** The ids of every complete file (those with a header). */
export async function listFileIds(db: CarnetDb): Promise<string[]> {
  const keys = await guard(() => db.files.toCollection().primaryKeys());
  return keys;
}

/**
 * A file's chunks in index order, in batches of `batchSize`, each batch read in its own
 * short transaction so a 25 MB file is never all in memory; CHUNK_READS_IN_FLIGHT batches
 * are asked for at once. A file's chunk indexes run from 0 without gaps, so batch k is the
 * key range [k x batchSize, (k + 1) x batchSize); the first short batch is the last. Feed
 * it to `openFile`. A read past the end finds nothing; when the caller stops early, the
 * reads already asked for end unread.
 */
export async function* readFileChunks(
  db: CarnetDb,
  fileId: string,
  batchSize: number = CHUNK_READ_BATCH,
): AsyncGenerator<SealedChunk[]> {
  const read = (from: number) => {
    const rows = guard(() =>
      db.fileChunks
        .where('[fileId+index]')
        .between([fileId, from], [fileId, from + batchSize], true, false)
        .toArray(),
    );
    rows.catch(() => undefined); // awaited in turn below, unless the caller stops first
    return rows;
  };
  const asked: Promise<FileChunkRow[]>[] = [];
  let next = 0;
  const askMore = () => {
    while (asked.length < CHUNK_READS_IN_FLIGHT) {
      asked.push(read(next));
      next += batchSize;
    }
  };
  for (;;) {
    askMore();
    const rows = await asked.shift()!;
    if (rows.length > 0) yield rows.map((r) => ({ index: r.index, data: r.data }));
    if (rows.length < batchSize) return;
  }
}

/**
 * Deletes a file: its header and all of its chunks, in one transaction.
 * SECURITY: bypasses the vault index (record/index-writer.ts is how the app writes), so
 * what it writes is reported at unlock as changed outside Carnet; for tests and benchmarks.
 */
export async function deleteFile(db: CarnetDb, fileId: string): Promise<void> {
  await guard(() =>
    db.transaction('rw', db.files, db.fileChunks, async () => {
      await db.files.delete(fileId);
      await db.fileChunks.where('fileId').equals(fileId).delete();
    }),
  );
}

/**
 * Deletes the chunks of files that have no header: what an import cut short (tab closed,
 * storage full) left behind. Run it once after unlock, before any new import starts.
 * Resolves to the number of incomplete files removed.
 */
export async function deleteOrphanFileChunks(db: CarnetDb): Promise<number> {
  return guard(() =>
    db.transaction('rw', db.files, db.fileChunks, async () => {
      const withChunks = (await db.fileChunks.orderBy('fileId').uniqueKeys()) as string[];
      const headers = new Set(await db.files.toCollection().primaryKeys());
      const orphans = withChunks.filter((id) => !headers.has(id));
      if (orphans.length > 0) await db.fileChunks.where('fileId').anyOf(orphans).delete();
      return orphans.length;
    }),
  );
}
