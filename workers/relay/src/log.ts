/* eslint-disable no-console -- this is the relay's one logger. */

/**
 * The relay's logger. SECURITY: callers pass fixed messages and counts only; never a JWE,
 * passcode, token, full share id or recipient name. `redactId` keeps a short prefix for
 * correlating log lines without making the line a key to the share.
 */
export const log = {
  info(message: string): void {
    console.log(`[relay] ${message}`);
  },
  warn(message: string): void {
    console.warn(`[relay] ${message}`);
  },
};

/** Shortens a share id to a prefix that cannot be used to open the share. */
export function redactId(id: string): string {
  return `${id.slice(0, 6)}…`;
}
