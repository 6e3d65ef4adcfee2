import type { FileVault, Keyring, VaultService } from '../crypto/types.ts';
import type { CarnetDb } from '../db/index.ts';
import {
  deleteDatabase,
  getMeta,
  newDbName,
  openCarnetDb,
  putMeta,
  requestPersistence,
  setActiveDbName,
  storageStatus,
} from '../db/index.ts';
import type { BackupService, DbSwitch } from './backup/service.ts';
import { createBackupService } from './backup/service.ts';
import { createDocumentStore } from './document-store.ts';
import { withEmergencyCard } from './emergency-store.ts';
import { RecordError } from './errors.ts';
import { recordOp } from './failures.ts';
import type { IndexWriter } from './index-writer.ts';
import { indexWriter } from './index-writer.ts';
import { createIntegrity } from './integrity.ts';
import { removeWakeList } from './reminder-wake.ts';
import { createShareStore } from './share-store.ts';
import type { CarnetStore, DeviceSettings, LoadedRecord } from './store.ts';
import { DEFAULT_SETTINGS } from './store.ts';
import { SummarySnapshotSchema } from './schemas.ts';
import { sealedTable } from './sealed-table.ts';
import { summarySnapshots } from './summary-snapshot.ts';
import type { RecordTables } from './tables.ts';
import { recordTables } from './tables.ts';
import { hasErrors, validateEntry, validateProfile } from './validate.ts';
import { createVaultAccess } from './vault-access.ts';

/**
 * Finding, swapping and removing the store's database. `replace` makes a restored database the
 * one every later call gets; the pointer (db/active.ts) makes it the one a reload opens.
 */
function dbSwitch(
  db: () => Promise<CarnetDb>,
  writer: IndexWriter,
  replace: (fresh: CarnetDb) => void,
): DbSwitch {
  return {
    current: db,
    fresh: () => openCarnetDb(newDbName()),
    adopt: async (fresh) => {
      // Every row of the restored database passed the backup's own checks (each frame
      // against its MAC'd index) before this is called: its vault index is built over them
      // here, before the pointer names it, so the record is never without one.
      await writer.rebuild(fresh);
      const old = await db().catch(() => undefined);
      setActiveDbName(fresh.name);
      replace(fresh);
      if (old && old.name !== fresh.name) {
        old.close();
        await deleteDatabase(old.name).catch(() => undefined);
      }
    },
    remove: async (fresh) => {
      fresh.close();
      await deleteDatabase(fresh.name);
    },
  };
}

/** The device's own settings and storage: kept in clear, outside the record. */
function deviceOps(
  db: () => Promise<CarnetDb>,
): Pick<CarnetStore, 'settings' | 'saveSettings' | 'storageInfo' | 'requestPersistence'> {
  return {
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
  };
}

/**
 * Backups, with a restore that replaces the record also removing the reminder days left
 * for the service worker (reminder-wake.ts): they came from the record that is gone. The
 * restored record's own days are written when it opens, if notifications are allowed.
 */
function forgettingWakeOnRestore(backup: BackupService): BackupService {
  return {
    ...backup,
    restore: async (file, code, options) => {
      const pending = await backup.restore(file, code, options);
      return {
        ...pending,
        commit: async (secret, kind) => {
          await pending.commit(secret, kind);
          // SECURITY: nothing of the replaced record's reminders stays outside the vault.
          await removeWakeList();
        },
      };
    },
  };
}

/** Every profile (oldest first) and entry that opens, and how many rows did not. */
async function loadRecord(tables: RecordTables): Promise<LoadedRecord> {
  const profiles = await tables.profiles.list();
  const entries = await tables.entries.list();
  return {
    profiles: profiles.values.sort((a, b) => a.createdAt - b.createdAt),
    entries: entries.values,
    unreadable: profiles.unreadable + entries.unreadable,
  };
}

/**
 * The CarnetStore over a vault (crypto worker) and IndexedDB. Plaintext exists only in
 * the arguments and results of these methods; every row goes through a sealed table
 * (record/sealed-table.ts) and is sealed before it is written.
 * `peekKeyring`, when given, answers `presence()` until the database is first opened, so
 * the first screen does not wait for `openDb` (and Dexie) to load.
 */
export function createLocalStore(
  /** The vault; `terminate`, when it has one (the worker client), ends it on lock. */
  vault: VaultService & FileVault & { terminate?(): void },
  openDb: () => Promise<CarnetDb>,
  peekKeyring?: () => Promise<Keyring | undefined>,
): CarnetStore {
  let dbPromise: Promise<CarnetDb> | undefined;
  const db = () =>
    (dbPromise ??= openDb().catch((err: unknown) => {
      dbPromise = undefined;
      throw err;
    }));

  // Every write of the record goes through this one writer, with the vault index.
  const writer = indexWriter(vault, db);
  const integrity = createIntegrity(vault, db, writer);
  /** What the writer and the check knew of the record no longer holds: unlock, restore. */
  const anew = () => {
    writer.forget();
    integrity.forget();
  };
  // A restore writes its own database, then the store adopts it in place of this one.
  const dbs = dbSwitch(db, writer, (fresh) => {
    dbPromise = Promise.resolve(fresh);
    anew();
  });
  const tables = recordTables(vault, db, writer);
  const documents = createDocumentStore(vault, db, { writer, table: tables.documents });
  const access = createVaultAccess(vault, db, {
    afterUnlock: () => {
      anew();
      // Leftovers of an import cut short (tab closed, storage full) go before any new import.
      void documents.sweep().catch(() => undefined);
    },
    newIndex: () => writer.fresh(),
    peek: () => (peekKeyring && !dbPromise ? peekKeyring() : null),
  });

  const load = () => recordOp(() => loadRecord(tables));
  // The summary's first view: its own row of the `prefs` table, through the same writer.
  const snapshots = sealedTable(vault, db, 'prefs', SummarySnapshotSchema, writer);

  return withEmergencyCard(
    {
      ...access,
      load,
      saveProfile: (profile) =>
        recordOp(async () => {
          const fields = validateProfile(profile);
          if (hasErrors(fields)) throw new RecordError('invalid', { fields });
          await tables.profiles.put([profile], (p) => p.updatedAt);
        }),
      deleteProfile: (id) =>
        recordOp(async () => {
          const { values } = await tables.entries.list();
          const entryIds = values.filter((e) => e.profileId === id).map((e) => e.id);
          const docs = (await documents.list()).documents.filter((d) => d.profileId === id);
          await writer.commit([
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
          await tables.entries.put([entry], (e) => e.updatedAt);
        }),
      deleteEntry: (id) => recordOp(() => tables.entries.remove([id])),
      ...deviceOps(db),
      documents,
      shares: createShareStore(tables.shares),
      backup: forgettingWakeOnRestore(createBackupService(vault, dbs, tables.prefs)),
      integrity,
      summary: summarySnapshots(db, snapshots, load),
    },
    tables.emergency,
  );
}
