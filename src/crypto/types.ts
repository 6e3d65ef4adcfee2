/**
 * The vault's public contract. Everything above crypto/ talks to keys through this
 * interface only; the implementation lives in a Web Worker (worker.ts) so Argon2id never
 * freezes the UI and the vault key never exists on the main thread.
 */

declare const brand: unique symbol;
/** A nominal type: a `T` that the compiler will not confuse with another `T`. */
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Unpadded base64url text (RFC 4648 §5). */
export type Base64Url = Brand<string, 'Base64Url'>;
/** The human-copyable recovery code shown once at setup, e.g. `K7QD-2M9X-...`. */
export type RecoveryCode = Brand<string, 'RecoveryCode'>;
/** A sealed record: version byte, nonce, ciphertext and tag (see envelope.ts). */
export type Envelope = Brand<Uint8Array, 'Envelope'>;
/** The 32-byte key that encrypts everything. Exists only inside the crypto worker. */
export type VaultKey = Brand<Uint8Array, 'VaultKey'>;

/** What the patient chose to protect the vault with. */
export type SecretKind = 'pin' | 'passphrase';

/** Argon2id cost, stored beside each wrap so it can be raised later. */
export interface KdfParams {
  readonly alg: 'argon2id13';
  /** Passes over memory (libsodium opslimit). Floor: 2. */
  readonly opsLimit: number;
  /** Bytes of memory (libsodium memlimit). Floor: 19 MiB = 19,922,944. */
  readonly memLimit: number;
  /** 16 random bytes, base64url. */
  readonly salt: Base64Url;
}

/**
 * The 32-byte output of a WebAuthn PRF evaluation (the authenticator's HMAC, released only
 * after the phone's own user verification). Secret: it joins the PIN in a device-bound wrap,
 * is handed to the vault for one call, and the vault zeroes it once used.
 */
export type DeviceSecret = Brand<Uint8Array, 'DeviceSecret'>;

/** Which WebAuthn credential, asked with which PRF input, gives a wrap's DeviceSecret. Not secret. */
export interface DeviceBinding {
  /** The credential's raw id, base64url (at most 1,023 bytes). */
  readonly credentialId: Base64Url;
  /** 32 random bytes passed to the PRF as `eval.first`, base64url. */
  readonly prfSalt: Base64Url;
}

/** A binding and the secret it gave just now: what a new device-bound wrap is sealed with. */
export interface DeviceSeal {
  readonly binding: DeviceBinding;
  readonly secret: DeviceSecret;
}

/** The vault key encrypted under a key derived from the PIN or passphrase alone. Not secret. */
interface PinOnlyWrap {
  readonly v: 1;
  readonly kind: SecretKind;
  readonly kdf: KdfParams;
  /** 24-byte XChaCha20-Poly1305 nonce, base64url. */
  readonly nonce: Base64Url;
  /** Wrapped vault key (32 bytes + 16-byte tag), base64url. */
  readonly wrapped: Base64Url;
}

/**
 * The vault key encrypted under Argon2id(PIN or passphrase) joined with a DeviceSecret from
 * this phone's authenticator (see wrap.ts): the PIN alone opens nothing. Not secret.
 */
interface DeviceBoundWrap extends Omit<PinOnlyWrap, 'v'> {
  readonly v: 2;
  readonly device: DeviceBinding;
}

/** The wrap the PIN or passphrase opens: alone (v1) or with this phone's secret (v2). */
export type PasswordWrap = PinOnlyWrap | DeviceBoundWrap;

/** The vault key encrypted under the recovery key. Not secret. */
export interface RecoveryWrap {
  readonly v: 1;
  readonly nonce: Base64Url;
  readonly wrapped: Base64Url;
}

/** Both wraps of one vault: what storage keeps so the vault can be opened again. */
export interface Keyring {
  readonly password: PasswordWrap;
  readonly recovery: RecoveryWrap;
}

/** One record to seal or open. `table` and `id` are bound into the associated data. */
export interface RecordRef {
  readonly table: string;
  readonly id: string;
}
export interface SealRequest extends RecordRef {
  readonly plaintext: Uint8Array;
}
export interface OpenRequest extends RecordRef {
  readonly envelope: Envelope;
}

/** Bytes of a SHA-256 digest. */
export const SHA256_BYTES = 32;

/** Envelopes sealed in one call, with the SHA-256 of each (see `VaultService.sealTexts`). */
export interface DigestedEnvelopes {
  readonly envelopes: Envelope[];
  /** Each envelope's SHA-256, in the same order, end to end: 32 bytes apiece. */
  readonly digests: Uint8Array;
}

/** Why a crypto operation failed. Features map each code to an `errors:` translation key. */
export type CryptoErrorCode =
  | 'locked' // an operation needed the vault key and the vault is locked
  | 'wrong-secret' // PIN, passphrase or recovery code did not open the wrap
  | 'weak-secret' // PIN shorter than 6 digits, or passphrase too short
  | 'kdf-below-floor' // stored Argon2id parameters are below the floor; refused
  | 'bad-envelope' // malformed, tampered, moved to another row, or wrong key
  | 'unsupported-version' // an envelope or wrap from a future format
  | 'bad-recovery-code' // the recovery code is not well formed (typo, wrong length)
  | 'secret-required' // a new secret without the current one, outside a recovery-code unlock
  | 'bad-input' // a programming error: invalid table name, empty id, unknown request
  | 'crypto-unavailable'; // libsodium or the worker could not start

/** Every code (the compiler checks the list is complete), to validate codes from the worker. */
export const CRYPTO_ERROR_CODES = Object.keys({
  locked: true,
  'wrong-secret': true,
  'weak-secret': true,
  'kdf-below-floor': true,
  'bad-envelope': true,
  'unsupported-version': true,
  'bad-recovery-code': true,
  'secret-required': true,
  'bad-input': true,
  'crypto-unavailable': true,
} satisfies Record<CryptoErrorCode, true>) as readonly CryptoErrorCode[];

/** The one error type crypto/ throws. Never carries key material or plaintext. */
export class CryptoError extends Error {
  override readonly name = 'CryptoError';
  constructor(readonly code: CryptoErrorCode) {
    // SECURITY: the message is the code and nothing else: no key, secret or plaintext.
    super(`crypto: ${code}`);
  }
}

/** True when `value` is a CryptoError with one of `codes` (any code when none given). */
export function isCryptoError(value: unknown, ...codes: CryptoErrorCode[]): value is CryptoError {
  return value instanceof CryptoError && (codes.length === 0 || codes.includes(value.code));
}

/** The outcome of opening one envelope in `openSettled`: a bad row does not hide the others. */
export type OpenResult =
  | { readonly ok: true; readonly plaintext: Uint8Array }
  | { readonly ok: false; readonly code: CryptoErrorCode };

/**
 * What allows a new PIN or passphrase (see `VaultApi.rewrap`): the current secret, checked
 * against the stored password wrap; or, only while the vault is open from a recovery-code
 * unlock, nothing more (whoever holds the recovery code could open the vault anyway).
 */
export type SecretChangeProof =
  | {
      readonly by: 'current';
      /** The PIN or passphrase in use now, as typed (normalised inside the vault). */
      readonly secret: string;
      /** The password wrap in storage, which `secret` must open to this vault's key. */
      readonly wrap: PasswordWrap;
      /** This phone's secret, when `wrap` is device-bound (v2); consumed (zeroed). */
      readonly device?: DeviceSecret;
    }
  | { readonly by: 'recovery' };

/** Everything the app may ask of the vault. */
interface VaultApi {
  /** True while the vault key is held in memory. */
  isUnlocked(): Promise<boolean>;
  /**
   * Creates a fresh random vault key, wraps it under the secret (joined with `device`'s
   * secret when given: a device-bound wrap) and under a new random recovery key, and leaves
   * the vault unlocked. The recovery code is returned once. `device.secret` is consumed.
   */
  create(
    secret: string,
    kind: SecretKind,
    device?: DeviceSeal,
  ): Promise<{ keyring: Keyring; recoveryCode: RecoveryCode }>;
  /**
   * Derives the wrapping key with the wrap's own parameters and unwraps. A device-bound wrap
   * needs `device`, this phone's secret (consumed); without it, or with another phone's, it
   * is `wrong-secret` like a wrong PIN. `device` for a PIN-only wrap is `bad-input`.
   */
  unlock(secret: string, wrap: PasswordWrap, device?: DeviceSecret): Promise<void>;
  /** Opens the vault with the recovery code (tolerates case, spaces and dashes). */
  unlockWithRecovery(code: string, wrap: RecoveryWrap): Promise<void>;
  /**
   * Re-wraps the (unlocked) vault key under a new secret with a new salt. Data is untouched.
   * The new secret is checked first (`weak-secret`); then the proof: `by: 'current'` must
   * open `wrap` to the key held now (`wrong-secret` otherwise, after one Argon2id), and
   * `by: 'recovery'` is accepted only while the vault is open from `unlockWithRecovery`
   * (`secret-required` otherwise). The new wrap is bound to `device` when given (a change
   * of PIN keeps the phone), PIN-only otherwise. Device secrets are consumed. The caller
   * stores the returned wrap in place of the old.
   */
  rewrap(
    secret: string,
    kind: SecretKind,
    proof: SecretChangeProof,
    device?: DeviceSeal,
  ): Promise<PasswordWrap>;
  /**
   * Binds the password wrap to this phone, or unbinds it, without changing the PIN:
   * `proof` must open its wrap to the key held now (`wrong-secret` otherwise, after one
   * Argon2id), and the key is sealed again under the same PIN, the same Argon2id salt and
   * parameters, joined with `next`'s secret, or alone when `next` is null. Secrets consumed.
   */
  rebindDevice(
    proof: Extract<SecretChangeProof, { by: 'current' }>,
    next: DeviceSeal | null,
  ): Promise<PasswordWrap>;
  /** Forgets the vault key. */
  lock(): Promise<void>;
  /** Seals each plaintext with a fresh nonce. Throws `locked` when locked. */
  seal(items: readonly SealRequest[]): Promise<Envelope[]>;
  /** Opens each envelope, checking table and id. Throws `bad-envelope` on any mismatch. */
  open(items: readonly OpenRequest[]): Promise<Uint8Array[]>;
}

/**
 * What the vault offers beyond the core contract: tolerant batch opening and a fresh
 * recovery code. The in-process Vault and the worker client both implement it.
 */
export interface VaultService extends VaultApi {
  /** Like `open`, but one bad envelope yields `{ ok: false, code }` instead of failing the batch. */
  openSettled(items: readonly OpenRequest[]): Promise<OpenResult[]>;
  /**
   * Seals records of `table` like `seal`, each plaintext the UTF-8 of `texts[i]` under
   * `ids[i]`, and gives each envelope's SHA-256 with it: the digest the vault index records
   * for a row (record/vault-index.ts). The encoding and the hashing are done where the
   * envelope is made, so the main thread does neither for what it is about to write.
   * Locked: `locked`; lists of different lengths: `bad-input`.
   */
  sealTexts(
    table: string,
    ids: readonly string[],
    texts: readonly string[],
  ): Promise<DigestedEnvelopes>;
  /**
   * Replaces the recovery key: returns a new wrap and its code, shown once. The old recovery
   * wrap stops working only once the caller stores the new one in place of it.
   */
  renewRecovery(): Promise<{ wrap: RecoveryWrap; recoveryCode: RecoveryCode }>;
  /**
   * A 32-byte MAC of `data` (at most 16 MiB) under a subkey of the vault key for `context`:
   * `backup-index` authenticates a backup's index, `vault-index` the vault's own. Locked:
   * `locked`.
   */
  mac(context: 'backup-index' | 'vault-index', data: Uint8Array): Promise<Uint8Array>;
  /**
   * The relay backup's locator and token from the printed recovery code (works locked).
   * With `wrap`, the code must also open that recovery wrap (and, when unlocked, to the key
   * held), else `wrong-secret`: turning the relay copy on proves the code is this vault's.
   */
  backupAccess(
    code: string,
    wrap?: RecoveryWrap,
  ): Promise<{ readonly locator: Base64Url; readonly token: Base64Url }>;
}

/** One sealed piece of a file (at most 63 KiB of plaintext), stored as its own row. */
export interface SealedChunk {
  /** Position in the file, from 0. Bound into the chunk's associated data. */
  readonly index: number;
  /** secretstream ciphertext: plaintext + 17 bytes (tag byte and MAC). */
  readonly data: Uint8Array;
}

/** Receives sealed chunks in order, in small batches; resolves when they are stored. */
export type ChunkSink = (chunks: readonly SealedChunk[]) => Promise<void>;

/**
 * Files (photos, PDFs), encrypted chunk by chunk under a random per-file key that is itself
 * sealed under the vault key (see filestream.ts).
 */
export interface FileVault {
  /**
   * Encrypts `data` in 63 KiB chunks, handing them to `sink` in order, and returns the
   * sealed file header to store once every chunk is stored. If `sink` throws, the session
   * is abandoned and its error rethrown; the caller removes the chunks already stored.
   */
  sealFile(fileId: string, data: Blob, sink: ChunkSink): Promise<Envelope>;
  /**
   * Decrypts a file from its header and its chunks (in order, in batches). Resolves with
   * the whole plaintext, in one buffer the caller owns, only after the final chunk is
   * authenticated; any tampering, reordering, truncation or foreign chunk throws
   * `bad-envelope`, never a partial file.
   */
  openFile(
    fileId: string,
    header: Envelope,
    chunks: AsyncIterable<readonly SealedChunk[]>,
  ): Promise<Uint8Array<ArrayBuffer>>;
}

/**
 * The step-by-step form of FileVault that crosses the worker boundary: a file is sealed or
 * opened in a session held by the worker, a few chunks per round trip. Sessions end on
 * finish, abort or lock.
 */
export interface FileSessionApi {
  /** Starts sealing `data` as file `fileId`; returns a session number. */
  sealFileStart(fileId: string, data: Blob): Promise<number>;
  /** Seals the next chunks; `header` is present (and the session over) after the last one. */
  sealFilePull(session: number): Promise<{ chunks: SealedChunk[]; header?: Envelope }>;
  /** Starts opening file `fileId` from its sealed header; returns a session number. */
  openFileStart(fileId: string, header: Envelope): Promise<number>;
  /**
   * Authenticates and decrypts the next chunks, which must follow the previous ones. Across
   * the worker boundary the chunks' buffers are transferred: do not reuse them afterwards.
   */
  openFilePush(session: number, chunks: readonly SealedChunk[]): Promise<void>;
  /**
   * Checks that the file is complete and returns its plaintext; ends the session. Across
   * the worker boundary the buffer is transferred.
   */
  openFileFinish(session: number): Promise<Uint8Array<ArrayBuffer>>;
  /** Abandons a session and forgets its key. Unknown sessions are ignored. */
  fileAbort(session: number): Promise<void>;
}
