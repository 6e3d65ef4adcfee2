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
