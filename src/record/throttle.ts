import { CryptoError } from '../crypto/types.ts';
import type { CarnetDb } from '../db/index.ts';
import { getAttempts, reserveAttempt, setAttempts } from '../db/index.ts';
import { RecordError } from './errors.ts';

/**
 * The growing wait after wrong PIN or passphrase attempts.
 *
 * SECURITY: this slows a person trying PINs on the phone itself; it is kept in IndexedDB
 * so a reload does not reset it. It does not stop an attacker who copies the files off
 * the phone: Argon2id's cost is what slows them (see SECURITY.md).
 */

/** Attempts allowed without any wait; typos happen. */
const FREE_ATTEMPTS = 2;
/** The longest wait, so a child playing with the phone cannot lock a parent out for days. */
const MAX_DELAY_MS = 15 * 60_000;

/** Wait imposed after `count` consecutive wrong attempts: 0, 0, 5 s, 10 s, 20 s... up to 15 min. */
export function delayAfter(count: number): number {
  if (count <= FREE_ATTEMPTS) return 0;
  return Math.min(5_000 * 2 ** (count - FREE_ATTEMPTS - 1), MAX_DELAY_MS);
}

/** A gate that counts wrong secrets in the database (across reloads) and makes them wait. */
export interface AttemptGate {
  /**
   * Runs one check of a secret (unlock, or the current PIN before a change). Throws
   * RecordError('throttled') while the wait runs. The attempt is counted before the check
   * runs; a CryptoError('wrong-secret') is rethrown as RecordError('wrong-secret') with the
   * next wait; success clears the count; a check that could not run is not counted.
   */
  attempt<T>(check: () => Promise<T>): Promise<T>;
  /** Milliseconds before another attempt is allowed. */
  retryAfterMs(): Promise<number>;
}

/**
 * Where this page started waiting for each count, in monotonic milliseconds
 * (performance.now): the wait is measured here, never with the phone's clock, so setting
 * the clock forward skips nothing. A reload starts the wait again from the top.
 */
const waitingSince = new Map<number, number>();

/** Milliseconds this page must still wait after `count` wrong attempts. */
function monotonicWait(count: number, now = performance.now()): number {
  const delay = delayAfter(count);
  if (delay === 0) return 0;
  let since = waitingSince.get(count);
  if (since === undefined) {
    since = now;
    waitingSince.set(count, since);
  }
  return Math.max(0, since + delay - now);
}

/**
 * The attempt gate over the wrong-attempt count in the keyring row. SECURITY: a keyring
 * without a count (edited, or from before the count was kept there) reads as the free
 * attempts used up, never as zero; see SECURITY.md for what this wait can and cannot stop.
 */
export function attemptGate(db: () => Promise<CarnetDb>): AttemptGate {
  return {
    async attempt(check) {
      const d = await db();
      let wait = 0;
      const count = await reserveAttempt(d, (n) => (wait = monotonicWait(n)) === 0, FREE_ATTEMPTS);
      if (count === null) {
        if (wait > 0) throw new RecordError('throttled', { retryAfterMs: wait });
        throw new RecordError('no-vault');
      }
      let result;
      try {
        result = await check();
      } catch (err) {
        if (err instanceof CryptoError && err.code === 'wrong-secret') {
          waitingSince.set(count, performance.now());
          throw new RecordError('wrong-secret', { retryAfterMs: delayAfter(count) });
        }
        // The check never ran to a verdict (worker down, locked...): not a wrong attempt.
        await setAttempts(d, (n) => n - 1);
        throw err;
      }
      await setAttempts(d, () => 0);
      return result;
    },
    retryAfterMs: async () => {
      const count = await getAttempts(await db());
      return monotonicWait(count ?? FREE_ATTEMPTS);
    },
  };
}
