/**
 * Wrapping the vault key: under Argon2id(PIN or passphrase), alone (v1) or joined with a
 * secret from this phone's authenticator (v2, "device-bound"), and under the recovery key.
 * Wraps are JSON-friendly (base64url strings), versioned and not secret.
 */
import type { Sodium } from './sodium.ts';
import type {
  DeviceBinding,
  DeviceSeal,
  DeviceSecret,
  KdfParams,
  PasswordWrap,
  RecoveryWrap,
  SecretKind,
  VaultKey,
} from './types.ts';
import { CryptoError } from './types.ts';
import { fromBase64Url, toBase64Url, utf8Encode } from './encoding.ts';
import type { KdfCost } from './kdf.ts';
import { KDF_SALT_BYTES, assertKdfCost, deriveWrappingKey } from './kdf.ts';
import { NONCE_BYTES } from './envelope.ts';
import { RECOVERY_KEY_BYTES } from './recovery-code.ts';

/** Bytes of the vault key. */
export const VAULT_KEY_BYTES = 32;
/** Bytes of a DeviceSecret: a WebAuthn PRF output (HMAC-SHA-256). */
const DEVICE_SECRET_BYTES = 32;
/** Bytes of the PRF input a DeviceBinding stores. */
const PRF_SALT_BYTES = 32;
/** The longest credential id WebAuthn allows. */
const CREDENTIAL_ID_MAX_BYTES = 1023;

// SECURITY: each wrap's associated data names what it is, so a password wrap cannot be
// presented as a recovery wrap, a PIN wrap relabelled as a passphrase wrap, nor a
// device-bound wrap presented as one the PIN alone opens (v1 strings frozen).
const passwordAd = (kind: SecretKind): Uint8Array => utf8Encode(`carnet/v1/wrap/password/${kind}`);
const deviceBoundAd = (kind: SecretKind): Uint8Array =>
  utf8Encode(`carnet/v2/wrap/password+device/${kind}`);
/** BLAKE2b key-derivation label joining Argon2id's output with the phone's secret. */
const DEVICE_KDF_LABEL = 'carnet/v2/password+device-wrapping-key';
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

function assertWrapShape(
  wrap: unknown,
  fields: readonly string[],
  versions: readonly number[] = [1],
): void {
  if (typeof wrap !== 'object' || wrap === null) throw new CryptoError('bad-envelope');
  const record = wrap as Record<string, unknown>;
  if (typeof record.v !== 'number' || !versions.includes(record.v))
    throw new CryptoError(typeof record.v === 'number' ? 'unsupported-version' : 'bad-envelope');
  for (const f of fields) if (typeof record[f] !== 'string') throw new CryptoError('bad-envelope');
}

/** Checks a stored DeviceBinding: a credential id of 1 to 1,023 bytes and a 32-byte PRF input. */
function assertBinding(binding: unknown): asserts binding is DeviceBinding {
  if (typeof binding !== 'object' || binding === null) throw new CryptoError('bad-envelope');
  const { credentialId, prfSalt } = binding as Record<string, unknown>;
  if (typeof credentialId !== 'string' || typeof prfSalt !== 'string') {
    throw new CryptoError('bad-envelope');
  }
  const idBytes = fromBase64Url(credentialId).length;
  if (idBytes < 1 || idBytes > CREDENTIAL_ID_MAX_BYTES) throw new CryptoError('bad-envelope');
  if (fromBase64Url(prfSalt).length !== PRF_SALT_BYTES) throw new CryptoError('bad-envelope');
}

/**
 * Checks the shape of a password wrap read from storage: a future `v` throws
 * `unsupported-version`, anything else malformed `bad-envelope`. v2 carries a DeviceBinding.
 */
export function assertPasswordWrap(wrap: unknown): asserts wrap is PasswordWrap {
  assertWrapShape(wrap, ['nonce', 'wrapped'], [1, 2]);
  const { v, kind, kdf, device } = wrap as Record<string, unknown>;
  if ((kind !== 'pin' && kind !== 'passphrase') || typeof kdf !== 'object' || kdf === null) {
    throw new CryptoError('bad-envelope');
  }
  if (v === 2) assertBinding(device);
}

/**
 * The key that seals a password wrap, from Argon2id's output (`stretched`, 32 bytes): a copy
 * of it for a PIN-only wrap; for a device-bound wrap, keyed BLAKE2b of a fixed label under
 * both secrets (`stretched || device`, 64 bytes: BLAKE2b's longest key).
 * SECURITY: neither secret alone opens a device-bound wrap: without this phone's 256-bit
 * secret the PIN cannot be tried offline at all, and with it each guess still costs one
 * Argon2id. The caller zeroes the result.
 */
function sealingKey(sodium: Sodium, stretched: Uint8Array, device?: DeviceSecret): Uint8Array {
  if (!device) return stretched.slice();
  if (!(device instanceof Uint8Array) || device.length !== DEVICE_SECRET_BYTES) {
    throw new CryptoError('bad-input');
  }
  const both = new Uint8Array(64);
  both.set(stretched, 0);
  both.set(device, 32);
  try {
    return sodium.crypto_generichash(32, utf8Encode(DEVICE_KDF_LABEL), both);
  } finally {
    sodium.memzero(both);
  }
}

/**
 * Seals the vault key as a password wrap from Argon2id's output for `kdf` (`stretched`,
 * see `deriveWrappingKey`): PIN-only (v1) without `device`, device-bound (v2) with it.
 * The caller zeroes `stretched` and the device secret.
 */
export function sealPasswordWith(
  sodium: Sodium,
  vaultKey: VaultKey,
  stretched: Uint8Array,
  kind: SecretKind,
  kdf: KdfParams,
  device?: DeviceSeal,
): PasswordWrap {
  if (device) assertBinding(device.binding);
  const key = sealingKey(sodium, stretched, device?.secret);
  try {
    if (!device) return { v: 1, kind, kdf, ...seal(sodium, key, passwordAd(kind), vaultKey) };
    const { credentialId, prfSalt } = device.binding;
    return {
      v: 2,
      kind,
      kdf,
      device: { credentialId, prfSalt },
      ...seal(sodium, key, deviceBoundAd(kind), vaultKey),
    };
  } finally {
    sodium.memzero(key);
  }
}

/**
 * Opens a password wrap with Argon2id's output for its own `kdf` and, for a device-bound
 * wrap, this phone's secret. A device-bound wrap without one is `wrong-secret` (the PIN
 * alone does not open it); a device secret for a PIN-only wrap is `bad-input`.
 */
export function unsealPasswordWith(
  sodium: Sodium,
  stretched: Uint8Array,
  wrap: PasswordWrap,
  device?: DeviceSecret,
): VaultKey {
  if (wrap.v === 1 && device) throw new CryptoError('bad-input');
  if (wrap.v === 2 && !device) throw new CryptoError('wrong-secret');
  const key = sealingKey(sodium, stretched, device);
  try {
    const ad = wrap.v === 2 ? deviceBoundAd(wrap.kind) : passwordAd(wrap.kind);
    return unseal(sodium, key, ad, wrap.nonce, wrap.wrapped);
  } finally {
    sodium.memzero(key);
  }
}

/**
 * Wraps the vault key under Argon2id(normalised secret) with a fresh salt and `cost`
 * (checked against the floor), joined with `device`'s secret when given. `normalSecret`
 * comes from `acceptNewSecret`.
 */
export function wrapWithPassword(
  sodium: Sodium,
  vaultKey: VaultKey,
  normalSecret: string,
  kind: SecretKind,
  cost: KdfCost,
  device?: DeviceSeal,
): PasswordWrap {
  assertKdfCost(cost);
  if (device) assertBinding(device.binding);
  const kdf: KdfParams = {
    alg: 'argon2id13',
    opsLimit: cost.opsLimit,
    memLimit: cost.memLimit,
    salt: toBase64Url(sodium.randombytes_buf(KDF_SALT_BYTES)),
  };
  const stretched = deriveWrappingKey(sodium, normalSecret, kdf);
  try {
    return sealPasswordWith(sodium, vaultKey, stretched, kind, kdf, device);
  } finally {
    sodium.memzero(stretched);
  }
}

/**
 * Unwraps the vault key with a normalised secret (and this phone's secret for a
 * device-bound wrap). Parameters below the floor throw `kdf-below-floor` before any work;
 * a wrong secret throws `wrong-secret`.
 */
export function unwrapWithPassword(
  sodium: Sodium,
  normalSecret: string,
  wrap: PasswordWrap,
  device?: DeviceSecret,
): VaultKey {
  assertPasswordWrap(wrap);
  if (wrap.v === 2 && !device) throw new CryptoError('wrong-secret');
  const stretched = deriveWrappingKey(sodium, normalSecret, wrap.kdf);
  try {
    return unsealPasswordWith(sodium, stretched, wrap, device);
  } finally {
    sodium.memzero(stretched);
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
