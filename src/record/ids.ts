import { randomId } from '../crypto/encoding.ts';

/**
 * A new random record id: 16 random bytes, base64url (see crypto/encoding.ts randomId).
 * SECURITY: ids are stored in clear, so they must reveal nothing (no counter, no time, no
 * content).
 */
export function newId(): string {
  return randomId();
}
