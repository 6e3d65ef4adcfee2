/**
 * The one error type db/ throws, with a code the features map to an `errors:` key.
 */

/** Why a storage operation failed. */
export type DbErrorCode =
  | 'quota-exceeded' // the browser refused to store more (disk full or quota); nothing was written
  | 'unavailable' // IndexedDB is missing, blocked or closed (private mode, storage wiped)
  | 'version-too-new' // the database was written by a newer Carnet than this one
  | 'conflict' // another tab changed the vault index first; nothing was written, try again
  | 'failed'; // any other storage failure; the transaction was rolled back

/** A storage failure. Never carries row content: only a code. */
export class DbError extends Error {
  override readonly name = 'DbError';
  constructor(readonly code: DbErrorCode) {
    // SECURITY: the message is the code only; a row's bytes never reach a log or a report.
    super(`db: ${code}`);
  }
}

const UNAVAILABLE = new Set([
  'MissingAPIError',
  'OpenFailedError',
  'DatabaseClosedError',
  'InvalidStateError',
  'SecurityError',
  'BlockedError',
]);

function namesOf(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner;
  }
  return names;
}

/**
 * Maps anything IndexedDB or Dexie throws to a DbError, looking through Dexie's wrappers
 * (an AbortError whose inner error is a QuotaExceededError is `quota-exceeded`).
 */
export function toDbError(error: unknown): DbError {
  if (error instanceof DbError) return error;
  const names = namesOf(error);
  if (names.includes('QuotaExceededError')) return new DbError('quota-exceeded');
  if (names.includes('VersionError')) return new DbError('version-too-new');
  if (names.some((n) => UNAVAILABLE.has(n))) return new DbError('unavailable');
  return new DbError('failed');
}

/** Runs a storage operation, turning any failure into a DbError. */
export async function guard<T>(operation: () => PromiseLike<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toDbError(error);
  }
}
