/**
 * Storage for the vault index (record/vault-index.ts gives its meaning): reading it, taking
 * a consistent picture of everything it covers, and writing rows together with the index's
 * update in one transaction, only over the version that was read (compare-and-set).
 * db/ only moves its bytes: the digests and the MAC are computed in record/.
 */
import type { Table } from 'dexie';
import type { Envelope } from '../crypto/types.ts';
import { DbError, guard } from './errors.ts';
import type { CarnetDb } from './schema.ts';
import type {
  IndexBucketRow,
  IndexRootRow,
  IndexedTable,
  SealedRow,
  SealedTable,
  VaultIndexRow,
} from './tables.ts';
import { SEALED_TABLES } from './tables.ts';

export { STREAM_WAIT_MS, commitIndexedStream } from './streamed-commit.ts';

/** One change the index follows: rows put (replaced by id) or deleted, in one table. */
export type StoredChange =
  | { readonly table: IndexedTable; readonly put: readonly SealedRow[] }
  | { readonly table: IndexedTable; readonly delete: readonly string[] };

/** The index as stored: its root (when any), the legacy mark, and the buckets asked for. */
export interface StoredIndex {
  readonly root: IndexRootRow | undefined;
  readonly legacy: boolean;
  /** Bucket number -> its stored items; a bucket without a row is absent. */
  readonly buckets: ReadonlyMap<number, Uint8Array>;
}

/** What one change of the index writes beside the rows. */
export interface IndexWrite {
  readonly root: IndexRootRow;
  readonly buckets: readonly IndexBucketRow[];
  /** The whole index is new: every other bucket row and the legacy mark go. */
  readonly whole?: boolean;
}

/** Everything the index covers, read in one transaction, so no write lands halfway. */
export interface IndexSnapshot extends StoredIndex {
  readonly rows: readonly {
    readonly table: SealedTable;
    readonly id: string;
    readonly env: Envelope;
  }[];
  /** File headers: a file exists once its header does. */
  readonly files: readonly { readonly id: string; readonly env: Envelope }[];
  /** Each file id -> its chunk indexes, ascending, from the keys alone (no chunk is read). */
  readonly chunks: ReadonlyMap<string, readonly number[]>;
}

const isRoot = (row: VaultIndexRow | undefined): row is IndexRootRow => row?.key === 'root';
const isBucket = (row: VaultIndexRow): row is IndexBucketRow => typeof row.key === 'number';

function storedIndex(rows: readonly (VaultIndexRow | undefined)[]): StoredIndex {
  const buckets = new Map<number, Uint8Array>();
  let root: IndexRootRow | undefined;
  let legacy = false;
  for (const row of rows) {
    if (!row) continue;
    if (isRoot(row)) root = row;
    else if (row.key === 'legacy') legacy = true;
    else if (isBucket(row) && row.items instanceof Uint8Array) buckets.set(row.key, row.items);
  }
  return { root, legacy, buckets };
}

/**
 * The root, the legacy mark and the given buckets, and how many chunks each of `files`
 * has stored, all in one read transaction.
 */
export async function readIndex(
  db: CarnetDb,
  buckets: readonly number[],
  files: readonly string[] = [],
): Promise<StoredIndex & { readonly chunkCounts: ReadonlyMap<string, number> }> {
  return guard(() =>
    db.transaction('r', db.vaultIndex, db.fileChunks, async () => {
      const rows = await db.vaultIndex.bulkGet(['root', 'legacy', ...buckets]);
      const counts = await Promise.all(
        files.map((id) => db.fileChunks.where('fileId').equals(id).count()),
      );
      const chunkCounts = new Map(files.map((id, i) => [id, counts[i] ?? 0]));
      return { ...storedIndex(rows), chunkCounts };
    }),
  );
}

/** The whole index and every row, file header and chunk key it covers, in one transaction. */
export async function readIndexSnapshot(db: CarnetDb): Promise<IndexSnapshot> {
  const tables = [...SEALED_TABLES.map((t) => db[t]), db.files, db.fileChunks, db.vaultIndex];
  return guard(() =>
    db.transaction('r', tables, async () => {
      const index = storedIndex(await db.vaultIndex.toArray());
      const rows: { table: SealedTable; id: string; env: Envelope }[] = [];
      for (const table of SEALED_TABLES) {
        for (const row of await db[table].toArray()) rows.push({ table, id: row.id, env: row.env });
      }
      const files = (await db.files.toArray()).map((row) => ({ id: row.id, env: row.env }));
      // Keys only, in [fileId+index] order: indexes come out ascending for each file.
      const keys = await db.fileChunks.orderBy('[fileId+index]').primaryKeys();
      const chunks = new Map<string, number[]>();
      for (const [fileId, index] of keys) {
        const list = chunks.get(fileId);
        if (list) list.push(index);
        else chunks.set(fileId, [index]);
      }
      return { ...index, rows, files, chunks };
    }),
  );
}

/**
 * Applies `changes` and writes `index`, all in one transaction, provided the stored root's
 * version is still `expect` (null: no root): else throws DbError('conflict') and writes
 * nothing. Deleting a file deletes its chunks too. Either every row and the index change
 * together, or none does (a tab closed halfway leaves the state before).
 */
export async function commitIndexed(
  db: CarnetDb,
  changes: readonly StoredChange[],
  expect: number | null,
  index: IndexWrite,
): Promise<void> {
  const names = new Set(changes.map((c) => c.table));
  if ([...names].some((n) => n !== 'files' && !SEALED_TABLES.includes(n))) {
    throw new DbError('failed');
  }
  const tables: Table[] = [...[...names].map((name) => db[name]), db.vaultIndex];
  if (names.has('files')) tables.push(db.fileChunks);
  await guard(() =>
    db.transaction('rw', tables, async () => {
      // Every request goes out at once (IndexedDB runs them in order, within the one
      // transaction): the root is read as it was before the writes that follow it, and a
      // version that moved on throws, which aborts the transaction and undoes them all.
      const stored = db.vaultIndex.get('root');
      const writes: Promise<unknown>[] = [];
      for (const change of changes) {
        const table = db[change.table];
        if ('put' in change) {
          if (change.put.length > 0) writes.push(table.bulkPut([...change.put]));
        } else if (change.delete.length > 0) {
          writes.push(table.bulkDelete([...change.delete]));
          if (change.table === 'files') {
            writes.push(
              db.fileChunks
                .where('fileId')
                .anyOf([...change.delete])
                .delete(),
            );
          }
        }
      }
      if (index.whole) writes.push(db.vaultIndex.clear());
      writes.push(db.vaultIndex.bulkPut([...index.buckets, index.root]));
      const [root] = await Promise.all([stored, ...writes]);
      // Object.is: a version altered into NaN still equals itself, so it cannot block writes.
      if (!Object.is(isRoot(root) ? root.version : null, expect)) throw new DbError('conflict');
    }),
  );
}

/** The stored root, when any (readable locked: it holds no secret). */
export async function getIndexRoot(db: CarnetDb): Promise<IndexRootRow | undefined> {
  const row = await guard(() => db.vaultIndex.get('root'));
  return isRoot(row) ? row : undefined;
}
