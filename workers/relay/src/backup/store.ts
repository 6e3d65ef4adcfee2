import { createHash } from 'node:crypto';
import { BODY_IDLE_MS } from '../body.ts';
import { hashToken, tokenMatches } from '../secrets.ts';
import { BackupFiles, type OpenedFile, type ReceiveRefusal } from './files.ts';
import type { BackupIndex, BackupMeta } from './meta.ts';

/** A body that sends nothing for this long is abandoned, ms. */
export const BACKUP_IDLE_MS = BODY_IDLE_MS;
/** A temp file untouched for this long is left from a crash, and the sweeper deletes it, ms. */
const STALE_UPLOAD_MS = 3600_000;
/** How many records the sweeper takes from the index at a time. */
const SWEEP_BATCH = 100;

export type PutResult =
  | { status: 'created' | 'replaced'; meta: BackupMeta }
  | { status: 'not_found' }
  | { status: ReceiveRefusal };

export interface BackupSweepResult {
  /** Backups (record and file) deleted for being unused. */
  unused: number;
  /** Temp files of cut-off uploads deleted. */
  temps: number;
  /** Files without a record deleted. */
  orphans: number;
}

/**
 * The encrypted backups: one opaque file per locator (BackupFiles), described and
 * authorised by a record (BackupIndex: SQLite or Redis). Every method takes the locator
 * and token as the client sent them, already checked to be 43 base64url characters.
 *
 * Invariants, after any crash: a final file always has a record (a new record is written
 * before its first rename; a record is deleted after its file); the file under a name is
 * whole, old or new; and under the commit lock the record matches the file it describes.
 * GET and HEAD report the file's own size and mtime, so a crash between a rename and the
 * record update cannot make them disagree with the bytes.
 *
 * SECURITY: the relay stores ciphertext it cannot read, the SHA-256 of the token, size
 * and times. Tokens are compared as hashes in constant time.
 */
export class BackupStore {
  readonly files: BackupFiles;

  constructor(
    readonly index: BackupIndex,
    dir: string,
    private readonly idleMs = BACKUP_IDLE_MS,
  ) {
    this.files = new BackupFiles(dir);
  }

  /** Creates the directory; call once before use. */
  async init(): Promise<this> {
    await this.files.init();
    return this;
  }

  /**
   * Whether `token` may write `locator`: it may when the backup is new or the token is
   * its own. Checked before a body is read, and again under the lock when it is committed.
   */
  async mayPut(locator: string, token: string): Promise<boolean> {
    const meta = await this.index.get(backupKey(locator));
    return meta === null || tokenMatches(token, meta.tokenHash);
  }

  /**
   * Stores `body` as the backup of `locator`: streams it to a temp file, and once it is
   * complete and durable, renames it over the old one and records it. Concurrent PUTs of
   * one locator: the last to commit wins, and the record describes the file that won.
   */
  async put(
    locator: string,
    token: string,
    body: ReadableStream<Uint8Array> | null,
    opts: { maxBytes: number; now: () => number },
  ): Promise<PutResult> {
    if (!(await this.mayPut(locator, token))) {
      body?.cancel().catch(() => undefined);
      return { status: 'not_found' };
    }
    const received = await this.files.receive(body, {
      maxBytes: opts.maxBytes,
      idleMs: this.idleMs,
      clock: opts.now,
    });
    if (!received.ok) return { status: received.why };
    const key = backupKey(locator);
    try {
      return await this.index.withLock(key, async (): Promise<PutResult> => {
        const current = await this.index.get(key);
        if (current && !tokenMatches(token, current.tokenHash)) return { status: 'not_found' };
        const meta: BackupMeta = {
          tokenHash: current?.tokenHash ?? hashToken(token),
          size: received.size,
          updatedAt: received.at,
          usedAt: Math.max(received.at, current?.usedAt ?? 0),
        };
        // A new backup is recorded first, so no file ever exists without its record.
        if (!current) await this.index.set(key, meta);
        await this.files.commit(received.temp, key);
        if (current) await this.index.set(key, meta);
        return { status: current ? 'replaced' : 'created', meta };
      });
    } finally {
      await this.files.discard(received.temp);
    }
  }

  /** Opens the backup for reading, or null (unknown, wrong token, or no file). */
  async open(locator: string, token: string, now: number): Promise<OpenedFile | null> {
    const key = await this.authorised(locator, token);
    if (key === null) return null;
    const file = await this.files.open(key);
    if (!file) return null;
    try {
      await this.index.touch(key, now);
    } catch (err) {
      await file.close();
      throw err;
    }
    return file;
  }

  /** Size and mtime of the backup, or null (unknown, wrong token, or no file). */
  async stat(
    locator: string,
    token: string,
    now: number,
  ): Promise<{ size: number; modifiedAt: number } | null> {
    const key = await this.authorised(locator, token);
    if (key === null) return null;
    const info = await this.files.stat(key);
    if (info) await this.index.touch(key, now);
    return info;
  }

  /** Deletes the backup, file first, then record. False when unknown or wrong token. */
  async remove(locator: string, token: string): Promise<boolean> {
    const key = backupKey(locator);
    return this.index.withLock(key, async () => {
      const current = await this.index.get(key);
      if (!current || !tokenMatches(token, current.tokenHash)) return false;
      await this.files.remove(key);
      await this.index.remove(key);
      return true;
    });
  }

  /**
   * Deletes backups unused since before `now - retentionMs`, temp files of uploads cut
   * off more than an hour ago, and files with no record (left by a lost record) as old
   * as the retention.
   */
  async sweep(now: number, retentionMs: number): Promise<BackupSweepResult> {
    const before = now - retentionMs;
    let unused = 0;
    for (;;) {
      const keys = await this.index.unusedSince(before, SWEEP_BATCH);
      for (const key of keys) if (await this.removeIfUnused(key, before)) unused++;
      if (keys.length < SWEEP_BATCH) break;
    }
    const { temps, old } = await this.files.scan(now - STALE_UPLOAD_MS, before);
    let orphans = 0;
    for (const key of old) {
      const removed = await this.index.withLock(key, async () =>
        (await this.index.get(key)) === null ? this.files.remove(key) : false,
      );
      if (removed) orphans++;
    }
    return { unused, temps, orphans };
  }

  async close(): Promise<void> {
    await this.index.close();
  }

  /** The key of `locator` when `token` is its own, else null. */
  private async authorised(locator: string, token: string): Promise<string | null> {
    const key = backupKey(locator);
    const meta = await this.index.get(key);
    return meta && tokenMatches(token, meta.tokenHash) ? key : null;
  }

  private removeIfUnused(key: string, before: number): Promise<boolean> {
    return this.index.withLock(key, async () => {
      const current = await this.index.get(key);
      if (current && current.usedAt >= before) return false; // used meanwhile
      // File first, then record: a crash in between leaves a record without a file
      // (GET answers 404), never a file without a record.
      await this.files.remove(key);
      return (await this.index.remove(key)) && current !== null;
    });
  }
}

/**
 * The name of a locator's record and file: its SHA-256, hex. SECURITY: the locator itself
 * is never stored, logged or used as a path.
 */
export function backupKey(locator: string): string {
  return createHash('sha256').update(locator).digest('hex');
}
