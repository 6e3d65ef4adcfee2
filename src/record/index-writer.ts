/**
 * Every write of the record goes through here: the rows and the vault index's update are
 * one IndexedDB transaction, so a tab closed halfway leaves both as they were or both done.
 * The MAC is computed in the crypto worker, which a transaction cannot wait for; so a write
 * prepares the new buckets and root first, then commits only if the root's version is still
 * the one it built on (compare-and-set). Another tab that wrote meanwhile makes it start
 * over from storage: the version never goes backwards and no tab's change is lost.
 *
 * Many rows at once (commitStreamed) do not wait for the last one to be sealed: the
 * transaction opens with the first batch, writes each batch as the worker hands it back,
 * and stays open (db/streamed-commit.ts) until the new root is sealed and written with them.
 * There the compare-and-set reads the root inside the transaction, which holds the index
 * until it ends: a tab that wrote before it opened makes it start over, one that writes
 * after waits for it.
 *
 * The writer keeps in memory the index it last sealed or saw verified (by the check at
 * unlock, or by reading and checking it after another tab wrote), so that saving an entry
 * costs one transaction, one bucket and one MAC whatever the record's size.
 */
import { bytesEqual } from '../crypto/encoding.ts';
import type { VaultService } from '../crypto/types.ts';
import type {
  CarnetDb,
  IndexBucketRow,
  IndexRootRow,
  IndexWrite,
  SealedRow,
  SealedTable,
  StoredChange,
} from '../db/index.ts';
import {
  DbError,
  commitIndexed,
  commitIndexedStream,
  readIndex,
  readIndexSnapshot,
} from '../db/index.ts';
import type { Items } from './vault-index.ts';
import {
  BUCKET_COUNT,
  DIGEST_BYTES,
  bucketOf,
  buildIndex,
  byBucket,
  decodeBucket,
  encodeBucket,
  envelopeDigests,
  fileDigest,
  itemKey,
  rootDigest,
  rootIsSealed,
  sealRoot,
  sha256,
  snapshotItems,
} from './vault-index.ts';

/** Tries before a write gives up because other tabs keep writing first. */
const MAX_ATTEMPTS = 12;
const EMPTY = new Uint8Array(0);
const ALL_BUCKETS = Array.from({ length: BUCKET_COUNT }, (_, b) => b);

/** An index known to be this vault's: its sealed root and every bucket's items. */
interface KnownIndex {
  readonly db: string;
  readonly root: IndexRootRow;
  readonly buckets: readonly Items[];
}

export interface IndexWriter {
  /**
   * Applies `changes` (sealed rows, file headers; a file deleted loses its chunks) and the
   * index's matching update, in one transaction. Needs the vault unlocked (`locked`).
   */
  commit(changes: readonly StoredChange[]): Promise<void>;
  /**
   * Puts rows into `table` as they come back sealed, batch after batch, and the index's
   * matching update, in one transaction (see db/streamed-commit.ts): storage writes a batch
   * while the worker seals the next. Nothing is written when any batch rejects.
   */
  commitStreamed(
    table: SealedTable,
    batches: readonly Promise<readonly SealedRow[]>[],
  ): Promise<void>;
  /**
   * Builds a whole new index over what `target` (the store's database unless given) holds
   * now, trusting it as it is: after a restore, on a vault from before the index, and when
   * the patient accepts the record as it is.
   */
  rebuild(target?: CarnetDb): Promise<void>;
  /** The first index of a new vault (empty), to store with its keyring. */
  fresh(): Promise<IndexWrite>;
  /**
   * Takes an index the check verified: `root` sealed by this vault, `buckets` the items it
   * vouches for. Later writes build on it without reading it again.
   */
  verified(db: CarnetDb, root: IndexRootRow, buckets: readonly Items[]): void;
  /** Forgets the index it knows (after an unlock or a change of database). */
  forget(): void;
}

/** A version read from storage, made safe to add one to (an altered one restarts at 0). */
function versionOf(root: IndexRootRow | undefined): number {
  const v = root?.version;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : 0;
}

function deletedAtOf(root: IndexRootRow | undefined): number {
  const at = root?.deletedAt;
  return typeof at === 'number' && Number.isFinite(at) && at >= 0 ? at : 0;
}

/** Whether a change deletes part of the record (preferences are not the record). */
const deletesRecord = (c: StoredChange) =>
  'delete' in c && c.delete.length > 0 && c.table !== 'prefs';

const filesPut = (changes: readonly StoredChange[]) =>
  changes.flatMap((c) => (c.table === 'files' && 'put' in c ? c.put : []));

function keysOf(change: StoredChange): string[] {
  const ids = 'put' in change ? change.put.map((r) => r.id) : change.delete;
  return ids.map((id) => itemKey(change.table, id));
}

/** Envelope -> SHA-256, for every sealed row a change puts (files: with their chunk count). */
type Digests = Map<Uint8Array, Uint8Array>;

async function digestRows(changes: readonly StoredChange[]): Promise<Digests> {
  const envs = changes.flatMap((c) =>
    c.table !== 'files' && 'put' in c ? c.put.map((r) => r.env) : [],
  );
  const digests = await envelopeDigests(envs);
  return new Map(envs.map((env, i) => [env, digests[i]!]));
}

/** `buckets` with `changes` applied to the touched ones (copies; the others shared). */
function applied(
  buckets: readonly Items[],
  touched: readonly number[],
  changes: readonly StoredChange[],
  digestOf: (change: StoredChange, id: string, env: Uint8Array) => Uint8Array,
): Items[] {
  const next = [...buckets];
  for (const b of touched) next[b] = new Map(buckets[b]);
  for (const change of changes) {
    if ('put' in change) {
      for (const row of change.put) {
        const key = itemKey(change.table, row.id);
        next[bucketOf(key)]!.set(key, digestOf(change, row.id, row.env));
      }
    } else {
      for (const id of change.delete) {
        const key = itemKey(change.table, id);
        next[bucketOf(key)]!.delete(key);
      }
    }
  }
  return next;
}

/**
 * The stored index, read whole and checked: its root sealed by this vault and every bucket
 * as the root says. `index` is absent when it is not (missing, altered, a stand-in, or a
 * database from before the index); `root` is the stored one either way, for its version.
 */
async function readVerified(
  vault: VaultService,
  d: CarnetDb,
): Promise<{ root: IndexRootRow | undefined; index?: KnownIndex }> {
  const stored = await readIndex(d, ALL_BUCKETS);
  const { root } = stored;
  if (!root || stored.legacy || !(await rootIsSealed(vault, root))) return { root };
  const buckets: Items[] = [];
  for (const b of ALL_BUCKETS) {
    const bytes = stored.buckets.get(b) ?? EMPTY;
    const items = decodeBucket(bytes);
    if (!items || !bytesEqual(await sha256(bytes), rootDigest(root, b))) return { root };
    buckets.push(items);
  }
  return { root, index: { db: d.name, root, buckets } };
}

/**
 * SECURITY: an index that is missing, altered, or not built yet (a vault from before it) is
 * never extended: sealing it now would vouch for whatever was done to it. The write goes
 * through; the index keeps this stand-in root, which no MAC vouches for (its version moves
 * on, so a rebuild racing the write starts over), and the next check reports it until the
 * patient accepts the record or restores a backup.
 */
function standIn(root: IndexRootRow | undefined, deleting: boolean): IndexRootRow {
  return {
    key: 'root',
    version: versionOf(root) + 1,
    deletedAt: deleting ? Date.now() : deletedAtOf(root),
    digests: EMPTY,
    mac: EMPTY,
  };
}

/** The index after `changes`, built on `base`: the touched buckets and a new sealed root. */
async function nextIndex(
  vault: VaultService,
  d: CarnetDb,
  base: KnownIndex,
  changes: readonly StoredChange[],
  rowDigests: Digests,
): Promise<{ write: IndexWrite; buckets: Items[] }> {
  const files = filesPut(changes);
  const counts = files.length
    ? (
        await readIndex(
          d,
          [],
          files.map((f) => f.id),
        )
      ).chunkCounts
    : new Map<string, number>();
  const fileDigests = new Map(
    await Promise.all(
      files.map(async (f) => [f.id, await fileDigest(f.env, counts.get(f.id) ?? 0)] as const),
    ),
  );
  const touched = [...new Set(changes.flatMap(keysOf).map(bucketOf))];
  const buckets = applied(
    base.buckets,
    touched,
    changes,
    (change, id, env) =>
      (change.table === 'files' ? fileDigests.get(id) : rowDigests.get(env)) ?? EMPTY,
  );
  const digests = new Uint8Array(base.root.digests);
  const rows: IndexBucketRow[] = await Promise.all(
    touched.map(async (b) => {
      const bytes = encodeBucket(buckets[b]!);
      digests.set(await sha256(bytes), b * DIGEST_BYTES);
      return { key: b, items: bytes };
    }),
  );
  const deletedAt = changes.some(deletesRecord) ? Date.now() : base.root.deletedAt;
  const root = await sealRoot(vault, base.root.version + 1, deletedAt, digests);
  return { write: { root, buckets: rows }, buckets };
}

/** Runs `once` until it commits, starting over when another tab wrote first. */
async function retrying(once: () => Promise<void>): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      return await once();
    } catch (err) {
      if (!(err instanceof DbError && err.code === 'conflict') || tries >= MAX_ATTEMPTS) throw err;
    }
  }
}

/** Rows on their way from the worker, for commitStreamed. */
interface Streamed {
  readonly table: SealedTable;
  readonly batches: readonly Promise<readonly SealedRow[]>[];
  readonly digested: Promise<Digests>;
}

/**
 * Each batch's digests, computed as soon as it is sealed, once whatever the tries. This
 * also handles a batch's failure at once (the try that reaches it reports it), even while
 * the write still waits behind another.
 */
function digestBatches(
  table: SealedTable,
  batches: readonly Promise<readonly SealedRow[]>[],
): Promise<Digests> {
  const digested = Promise.all(
    batches.map((batch) => batch.then((put) => digestRows([{ table, put }]))),
  ).then((maps): Digests => new Map(maps.flatMap((m) => [...m])));
  digested.catch(() => undefined);
  return digested;
}

/**
 * One try of a streamed write over `base` (the index this tab knows; read and checked when
 * absent). The new index is built once every batch is sealed and digested, while storage
 * still writes the last batches. Resolves to the index now known (none over a stand-in).
 */
async function streamOnce(
  vault: VaultService,
  d: CarnetDb,
  known: KnownIndex | undefined,
  { table, batches, digested }: Streamed,
): Promise<KnownIndex | undefined> {
  let base = known;
  let expect = base ? base.root.version : null;
  let stored: IndexRootRow | undefined;
  if (!base) {
    const read = await readVerified(vault, d);
    expect = read.root ? read.root.version : null;
    base = read.index;
    stored = read.root;
  }
  const built = base;
  const next = Promise.all([Promise.all(batches), digested]).then(
    async ([sealed, rowDigests]): Promise<{ write: IndexWrite; buckets?: Items[] }> => {
      if (!built) return { write: { root: standIn(stored, false), buckets: [] } };
      return nextIndex(vault, d, built, [{ table, put: sealed.flat() }], rowDigests);
    },
  );
  // The transaction opens once there is something to write.
  await batches[0];
  const rows = batches.map((batch) => batch.then((put) => ({ table, put })));
  await commitIndexedStream(
    d,
    [table],
    expect,
    rows,
    next.then((n) => n.write),
  );
  const { write, buckets } = await next;
  return buckets ? { db: d.name, root: write.root, buckets } : undefined;
}

/** The index writer of one store, over its vault and its database. */
export function indexWriter(vault: VaultService, db: () => Promise<CarnetDb>): IndexWriter {
  /** The index last sealed or seen verified; later writes build on it without a read. */
  let known: KnownIndex | undefined;
  // One write at a time in this tab: a tab never races itself, only other tabs.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  async function attempt(d: CarnetDb, changes: readonly StoredChange[], rowDigests: Digests) {
    let base = known?.db === d.name ? known : undefined;
    let expect = base ? base.root.version : null;
    if (!base) {
      const read = await readVerified(vault, d);
      expect = read.root ? read.root.version : null;
      base = read.index;
      if (!base) {
        const root = standIn(read.root, changes.some(deletesRecord));
        return commitIndexed(d, changes, expect, { root, buckets: [] });
      }
    }
    const next = await nextIndex(vault, d, base, changes, rowDigests);
    try {
      await commitIndexed(d, changes, expect, next.write);
    } catch (err) {
      // Another tab wrote first (or storage failed): what this tab knew is stale.
      known = undefined;
      throw err;
    }
    known = { db: d.name, root: next.write.root, buckets: next.buckets };
  }

  /** One try of commitStreamed, over the index this tab knows (or reads). */
  async function attemptStreamed(
    d: CarnetDb,
    table: SealedTable,
    batches: readonly Promise<readonly SealedRow[]>[],
    digested: Promise<Digests>,
  ) {
    const base = known?.db === d.name ? known : undefined;
    try {
      known = await streamOnce(vault, d, base, { table, batches, digested });
    } catch (err) {
      // Another tab wrote first (or storage failed): what this tab knew is stale.
      known = undefined;
      throw err;
    }
  }

  return {
    commit: (changes) =>
      serial(async () => {
        if (changes.every((c) => ('put' in c ? c.put : c.delete).length === 0)) return;
        const d = await db();
        // The envelopes' digests do not depend on the index: computed once, whatever the tries.
        const rowDigests = await digestRows(changes);
        await retrying(() => attempt(d, changes, rowDigests));
      }),
    commitStreamed: (table, batches) => {
      if (batches.length === 0) return Promise.resolve();
      const digested = digestBatches(table, batches);
      return serial(async () => {
        const d = await db();
        await retrying(() => attemptStreamed(d, table, batches, digested));
      });
    },
    rebuild: (target) =>
      serial(async () => {
        const d = target ?? (await db());
        await retrying(async () => {
          const snapshot = await readIndexSnapshot(d);
          const items = await snapshotItems(snapshot);
          const { root } = snapshot;
          const index = await buildIndex(vault, items, versionOf(root) + 1, deletedAtOf(root));
          await commitIndexed(d, [], root ? root.version : null, index);
          known = { db: d.name, root: index.root, buckets: byBucket(items) };
        });
      }),
    fresh: () => buildIndex(vault, new Map(), 1, 0),
    verified: (d, root, buckets) => {
      known = { db: d.name, root, buckets };
    },
    forget: () => {
      known = undefined;
    },
  };
}
