import Database from 'better-sqlite3';
import { LocalLocks, type BackupIndex, type BackupMeta } from './meta.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS backups (
  key TEXT PRIMARY KEY,             -- SHA-256 of the locator, hex; also the file's name
  token_hash TEXT NOT NULL,         -- SHA-256 of the bearer token, base64url
  size INTEGER NOT NULL,            -- bytes
  updated_at INTEGER NOT NULL,      -- epoch ms of the PUT that wrote the file
  used_at INTEGER NOT NULL          -- epoch ms of the last authorised PUT, GET or HEAD
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS backups_used ON backups(used_at);
`;

type Row = [tokenHash: string, size: number, updatedAt: number, usedAt: number];

/**
 * Backup records in the relay's SQLite file (its own table and connection, next to the
 * shares). SECURITY/durability: `synchronous = FULL`, so a record is on disk before the
 * file it describes is renamed into place; a power cut cannot leave a file nobody owns.
 * One relay process owns the file, so commit locks are in memory.
 */
export class SqliteBackupIndex implements BackupIndex {
  private readonly db: Database.Database;
  private readonly locks = new LocalLocks();
  private readonly q: ReturnType<typeof statements>;

  /** `file`: the relay's SQLite database (DATA_DIR/relay.sqlite). */
  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('secure_delete = ON');
    this.db.exec(SCHEMA);
    this.q = statements(this.db);
  }

  get(key: string): Promise<BackupMeta | null> {
    const row = this.q.get.get(key) as Row | undefined;
    if (!row) return Promise.resolve(null);
    const [tokenHash, size, updatedAt, usedAt] = row;
    return Promise.resolve({ tokenHash, size, updatedAt, usedAt });
  }

  set(key: string, meta: BackupMeta): Promise<void> {
    this.q.set.run({ key, ...meta });
    return Promise.resolve();
  }

  touch(key: string, at: number): Promise<void> {
    this.q.touch.run(at, key);
    return Promise.resolve();
  }

  remove(key: string): Promise<boolean> {
    return Promise.resolve(this.q.remove.run(key).changes > 0);
  }

  unusedSince(before: number, limit: number): Promise<string[]> {
    return Promise.resolve(this.q.unused.all(before, limit) as string[]);
  }

  withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.locks.run(key, task);
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

function statements(db: Database.Database) {
  return {
    get: db
      .prepare('SELECT token_hash, size, updated_at, used_at FROM backups WHERE key = ?')
      .raw(),
    set: db.prepare(
      `INSERT INTO backups (key, token_hash, size, updated_at, used_at)
       VALUES (@key, @tokenHash, @size, @updatedAt, @usedAt)
       ON CONFLICT (key) DO UPDATE SET token_hash = excluded.token_hash, size = excluded.size,
         updated_at = excluded.updated_at, used_at = excluded.used_at`,
    ),
    touch: db.prepare('UPDATE backups SET used_at = max(used_at, ?) WHERE key = ?'),
    remove: db.prepare('DELETE FROM backups WHERE key = ?'),
    unused: db.prepare('SELECT key FROM backups WHERE used_at < ? LIMIT ?').pluck(),
  };
}
