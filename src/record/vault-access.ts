import type { DeviceSeal, FileVault, Keyring, SecretKind, VaultService } from '../crypto/types.ts';
import type { CarnetDb, IndexWrite } from '../db/index.ts';
import { getKeyring, putKeyring } from '../db/index.ts';
import type { DeviceKeys, WrapDeps } from './device-unlock.ts';
import { createDeviceUnlock, deviceOp, secretFor, wipe } from './device-unlock.ts';
import { webAuthnDeviceKeys } from './device-webauthn.ts';
import { RecordError } from './errors.ts';
import { recordOp } from './failures.ts';
import type { CarnetStore, RecoveryCode, UnlockedWith } from './store.ts';
import { attemptGate } from './throttle.ts';

/** The part of the CarnetStore that opens, locks and re-keys the vault. */
export type VaultAccess = Pick<
  CarnetStore,
  | 'presence'
  | 'create'
  | 'unlock'
  | 'unlockWithRecovery'
  | 'retryAfterMs'
  | 'isUnlocked'
  | 'unlockedWith'
  | 'lock'
  | 'changeSecret'
  | 'renewRecovery'
  | 'device'
>;

async function storedKeyring(db: () => Promise<CarnetDb>) {
  const keyring = await getKeyring(await db());
  if (!keyring) throw new RecordError('no-vault');
  return keyring;
}

/**
 * Opening the vault: the keyring in IndexedDB, the wrong-attempt throttle (counted across
 * reloads), how the vault was last opened, and whether it is bound to this phone (see
 * device-unlock.ts). `afterUnlock` runs once each unlock succeeds (tidying what an
 * interrupted session left). `peek`, when given, answers `presence()` until the database is
 * first opened, so the first screen need not load it. `deviceKeys` is the phone's
 * authenticator: the browser's WebAuthn unless a test gives another.
 */
export function createVaultAccess(
  vault: VaultService & FileVault & { terminate?(): void },
  db: () => Promise<CarnetDb>,
  options: {
    afterUnlock?: () => void;
    peek?: () => Promise<Keyring | undefined> | null;
    deviceKeys?: DeviceKeys;
    /** A new vault's first (empty) vault index, stored with its keyring. */
    newIndex?: () => Promise<IndexWrite>;
  } = {},
): VaultAccess {
  /** How the vault was last opened through this store; the worker keeps its own account. */
  let openedWith: UnlockedWith | null = null;

  const keyringOrFail = () => storedKeyring(db);

  const gate = attemptGate(db);
  const keys = options.deviceKeys ?? webAuthnDeviceKeys();
  const deps = { vault, db, keyring: keyringOrFail, gate, keys };

  /** The stored keyring, read without opening Dexie while `peek` may answer. */
  async function peekOrRead(): Promise<Keyring | undefined> {
    // `peek` answers null once the database is open: it then knows best.
    const peeked = options.peek?.() ?? null;
    return peeked ? await peeked : await getKeyring(await db());
  }

  /** A new vault, its password wrap bound to `seal`'s phone when given. */
  async function create(secret: string, kind: SecretKind, seal?: DeviceSeal) {
    const d = await db();
    if (await getKeyring(d)) throw new RecordError('unavailable');
    const { keyring, recoveryCode } = await vault.create(secret, kind, seal);
    openedWith = 'secret';
    // The keyring and the first vault index in one transaction: no vault without an index.
    await putKeyring(d, keyring, await options.newIndex?.());
    return recoveryCode satisfies RecoveryCode;
  }

  async function attempt(open: () => Promise<void>, via: UnlockedWith): Promise<void> {
    await gate.attempt(open);
    openedWith = via;
    options.afterUnlock?.();
  }

  return {
    presence: () =>
      recordOp(async () => {
        const keyring = await peekOrRead();
        return keyring ? { exists: true, kind: keyring.password.kind } : { exists: false };
      }),
    create: (secret, kind) => recordOp(() => create(secret, kind)),
    unlock: (secret) =>
      deviceOp(async () => {
        const { password } = await keyringOrFail();
        // A vault bound to this phone: its secret first (the phone asks the patient), then
        // the PIN with it, under the wait. A phone that refuses is not a wrong attempt.
        const device = await secretFor(password, keys, gate);
        try {
          await attempt(() => vault.unlock(secret, password, device), 'secret');
        } finally {
          wipe(device);
        }
      }),
    unlockWithRecovery: (code) =>
      recordOp(async () => {
        const { recovery } = await keyringOrFail();
        // SECURITY: no wait for the recovery code: 128 random bits cannot be guessed, and a
        // patient who forgot the PIN must not be kept waiting by their own mistakes.
        await vault.unlockWithRecovery(code, recovery);
        openedWith = 'recovery';
        options.afterUnlock?.();
      }),
    retryAfterMs: () => recordOp(() => gate.retryAfterMs()),
    isUnlocked: () => recordOp(() => vault.isUnlocked()),
    unlockedWith: () =>
      // Unknown but open (cannot happen through this store) reads as 'secret': the stricter.
      recordOp(async () => ((await vault.isUnlocked()) ? (openedWith ?? 'secret') : null)),
    lock: () =>
      recordOp(async () => {
        openedWith = null;
        try {
          await vault.lock();
        } finally {
          // SECURITY: libsodium copies keys into its WebAssembly heap and never wipes them;
          // ending the worker drops that heap whole. The next unlock starts a fresh one.
          vault.terminate?.();
        }
      }),
    renewRecovery: () =>
      recordOp(async () => {
        const keyring = await keyringOrFail();
        const { wrap, recoveryCode } = await vault.renewRecovery();
        await putKeyring(await db(), { ...keyring, recovery: wrap });
        return recoveryCode satisfies RecoveryCode;
      }),
    changeSecret: secretChange(deps),
    device: createDeviceUnlock({ ...deps, peek: peekOrRead, create }),
  };
}

/**
 * The store's `changeSecret`. SECURITY: the current secret is checked inside the worker,
 * against the key it holds, under the same growing wait as unlocking (see Vault.rewrap). A
 * vault bound to this phone stays bound: one secret from the phone opens the old wrap and
 * seals the new one. After the recovery code (`current` null) the phone may be gone: the new
 * PIN is PIN-only, and the patient may bind it again from the settings.
 */
function secretChange({ vault, db, keyring, gate, keys }: WrapDeps): CarnetStore['changeSecret'] {
  return ({ current, next, kind }) =>
    deviceOp(async () => {
      const stored = await keyring();
      const wrap = stored.password;
      if (current === null) {
        const password = await vault.rewrap(next, kind, { by: 'recovery' });
        await putKeyring(await db(), { ...stored, password });
        if (wrap.v === 2) await keys.forget(wrap.device);
        return;
      }
      const device = await secretFor(wrap, keys, gate);
      try {
        const proof = {
          by: 'current',
          secret: current,
          wrap,
          ...(device ? { device } : {}),
        } as const;
        const keep = wrap.v === 2 && device ? { binding: wrap.device, secret: device } : undefined;
        const password = await gate.attempt(() => vault.rewrap(next, kind, proof, keep));
        await putKeyring(await db(), { ...stored, password });
      } finally {
        wipe(device);
      }
    });
}
