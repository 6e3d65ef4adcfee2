/**
 * The one read the first screen needs (is there a vault, and does a PIN or a passphrase
 * open it?) with the browser's IndexedDB API alone, so the onboarding and unlock screens
 * paint without waiting for Dexie. Everything else goes through Dexie (repo.ts).
 */
import type { Keyring } from '../crypto/types.ts';
import { DbError, toDbError } from './errors.ts';
import type { KeyringRow } from './tables.ts';
import { DEFAULT_DB_NAME } from './tables.ts';

/** Dexie's name for the keyring table is also its IndexedDB object store's name. */
const KEYRING_STORE = 'keyring';

/** Opens `name` as it is, or resolves to undefined when no such database exists. */
function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    let absent = false;
    // A database that did not exist is being created: undo that, so a look leaves no trace
    // (aborting the first upgrade deletes the new database).
    request.onupgradeneeded = (event) => {
      if (event.oldVersion === 0) {
        absent = true;
        request.transaction?.abort();
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // Never stand in the way of Dexie opening or upgrading the database.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      if (absent) {
        event.preventDefault();
        resolve(undefined);
      } else {
        reject(toDbError(request.error));
      }
    };
  });
}

/**
 * The stored keyring, read without Dexie and without creating the database; `undefined`
 * before the vault is created. Throws DbError (`unavailable` when IndexedDB is missing or
 * refused).
 */
export async function peekKeyring(name: string = DEFAULT_DB_NAME): Promise<Keyring | undefined> {
  let factory: IDBFactory | undefined;
  try {
    factory = globalThis.indexedDB;
  } catch {
    // Some browsers throw on access in private windows.
  }
  if (!factory) throw new DbError('unavailable');
  let db: IDBDatabase | undefined;
  try {
    db = await openExisting(factory, name);
  } catch (error) {
    throw toDbError(error);
  }
  if (!db) return undefined;
  try {
    if (!db.objectStoreNames.contains(KEYRING_STORE)) return undefined;
    const store = db.transaction(KEYRING_STORE, 'readonly').objectStore(KEYRING_STORE);
    const row = await new Promise<KeyringRow | undefined>((resolve, reject) => {
      const get = store.get('main');
      get.onsuccess = () => resolve(get.result as KeyringRow | undefined);
      get.onerror = () => reject(toDbError(get.error));
    });
    return row?.keyring;
  } catch (error) {
    throw toDbError(error);
  } finally {
    db.close();
  }
}
