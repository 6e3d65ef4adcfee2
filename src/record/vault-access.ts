import type { FileVault, Keyring, VaultService } from '../crypto/types.ts';
import type { CarnetDb } from '../db/index.ts';
import { getKeyring, putKeyring } from '../db/index.ts';
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
>;

async function storedKeyring(db: () => Promise<CarnetDb>) {
  const keyring = await getKeyring(await db());
  if (!keyring) throw new RecordError('no-vault');
  return keyring;
}

/**
 * Opening the vault: the keyring in IndexedDB, the wrong-attempt throttle (counted across
 * reloads), and how the vault was last opened. `afterUnlock` runs once each unlock
 * succeeds (tidying what an interrupted session left). `peek`, when given, answers
 * `presence()` until the database is first opened, so the first screen need not load it.
 */
export function createVaultAccess(
  vault: VaultService & FileVault & { terminate?(): void },
  db: () => Promise<CarnetDb>,
  options: { afterUnlock?: () => void; peek?: () => Promise<Keyring | undefined> | null } = {},
): VaultAccess {
  /** How the vault was last opened through this store; the worker keeps its own account. */
  let openedWith: UnlockedWith | null = null;

  const keyringOrFail = () => storedKeyring(db);

  const gate = attemptGate(db);

  async function attempt(open: () => Promise<void>, via: UnlockedWith): Promise<void> {
    await gate.attempt(open);
    openedWith = via;
    options.afterUnlock?.();
  }

  return {
    presence: () =>
      recordOp(async () => {
        // `peek` answers null once the database is open: it then knows best.
        const peeked = options.peek?.() ?? null;
        const keyring = peeked ? await peeked : await getKeyring(await db());
        return keyring ? { exists: true, kind: keyring.password.kind } : { exists: false };
      }),
    create: (secret, kind) =>
      recordOp(async () => {
        const d = await db();
        if (await getKeyring(d)) throw new RecordError('unavailable');
        const { keyring, recoveryCode } = await vault.create(secret, kind);
        openedWith = 'secret';
        await putKeyring(d, keyring);
        return recoveryCode satisfies RecoveryCode;
      }),
    unlock: (secret) =>
      recordOp(async () => {
        const { password } = await keyringOrFail();
        await attempt(() => vault.unlock(secret, password), 'secret');
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
    changeSecret: ({ current, next, kind }) =>
      recordOp(async () => {
        const keyring = await keyringOrFail();
        // SECURITY: the current secret is checked inside the worker, against the key it
        // holds, under the same growing wait as unlocking (see Vault.rewrap).
        const password =
          current === null
            ? await vault.rewrap(next, kind, { by: 'recovery' })
            : await gate.attempt(() =>
                vault.rewrap(next, kind, {
                  by: 'current',
                  secret: current,
                  wrap: keyring.password,
                }),
              );
        await putKeyring(await db(), { ...keyring, password });
      }),
  };
}
