/**
 * The message protocol between the main thread (client.ts) and the crypto worker
 * (worker-host.ts). One request, one response, matched by `id`. Errors cross as a code
 * only, and are rebuilt as a CryptoError on the other side.
 */
import type { CryptoErrorCode, FileSessionApi, VaultService } from './types.ts';
import { CRYPTO_ERROR_CODES } from './types.ts';

/** What the worker answers: the vault, and files a session at a time. */
export type RemoteVault = VaultService & FileSessionApi;

/** Every method the worker answers. */
export type VaultMethod = keyof RemoteVault;

/** The methods, for validating requests that arrive from the other side. */
export const VAULT_METHODS: readonly VaultMethod[] = [
  'isUnlocked',
  'create',
  // args [secret, wrap, deviceSecret?]: a device-bound (v2) wrap needs this phone's 32-byte
  // PRF output, which the client transfers (never copies) and the vault wipes once used.
  'unlock',
  'unlockWithRecovery',
  // args [newSecret, kind, SecretChangeProof]: the current secret and the stored password
  // wrap, or `{ by: 'recovery' }`, accepted only while the vault is open from the recovery
  // code. The current secret crosses to the worker like the one typed to unlock, and is
  // checked there against the key held; answers a PasswordWrap or `weak-secret`,
  // `wrong-secret`, `secret-required`, `locked`. A 4th argument binds the new wrap to a
  // phone (its secret transferred like unlock's).
  'rewrap',
  // args [proof, nextDevice | null]: the same PIN, bound to a phone's secret or to none.
  'rebindDevice',
  'renewRecovery',
  // args [context, data]: a MAC under a subkey of the held key (derive.ts); `locked`.
  'mac',
  // args [recoveryCode, recoveryWrap?]: the relay backup's locator and token (derive.ts).
  'backupAccess',
  'lock',
  'seal',
  // args [table, ids, texts]: as seal, each plaintext sent as text (the worker encodes
  // it); answers { envelopes, digests }, each envelope's SHA-256.
  'sealTexts',
  'open',
  'openSettled',
  'sealFileStart',
  'sealFilePull',
  'openFileStart',
  'openFilePush',
  'openFileFinish',
  'fileAbort',
];

/** A call to `method` with its arguments. */
export type VaultRequest = {
  [M in VaultMethod]: {
    readonly id: number;
    readonly method: M;
    readonly args: Parameters<RemoteVault[M]>;
  };
}[VaultMethod];

/** The answer to request `id`: its value, or the code of the CryptoError it threw. */
export type VaultResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly code: CryptoErrorCode };

/** The part of Worker / MessagePort / DedicatedWorkerGlobalScope the protocol uses. */
export interface MessageEndpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: unknown) => void): void;
}

/** True when `code` is a known CryptoErrorCode (a response could be forged or garbled). */
export function isCryptoErrorCode(code: unknown): code is CryptoErrorCode {
  return typeof code === 'string' && (CRYPTO_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * The ArrayBuffers to transfer (not copy) with `value`: those of the Uint8Arrays in it that
 * own their whole buffer. A view into a larger buffer (such as WebAssembly memory) is
 * copied instead, so transferring never detaches memory still in use.
 */
export function transferablesOf(
  value: unknown,
  found = new Set<ArrayBuffer>(),
  depth = 0,
): ArrayBuffer[] {
  if (value instanceof Uint8Array) {
    const buffer = value.buffer;
    if (
      buffer instanceof ArrayBuffer &&
      value.byteOffset === 0 &&
      value.byteLength === buffer.byteLength
    ) {
      found.add(buffer);
    }
  } else if (depth < 4 && Array.isArray(value)) {
    for (const item of value) transferablesOf(item, found, depth + 1);
  } else if (depth < 4 && typeof value === 'object' && value !== null && !(value instanceof Blob)) {
    for (const item of Object.values(value)) transferablesOf(item, found, depth + 1);
  }
  return [...found];
}
