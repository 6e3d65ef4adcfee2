/**
 * Which IndexedDB database holds the vault. A restore writes a whole new database and
 * then points here at it in one step, so a tab closed or a phone dying mid-restore leaves
 * the pointer (and the vault) as they were: never half of one and half of the other.
 * The pointer is only a database name (random, says nothing), kept in localStorage.
 */
import { DEFAULT_DB_NAME } from './tables.ts';

const POINTER_KEY = 'carnet.db';
/** New databases are named this, plus a random suffix. */
const RESTORE_PREFIX = 'carnet-';

/** In-memory stand-in where localStorage is missing or refused (tests, private modes). */
let fallback: string | undefined;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The name of the database that holds the vault now. */
export function activeDbName(): string {
  return storage()?.getItem(POINTER_KEY) ?? fallback ?? DEFAULT_DB_NAME;
}

/** Points at `name` as the vault's database, in one write. */
export function setActiveDbName(name: string): void {
  fallback = name;
  try {
    storage()?.setItem(POINTER_KEY, name);
  } catch {
    // storage refused: the in-memory pointer holds for this session
  }
}

/** A fresh, unused database name for a restore (random, so it says nothing). */
export function newDbName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return RESTORE_PREFIX + [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether `name` is one this module makes (a restore's database), for clean-up. */
function isRestoreDbName(name: string): boolean {
  return (
    name.startsWith(RESTORE_PREFIX) && /^[0-9a-f]{16}$/.test(name.slice(RESTORE_PREFIX.length))
  );
}

/**
 * Deletes what a restore cut short (tab closed, phone died) left: databases of its own
 * naming that the pointer does not name. Best effort: where the browser cannot list its
 * databases, nothing happens.
 */
export async function sweepRestoreLeftovers(factory: IDBFactory = indexedDB): Promise<void> {
  if (typeof factory.databases !== 'function') return;
  const active = activeDbName();
  for (const { name } of await factory.databases()) {
    if (name && name !== active && isRestoreDbName(name)) factory.deleteDatabase(name);
  }
}
