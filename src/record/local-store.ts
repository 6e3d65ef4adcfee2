import type { FileVault, Keyring, VaultService } from '../crypto/types.ts';
import { CryptoError } from '../crypto/types.ts';
import type { CarnetDb, SealedRow, SealedTable } from '../db/index.ts';
import {
  applySealed,
  deleteMeta,
  getAllSealed,
  getKeyring,
  getMeta,
  putKeyring,
  putMeta,
  putSealed,
  requestPersistence,
  storageStatus,
} from '../db/index.ts';
import { decodeEntry, decodeProfile, encodeRecord } from './codec.ts';
import { createDocumentStore } from './document-store.ts';
import { RecordError } from './errors.ts';
import { recordOp } from './failures.ts';
import type {
  CarnetStore,
  DeviceSettings,
  LoadedRecord,
  RecoveryCode,
  UnlockedWith,
} from './store.ts';
import { DEFAULT_SETTINGS } from './store.ts';
import { delayAfter, retryAfterMs } from './throttle.ts';
import type { Entry, Profile } from './types.ts';
import { hasErrors, validateEntry, validateProfile } from './validate.ts';
import { createShareStore } from './share-store.ts';

/**
 * The CarnetStore over a vault (crypto worker) and IndexedDB. Plaintext exists only in
 * the arguments and results of these methods; rows are sealed before they are written.
 * `peekKeyring`, when given, answers `presence()` until the database is first opened, so
 * the first screen does not wait for `openDb` (and Dexie) to load.
 */
export function createLocalStore(
  vault: VaultService & FileVault,
  openDb: () => Promise<CarnetDb>,
  peekKeyring?: () => Promise<Keyring | undefined>,
): CarnetStore {
  let dbPromise: Promise<CarnetDb> | undefined;
  const db = () =>
    (dbPromise ??= openDb().catch((err: unknown) => {
      dbPromise = undefined;
      throw err;
    }));

  const documents = createDocumentStore(vault, db);
  /** How the vault was last opened through this store; the worker keeps its own account. */
  let openedWith: UnlockedWith | null = null;
  const shares = createShareStore(vault, db);

  async function keyringOrFail() {
    const keyring = await getKeyring(await db());
    if (!keyring) throw new RecordError('no-vault');
    return keyring;
  }

  /**
   * Runs one check of a secret (unlock, or the current PIN before a change) under the
   * throttle, counting wrong ones across reloads; a right one clears the count.
   */
  async function throttled<T>(check: () => Promise<T>): Promise<T> {
    const d = await db();
    const failures = await getMeta(d, 'unlockFailures');
    const now = Date.now();
    const wait = retryAfterMs(
      failures && { count: failures.count, lastAt: failures.lastFailureAt },
      now,
    );
    if (wait > 0) throw new RecordError('throttled', { retryAfterMs: wait });
    let result: T;
    try {
      result = await check();
    } catch (err) {
      if (err instanceof CryptoError && err.code === 'wrong-secret') {
        const count = (failures?.count ?? 0) + 1;
        await putMeta(d, 'unlockFailures', { count, lastFailureAt: now });
        throw new RecordError('wrong-secret', { retryAfterMs: delayAfter(count) });
      }
      throw err;
    }
    await deleteMeta(d, 'unlockFailures');
    return result;
  }

  /** Runs one unlock attempt under the throttle, then tidies up after the last session. */
  async function attempt(open: () => Promise<void>, via: UnlockedWith): Promise<void> {
    await throttled(open);
    openedWith = via;
    // Leftovers of an import cut short (tab closed, storage full) go before any new import.
    void documents.sweep().catch(() => undefined);
  }

  async function seal(table: SealedTable, id: string, value: Entry | Profile): Promise<SealedRow> {
    const [env] = await vault.seal([{ table, id, plaintext: encodeRecord(value) }]);
    if (!env) throw new RecordError('unavailable');
    return { id, updatedAt: value.updatedAt, env };
  }

  async function openAll<T>(table: SealedTable, decode: (b: Uint8Array) => T | null) {
    const rows = await getAllSealed(await db(), table);
    const results = await vault.openSettled(
      rows.map((r) => ({ table, id: r.id, envelope: r.env })),
    );
    if (results.some((r) => !r.ok && r.code === 'locked')) throw new RecordError('locked');
    const values: T[] = [];
    let unreadable = 0;
    results.forEach((r, i) => {
      const value = r.ok ? decode(r.plaintext) : null;
      // SECURITY: a row whose sealed id differs from its row id is treated as tampered.
      if (value && (value as { id?: string }).id === rows[i]?.id) values.push(value);
      else unreadable++;
    });
    return { values, unreadable };
  }

  const store: CarnetStore = {
    presence: () =>
      recordOp(async () => {
        const keyring =
          peekKeyring && !dbPromise ? await peekKeyring() : await getKeyring(await db());
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
        await attempt(() => vault.unlockWithRecovery(code, recovery), 'recovery');
      }),
    retryAfterMs: () =>
      recordOp(async () => {
        const f = await getMeta(await db(), 'unlockFailures');
        return retryAfterMs(f && { count: f.count, lastAt: f.lastFailureAt }, Date.now());
      }),
    isUnlocked: () => recordOp(() => vault.isUnlocked()),
    unlockedWith: () =>
      // Unknown but open (cannot happen through this store) reads as 'secret': the stricter.
      recordOp(async () => ((await vault.isUnlocked()) ? (openedWith ?? 'secret') : null)),
    lock: () =>
      recordOp(async () => {
        openedWith = null;
        await vault.lock();
      }),
    changeSecret: ({ current, next, kind }) =>
      recordOp(async () => {
        const keyring = await keyringOrFail();
        // SECURITY: the current secret is checked inside the worker, against the key it
        // holds, under the same growing wait as unlocking (see Vault.rewrap).
        const password =
          current === null
            ? await vault.rewrap(next, kind, { by: 'recovery' })
            : await throttled(() =>
                vault.rewrap(next, kind, {
                  by: 'current',
                  secret: current,
                  wrap: keyring.password,
                }),
              );
        await putKeyring(await db(), { ...keyring, password });
      }),
    load: () =>
      recordOp(async (): Promise<LoadedRecord> => {
        const profiles = await openAll('profiles', decodeProfile);
        const entries = await openAll('entries', decodeEntry);
        return {
          profiles: profiles.values.sort((a, b) => a.createdAt - b.createdAt),
          entries: entries.values,
          unreadable: profiles.unreadable + entries.unreadable,
        };
      }),
    saveProfile: (profile) =>
      recordOp(async () => {
        const fields = validateProfile(profile);
        if (hasErrors(fields)) throw new RecordError('invalid', { fields });
        await putSealed(await db(), 'profiles', [await seal('profiles', profile.id, profile)]);
      }),
    deleteProfile: (id) =>
      recordOp(async () => {
        const { values } = await openAll('entries', decodeEntry);
        const entryIds = values.filter((e) => e.profileId === id).map((e) => e.id);
        const docs = (await documents.list()).documents.filter((d) => d.profileId === id);
        await applySealed(await db(), [
          { table: 'entries', delete: entryIds },
          { table: 'documents', delete: docs.map((d) => d.id) },
          { table: 'profiles', delete: [id] },
        ]);
        // The papers' files now belong to no document: the sweep removes them.
        if (docs.length > 0) await documents.sweep();
      }),
    saveEntry: (entry) =>
      recordOp(async () => {
        const fields = validateEntry(entry);
        if (hasErrors(fields)) throw new RecordError('invalid', { fields });
        await putSealed(await db(), 'entries', [await seal('entries', entry.id, entry)]);
      }),
    deleteEntry: (id) =>
      recordOp(async () => {
        await applySealed(await db(), [{ table: 'entries', delete: [id] }]);
      }),
    settings: () =>
      recordOp(async (): Promise<DeviceSettings> => {
        const ms = await getMeta(await db(), 'lockAfterIdleMs');
        return ms ? { lockAfterMinutes: Math.round(ms / 60_000) } : DEFAULT_SETTINGS;
      }),
    saveSettings: (s) =>
      recordOp(() => db().then((d) => putMeta(d, 'lockAfterIdleMs', s.lockAfterMinutes * 60_000))),
    storageInfo: async () => {
      const s = await storageStatus();
      return {
        persisted: s.persisted ?? false,
        ...(s.usage !== undefined ? { usage: s.usage } : {}),
        ...(s.quota !== undefined ? { quota: s.quota } : {}),
      };
    },
    requestPersistence: async () => (await requestPersistence()) ?? false,
    documents,
    shares,
  };
  return store;
}
