import type { RecoveryCode, SecretKind } from '../crypto/types.ts';
import type { DocumentStore } from './document-store.ts';
import type { Entry, Profile } from './types.ts';
import type { ShareStore } from './share-store.ts';
import type { BackupService } from './backup/service.ts';
import type { IntegrityService } from './integrity.ts';
import type { DeviceUnlock } from './device-unlock.ts';
import type { EmergencyStore } from './emergency-store.ts';
import type { SummarySnapshots } from './summary-snapshot.ts';

export type { RecoveryCode, SecretKind };

/** Whether this device holds a vault, and what opens it. */
type VaultPresence = { exists: false } | { exists: true; kind: SecretKind };

/** How the open vault was opened: with the PIN or passphrase (or just created), or the recovery code. */
export type UnlockedWith = 'secret' | 'recovery';

/** A change of PIN or passphrase, as the settings or the "choose a new PIN" screen asks it. */
interface SecretChange {
  /**
   * The PIN or passphrase in use now, as typed. Null only while the vault is open from the
   * recovery code (the patient has forgotten it); otherwise the change is refused.
   */
  current: string | null;
  /** The new PIN or passphrase, as typed; it must pass `newSecretProblem`. */
  next: string;
  kind: SecretKind;
}

/** What the browser lets Carnet keep, for the settings screen. */
export interface StorageInfo {
  /** True when the browser promised not to evict Carnet's data under storage pressure. */
  persisted: boolean;
  /** Bytes used and available to this origin, when the browser tells. */
  usage?: number;
  quota?: number;
}

/** Non-secret device settings, stored in clear because the lock screen needs them. */
export interface DeviceSettings {
  /** Lock after this many minutes without a touch. */
  lockAfterMinutes: number;
}

export const DEFAULT_SETTINGS: DeviceSettings = { lockAfterMinutes: 5 };

/** The decrypted record as loaded after unlock. */
export interface LoadedRecord {
  profiles: Profile[];
  entries: Entry[];
  /** Rows that failed authentication or decoding; never shown, reported as a count. */
  unreadable: number;
}

/**
 * The patient's record as the screens see it: every method takes and returns plaintext,
 * and every byte it writes to IndexedDB is sealed by the vault first. Errors are RecordError.
 */
export interface CarnetStore {
  presence(): Promise<VaultPresence>;
  /** Sets up a new vault and leaves it unlocked; the recovery code is returned once. */
  create(secret: string, kind: SecretKind): Promise<RecoveryCode>;
  unlock(secret: string): Promise<void>;
  unlockWithRecovery(code: string): Promise<void>;
  /** Milliseconds before another unlock attempt is allowed. */
  retryAfterMs(): Promise<number>;
  isUnlocked(): Promise<boolean>;
  /** How the vault was opened since the last lock; null while locked. */
  unlockedWith(): Promise<UnlockedWith | null>;
  lock(): Promise<void>;
  /**
   * Replaces the recovery code (unlocked): the new code is returned once, for a new sheet;
   * the old code stops opening the vault once this resolves.
   */
  renewRecovery(): Promise<RecoveryCode>;
  /**
   * Re-wraps the vault key under a new PIN or passphrase; no record is re-encrypted. The
   * current secret is checked in the crypto worker under the same wrong-attempt wait as
   * unlocking: a wrong one is `wrong-secret` (counted) or `throttled`, and changes nothing.
   * A weak new secret is `weak-secret`, checked first and never counted.
   */
  changeSecret(change: SecretChange): Promise<void>;
  load(): Promise<LoadedRecord>;
  saveProfile(profile: Profile): Promise<void>;
  /** Deletes a profile and every entry and paper document that belongs to it. */
  deleteProfile(id: string): Promise<void>;
  saveEntry(entry: Entry): Promise<void>;
  deleteEntry(id: string): Promise<void>;
  settings(): Promise<DeviceSettings>;
  saveSettings(settings: DeviceSettings): Promise<void>;
  storageInfo(): Promise<StorageInfo>;
  /** Asks the browser to keep Carnet's data under storage pressure. */
  requestPersistence(): Promise<boolean>;
  /** The patient's paper documents (photos and PDFs). */
  readonly documents: DocumentStore;
  /** The links the patient has made for a doctor or a social worker. */
  readonly shares: ShareStore;
  /** Backup files and restoring them. */
  readonly backup: BackupService;
  /** Whether the record is as Carnet last left it (checked at each unlock). */
  readonly integrity: IntegrityService;
  /** Binding the vault to this phone (WebAuthn PRF), so the PIN alone opens nothing elsewhere. */
  readonly device: DeviceUnlock;
  /** The emergency card, and whether this phone shows it on its lock screen. */
  readonly emergency: EmergencyStore;
  /**
   * The summary's first view, kept sealed, so that unlocking a long record draws the summary
   * before every entry is read (summary-snapshot.ts).
   */
  readonly summary: SummarySnapshots;
}
