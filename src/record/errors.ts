import type { FieldErrors } from './validate.ts';

/** Why a record operation failed. Features map each code to an `errors:` translation key. */
export type RecordErrorCode =
  | 'invalid' // the input failed validation; see `fields`
  | 'locked' // the vault locked (timeout) while the operation ran
  | 'no-vault' // unlock was asked before setup
  | 'wrong-secret' // PIN, passphrase or recovery code did not open the vault
  | 'throttled' // too many wrong attempts: wait `retryAfterMs`
  | 'weak-secret' // PIN under 6 digits or passphrase under 8 characters
  | 'bad-recovery-code' // the recovery code has a typo
  | 'storage-full' // the browser refused to store more (QuotaExceededError)
  | 'corrupt' // a stored record failed authentication: tampered or damaged
  | 'not-found'
  | 'cancelled' // the patient stopped a long operation (backup, restore); nothing changed
  | 'backup-not-carnet' // the file is not a Carnet backup
  | 'backup-version' // a backup format this version does not know (made by a newer Carnet)
  | 'backup-truncated' // the backup ends before its end mark: cut short
  | 'backup-damaged' // a part of the backup was altered, lost or moved
  | 'backup-foreign' // parts of the backup belong to another record (another vault key)
  | 'backup-wrong-code' // the recovery code does not open this backup
  | 'unavailable'; // crypto worker or IndexedDB could not start

/** The one error type record/ throws. Never carries plaintext. */
export class RecordError extends Error {
  override readonly name = 'RecordError';
  constructor(
    readonly code: RecordErrorCode,
    readonly details: { fields?: FieldErrors; retryAfterMs?: number } = {},
  ) {
    super(`record: ${code}`);
  }
}
