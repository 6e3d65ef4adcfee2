/**
 * The vault: holds the vault key while unlocked and does every operation that needs it.
 * In the app one Vault lives inside the crypto worker (worker.ts); tests use it directly.
 */
import type { Sodium } from './sodium.ts';
import { loadSodium } from './sodium.ts';
import type {
  ChunkSink,
  DeviceSeal,
  DeviceSecret,
  DigestedEnvelopes,
  Envelope,
  FileSessionApi,
  FileVault,
  SealedChunk,
  Keyring,
  OpenRequest,
  OpenResult,
  PasswordWrap,
  RecoveryCode,
  RecoveryWrap,
  SealRequest,
  SecretChangeProof,
  SecretKind,
  VaultKey,
  VaultService,
} from './types.ts';
import { CryptoError, SHA256_BYTES } from './types.ts';
import type { KdfCost } from './kdf.ts';
import { KDF_DEFAULT, acceptNewSecret, assertKdfCost, deriveWrappingKey } from './kdf.ts';
import { normaliseSecret } from './secret-rules.ts';
import type { BackupAccess, MacContext } from './derive.ts';
import { backupAccessFrom, macWith } from './derive.ts';
import { utf8Encode } from './encoding.ts';
import { openRecord, randomNonces, sealRecord } from './envelope.ts';
import { FileSessions, openFileWith, sealFileWith } from './file-sessions.ts';
import { RECOVERY_KEY_BYTES, formatRecoveryCode, parseRecoveryCode } from './recovery-code.ts';
import {
  VAULT_KEY_BYTES,
  assertPasswordWrap,
  sealPasswordWith,
  unsealPasswordWith,
  unwrapWithPassword,
  unwrapWithRecovery,
  wrapWithPassword,
  wrapWithRecovery,
} from './wrap.ts';

/** How a Vault is built. Production uses the defaults. */
export interface VaultOptions {
  /**
   * Argon2id cost for new wraps (create, rewrap). Defaults to KDF_DEFAULT. Tests pass
   * KDF_FLOOR to run fast; anything below the floor throws `kdf-below-floor` right here.
   */
  readonly kdf?: KdfCost;
  /** Where libsodium comes from; defaults to the lazy `loadSodium`. */
  readonly loadSodium?: () => Promise<Sodium>;
}

/** The in-process vault. Every method is async so the worker client has the same shape. */
export class Vault implements VaultService, FileVault, FileSessionApi {
  #key: VaultKey | undefined;
  /**
   * How the held key was obtained: by the PIN or passphrase (or by creating the vault), or
   * by the recovery code. Only the latter lets `rewrap` go without the current secret.
   */
  #openedBy: 'secret' | 'recovery' | undefined;
  readonly #cost: KdfCost;
  readonly #load: () => Promise<Sodium>;
  readonly #files = new FileSessions((run) => this.withKey(run));

  /** Builds a locked vault. Throws `kdf-below-floor` for a cost below the floor. */
  constructor(options: VaultOptions = {}) {
    this.#cost = options.kdf ?? KDF_DEFAULT;
    assertKdfCost(this.#cost);
    this.#load = options.loadSodium ?? loadSodium;
  }

  /** True while the vault key is held in memory. */
  isUnlocked(): Promise<boolean> {
    return Promise.resolve(this.#key !== undefined);
  }

  /**
   * Creates a random vault key, wraps it twice (the password wrap bound to `device` when
   * given), and leaves the vault unlocked with it.
   */
  async create(
    secret: string,
    kind: SecretKind,
    device?: DeviceSeal,
  ): Promise<{ keyring: Keyring; recoveryCode: RecoveryCode }> {
    const sodium = await this.#load();
    return consuming(sodium, [device?.secret], () => {
      const normal = acceptNewSecret(secret, kind);
      const vaultKey = sodium.randombytes_buf(VAULT_KEY_BYTES) as VaultKey;
      const recoveryKey = sodium.randombytes_buf(RECOVERY_KEY_BYTES);
      try {
        const password = wrapWithPassword(sodium, vaultKey, normal, kind, this.#cost, device);
        const recovery = wrapWithRecovery(sodium, vaultKey, recoveryKey);
        const recoveryCode = formatRecoveryCode(recoveryKey);
        this.#install(sodium, vaultKey, 'secret');
        return { keyring: { password, recovery }, recoveryCode };
      } catch (error) {
        sodium.memzero(vaultKey);
        throw error;
      } finally {
        sodium.memzero(recoveryKey);
      }
    });
  }

  /**
   * Unlocks with the PIN or passphrase, and this phone's secret for a device-bound wrap;
   * `wrong-secret` and `kdf-below-floor` as the wrap says.
   */
  async unlock(secret: string, wrap: PasswordWrap, device?: DeviceSecret): Promise<void> {
    const sodium = await this.#load();
    consuming(sodium, [device], () => {
      assertPasswordWrap(wrap);
      const key = unwrapWithPassword(sodium, normaliseSecret(secret, wrap.kind), wrap, device);
      this.#install(sodium, key, 'secret');
    });
  }

  /** Unlocks with the recovery code: a typo is `bad-recovery-code`, a wrong code `wrong-secret`. */
  async unlockWithRecovery(code: string, wrap: RecoveryWrap): Promise<void> {
    const recoveryKey = parseRecoveryCode(code);
    const sodium = await this.#load();
    try {
      this.#install(sodium, unwrapWithRecovery(sodium, recoveryKey, wrap), 'recovery');
    } finally {
      sodium.memzero(recoveryKey);
    }
  }

  /**
   * Wraps the held key under a new secret, new salt and the current default cost, once the
   * proof allows it (see `VaultApi.rewrap`).
   * SECURITY: someone holding an unlocked phone must not be able to change the PIN (and
   * lock the patient out, or keep a way in) without knowing the current one. The one
   * exception is the vault opened with the recovery code: the patient has forgotten the
   * PIN, and the code's holder can open the vault anyway. It lasts until the vault locks,
   * so a new wrap that failed to be stored can be made again.
   */
  async rewrap(
    secret: string,
    kind: SecretKind,
    proof: SecretChangeProof,
    device?: DeviceSeal,
  ): Promise<PasswordWrap> {
    const sodium = await this.#load();
    const current = proof?.by === 'current' ? proof.device : undefined;
    return consuming(sodium, [current, device?.secret], () => {
      const normal = acceptNewSecret(secret, kind);
      const held = this.#held();
      if (proof?.by === 'current') {
        this.#checkCurrent(sodium, held, proof.secret, proof.wrap, proof.device);
      } else if (proof?.by !== 'recovery') {
        throw new CryptoError('bad-input');
      } else if (this.#openedBy !== 'recovery') {
        throw new CryptoError('secret-required');
      }
      return wrapWithPassword(sodium, held, normal, kind, this.#cost, device);
    });
  }

  /**
   * Seals the held key again under the same PIN and Argon2id salt, bound to `next` or to no
   * phone, once `proof` opens its wrap to the held key (see `VaultApi.rebindDevice`).
   * SECURITY: binding and unbinding need the current PIN, like changing it: someone holding
   * the open phone must not tie the vault to an authenticator of theirs, nor loosen it. One
   * Argon2id serves both the check and the new wrap: the PIN and its salt do not change, so
   * the new wrap reveals nothing an old copy of the keyring did not already give.
   */
  async rebindDevice(
    proof: Extract<SecretChangeProof, { by: 'current' }>,
    next: DeviceSeal | null,
  ): Promise<PasswordWrap> {
    const sodium = await this.#load();
    return consuming(sodium, [proof?.device, next?.secret], () => {
      const held = this.#held();
      if (proof?.by !== 'current') throw new CryptoError('bad-input');
      const { wrap } = proof;
      assertPasswordWrap(wrap);
      const stretched = deriveWrappingKey(
        sodium,
        normaliseSecret(proof.secret, wrap.kind),
        wrap.kdf,
      );
      try {
        this.#assertHeld(sodium, held, unsealPasswordWith(sodium, stretched, wrap, proof.device));
        return sealPasswordWith(sodium, held, stretched, wrap.kind, wrap.kdf, next ?? undefined);
      } finally {
        sodium.memzero(stretched);
      }
    });
  }

  /** Wraps the held key under a brand-new recovery key and returns its code, once. */
  async renewRecovery(): Promise<{ wrap: RecoveryWrap; recoveryCode: RecoveryCode }> {
    const sodium = await this.#load();
    const vaultKey = this.#held();
    const recoveryKey = sodium.randombytes_buf(RECOVERY_KEY_BYTES);
    try {
      return {
        wrap: wrapWithRecovery(sodium, vaultKey, recoveryKey),
        recoveryCode: formatRecoveryCode(recoveryKey),
      };
    } finally {
      sodium.memzero(recoveryKey);
    }
  }

  /** A MAC under a subkey of the held key for `context` (see derive.ts). */
  async mac(context: MacContext, data: Uint8Array): Promise<Uint8Array> {
    return this.withKey((sodium, key) => macWith(sodium, key, context, data));
  }

  /** The relay backup's locator and token from the recovery code (see VaultService). */
  async backupAccess(code: string, wrap?: RecoveryWrap): Promise<BackupAccess> {
    const recoveryKey = parseRecoveryCode(code);
    const sodium = await this.#load();
    try {
      if (wrap) {
        const opened = unwrapWithRecovery(sodium, recoveryKey, wrap);
        const same = !this.#key || sodium.memcmp(opened, this.#key);
        sodium.memzero(opened);
        if (!same) throw new CryptoError('wrong-secret');
      }
      return backupAccessFrom(sodium, recoveryKey);
    } finally {
      sodium.memzero(recoveryKey);
    }
  }

  /**
   * Forgets the vault key.
   * SECURITY: the key bytes are overwritten (sodium.memzero) before the reference is
   * dropped. JavaScript gives no guarantee that no other copy ever existed (the engine may
   * have moved the buffer), which is why the key never leaves this worker.
   */
  async lock(): Promise<void> {
    const key = this.#key;
    this.#key = undefined;
    this.#openedBy = undefined;
    this.#files.clear();
    if (key) (await this.#load()).memzero(key);
  }

  /** Seals each plaintext for its table and id, each with a fresh nonce. */
  async seal(items: readonly SealRequest[]): Promise<Envelope[]> {
    const sodium = await this.#load();
    const key = this.#held();
    const nonceAt = randomNonces(items.length);
    return items.map((item, i) => sealRecord(sodium, key, item, item.plaintext, nonceAt(i)));
  }

  /**
   * Seals each text (as UTF-8) for `table` and its id, and hashes each envelope (SHA-256)
   * as it is made: what the vault index records for the row (see VaultService).
   */
  async sealTexts(
    table: string,
    ids: readonly string[],
    texts: readonly string[],
  ): Promise<DigestedEnvelopes> {
    const sodium = await this.#load();
    const key = this.#held();
    // Checked as anything could arrive: a wrong id or table throws in sealRecord.
    const given: unknown = texts;
    if (!isList(ids) || !isList(given) || ids.length !== given.length) {
      throw new CryptoError('bad-input');
    }
    const nonceAt = randomNonces(given.length);
    const envelopes = given.map((text, i) => {
      if (typeof text !== 'string') throw new CryptoError('bad-input');
      return sealRecord(sodium, key, { table, id: ids[i]! }, utf8Encode(text), nonceAt(i));
    });
    const digests = new Uint8Array(envelopes.length * SHA256_BYTES);
    envelopes.forEach((env, i) => digests.set(sodium.crypto_hash_sha256(env), i * SHA256_BYTES));
    return { envelopes, digests };
  }

  /** Opens each envelope; the first failure throws and no plaintext is returned. */
  async open(items: readonly OpenRequest[]): Promise<Uint8Array[]> {
    const sodium = await this.#load();
    const key = this.#held();
    return items.map((item) => openRecord(sodium, key, item, item.envelope));
  }

  /** Opens each envelope independently, reporting a code for each one that fails. */
  async openSettled(items: readonly OpenRequest[]): Promise<OpenResult[]> {
    const sodium = await this.#load();
    const key = this.#held();
    return items.map((item): OpenResult => {
      try {
        return { ok: true, plaintext: openRecord(sodium, key, item, item.envelope) };
      } catch (error) {
        return { ok: false, code: error instanceof CryptoError ? error.code : 'bad-envelope' };
      }
    });
  }

  /** Encrypts a file in 63 KiB chunks into `sink`; returns its sealed header (see FileVault). */
  sealFile(fileId: string, data: Blob, sink: ChunkSink): Promise<Envelope> {
    return sealFileWith(this, fileId, data, sink);
  }

  /** Decrypts a whole file, or throws `bad-envelope` without any of it (see FileVault). */
  openFile(
    fileId: string,
    header: Envelope,
    chunks: AsyncIterable<readonly SealedChunk[]>,
  ): Promise<Uint8Array<ArrayBuffer>> {
    return openFileWith(this, fileId, header, chunks);
  }

  /** Session step: see FileSessionApi. */
  sealFileStart(fileId: string, data: Blob): Promise<number> {
    return this.#files.sealFileStart(fileId, data);
  }
  /** Session step: see FileSessionApi. */
  sealFilePull(session: number): Promise<{ chunks: SealedChunk[]; header?: Envelope }> {
    return this.#files.sealFilePull(session);
  }
  /** Session step: see FileSessionApi. */
  openFileStart(fileId: string, header: Envelope): Promise<number> {
    return this.#files.openFileStart(fileId, header);
  }
  /** Session step: see FileSessionApi. */
  openFilePush(session: number, chunks: readonly SealedChunk[]): Promise<void> {
    return this.#files.openFilePush(session, chunks);
  }
  /** Session step: see FileSessionApi. */
  openFileFinish(session: number): Promise<Uint8Array<ArrayBuffer>> {
    return this.#files.openFileFinish(session);
  }
  /** Session step: see FileSessionApi. */
  fileAbort(session: number): Promise<void> {
    return this.#files.fileAbort(session);
  }

  /**
   * Runs `run` with libsodium and the held key, for crypto/ modules that need it (file
   * streams). Throws `locked` when locked. The key must not outlive the call.
   */
  async withKey<T>(run: (sodium: Sodium, key: VaultKey) => T): Promise<T> {
    const sodium = await this.#load();
    return run(sodium, this.#held());
  }

  #held(): VaultKey {
    if (!this.#key) throw new CryptoError('locked');
    return this.#key;
  }

  #install(sodium: Sodium, key: VaultKey, openedBy: 'secret' | 'recovery'): void {
    if (this.#key) sodium.memzero(this.#key);
    this.#key = key;
    this.#openedBy = openedBy;
  }

  /**
   * Throws `wrong-secret` unless `secret` opens `wrap` to the very key held now (a wrap of
   * another vault is as wrong as a wrong PIN). The unwrapped copy is zeroed at once.
   */
  #checkCurrent(
    sodium: Sodium,
    held: VaultKey,
    secret: string,
    wrap: PasswordWrap,
    device?: DeviceSecret,
  ): void {
    assertPasswordWrap(wrap);
    const opened = unwrapWithPassword(sodium, normaliseSecret(secret, wrap.kind), wrap, device);
    this.#assertHeld(sodium, held, opened);
  }

  /** Throws `wrong-secret` unless `opened` is the held key; zeroes `opened` either way. */
  #assertHeld(sodium: Sodium, held: VaultKey, opened: VaultKey): void {
    try {
      if (!sodium.memcmp(opened, held)) throw new CryptoError('wrong-secret');
    } finally {
      sodium.memzero(opened);
    }
  }
}

function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

/**
 * Runs `run`, then zeroes every device secret it was handed, whatever happened.
 * SECURITY: a DeviceSecret is given to the vault for one call and never kept: in the worker
 * it is the worker's own copy (or the very buffer, transferred), wiped once used.
 */
function consuming<T>(
  sodium: Sodium,
  secrets: readonly (DeviceSecret | undefined)[],
  run: () => T,
): T {
  try {
    return run();
  } finally {
    for (const secret of secrets) if (secret instanceof Uint8Array) sodium.memzero(secret);
  }
}
