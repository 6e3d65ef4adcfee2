import { CryptoError } from '../crypto/types.ts';
import type { CarnetDb } from '../db/index.ts';
import { deleteMeta, getMeta, putMeta } from '../db/index.ts';
import { RecordError } from './errors.ts';

/**
 * The growing wait after wrong PIN or passphrase attempts.
 *
 * SECURITY: this slows a person trying PINs on the phone itself; it is kept in IndexedDB
 * so a reload does not reset it. It does not stop an attacker who copies the files off
 * the phone: Argon2id's cost is what slows them (see SECURITY.md).
 */

export interface FailedAttempts {
  /** Wrong attempts since the last successful unlock. */
  readonly count: number;
  /** When the last wrong attempt happened, ms since the epoch. */
  readonly lastAt: number;
}

/** Attempts allowed without any wait; typos happen. */
const FREE_ATTEMPTS = 2;
/** The longest wait, so a child playing with the phone cannot lock a parent out for days. */
const MAX_DELAY_MS = 15 * 60_000;

/** Wait imposed after `count` consecutive wrong attempts: 0, 0, 5 s, 10 s, 20 s... up to 15 min. */
export function delayAfter(count: number): number {
  if (count <= FREE_ATTEMPTS) return 0;
  return Math.min(5_000 * 2 ** (count - FREE_ATTEMPTS - 1), MAX_DELAY_MS);
}

/** Milliseconds left before the next attempt is allowed (0 when it is allowed now). */
export function retryAfterMs(attempts: FailedAttempts | undefined, now: number): number {
  if (!attempts) return 0;
  const delay = delayAfter(attempts.count);
  // A clock set backwards must not lock the patient out for longer than the delay itself.
  return Math.max(0, Math.min(attempts.lastAt + delay - now, delay));
}

/** A gate that counts wrong secrets in the database (across reloads) and makes them wait. */
export interface AttemptGate {
  /**
   * Runs one check of a secret (unlock, or the current PIN before a change). Throws
   * RecordError('throttled') while the wait runs; a CryptoError('wrong-secret') is counted
   * and rethrown as RecordError('wrong-secret') with the next wait; success clears the count.
   */
  attempt<T>(check: () => Promise<T>): Promise<T>;
  /** Milliseconds before another attempt is allowed. */
  retryAfterMs(): Promise<number>;
}

/** The attempt gate over the database's `unlockFailures` counter. */
export function attemptGate(db: () => Promise<CarnetDb>): AttemptGate {
  const read = async () => {
    const f = await getMeta(await db(), 'unlockFailures');
    return f && { count: f.count, lastAt: f.lastFailureAt };
  };
  return {
    async attempt(check) {
      const d = await db();
      const failures = await read();
      const now = Date.now();
      const wait = retryAfterMs(failures, now);
      if (wait > 0) throw new RecordError('throttled', { retryAfterMs: wait });
      let result;
      try {
        result = await check();
      } catch (err) {
        if (err instanceof CryptoError && err.code === 'wrong-secret') {
          const count = (failures?.count ?? 0) + 1;
          await putMeta(d, 'unlockFailures', { count, lastFailureAt: now });
          throw new RecordError('wrong-secret', { retryAfterMs: delayAfter(count) });
        }
        throw err;
      }
      await deleteMeta(d, 'unlockFailures');
      return result;
    },
    retryAfterMs: async () => retryAfterMs(await read(), Date.now()),
  };
}
