import type { BackupHeader } from '../../record/backup/format.ts';
import type { PendingRestore, RelayAccess } from '../../record/backup/service.ts';
import type { CarnetStore, SecretKind } from '../../record/store.ts';
import type { RelayBackupInfo } from '../../share/backup-client.ts';
import { getRelayBackup, headRelayBackup } from '../../share/backup-client.ts';
import { errorKey } from '../shell/errors.ts';
import type { RestoreMessage } from './restore-errors.ts';
import { relayFailureKey } from './restore-errors.ts';

/**
 * The steps of a restore and what moves between them. Nothing here changes the phone's
 * record: `store.backup.restore` checks the whole file into a database of its own, and only
 * `PendingRestore.commit` (with the new PIN) makes it the phone's record, in one write.
 */

/** `new`: a phone with no record (first screen). `replace`: one that holds a record. */
export type RestoreMode = 'new' | 'replace';

/** The relay's copy for the code typed: where it is, and its size and date. */
export interface FoundCopy {
  readonly access: RelayAccess;
  readonly info: RelayBackupInfo;
}

export type RestoreStep =
  | { readonly name: 'source' }
  | { readonly name: 'relay'; readonly found?: FoundCopy }
  | { readonly name: 'summary'; readonly file: Blob; readonly header: BackupHeader }
  | {
      readonly name: 'working';
      readonly task: 'download' | 'verify';
      /** 0 to 100. */
      readonly percent: number;
      /** Where a failure or a cancel goes back to. */
      readonly back: RestoreStep;
    }
  | { readonly name: 'confirm'; readonly pending: PendingRestore }
  | { readonly name: 'secret'; readonly pending: PendingRestore };

/** What a step's action may do to the flow (useRestore provides it). */
export interface Flow {
  readonly store: CarnetStore;
  readonly mode: RestoreMode;
  /** Shows `step`, clearing the last failure. */
  go(step: RestoreStep): void;
  fail(message: RestoreMessage): void;
  /** Shows a long task's progress bar; its signal is the Stop button's. */
  start(
    task: 'download' | 'verify',
    back: RestoreStep,
  ): { signal: AbortSignal; progress: (fraction: number) => void };
  /** A restore was checked and waits for the new PIN, or has just been dropped (null). */
  hold(pending: PendingRestore | null): void;
}

/** Reads a picked file's header (date, counts): no code needed, nothing written. */
export async function openFile(flow: Flow, file: Blob): Promise<void> {
  try {
    flow.go({ name: 'summary', file, header: await flow.store.backup.inspect(file) });
  } catch (err) {
    flow.fail(errorKey(err));
  }
}

/** Finds the relay copy that the recovery code locates (size and date, nothing fetched). */
export async function findRelayCopy(flow: Flow, code: string): Promise<void> {
  try {
    const access = await flow.store.backup.relayAccess(code);
    flow.go({ name: 'relay', found: { access, info: await headRelayBackup(access) } });
  } catch (err) {
    flow.fail(relayFailureKey(err));
  }
}

/** Downloads the relay copy with a progress bar, then reads its header. */
export async function downloadRelayCopy(flow: Flow, found: FoundCopy): Promise<void> {
  const back: RestoreStep = { name: 'relay', found };
  const { signal, progress } = flow.start('download', back);
  try {
    const file = await getRelayBackup(found.access, progress, signal);
    if (signal.aborted) throw new DOMException('Stopped', 'AbortError');
    flow.go({ name: 'summary', file, header: await flow.store.backup.inspect(file) });
  } catch (err) {
    flow.go(back);
    flow.fail(signal.aborted ? 'errors:cancelled' : relayFailureKey(err));
  }
}

/**
 * Checks the whole backup with the recovery code and writes it apart from the phone's
 * record. On a phone with a record, the patient is asked next whether to replace it.
 */
export async function verifyBackup(
  flow: Flow,
  file: Blob,
  header: BackupHeader,
  code: string,
): Promise<void> {
  const back: RestoreStep = { name: 'summary', file, header };
  const { signal, progress } = flow.start('verify', back);
  try {
    const pending = await flow.store.backup.restore(file, code, {
      signal,
      onProgress: (done, total) => progress(total > 0 ? done / total : 1),
    });
    flow.hold(pending);
    flow.go(flow.mode === 'replace' ? { name: 'confirm', pending } : { name: 'secret', pending });
  } catch (err) {
    flow.go(back);
    flow.fail(errorKey(err));
  }
}

/** Drops a checked restore (its database is deleted); the phone's record is untouched. */
export async function dropRestore(flow: Flow, pending: PendingRestore): Promise<void> {
  flow.hold(null);
  await pending.discard().catch(() => undefined);
}

/**
 * Makes the checked backup this phone's record under the new PIN or passphrase. Resolves
 * to whether it did; a failure (a weak PIN, a full disk) leaves the restore waiting.
 */
export async function commitRestore(
  flow: Flow,
  pending: PendingRestore,
  secret: string,
  kind: SecretKind,
): Promise<boolean> {
  try {
    await pending.commit(secret, kind);
  } catch (err) {
    flow.fail(errorKey(err));
    return false;
  }
  // Committed: from here on nothing may discard it (discard deletes its database).
  flow.hold(null);
  await flow.store.requestPersistence().catch(() => false);
  return true;
}
