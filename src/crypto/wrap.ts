/**
 * Wrapping the vault key: under Argon2id(PIN or passphrase) and under the recovery key.
 * Wraps are JSON-friendly (base64url strings), versioned (`v: 1`) and not secret.
 */
import type { Sodium } from './sodium.ts';
import type { KdfParams, PasswordWrap, RecoveryWrap, SecretKind, VaultKey } from './types.ts';
import { CryptoError } from './types.ts';
import { fromBase64Url, toBase64Url, utf8Encode } from './encoding.ts';
import type { KdfCost } from './kdf.ts';
import { KDF_SALT_BYTES, assertKdfCost, deriveWrappingKey } from './kdf.ts';
import { NONCE_BYTES } from './envelope.ts';
import { RECOVERY_KEY_BYTES } from './recovery-code.ts';

/** Bytes of the vault key. */
export const VAULT_KEY_BYTES = 32;

// SECURITY: each wrap's associated data names what it is, so a password wrap cannot be
// presented as a recovery wrap, nor a PIN wrap relabelled as a passphrase wrap.
const passwordAd = (kind: SecretKind): Uint8Array => utf8Encode(`carnet/v1/wrap/password/${kind}`);
const RECOVERY_AD = 'carnet/v1/wrap/recovery';
/** BLAKE2b key-derivation label for the recovery wrapping key. */
const RECOVERY_KDF_LABEL = 'carnet/v1/recovery-wrapping-key';

function seal(sodium: Sodium, key: Uint8Array, ad: Uint8Array, vaultKey: VaultKey) {
  const nonce = sodium.randombytes_buf(NONCE_BYTES);
  const wrapped = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(vaultKey, ad, null, nonce, key);
  return { nonce: toBase64Url(nonce), wrapped: toBase64Url(wrapped) };
}

function unseal(
  sodium: Sodium,
  key: Uint8Array,
  ad: Uint8Array,
  nonceText: string,
  wrappedText: string,
): VaultKey {
  const nonce = fromBase64Url(nonceText);
  const wrapped = fromBase64Url(wrappedText);
  if (nonce.length !== NONCE_BYTES || wrapped.length !== VAULT_KEY_BYTES + 16) {
    throw new CryptoError('bad-envelope');
  }
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      wrapped,
      ad,
      nonce,
      key,
    ) as VaultKey;
  } catch {
    // SECURITY: a wrong secret and a tampered wrap are indistinguishable by design.
    throw new CryptoError('wrong-secret');
  }
}

function assertWrapShape(wrap: unknown, fields: readonly string[]): void {
  if (typeof wrap !== 'object' || wrap === null) throw new CryptoError('bad-envelope');
  const record = wrap as Record<string, unknown>;
  if (record.v !== 1)
    throw new CryptoError(typeof record.v === 'number' ? 'unsupported-version' : 'bad-envelope');
  for (const f of fields) if (typeof record[f] !== 'string') throw new CryptoError('bad-envelope');
}

/**
 * Checks the shape of a password wrap read from storage: a future `v` throws
 * `unsupported-version`, anything else malformed `bad-envelope`.
 */
export function assertPasswordWrap(wrap: unknown): asserts wrap is PasswordWrap {
  assertWrapShape(wrap, ['nonce', 'wrapped']);
  const { kind, kdf } = wrap as Record<string, unknown>;
  if ((kind !== 'pin' && kind !== 'passphrase') || typeof kdf !== 'object' || kdf === null) {
    throw new CryptoError('bad-envelope');
  }
}

/**
 * Wraps the vault key under Argon2id(normalised secret) with a fresh salt and `cost`
 * (checked against the floor). `normalSecret` comes from `acceptNewSecret`.
 */
export function wrapWithPassword(
  sodium: Sodium,
  vaultKey: VaultKey,
  normalSecret: string,
  kind: SecretKind,
  cost: KdfCost,
): PasswordWrap {
  assertKdfCost(cost);
  const kdf: KdfParams = {
    alg: 'argon2id13',
    opsLimit: cost.opsLimit,
    memLimit: cost.memLimit,
    salt: toBase64Url(sodium.randombytes_buf(KDF_SALT_BYTES)),
  };
  const key = deriveWrappingKey(sodium, normalSecret, kdf);
  try {
    return { v: 1, kind, kdf, ...seal(sodium, key, passwordAd(kind), vaultKey) };
  } finally {
    sodium.memzero(key);
  }
}

/**
 * Unwraps the vault key with a normalised secret. Parameters below the floor throw
 * `kdf-below-floor` before any work; a wrong secret throws `wrong-secret`.
 */
export function unwrapWithPassword(
  sodium: Sodium,
  normalSecret: string,
  wrap: PasswordWrap,
): VaultKey {
  assertPasswordWrap(wrap);
  const key = deriveWrappingKey(sodium, normalSecret, wrap.kdf);
  try {
    return unseal(sodium, key, passwordAd(wrap.kind), wrap.nonce, wrap.wrapped);
  } finally {
    sodium.memzero(key);
  }
}

/**
 * The key that wraps the vault key under the recovery key: keyed BLAKE2b of a fixed label.
 * SECURITY: the recovery key is 128 random bits, so a fast PRF is enough; Argon2id would
 * add nothing against guessing. The label separates this use from any other.
 */
function recoveryWrappingKey(sodium: Sodium, recoveryKey: Uint8Array): Uint8Array {
  if (recoveryKey.length !== RECOVERY_KEY_BYTES) throw new CryptoError('bad-recovery-code');
  return sodium.crypto_generichash(32, utf8Encode(RECOVERY_KDF_LABEL), recoveryKey);
}

/** Wraps the vault key under a 16-byte recovery key. */
export function wrapWithRecovery(
  sodium: Sodium,
  vaultKey: VaultKey,
  recoveryKey: Uint8Array,
): RecoveryWrap {
  const key = recoveryWrappingKey(sodium, recoveryKey);
  try {
    return { v: 1, ...seal(sodium, key, utf8Encode(RECOVERY_AD), vaultKey) };
  } finally {
    sodium.memzero(key);
  }
}

/** Unwraps the vault key with the recovery key; a valid but wrong key throws `wrong-secret`. */
export function unwrapWithRecovery(
  sodium: Sodium,
  recoveryKey: Uint8Array,
  wrap: RecoveryWrap,
): VaultKey {
  assertWrapShape(wrap, ['nonce', 'wrapped']);
  const key = recoveryWrappingKey(sodium, recoveryKey);
  try {
    return unseal(sodium, key, utf8Encode(RECOVERY_AD), wrap.nonce, wrap.wrapped);
  } finally {
    sodium.memzero(key);
  }
}
