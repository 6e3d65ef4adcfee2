/**
 * The reads and writes a backup needs: every sealed row of a table, every file header, a
 * file's chunks, and batches written into a restore's database. All of it ciphertext.
 */
import type { SealedChunk } from '../crypto/types.ts';
import { guard } from './errors.ts';
import type { CarnetDb } from './schema.ts';
import type { FileChunkRow, SealedRow, SealedTable } from './tables.ts';
import { SEALED_TABLES } from './tables.ts';
import { getIndexRoot } from './vault-index.ts';

/** What a backup starts from: every sealed row by table, every file header, the chunk count. */
export interface BackupRows {
  readonly tables: readonly (readonly [SealedTable, readonly SealedRow[]])[];
  readonly files: readonly SealedRow[];
  readonly chunks: number;
}

/**
 * Every sealed row of each table (in SEALED_TABLES order), every file header (in id order)
 * and how many chunks are stored, read side by side in one read-only transaction, so the
 * rows and file headers agree with each other.
 */
export async function readBackupRows(db: CarnetDb): Promise<BackupRows> {
  const stores = [...SEALED_TABLES.map((t) => db[t]), db.files, db.fileChunks];
  return guard(() =>
    db.transaction('r', stores, async () => {
      const [tables, files, chunks] = await Promise.all([
        Promise.all(SEALED_TABLES.map(async (t) => [t, await db[t].toArray()] as const)),
        db.files.toArray(),
        db.fileChunks.count(),
      ]);
      return { tables, files, chunks };
    }),
  );
}

/**
 * Up to `limit` file chunks in key order (file id, then chunk index), across files, from
 * `from` (included) or after it (`after`), up to the last chunk of file `lastFileId`: one
 * short read-only transaction and one range read, however many files it spans.
 */
export async function readChunkRange(
  db: CarnetDb,
  from: { readonly key: readonly [string, number]; readonly after: boolean },
  lastFileId: string,
  limit: number,
): Promise<FileChunkRow[]> {
  return guard(() =>
    db.fileChunks
      .where('[fileId+index]')
      // Chunk indexes are finite numbers, so Infinity bounds a file's chunks.
      .between([...from.key], [lastFileId, Infinity], !from.after, true)
      .limit(limit)
      .toArray(),
  );
}

/**
 * When the record last changed (ms since the epoch), 0 when it never did: the latest
 * `updatedAt` across the record's sealed tables and files, or the last deletion the app
 * made (the vault index keeps its time), whichever is later. Preferences are not the record
 * and do not count. Cheap: one index read per table, no row is opened.
 */
export async function latestUpdate(db: CarnetDb): Promise<number> {
  const tables = [...SEALED_TABLES.filter((t) => t !== 'prefs').map((t) => db[t]), db.files];
  const [last, root] = await Promise.all([
    guard(() => Promise.all(tables.map((t) => t.orderBy('updatedAt').last()))),
    getIndexRoot(db),
  ]);
  return Math.max(0, root?.deletedAt ?? 0, ...last.map((row) => row?.updatedAt ?? 0));
}

/** One batch of what a restore writes: rows, file headers, file chunks. */
export interface RestoreBatch {
  readonly rows: readonly { readonly table: SealedTable; readonly row: SealedRow }[];
  readonly files: readonly SealedRow[];
  readonly chunks: readonly (SealedChunk & { readonly fileId: string })[];
}

/** Writes one batch into a restore's database, in one transaction (all or none). */
export async function putRestoreBatch(db: CarnetDb, batch: RestoreBatch): Promise<void> {
  const tables = [...SEALED_TABLES.map((t) => db[t]), db.files, db.fileChunks];
  await guard(() =>
    db.transaction('rw', tables, async () => {
      for (const table of SEALED_TABLES) {
        const rows = batch.rows.filter((r) => r.table === table).map((r) => r.row);
        if (rows.length > 0) await db[table].bulkPut(rows);
      }
      if (batch.files.length > 0) await db.files.bulkPut([...batch.files]);
      if (batch.chunks.length > 0) {
        const rows: FileChunkRow[] = batch.chunks.map((c) => ({
          fileId: c.fileId,
          index: c.index,
          data: c.data,
        }));
        await db.fileChunks.bulkPut(rows);
      }
    }),
  );
}
