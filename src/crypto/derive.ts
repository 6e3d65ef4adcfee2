/**
 * Keys and identifiers derived with keyed BLAKE2b, each under its own label so no two uses
 * ever share a key: MACs keyed from the vault key, and the relay backup's locator and
 * write token keyed from the recovery key.
 */
import type { Sodium } from './sodium.ts';
import { toBase64Url, utf8Encode } from './encoding.ts';
import type { Base64Url, VaultKey } from './types.ts';
import { CryptoError } from './types.ts';
import { RECOVERY_KEY_BYTES } from './recovery-code.ts';

/** What a MAC keyed from the vault key authenticates. Labels never change once shipped. */
const MAC_CONTEXTS = ['backup-index', 'vault-index'] as const;
export type MacContext = (typeof MAC_CONTEXTS)[number];

/** The largest input `macWith` accepts, in bytes: an index, never a file. */
const MAC_INPUT_MAX = 16 * 1024 * 1024;

/**
 * A 32-byte MAC of `data` under a key derived from the vault key for `context`.
 * SECURITY: the vault key itself never keys a MAC; each context gets its own subkey, so a
 * backup index can never pass for a vault index or the other way round.
 */
export function macWith(
  sodium: Sodium,
  vaultKey: VaultKey,
  context: MacContext,
  data: Uint8Array,
): Uint8Array {
  if (!MAC_CONTEXTS.includes(context) || !(data instanceof Uint8Array)) {
    throw new CryptoError('bad-input');
  }
  if (data.length > MAC_INPUT_MAX) throw new CryptoError('bad-input');
  const subkey = sodium.crypto_generichash(32, utf8Encode(`carnet/v1/mac/${context}`), vaultKey);
  try {
    return sodium.crypto_generichash(32, data, subkey);
  } finally {
    sodium.memzero(subkey);
  }
}

/** Where a relay keeps a backup, and the token that may write and read it (base64url, 43). */
export interface BackupAccess {
  readonly locator: Base64Url;
  readonly token: Base64Url;
}

/**
 * The relay backup's locator and token, from the 16-byte recovery key alone: the printed
 * sheet is enough to find and fetch the backup on a new phone.
 * SECURITY: both are one-way (keyed BLAKE2b under distinct labels): the relay learns
 * neither the recovery key nor anything that opens the backup, and the locator says
 * nothing about the token.
 */
export function backupAccessFrom(sodium: Sodium, recoveryKey: Uint8Array): BackupAccess {
  if (recoveryKey.length !== RECOVERY_KEY_BYTES) throw new CryptoError('bad-recovery-code');
  const derive = (label: string) =>
    toBase64Url(sodium.crypto_generichash(32, utf8Encode(label), recoveryKey));
  return {
    locator: derive('carnet/v1/backup-locator'),
    token: derive('carnet/v1/backup-token'),
  };
}
