/**
 * What the relay keeps about each backup besides its file, and the contract of the two
 * places that keep it: SQLite (meta-sqlite.ts, the default) and Redis (meta-redis.ts,
 * shared by several relays). Both pass backup-contract.ts through BackupStore.
 *
 * SECURITY: a record is keyed by the SHA-256 of the locator (hex, also the file's name)
 * and holds the SHA-256 of the token, never the locator or the token themselves.
 */

/** One backup's record. Times are epoch milliseconds. */
export interface BackupMeta {
  /** SHA-256 of the bearer token, base64url (secrets.ts `hashToken`). */
  tokenHash: string;
  /** Bytes of the stored file. */
  size: number;
  /** When the stored file was written (the PUT that won); also the file's mtime. */
  updatedAt: number;
  /** Last authorised PUT, GET or HEAD: the sweeper deletes backups unused for too long. */
  usedAt: number;
}

export interface BackupIndex {
  /** The record of `key`, or null. */
  get(key: string): Promise<BackupMeta | null>;

  /** Creates or replaces the record of `key` in one atomic, durable write. */
  set(key: string, meta: BackupMeta): Promise<void>;

  /** Moves `usedAt` forward to `at` (never back) when the record exists. */
  touch(key: string, at: number): Promise<void>;

  /** Deletes the record. True when it existed. */
  remove(key: string): Promise<boolean>;

  /** Keys of records last used before `before`, at most `limit` of them. */
  unusedSince(before: number, limit: number): Promise<string[]>;

  /**
   * Runs `task` while holding the commit lock of `key`: one holder at a time among every
   * relay on this index, so a rename and the record that describes it go together.
   * Held for milliseconds (a rename, a directory fsync, one write), never for an upload.
   */
  withLock<T>(key: string, task: () => Promise<T>): Promise<T>;

  close(): Promise<void>;
}

/**
 * Per-key locks inside one process: what a SQLite index needs, since one relay process
 * owns a SQLite file. Each task waits for the one before it on the same key.
 */
export class LocalLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    // Tails never reject, so each task starts once the one before has settled.
    const before = this.tails.get(key) ?? Promise.resolve();
    const mine = before.then(task);
    const tail = mine.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await mine;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
