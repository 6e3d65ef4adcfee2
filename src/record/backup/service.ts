import type { SecretKind, VaultService } from '../../crypto/types.ts';
import type { CarnetDb } from '../../db/index.ts';
import { getKeyring, getMeta, latestUpdate, putKeyring, putMeta } from '../../db/index.ts';
import type { SealedTable } from '../sealed-table.ts';
import type { BackupPrefs } from '../tables.ts';
import { RecordError } from '../errors.ts';
import { recordOp } from '../failures.ts';
import type { BackupHeader } from './format.ts';
import { backupFileName } from './format.ts';
import { readBackupHeader } from './read.ts';
import { restoreBackup } from './restore.ts';
import type { BackupOptions } from './write.ts';
import { writeBackup } from './write.ts';

/** A restore written and checked in its own database, waiting for the patient's new PIN. */
export interface PendingRestore {
  readonly header: BackupHeader;
  /**
   * Wraps the restored vault under a new PIN or passphrase and makes the restored database
   * the phone's record, in one step; the record it replaces is then deleted.
   */
  commit(secret: string, kind: SecretKind): Promise<void>;
  /** Drops the restore: its database is deleted and the vault locks. */
  discard(): Promise<void>;
}

/** Backups as the screens see them. Errors are RecordError. */
export interface BackupService {
  /** A backup file of the whole vault, named `carnet-YYYY-MM-DD.carnet`. Needs it unlocked. */
  save(options?: BackupOptions): Promise<File>;
  /** The header of a backup file (date, counts), read without the recovery code. */
  inspect(file: Blob): Promise<BackupHeader>;
  /** Checks and writes a backup apart from the vault; see PendingRestore. */
  restore(file: Blob, code: string, options?: BackupOptions): Promise<PendingRestore>;
  /**
   * Where the relay copy of this code's record lives and what opens it. `mine`: the code
   * must also open this vault's recovery wrap (turning the relay copy on), else
   * `wrong-secret`; without it, works on a new phone with no vault.
   */
  relayAccess(code: string, options?: { mine?: boolean }): Promise<RelayAccess>;
  /** When the record last changed (epoch ms, 0 when empty): for automatic backups. */
  lastChange(): Promise<number>;
  /** The backup settings (relay copy on or off, when the last backups were made). */
  prefs(): Promise<BackupPrefs>;
  savePrefs(prefs: BackupPrefs): Promise<void>;
}

/** A relay backup's locator and token (43 base64url characters each). */
export interface RelayAccess {
  readonly locator: string;
  readonly token: string;
}

/** How the store's database is found, swapped and removed. */
export interface DbSwitch {
  /** The database in use now. */
  current(): Promise<CarnetDb>;
  /** A fresh database for a restore, and its name. */
  fresh(): Promise<CarnetDb>;
  /** Makes `db` the vault's database from now on (one write), and drops the previous one. */
  adopt(db: CarnetDb): Promise<void>;
  /** Deletes a restore's database that will not be used. */
  remove(db: CarnetDb): Promise<void>;
}

/** The backup service over the vault, the store's database switch and its prefs table. */
export function createBackupService(
  vault: VaultService,
  dbs: DbSwitch,
  prefs: SealedTable<BackupPrefs>,
): BackupService {
  return {
    relayAccess: (code, options) =>
      recordOp(async () => {
        if (!options?.mine) return vault.backupAccess(code);
        const keyring = await getKeyring(await dbs.current());
        if (!keyring) throw new RecordError('no-vault');
        return vault.backupAccess(code, keyring.recovery);
      }),
    lastChange: () => recordOp(async () => latestUpdate(await dbs.current())),
    prefs: () => recordOp(async () => (await prefs.get('backup')) ?? { id: 'backup' }),
    savePrefs: (next) => recordOp(() => prefs.put([next])),
    save: (options) =>
      recordOp(async () => {
        const db = await dbs.current();
        const keyring = await getKeyring(db);
        if (!keyring) throw new RecordError('no-vault');
        const idle = await getMeta(db, 'lockAfterIdleMs');
        const now = options?.now ?? Date.now();
        const blob = await writeBackup(
          { vault, db, keyring, settings: idle ? { lockAfterIdleMs: idle } : {} },
          { ...options, now },
        );
        return new File([blob], backupFileName(now), { type: 'application/octet-stream' });
      }),
    inspect: (file) => recordOp(() => readBackupHeader(file)),
    restore: (file, code, options) =>
      recordOp(async () => {
        const db = await dbs.fresh();
        let header: BackupHeader;
        try {
          header = await restoreBackup(file, code, { vault, db }, options);
        } catch (err) {
          await dbs.remove(db).catch(() => undefined);
          // A vault opened by the backup's code must not stay open on a refused backup.
          await vault.lock().catch(() => undefined);
          throw err;
        }
        return pending(vault, dbs, db, header);
      }),
  };
}

function pending(
  vault: VaultService,
  dbs: DbSwitch,
  db: CarnetDb,
  header: BackupHeader,
): PendingRestore {
  return {
    header,
    commit: (secret, kind) =>
      recordOp(async () => {
        const password = await vault.rewrap(secret, kind, { by: 'recovery' });
        await putKeyring(db, { password, recovery: header.recoveryWrap });
        if (header.settings.lockAfterIdleMs) {
          await putMeta(db, 'lockAfterIdleMs', header.settings.lockAfterIdleMs);
        }
        await dbs.adopt(db);
      }),
    discard: () =>
      recordOp(async () => {
        await dbs.remove(db);
        await vault.lock();
      }),
  };
}
