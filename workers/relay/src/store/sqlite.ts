import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { REPLY_SCHEMA, SqliteReplies, migrateReplies } from './sqlite-replies.ts';
import {
  ACCESS_LOG_MAX,
  CHUNK_BYTES,
  UPLOAD_WINDOW_MS,
  type Access,
  type FileMeta,
  type FileUpload,
  type NewShare,
  type ReplyMeta,
  type ReplyUpload,
  type ShareMeta,
  type ShareStore,
  type StoredFile,
  type SweepResult,
} from './store.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS shares (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL,
  exp INTEGER NOT NULL,             -- epoch seconds
  created_at INTEGER NOT NULL,      -- epoch ms
  passcode_hash TEXT,
  remaining INTEGER,                -- NULL when no passcode
  max_uses INTEGER,
  uses INTEGER NOT NULL DEFAULT 0,
  files TEXT NOT NULL,              -- JSON FileMeta[], '[]' once purged
  active_at INTEGER NOT NULL,       -- epoch ms of the last attempt or open
  pending INTEGER NOT NULL DEFAULT 0, -- files not yet stored; the share opens only at 0
  reply_token_hash TEXT,            -- SHA-256 of the reply token, base64url; NULL without one
  replies_received INTEGER NOT NULL DEFAULT 0 -- replies ever stored (the limit counts these)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS shares_exp ON shares(exp);
CREATE TABLE IF NOT EXISTS share_files (
  share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  length INTEGER NOT NULL,          -- declared at creation, bytes
  uploads INTEGER NOT NULL DEFAULT 0, -- uploads begun; each one's number tags its chunks
  upload INTEGER,                   -- the upload whose chunks are the file; NULL until stored
  PRIMARY KEY (share_id, idx)
) WITHOUT ROWID;
-- A rowid table: its rows are large (SQLite advises WITHOUT ROWID for small rows only).
CREATE TABLE IF NOT EXISTS share_chunks (
  share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  upload INTEGER NOT NULL,
  seq INTEGER NOT NULL,             -- 0, 1, 2... in file order
  data BLOB NOT NULL,               -- about CHUNK_BYTES of the JWE
  PRIMARY KEY (share_id, idx, upload, seq)
);
CREATE TABLE IF NOT EXISTS accesses (
  share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
  slot INTEGER NOT NULL,            -- (use number - 1) modulo ACCESS_LOG_MAX: a ring
  recipient TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (share_id, slot)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS relay_keys (
  name TEXT PRIMARY KEY,
  key BLOB NOT NULL
) WITHOUT ROWID;
`;

/** A share is dead (never opens again) when its attempts or its uses are spent. */
const DEAD = `((remaining IS NOT NULL AND remaining <= 0) OR (max_uses IS NOT NULL AND uses >= max_uses))`;

interface PendingUse {
  id: string;
  access: Access;
  resolve: (counted: boolean) => void;
  reject: (err: unknown) => void;
}

/** A `shares` row as the `get` statement returns it (raw: columns in SELECT order). */
type ShareRow = [
  id: string,
  tokenHash: string,
  exp: number,
  passcodeHash: string | null,
  remaining: number | null,
  maxUses: number | null,
  uses: number,
  files: string,
  pending: number,
];

/**
 * The embedded store: one SQLite file, zero set-up. WAL journal with synchronous=NORMAL
 * survives a killed process without losing a committed transaction; every multi-row
 * change is one transaction, so a share is whole or absent after any crash, and a file is
 * its last committed upload or nothing. Files are rows of about CHUNK_BYTES
 * (`share_chunks`), written as they arrive and read one at a time.
 */
export class SqliteStore implements ShareStore {
  private readonly db: Database.Database;
  private readonly q: ReturnType<typeof statements>;
  private readonly r: SqliteReplies;
  private readonly createTx: (share: NewShare) => void;
  private readonly commitTx: (
    id: string,
    idx: number,
    upload: number,
  ) => { complete: boolean } | null;
  private readonly useTx: (batch: PendingUse[]) => boolean[];
  private pendingUses: PendingUse[] = [];
  private readonly removeTx: (id: string) => boolean;
  private hits = new Map<string, number>();
  private hitWindow = -1;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    // SECURITY: deleted ciphertext is overwritten with zeros, not left in free pages.
    this.db.pragma('secure_delete = ON');
    this.db.exec(SCHEMA + REPLY_SCHEMA);
    migrate(this.db);
    // After the migration: older databases have no `pending` column before it.
    this.db.exec(
      'CREATE INDEX IF NOT EXISTS shares_pending ON shares(created_at) WHERE pending > 0',
    );
    this.q = statements(this.db);
    this.r = new SqliteReplies(this.db, () => this.scrubWal());
    this.createTx = this.db.transaction((share: NewShare) => {
      const files: FileMeta[] = share.files.map((f) => ({
        contentType: f.contentType,
        length: f.length,
      }));
      this.q.insertShare.run({
        id: share.id,
        tokenHash: share.tokenHash,
        exp: share.exp,
        createdAt: share.createdAt,
        passcodeHash: share.passcodeHash,
        attempts: share.attempts,
        maxUses: share.maxUses,
        files: JSON.stringify(files),
        pending: files.length,
        replyTokenHash: share.replyTokenHash ?? null,
      });
      files.forEach((f, i) => this.q.insertFile.run(share.id, i, f.length));
    });
    this.commitTx = this.db.transaction((id: string, idx: number, upload: number) => {
      const state = this.q.fileState.get(id, idx) as { upload: number | null } | undefined;
      if (!state) return null; // removed, expired and swept, or complete meanwhile
      this.q.commitFile.run(upload, id, idx);
      // Only the replaced upload goes: another one of this index may still be arriving.
      if (state.upload !== null) this.q.dropUpload.run(id, idx, state.upload);
      const pending =
        state.upload === null
          ? (this.q.decPending.get(id) as number)
          : (this.q.pending.get(id) as number);
      return { complete: pending === 0 };
    });
    this.useTx = this.db.transaction((batch: PendingUse[]) =>
      batch.map(({ id, access }) => {
        const uses = this.q.use.get(access.at, id, access.at) as number | undefined;
        if (uses === undefined) return false;
        this.q.access.run(id, (uses - 1) % ACCESS_LOG_MAX, access.recipient, access.at);
        return true;
      }),
    );
    this.removeTx = this.db.transaction((id: string) => this.q.remove.run(id).changes > 0);
  }

  create(share: NewShare): Promise<void> {
    this.createTx(share);
    return Promise.resolve();
  }

  get(id: string): Promise<ShareMeta | null> {
    const row = this.q.get.get(id) as ShareRow | undefined;
    if (!row) return Promise.resolve(null);
    const [, tokenHash, exp, passcodeHash, remainingAttempts, maxUses, uses, files, pending] = row;
    return Promise.resolve({
      id,
      tokenHash,
      exp,
      passcodeHash,
      remainingAttempts,
      maxUses,
      uses,
      files: JSON.parse(files) as FileMeta[],
      pending,
    });
  }

  beginUpload(id: string, index: number, now: number): Promise<FileUpload | null> {
    const row = this.q.begin.get({ id, idx: index, now }) as
      { uploads: number; length: number } | undefined;
    if (!row) return Promise.resolve(null);
    const { q, commitTx } = this;
    const upload = row.uploads;
    const length = row.length;
    let seq = 0;
    let appended = 0;
    return Promise.resolve({
      length,
      append(bytes: Buffer): Promise<boolean> {
        if (appended + bytes.length > length) return Promise.resolve(false);
        const { changes } = q.append.run({ id, idx: index, upload, seq, data: bytes });
        if (changes === 0) return Promise.resolve(false); // removed or complete meanwhile
        seq++;
        appended += bytes.length;
        return Promise.resolve(true);
      },
      commit(): Promise<{ complete: boolean } | null> {
        const done = appended === length ? commitTx(id, index, upload) : null;
        if (done === null) q.dropUpload.run(id, index, upload);
        return Promise.resolve(done);
      },
      abort(): Promise<void> {
        q.dropUncommitted.run({ id, idx: index, upload });
        return Promise.resolve();
      },
    });
  }

  takeAttempt(id: string, now: number): Promise<number | null> {
    const row = this.q.take.get({ id, now }) as { remaining: number } | undefined;
    return Promise.resolve(row ? row.remaining : null);
  }

  returnAttempt(id: string): Promise<void> {
    this.q.give.run(id);
    return Promise.resolve();
  }

  /**
   * Group commit: opens that arrive in the same turn of the event loop are counted in one
   * transaction, each checked in arrival order as if alone. Nobody is answered before the
   * transaction that counts their open has committed, so a crash never loses a confirmed
   * open; one commit per batch instead of per request is what keeps manifests fast.
   */
  recordUse(id: string, access: Access): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.pendingUses.push({ id, access, resolve, reject });
      if (this.pendingUses.length === 1) setImmediate(() => this.flushUses());
    });
  }

  private flushUses(): void {
    const batch = this.pendingUses;
    this.pendingUses = [];
    if (batch.length === 0) return;
    let results: boolean[];
    try {
      results = this.useTx(batch);
    } catch (err) {
      for (const op of batch) op.reject(err);
      return;
    }
    batch.forEach((op, i) => op.resolve(results[i] ?? false));
  }

  openFile(id: string, index: number): Promise<StoredFile | null> {
    const row = this.q.openFile.get(id, index) as { upload: number; length: number } | undefined;
    if (!row) return Promise.resolve(null);
    const { upload, length } = row;
    const chunk = this.q.chunk;
    return Promise.resolve({
      length,
      // eslint-disable-next-line @typescript-eslint/require-await -- an async source for streams
      async *chunks(): AsyncGenerator<Buffer, void, undefined> {
        let read = 0;
        for (let seq = 0; read < length; seq++) {
          const data = chunk.get(id, index, upload, seq) as Buffer | undefined;
          if (!data) throw new Error('file deleted while read');
          read += data.length;
          yield data;
        }
      },
    });
  }

  ticketKey(): Promise<Buffer> {
    this.q.keyInsert.run('ticket', randomBytes(32));
    const row = this.q.keyGet.get('ticket') as { key: Buffer };
    return Promise.resolve(row.key);
  }

  accesses(id: string): Promise<Access[]> {
    return Promise.resolve(this.q.accesses.all(id) as Access[]);
  }

  remove(id: string): Promise<boolean> {
    const existed = this.removeTx(id);
    if (existed) this.scrubWal();
    return Promise.resolve(existed);
  }

  sweep(now: number, deadGraceMs: number): Promise<SweepResult> {
    const result = this.db.transaction(() => {
      const expired =
        this.q.expire.run(Math.floor(now / 1000)).changes +
        this.q.stale.run(now - UPLOAD_WINDOW_MS).changes;
      this.r.sweep(now - UPLOAD_WINDOW_MS);
      const before = now - deadGraceMs;
      this.q.deadChunks.run(before);
      this.q.deadFiles.run(before);
      const purged = this.q.deadMark.run(before).changes;
      return { expired, purged };
    })();
    if (result.expired + result.purged > 0) this.scrubWal();
    return Promise.resolve(result);
  }

  replyTokenHash(id: string): Promise<string | null> {
    return Promise.resolve(this.r.tokenHash(id));
  }

  beginReply(
    id: string,
    replyId: string,
    at: number,
    max: number,
  ): Promise<ReplyUpload | 'full' | null> {
    return Promise.resolve(this.r.begin(id, replyId, at, max));
  }

  replies(id: string): Promise<ReplyMeta[]> {
    return Promise.resolve(this.r.list(id));
  }

  openReply(id: string, replyId: string): Promise<StoredFile | null> {
    return Promise.resolve(this.r.open(id, replyId));
  }

  removeReply(id: string, replyId: string): Promise<boolean> {
    return Promise.resolve(this.r.remove(id, replyId));
  }

  hit(bucket: string, key: string, now: number): Promise<number> {
    // One process owns a SQLite file, so rate counts live in memory and reset each minute.
    const window = Math.floor(now / 60_000);
    if (window !== this.hitWindow) {
      this.hits = new Map();
      this.hitWindow = window;
    }
    const k = `${bucket}\u0000${key}`;
    const count = (this.hits.get(k) ?? 0) + 1;
    this.hits.set(k, count);
    return Promise.resolve(count);
  }

  close(): Promise<void> {
    this.flushUses();
    this.db.close();
    return Promise.resolve();
  }

  /**
   * SECURITY: after a purge, the deleted ciphertext may still sit in old WAL frames.
   * A TRUNCATE checkpoint copies the zeroed pages back and empties the WAL file. Best
   * effort: an open reader can delay the truncation until the next purge.
   */
  private scrubWal(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

/**
 * Brings a database written by an earlier relay to this schema: `shares.pending`, the reply
 * columns, and the former `files` and `share_replies` tables (one row holding each whole
 * JWE) cut into chunks. One transaction.
 */
function migrate(db: Database.Database): void {
  db.transaction(() => {
    const columns = db.prepare("SELECT name FROM pragma_table_info('shares')").pluck().all();
    if (!columns.includes('pending')) {
      db.exec('ALTER TABLE shares ADD COLUMN pending INTEGER NOT NULL DEFAULT 0');
    }
    if (!columns.includes('reply_token_hash')) {
      db.exec('ALTER TABLE shares ADD COLUMN reply_token_hash TEXT');
      db.exec('ALTER TABLE shares ADD COLUMN replies_received INTEGER NOT NULL DEFAULT 0');
    }
    migrateReplies(db);
    const old = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'files'");
    if (old.get() === undefined) return;
    const keys = db.prepare('SELECT share_id, idx FROM files').raw().all() as [string, number][];
    const read = db.prepare('SELECT jwe FROM files WHERE share_id = ? AND idx = ?').pluck();
    const file = db.prepare(
      'INSERT OR REPLACE INTO share_files (share_id, idx, length, uploads, upload) VALUES (?, ?, ?, 1, 1)',
    );
    const chunk = db.prepare(
      'INSERT OR REPLACE INTO share_chunks (share_id, idx, upload, seq, data) VALUES (?, ?, 1, ?, ?)',
    );
    for (const [id, idx] of keys) {
      const jwe = Buffer.from(read.get(id, idx) as string, 'latin1');
      file.run(id, idx, jwe.length);
      for (let at = 0, seq = 0; at < jwe.length; at += CHUNK_BYTES, seq++) {
        chunk.run(id, idx, seq, jwe.subarray(at, at + CHUNK_BYTES));
      }
    }
    db.exec('DROP TABLE files');
  })();
}

/** Every statement the store runs, prepared once. */
function statements(db: Database.Database) {
  const p = (sql: string): Statement => db.prepare(sql);
  return {
    insertShare: p(
      `INSERT INTO shares (id, token_hash, exp, created_at, passcode_hash, remaining, max_uses, files, active_at, pending, reply_token_hash)
       VALUES (@id, @tokenHash, @exp, @createdAt, @passcodeHash, @attempts, @maxUses, @files, @createdAt, @pending, @replyTokenHash)`,
    ),
    insertFile: p('INSERT INTO share_files (share_id, idx, length) VALUES (?, ?, ?)'),
    // Raw rows (arrays): the hot manifest path reads one per request.
    get: p(
      'SELECT id, token_hash, exp, passcode_hash, remaining, max_uses, uses, files, pending FROM shares WHERE id = ?',
    ).raw(),
    // -> the new upload's number and the declared length, when the share still waits.
    begin: p(
      `UPDATE share_files SET uploads = uploads + 1
       WHERE share_id = @id AND idx = @idx
         AND EXISTS (SELECT 1 FROM shares WHERE id = @id AND pending > 0 AND exp * 1000 > @now)
       RETURNING uploads, length`,
    ),
    // Stores nothing once the share is removed or complete.
    append: p(
      `INSERT INTO share_chunks (share_id, idx, upload, seq, data)
       SELECT @id, @idx, @upload, @seq, @data
       WHERE EXISTS (SELECT 1 FROM shares WHERE id = @id AND pending > 0)`,
    ),
    fileState: p(
      `SELECT f.upload FROM share_files f JOIN shares s ON s.id = f.share_id
       WHERE f.share_id = ? AND f.idx = ? AND s.pending > 0`,
    ),
    commitFile: p('UPDATE share_files SET upload = ? WHERE share_id = ? AND idx = ?'),
    dropUpload: p('DELETE FROM share_chunks WHERE share_id = ? AND idx = ? AND upload = ?'),
    // An aborted upload's chunks, unless it was committed (then they are the file).
    dropUncommitted: p(
      `DELETE FROM share_chunks WHERE share_id = @id AND idx = @idx AND upload = @upload
       AND NOT EXISTS (SELECT 1 FROM share_files WHERE share_id = @id AND idx = @idx AND upload = @upload)`,
    ),
    decPending: p('UPDATE shares SET pending = pending - 1 WHERE id = ? RETURNING pending').pluck(),
    pending: p('SELECT pending FROM shares WHERE id = ?').pluck(),
    take: p(
      `UPDATE shares SET remaining = remaining - 1, active_at = @now
       WHERE id = @id AND remaining > 0 AND exp * 1000 > @now RETURNING remaining`,
    ),
    give: p('UPDATE shares SET remaining = remaining + 1 WHERE id = ? AND remaining IS NOT NULL'),
    // (now, id, now) -> the new use count, or undefined when the share is not usable.
    use: p(
      `UPDATE shares SET uses = uses + 1, active_at = ?
       WHERE id = ? AND exp * 1000 > ? AND pending = 0 AND files != '[]'
         AND (max_uses IS NULL OR uses < max_uses)
       RETURNING uses`,
    ).pluck(),
    // The ring slot is overwritten in place (no delete + insert as with OR REPLACE).
    access: p(
      `INSERT INTO accesses (share_id, slot, recipient, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (share_id, slot) DO UPDATE SET recipient = excluded.recipient, at = excluded.at`,
    ),
    keyInsert: p('INSERT OR IGNORE INTO relay_keys (name, key) VALUES (?, ?)'),
    keyGet: p('SELECT key FROM relay_keys WHERE name = ?'),
    openFile: p(
      'SELECT upload, length FROM share_files WHERE share_id = ? AND idx = ? AND upload IS NOT NULL',
    ),
    chunk: p(
      'SELECT data FROM share_chunks WHERE share_id = ? AND idx = ? AND upload = ? AND seq = ?',
    ).pluck(),
    accesses: p('SELECT recipient, at FROM accesses WHERE share_id = ? ORDER BY at, slot'),
    remove: p('DELETE FROM shares WHERE id = ?'),
    expire: p('DELETE FROM shares WHERE exp <= ?'), // epoch seconds: uses shares_exp
    stale: p('DELETE FROM shares WHERE pending > 0 AND created_at < ?'),
    deadChunks: p(
      `DELETE FROM share_chunks WHERE share_id IN (SELECT id FROM shares WHERE ${DEAD} AND active_at < ?)`,
    ),
    deadFiles: p(
      `DELETE FROM share_files WHERE share_id IN (SELECT id FROM shares WHERE ${DEAD} AND active_at < ?)`,
    ),
    deadMark: p(`UPDATE shares SET files = '[]' WHERE ${DEAD} AND active_at < ? AND files != '[]'`),
  };
}
