/**
 * Shared helpers for crypto/ tests. Not imported by app code.
 */
import { KDF_FLOOR } from './kdf.ts';
import { CryptoError } from './types.ts';
import { Vault } from './vault.ts';

/**
 * A vault whose new wraps use the floor cost (fast enough for tests). This is the only
 * test path to a cheaper Argon2id, and the Vault still refuses anything below the floor.
 */
export function floorVault(): Vault {
  return new Vault({ kdf: KDF_FLOOR });
}

/** The CryptoError code `promise` rejects with, or 'resolved' when it does not reject. */
export async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  return 'resolved';
}
