/**
 * Repository functions over CarnetDb. They move envelopes and non-secret settings only:
 * db/ never sees a key or a plaintext, and never imports libsodium.
 * Every function throws DbError (never returns null): a missing row is `undefined`.
 */
import type { Keyring } from '../crypto/types.ts';
import type { CarnetDb } from './schema.ts';
import type { SealedRow, SealedTable } from './tables.ts';
import { DEFAULT_DB_NAME, SEALED_TABLES } from './tables.ts';
import { DbError, guard } from './errors.ts';
import type { IndexWrite } from './vault-index.ts';

/**
 * Opens the database called `name` (the app's by default) and checks that it opens, so a
 * blocked or missing IndexedDB is reported as `unavailable` up front.
 */
export async function openCarnetDb(name: string = DEFAULT_DB_NAME): Promise<CarnetDb> {
  // Dexie loads here, on first use, not with the first screen (see peek.ts for what the
  // first screen needs). Offline, the service worker has the chunk.
  const { CarnetDb } = await guard(() => import('./schema.ts'));
  const db = new CarnetDb(name);
  await guard(() => db.open());
  return db;
}

/** The stored keyring, or `undefined` before the vault is created. */
export async function getKeyring(db: CarnetDb): Promise<Keyring | undefined> {
  const row = await guard(() => db.keyring.get('main'));
  return row?.keyring;
}

/**
 * Stores the keyring (after create, rewrap or a new recovery code), replacing the old one.
 * With `index` (a new vault), the vault index starts in the same transaction: a vault never
 * exists without one.
 */
export async function putKeyring(
  db: CarnetDb,
  keyring: Keyring,
  index?: IndexWrite,
): Promise<void> {
  await guard(() =>
    db.transaction('rw', db.keyring, db.vaultIndex, async () => {
      // A new wrap keeps the wrong-attempt count; a new vault starts it at 0.
      const row = await db.keyring.get('main');
      await db.keyring.put({ key: 'main', keyring, attempts: row?.attempts ?? 0 });
      if (index) {
        await db.vaultIndex.clear();
        await db.vaultIndex.bulkPut([...index.buckets, index.root]);
      }
    }),
  );
}

/**
 * Takes one unlock attempt, atomically (one read-write transaction on the keyring row, so
 * attempts from several tabs never count once): `allowed(count)` sees the wrong attempts
 * counted so far and says whether another may run; if so the count goes up by one before
 * the secret is checked, and the new count is returned; else null. The count lives in the
 * keyring row itself: it cannot be deleted apart from the vault. A keyring row without a
 * count (written before it existed, or edited) reads as `missingAs`.
 */
export async function reserveAttempt(
  db: CarnetDb,
  allowed: (count: number) => boolean,
  missingAs: number,
): Promise<number | null> {
  return guard(() =>
    db.transaction('rw', db.keyring, async () => {
      const row = await db.keyring.get('main');
      if (!row) return null;
      const count = row.attempts ?? missingAs;
      if (!allowed(count)) return null;
      await db.keyring.put({ ...row, attempts: count + 1 });
      return count + 1;
    }),
  );
}

/** Sets the wrong-attempt count (0 after a success; one less when a check could not run). */
export async function setAttempts(db: CarnetDb, change: (count: number) => number): Promise<void> {
  await guard(() =>
    db.transaction('rw', db.keyring, async () => {
      const row = await db.keyring.get('main');
      if (row) await db.keyring.put({ ...row, attempts: Math.max(0, change(row.attempts ?? 0)) });
    }),
  );
}

/** The wrong unlock attempts counted since the last success (see reserveAttempt). */
export async function getAttempts(db: CarnetDb): Promise<number | undefined> {
  const row = await guard(() => db.keyring.get('main'));
  return row?.attempts;
}

/**
 * Non-secret settings and counters kept in clear, readable before unlock. Extend this
 * interface (here, with a doc comment) for a new key; SECURITY.md lists what it may hold.
 */
export interface MetaValues {
  /** Idle time before the vault locks itself, in ms. */
  lockAfterIdleMs: number;
}

/** A meta setting, or `undefined` when never set. */
export async function getMeta<K extends keyof MetaValues>(
  db: CarnetDb,
  key: K,
): Promise<MetaValues[K] | undefined> {
  const row = await guard(() => db.meta.get(key));
  return row?.value as MetaValues[K] | undefined;
}

/** Sets a meta setting. */
export async function putMeta<K extends keyof MetaValues>(
  db: CarnetDb,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  await guard(() => db.meta.put({ key, value }));
}

function sealed(db: CarnetDb, table: SealedTable) {
  if (!SEALED_TABLES.includes(table)) throw new DbError('failed');
  return db[table];
}

/**
 * Stores sealed rows, inserting or replacing by id, all in one transaction: on any failure
 * (storage full included) none of them is written.
 * SECURITY: bypasses the vault index (record/index-writer.ts is how the app writes), so
 * what it writes is reported at unlock as changed outside Carnet; for tests and benchmarks.
 */
export async function putSealed(
  db: CarnetDb,
  table: SealedTable,
  rows: readonly SealedRow[],
): Promise<void> {
  const t = sealed(db, table);
  await guard(() => db.transaction('rw', t, () => t.bulkPut(rows as SealedRow[])));
}

/** Every row of a sealed table, in id order (random, so in no meaningful order). */
export async function getAllSealed(db: CarnetDb, table: SealedTable): Promise<SealedRow[]> {
  return guard(() => sealed(db, table).toArray());
}

/** One sealed row, or `undefined`. */
export async function getSealed(
  db: CarnetDb,
  table: SealedTable,
  id: string,
): Promise<SealedRow | undefined> {
  return guard(() => sealed(db, table).get(id));
}

/**
 * Deletes sealed rows by id (absent ids are ignored), in one transaction.
 * SECURITY: bypasses the vault index (record/index-writer.ts is how the app writes), so
 * what it writes is reported at unlock as changed outside Carnet; for tests and benchmarks.
 */
export async function deleteSealed(
  db: CarnetDb,
  table: SealedTable,
  ids: string | readonly string[],
): Promise<void> {
  const t = sealed(db, table);
  const list = typeof ids === 'string' ? [ids] : [...ids];
  await guard(() => db.transaction('rw', t, () => t.bulkDelete(list)));
}

/** One change in an atomic batch across sealed tables. */
export type SealedChange =
  | { readonly table: SealedTable; readonly put: readonly SealedRow[] }
  | { readonly table: SealedTable; readonly delete: readonly string[] };

/**
 * Applies puts and deletes across several sealed tables in one transaction (e.g. delete a
 * profile and all of its entries): all of them happen, or none.
 * SECURITY: bypasses the vault index (record/index-writer.ts is how the app writes), so
 * what it writes is reported at unlock as changed outside Carnet; for tests and benchmarks.
 */
export async function applySealed(db: CarnetDb, changes: readonly SealedChange[]): Promise<void> {
  const tables = [...new Set(changes.map((c) => c.table))].map((name) => sealed(db, name));
  if (tables.length === 0) return;
  await guard(() =>
    db.transaction('rw', tables, async () => {
      for (const change of changes) {
        const t = sealed(db, change.table);
        if ('put' in change) await t.bulkPut(change.put);
        else await t.bulkDelete([...change.delete]);
      }
    }),
  );
}

/**
 * Empties every table (keyring included) in one transaction: the vault becomes
 * unrecoverable. The database itself stays, ready for a new vault.
 */
export async function wipe(db: CarnetDb): Promise<void> {
  await guard(() =>
    db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear()))),
  );
}

/** Deletes the whole database called `name`. Close open handles first (`db.close()`). */
export async function deleteDatabase(name: string = DEFAULT_DB_NAME): Promise<void> {
  await guard(async () => (await import('dexie')).default.delete(name));
}
