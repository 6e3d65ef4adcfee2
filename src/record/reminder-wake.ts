import { RecordError } from './errors.ts';
import type { IsoDate } from './types.ts';

/**
 * The reminder days kept for the service worker, which wakes up now and then while Carnet
 * is closed and cannot read the vault (the keys exist only while it is open). It is the one
 * part of the reminders kept outside the vault, in clear, in a small IndexedDB database of
 * its own (localStorage does not exist in a service worker). It exists only while the
 * patient allows notifications and some reminder reaches a stage on a coming day.
 *
 * SECURITY: plaintext by necessity, so it holds exactly the fields of WakeList: days, and
 * the generic words of the notification, nothing of which paper, whose, or any health
 * matter. SECURITY.md ("Reminders") lists them.
 *
 * public/sw-notifications.js reads and trims the same record: the database, store and key
 * names and the format `v: 1` here and there must stay the same.
 */

/** The database, its one object store, and the one record in it. */
export const WAKE_DB = 'carnet-wake';
const STORE = 'wake';
const KEY = 'reminders';

/** Format version 1. Every field is listed in SECURITY.md. */
export interface WakeList {
  readonly v: 1;
  /** The coming days (`YYYY-MM-DD`, local) a reminder reaches a stage, soonest first. */
  readonly days: readonly IsoDate[];
  /** The notification's words as the open app shows them: they say nothing of the record. */
  readonly title: string;
  readonly body: string;
  /** Their language (BCP 47). */
  readonly lang: string;
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function ended(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

function open(idb: IDBFactory): Promise<IDBDatabase> {
  const req = idb.open(WAKE_DB, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  return done(req).then((db) => {
    // A deletion (removeWakeList, or the service worker's) must never wait on this one.
    db.onversionchange = () => db.close();
    return db;
  });
}

const isDay = (x: unknown) => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x);

/** The list from its stored value; null when it is not a list this version reads. */
function parseWakeList(value: unknown): WakeList | null {
  if (!value || typeof value !== 'object') return null;
  const { v, days, title, body, lang } = value as Record<string, unknown>;
  const ok =
    v === 1 &&
    Array.isArray(days) &&
    days.every(isDay) &&
    typeof title === 'string' &&
    typeof body === 'string' &&
    typeof lang === 'string';
  return ok ? { v, days: days as IsoDate[], title, body, lang } : null;
}

/**
 * Stores `list` in place of any earlier one, with exactly its fields. RecordError
 * `storage-full` or `unavailable` when the browser refuses.
 */
export async function writeWakeList(
  list: WakeList,
  idb: IDBFactory | undefined = globalThis.indexedDB,
): Promise<void> {
  if (!idb) throw new RecordError('unavailable');
  const { v, days, title, body, lang } = list;
  let db: IDBDatabase | undefined;
  try {
    db = await open(idb);
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put({ v, days: [...days], title, body, lang }, KEY);
    await ended(tx);
  } catch (err) {
    const full = err instanceof DOMException && err.name === 'QuotaExceededError';
    throw new RecordError(full ? 'storage-full' : 'unavailable');
  } finally {
    db?.close();
  }
}

/** The stored list, or null when there is none (or none this version reads). */
export async function readWakeList(
  idb: IDBFactory | undefined = globalThis.indexedDB,
): Promise<WakeList | null> {
  if (!idb || !(await hasWakeDb(idb))) return null;
  const db = await open(idb);
  try {
    return parseWakeList(await done(db.transaction(STORE).objectStore(STORE).get(KEY)));
  } finally {
    db.close();
  }
}

/** Whether the database exists, without creating it when it does not. */
async function hasWakeDb(idb: IDBFactory): Promise<boolean> {
  const all = await idb.databases();
  return all.some((d) => d.name === WAKE_DB);
}

/**
 * Deletes the whole database: nothing of the reminders stays outside the vault, not even an
 * empty database saying notifications were once on. Never fails; resolves once deleted, or
 * once the deletion waits on a connection still open (the service worker's, which closes at
 * once), since any later write queues behind it.
 */
export function removeWakeList(idb: IDBFactory | undefined = globalThis.indexedDB): Promise<void> {
  return new Promise((resolve) => {
    try {
      if (!idb) return resolve();
      const req = idb.deleteDatabase(WAKE_DB);
      req.onsuccess = req.onerror = req.onblocked = () => resolve();
    } catch {
      // A browser that refuses IndexedDB holds no list either.
      resolve();
    }
  });
}
