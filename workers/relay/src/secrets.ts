import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * SECURITY: share ids, management tokens and location tickets are 32 bytes from the
 * operating system's CSPRNG, base64url (43 characters): 256 bits, as the SMART Health
 * Links specification asks of manifest URLs. Nothing about them is guessable or ordered.
 */
export function randomId(): string {
  return randomBytes(32).toString('base64url');
}

/** True when `value` looks like an id, token or ticket made by `randomId`. */
export function isRandomId(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * SECURITY: only this hash of the management token is stored, so someone who reads the
 * database or a backup cannot revoke or inspect shares. A fast hash is enough: the token
 * has 256 bits of entropy, nothing to brute-force.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashToken(token));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}
