/**
 * Rows that reach storage over time (batches the crypto worker seals one after the other),
 * written with the vault index's update in ONE transaction, so that storage writes a batch
 * while the worker seals the next instead of waiting for the last one.
 *
 * An IndexedDB transaction takes new requests only while it is active (during a request's
 * callback) and commits by itself as soon as it has nothing left to do; a batch that comes
 * back from the worker later could not join it. So while a batch or the index is not ready,
 * the transaction keeps one cheap read of the index in flight and looks again from that
 * read's callback: requests run in order, so that read only answers once the writes before
 * it are done, and storage never waits on it. Nothing commits before the index is written:
 * a failure anywhere (a batch the worker refused, the vault locked, a write storage
 * refused), or a tab closed halfway, aborts the transaction and leaves every row and the
 * index as they were.
 *
 * The root's version is read first, inside the transaction: the transaction holds the
 * index until it ends, so no other tab can write between that read and the commit
 * (compare-and-set as in commitIndexed; a version that moved on writes nothing).
 */
import { DbError, guard, toDbError } from './errors.ts';
import type { CarnetDb } from './schema.ts';
import type { IndexRootRow, SealedRow, SealedTable, VaultIndexRow } from './tables.ts';
import { SEALED_TABLES } from './tables.ts';
import type { IndexWrite } from './vault-index.ts';

/** Rows put (inserted or replaced by id) in one sealed table. */
export interface RowBatch {
  readonly table: SealedTable;
  readonly put: readonly SealedRow[];
}

/**
 * How long the transaction waits for the next batch or the index before it gives up and
 * writes nothing (a worker that stopped answering must not hold the index forever).
 */
export const STREAM_WAIT_MS = 60_000;

/** A key the keep-alive read asks for: never a row of the index (keys: 'root', 'legacy', 0..63). */
const KEEP_ALIVE_KEY = 'keep-alive';

type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; error: unknown };

/** What `promise` settled to so far, readable synchronously (undefined while pending). */
function track<T>(promise: PromiseLike<T>): () => Settled<T> | undefined {
  let state: Settled<T> | undefined;
  promise.then(
    (value) => (state = { ok: true, value }),
    (error: unknown) => (state = { ok: false, error }),
  );
  return () => state;
}

const isRoot = (row: VaultIndexRow | undefined): row is IndexRootRow => row?.key === 'root';

/**
 * Writes every batch of `batches` (in order, each once it resolves) and then `index`, in one
 * transaction over `tables` and the index, provided the stored root's version is `expect`
 * (null: no root), else throws DbError('conflict'). All of it happens, or none: a batch or
 * the index that rejects aborts the transaction and the call rejects with that reason.
 * `index` must not replace the whole index (commitIndexed does that).
 */
export async function commitIndexedStream(
  db: CarnetDb,
  tables: readonly SealedTable[],
  expect: number | null,
  batches: readonly PromiseLike<RowBatch>[],
  index: PromiseLike<IndexWrite>,
): Promise<void> {
  const batchStates = batches.map(track);
  const indexState = track(index);
  if (tables.some((t) => !SEALED_TABLES.includes(t))) throw new DbError('failed');
  if (!db.isOpen()) await guard(() => db.open());
  const idb = db.backendDB();
  return new Promise<void>((resolve, reject) => {
    let trans: IDBTransaction;
    try {
      // IndexedDB's own transaction: Dexie's run their callbacks in its own zone, which a
      // batch arriving from the worker is not in. Dexie adds nothing to these rows (no hooks).
      trans = idb.transaction([...new Set(tables), 'vaultIndex'], 'readwrite');
    } catch (err) {
      reject(toDbError(err));
      return;
    }
    let failure: { readonly error: unknown } | undefined;
    const fail = (error: unknown) => {
      if (failure) return;
      failure = { error };
      try {
        trans.abort();
      } catch {
        // Already finished (its own error aborted it): the abort event reports it.
      }
    };
    trans.addEventListener('complete', () => resolve());
    // A failure of ours keeps its reason (a batch the vault refused stays `locked`); one of
    // storage's (a write refused, quota at commit, the database closed) becomes a DbError.
    trans.addEventListener('abort', () => {
      const reason = failure?.error;
      reject(reason instanceof Error ? reason : toDbError(reason ?? trans.error));
    });

    // A request that fails aborts the transaction (its error event is not prevented).
    const put = (table: string, rows: readonly object[]) => {
      const store = trans.objectStore(table);
      for (const row of rows) store.put(row);
    };

    const index = trans.objectStore('vaultIndex');
    let next = 0;
    let waitingSince = Date.now();

    // Runs only from a request's success callback: the transaction is active.
    const advance = (): void => {
      try {
        while (next < batchStates.length) {
          const state = batchStates[next]!();
          if (!state) return keepAlive();
          if (!state.ok) return fail(state.error);
          put(state.value.table, state.value.put);
          next++;
          waitingSince = Date.now();
        }
        const state = indexState();
        if (!state) return keepAlive();
        if (!state.ok) return fail(state.error);
        if (state.value.whole) return fail(new DbError('failed'));
        put('vaultIndex', [...state.value.buckets, state.value.root]);
        // Nothing more goes out: once these writes are done, the transaction commits.
      } catch (err) {
        // A row storage cannot take (or the transaction ended under us).
        fail(toDbError(err));
      }
    };

    const keepAlive = (): void => {
      if (Date.now() - waitingSince > STREAM_WAIT_MS) return fail(new DbError('failed'));
      index.get(KEEP_ALIVE_KEY).onsuccess = advance;
    };

    try {
      const read = index.get('root');
      read.onsuccess = () => {
        const root = read.result as VaultIndexRow | undefined;
        // Object.is: a version altered into NaN still equals itself (see commitIndexed).
        if (!Object.is(isRoot(root) ? root.version : null, expect)) {
          return fail(new DbError('conflict'));
        }
        advance();
      };
    } catch (err) {
      fail(toDbError(err));
    }
  });
}
