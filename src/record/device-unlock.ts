import type {
  DeviceBinding,
  DeviceSeal,
  DeviceSecret,
  Keyring,
  PasswordWrap,
  SecretKind,
  VaultService,
} from '../crypto/types.ts';
import type { CarnetDb } from '../db/index.ts';
import { putKeyring } from '../db/index.ts';
import { RecordError } from './errors.ts';
import { recordOp } from './failures.ts';
import type { RecoveryCode } from './store.ts';
import type { AttemptGate } from './throttle.ts';

/**
 * Device unlock: the vault's password wrap bound to this phone, so that opening Carnet
 * needs the PIN (or passphrase) AND a secret the phone's authenticator gives only after its
 * own user check (WebAuthn PRF extension, platform authenticator). A copy of IndexedDB is
 * then useless without the phone. The WebAuthn calls run here, on the main thread
 * (`DeviceKeys`, see device-webauthn.ts); the secret goes to the crypto worker for one call
 * and is wiped there (see crypto/wrap.ts for how it joins Argon2id's output).
 *
 * States: off (the PIN alone opens; a v1 wrap) and on (PIN + this phone; a v2 wrap carrying
 * the credential id and PRF input, neither secret). The recovery wrap is never bound: the
 * printed code opens the vault on any phone, and the new PIN chosen after it is PIN-only.
 */

/** Why this phone's secret could not be had. Features map each code to a translation key. */
export type DeviceUnlockErrorCode =
  | 'unsupported' // no platform authenticator with the PRF extension here, or it gave no secret
  | 'refused'; // the phone did not give it: cancelled, timed out, or the key is gone from it

/**
 * A failure of the phone's authenticator, not of the PIN. It never carries a secret.
 * Kept apart from RecordError so the screens can say plainly that the phone, not the PIN,
 * is what failed; nothing was counted as a wrong attempt and nothing was changed.
 */
export class DeviceUnlockError extends Error {
  override readonly name = 'DeviceUnlockError';
  constructor(readonly code: DeviceUnlockErrorCode) {
    super(`device: ${code}`);
  }
}

/** This phone's authenticator, as the vault needs it. The browser's is in device-webauthn.ts. */
export interface DeviceKeys {
  /**
   * Whether to offer device unlock: a user-verifying platform authenticator, and the PRF
   * extension where the browser can say (elsewhere the first use tells).
   */
  available(): Promise<boolean>;
  /** Makes a credential on this phone and returns its binding with the secret it gives. */
  register(): Promise<DeviceSeal>;
  /** The secret of `binding`, after the phone's own check (fingerprint, screen lock). */
  secret(binding: DeviceBinding): Promise<DeviceSecret>;
  /** Tells the phone a credential is no longer used, where the browser can; never fails. */
  forget(binding: DeviceBinding): Promise<void>;
}

/** Device unlock as the screens use it (`store.device`). Errors: RecordError or DeviceUnlockError. */
export interface DeviceUnlock {
  /** 'on' when opening needs this phone too; 'off' for the PIN alone (or no vault yet). */
  state(): Promise<'on' | 'off'>;
  /** Whether this browser and phone can bind the vault (see DeviceKeys.available). */
  available(): Promise<boolean>;
  /**
   * Sets up a new vault bound to this phone from the start, and leaves it unlocked; the
   * recovery code is returned once. The phone is asked first: if it refuses, nothing exists.
   */
  create(secret: string, kind: SecretKind): Promise<RecoveryCode>;
  /**
   * Binds the open vault to this phone. The current PIN is checked in the worker under the
   * wrong-attempt wait (`wrong-secret`, `throttled`); the phone is asked before.
   */
  link(current: string): Promise<void>;
  /** Back to the PIN alone; needs the current PIN and this phone. */
  unlink(current: string): Promise<void>;
}

/** Like `recordOp`, except that a DeviceUnlockError passes as it is. */
export async function deviceOp<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (err) {
    if (err instanceof DeviceUnlockError) throw err;
    return recordOp(() => {
      throw err;
    });
  }
}

/** Wipes a device secret the caller still holds (nothing left once its buffer went to the worker). */
export function wipe(secret: DeviceSecret | undefined): void {
  // A transferred buffer is detached: empty, and `fill` on it would throw.
  if (secret && secret.byteLength > 0) secret.fill(0);
}

/**
 * This phone's secret for `wrap` when it is device-bound, else undefined. Asked only when
 * no wrong-attempt wait runs, so the phone is not bothered for an attempt that cannot run.
 */
export async function secretFor(
  wrap: PasswordWrap,
  keys: DeviceKeys,
  gate: AttemptGate,
): Promise<DeviceSecret | undefined> {
  if (wrap.v !== 2) return undefined;
  const wait = await recordOp(() => gate.retryAfterMs());
  if (wait > 0) throw new RecordError('throttled', { retryAfterMs: wait });
  return keys.secret(wrap.device);
}

/** What re-wrapping the vault key needs of the store: the vault, the keyring row, the gate, the phone. */
export interface WrapDeps {
  readonly vault: VaultService;
  readonly db: () => Promise<CarnetDb>;
  /** The stored keyring; `no-vault` when there is none. */
  readonly keyring: () => Promise<Keyring>;
  readonly gate: AttemptGate;
  readonly keys: DeviceKeys;
}

interface DeviceUnlockDeps extends WrapDeps {
  /** The stored keyring when there may be none (the first screen's peek). */
  readonly peek: () => Promise<Keyring | undefined>;
  /** Creates the vault (the store's own create), with this phone's seal. */
  readonly create: (secret: string, kind: SecretKind, seal: DeviceSeal) => Promise<RecoveryCode>;
}

/** The `store.device` service over the vault, the keyring row and the phone's authenticator. */
export function createDeviceUnlock(deps: DeviceUnlockDeps): DeviceUnlock {
  const { vault, keys, gate } = deps;

  /** Stores `password` in place of the wrap `keyring` held; the old binding, if any, is retired. */
  async function replaceWrap(keyring: Keyring, password: PasswordWrap): Promise<void> {
    await putKeyring(await deps.db(), { ...keyring, password });
    if (keyring.password.v === 2) await keys.forget(keyring.password.device);
  }

  return {
    state: () => recordOp(async () => ((await deps.peek())?.password.v === 2 ? 'on' : 'off')),
    available: () => keys.available().catch(() => false),
    create: (secret, kind) =>
      deviceOp(async () => {
        const seal = await keys.register();
        try {
          return await deps.create(secret, kind, seal);
        } catch (err) {
          await keys.forget(seal.binding);
          throw err;
        } finally {
          wipe(seal.secret);
        }
      }),
    link: (current) =>
      deviceOp(async () => {
        const keyring = await deps.keyring();
        if (keyring.password.v === 2) return;
        const wait = await gate.retryAfterMs();
        if (wait > 0) throw new RecordError('throttled', { retryAfterMs: wait });
        const seal = await keys.register();
        try {
          const proof = { by: 'current', secret: current, wrap: keyring.password } as const;
          const password = await gate.attempt(() => vault.rebindDevice(proof, seal));
          await replaceWrap(keyring, password);
        } catch (err) {
          // A wrong PIN or a full disk: the new credential serves nothing; tidy it away.
          await keys.forget(seal.binding);
          throw err;
        } finally {
          wipe(seal.secret);
        }
      }),
    unlink: (current) =>
      deviceOp(async () => {
        const keyring = await deps.keyring();
        const wrap = keyring.password;
        if (wrap.v !== 2) return;
        const secret = await secretFor(wrap, keys, gate);
        try {
          const proof = { by: 'current', secret: current, wrap, device: secret } as const;
          const password = await gate.attempt(() => vault.rebindDevice(proof, null));
          await replaceWrap(keyring, password);
        } finally {
          wipe(secret);
        }
      }),
  };
}
