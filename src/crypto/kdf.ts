/**
 * Argon2id: from a PIN or passphrase to a wrapping key. Parameters live beside each wrap
 * so they can be raised later; the floor below is enforced on create and on unlock.
 */
import type { Sodium } from './sodium.ts';
import type { KdfParams, SecretKind } from './types.ts';
import { CryptoError } from './types.ts';
import { fromBase64Url, utf8Encode } from './encoding.ts';
import { newSecretProblem, normaliseSecret } from './secret-rules.ts';

/** Argon2id cost: passes over memory and bytes of memory. */
export interface KdfCost {
  readonly opsLimit: number;
  readonly memLimit: number;
}

const MiB = 1024 * 1024;

/**
 * SECURITY: the floor (OWASP's minimum for Argon2id: 19 MiB, 2 passes). A wrap asking for
 * less is refused, on create and on unlock, so a tampered keyring cannot downgrade the cost
 * of guessing the PIN.
 */
export const KDF_FLOOR: KdfCost = { opsLimit: 2, memLimit: 19 * MiB };

/**
 * SECURITY: the default cost, 3 passes over 64 MiB: about 0.1 s in Node on a server core,
 * aimed at about 1 s on a mid-range Android phone (see SECURITY.md and `npm run bench`).
 */
export const KDF_DEFAULT: KdfCost = { opsLimit: 3, memLimit: 64 * MiB };

/** Above this a wrap is malformed, not merely expensive: it would freeze or crash a phone. */
const KDF_CEILING: KdfCost = { opsLimit: 16, memLimit: 1024 * MiB };

/** Bytes of Argon2id salt (libsodium's crypto_pwhash_SALTBYTES). */
export const KDF_SALT_BYTES = 16;

/**
 * Checks a cost against the floor and the ceiling. Below the floor throws
 * `kdf-below-floor`; not an integer or above the ceiling throws `bad-envelope`.
 */
export function assertKdfCost(cost: KdfCost): void {
  const { opsLimit, memLimit } = cost;
  if (!Number.isSafeInteger(opsLimit) || !Number.isSafeInteger(memLimit)) {
    throw new CryptoError('bad-envelope');
  }
  if (opsLimit < KDF_FLOOR.opsLimit || memLimit < KDF_FLOOR.memLimit) {
    throw new CryptoError('kdf-below-floor');
  }
  if (opsLimit > KDF_CEILING.opsLimit || memLimit > KDF_CEILING.memLimit) {
    throw new CryptoError('bad-envelope');
  }
}

/**
 * Normalises a new secret and checks it against the one rule (secret-rules.ts, which the
 * screens use too): a PIN is at least 6 digits and only digits, a passphrase at least 8
 * characters. Returns the normalised secret; otherwise throws `weak-secret`. Only for new
 * secrets: unlocking never re-checks strength, so a rule raised later never locks anyone out.
 */
export function acceptNewSecret(secret: string, kind: SecretKind): string {
  const normal = normaliseSecret(secret, kind);
  if (newSecretProblem(secret, kind) !== null) throw new CryptoError('weak-secret');
  return normal;
}

/**
 * Derives a 32-byte wrapping key with Argon2id from an already normalised secret and the
 * wrap's parameters (checked against the floor first). The caller zeroes the result.
 */
export function deriveWrappingKey(
  sodium: Sodium,
  normalSecret: string,
  kdf: KdfParams,
): Uint8Array {
  if (kdf.alg !== 'argon2id13') throw new CryptoError('unsupported-version');
  assertKdfCost(kdf);
  const salt = fromBase64Url(kdf.salt);
  if (salt.length !== KDF_SALT_BYTES) throw new CryptoError('bad-envelope');
  const password = utf8Encode(normalSecret);
  try {
    return sodium.crypto_pwhash(
      32,
      password,
      salt,
      kdf.opsLimit,
      kdf.memLimit,
      sodium.crypto_pwhash_ALG_ARGON2ID13,
    );
  } catch {
    throw new CryptoError('crypto-unavailable');
  } finally {
    sodium.memzero(password);
  }
}
