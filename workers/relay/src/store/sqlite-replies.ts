import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { CHUNK_BYTES, type ReplyMeta, type ReplyUpload, type StoredFile } from './store.ts';

/**
 * Replies (write-back) in the SQLite store: compact JWEs to the share's own key, gone with
 * the share, stored like files: rows of about CHUNK_BYTES written as the body arrives
 * (`reply_chunks`); a reply is listed and readable once its `replies` row has a length.
 */
export const REPLY_SCHEMA = `
-- Replies (write-back): compact JWEs to the share's own key, gone with the share, stored
-- like files: rows of about CHUNK_BYTES written as the body arrives.
CREATE TABLE IF NOT EXISTS replies (
  share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
  reply_id TEXT NOT NULL,
  at INTEGER NOT NULL,              -- epoch ms, when it began to arrive
  length INTEGER,                   -- bytes; NULL while it arrives (not listed, not readable)
  PRIMARY KEY (share_id, reply_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS reply_chunks (
  share_id TEXT NOT NULL,
  reply_id TEXT NOT NULL,
  seq INTEGER NOT NULL,             -- 0, 1, 2... in body order
  data BLOB NOT NULL,               -- about CHUNK_BYTES of the JWE
  PRIMARY KEY (share_id, reply_id, seq),
  FOREIGN KEY (share_id, reply_id) REFERENCES replies(share_id, reply_id) ON DELETE CASCADE
);
`;

/** Thrown inside the reply commit to undo its count: the limit is reached, or it is gone. */
const FULL = 'reply limit reached';
const GONE = 'reply gone';

/** The reply half of SqliteStore (see ShareStore for each method's contract). */
export class SqliteReplies {
  private readonly r: ReturnType<typeof replyStatements>;
  /** Throws FULL or GONE to roll the count back; the caller then deletes the chunks. */
  private readonly commitTx: (
    id: string,
    replyId: string,
    at: number,
    max: number,
    length: number,
  ) => 'stored';

  /** `scrub`: empties the WAL of deleted ciphertext (SqliteStore.scrubWal). */
  constructor(
    db: Database.Database,
    private readonly scrub: () => void,
  ) {
    this.r = replyStatements(db);
    this.commitTx = db.transaction(
      (id: string, replyId: string, at: number, max: number, length: number) => {
        const count = this.r.countReply.get({ id, now: at }) as number | undefined;
        if (count === undefined) throw new Error(GONE);
        if (count > max) throw new Error(FULL);
        if (this.r.commitReply.run(length, id, replyId).changes === 0) throw new Error(GONE);
        return 'stored' as const;
      },
    );
  }

  tokenHash(id: string): string | null {
    return (this.r.replyToken.get(id) as string | null | undefined) ?? null;
  }

  begin(id: string, replyId: string, at: number, max: number): ReplyUpload | 'full' | null {
    const received = this.r.repliesReceived.get({ id, now: at }) as number | undefined;
    if (received === undefined) return null;
    if (received >= max) return 'full';
    this.r.beginReply.run(id, replyId, at);
    const { r, commitTx } = this;
    let seq = 0;
    let length = 0;
    const drop = () => r.dropPendingReply.run(id, replyId);
    return {
      append(bytes: Buffer): Promise<boolean> {
        const { changes } = r.appendReply.run({ id, rid: replyId, seq, data: bytes });
        if (changes === 0) return Promise.resolve(false); // removed, committed or aborted
        seq++;
        length += bytes.length;
        return Promise.resolve(true);
      },
      commit(): Promise<'stored' | 'full' | null> {
        try {
          return Promise.resolve(commitTx(id, replyId, at, max, length));
        } catch (err) {
          drop();
          if (err instanceof Error && err.message === FULL) return Promise.resolve('full');
          if (err instanceof Error && err.message === GONE) return Promise.resolve(null);
          throw err;
        }
      },
      abort(): Promise<void> {
        drop();
        return Promise.resolve();
      },
    };
  }

  list(id: string): ReplyMeta[] {
    return this.r.replies.all(id) as ReplyMeta[];
  }

  open(id: string, replyId: string): StoredFile | null {
    const length = this.r.replyLength.get(id, replyId) as number | undefined;
    if (length === undefined) return null;
    const chunk = this.r.replyChunk;
    return {
      length,
      // eslint-disable-next-line @typescript-eslint/require-await -- an async source for streams
      async *chunks(): AsyncGenerator<Buffer, void, undefined> {
        let read = 0;
        for (let seq = 0; read < length; seq++) {
          const data = chunk.get(id, replyId, seq) as Buffer | undefined;
          if (!data) throw new Error('reply deleted while read');
          read += data.length;
          yield data;
        }
      },
    };
  }

  remove(id: string, replyId: string): boolean {
    const existed = this.r.removeReply.run(id, replyId).changes > 0;
    if (existed) this.scrub();
    return existed;
  }

  /** Deletes replies that began before `cutoff` (epoch ms) and never ended. */
  sweep(cutoff: number): void {
    this.r.staleReplies.run(cutoff);
  }
}

/** The former `share_replies` table (one row holding each whole reply) cut into chunks. */
export function migrateReplies(db: Database.Database): void {
  const old = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'share_replies'";
  if (db.prepare(old).get() === undefined) return;
  const rows = db.prepare('SELECT share_id, reply_id, at FROM share_replies').raw().all() as [
    string,
    string,
    number,
  ][];
  const read = db.prepare('SELECT data FROM share_replies WHERE share_id = ? AND reply_id = ?');
  const reply = db.prepare(
    'INSERT OR REPLACE INTO replies (share_id, reply_id, at, length) VALUES (?, ?, ?, ?)',
  );
  const chunk = db.prepare(
    'INSERT OR REPLACE INTO reply_chunks (share_id, reply_id, seq, data) VALUES (?, ?, ?, ?)',
  );
  for (const [id, rid, at] of rows) {
    const data = read.pluck().get(id, rid) as Buffer;
    reply.run(id, rid, at, data.length);
    for (let from = 0, seq = 0; from < data.length; from += CHUNK_BYTES, seq++) {
      chunk.run(id, rid, seq, data.subarray(from, from + CHUNK_BYTES));
    }
  }
  db.exec('DROP TABLE share_replies');
}

/** The reply statements (write-back), prepared once. */
function replyStatements(db: Database.Database) {
  const p = (sql: string): Statement => db.prepare(sql);
  // A share takes replies while complete, unexpired and not blocked by wrong passcodes.
  const takes = `id = @id AND pending = 0 AND exp * 1000 > @now
    AND (remaining IS NULL OR remaining > 0)`;
  return {
    replyToken: p('SELECT reply_token_hash FROM shares WHERE id = ?').pluck(),
    // -> replies ever stored, or undefined when the share takes no reply now.
    repliesReceived: p(`SELECT replies_received FROM shares WHERE ${takes}`).pluck(),
    // -> the count with this reply, or undefined when the share takes no reply now.
    countReply: p(
      `UPDATE shares SET replies_received = replies_received + 1 WHERE ${takes}
       RETURNING replies_received`,
    ).pluck(),
    beginReply: p('INSERT INTO replies (share_id, reply_id, at) VALUES (?, ?, ?)'),
    // Stores nothing once the share (so the pending reply) is removed.
    appendReply: p(
      `INSERT INTO reply_chunks (share_id, reply_id, seq, data)
       SELECT @id, @rid, @seq, @data
       WHERE EXISTS (SELECT 1 FROM replies WHERE share_id = @id AND reply_id = @rid AND length IS NULL)`,
    ),
    commitReply: p(
      'UPDATE replies SET length = ? WHERE share_id = ? AND reply_id = ? AND length IS NULL',
    ),
    dropPendingReply: p(
      'DELETE FROM replies WHERE share_id = ? AND reply_id = ? AND length IS NULL',
    ),
    replies: p(
      `SELECT reply_id AS id, at, length FROM replies
       WHERE share_id = ? AND length IS NOT NULL ORDER BY at, reply_id`,
    ),
    replyLength: p(
      'SELECT length FROM replies WHERE share_id = ? AND reply_id = ? AND length IS NOT NULL',
    ).pluck(),
    replyChunk: p(
      'SELECT data FROM reply_chunks WHERE share_id = ? AND reply_id = ? AND seq = ?',
    ).pluck(),
    removeReply: p(
      'DELETE FROM replies WHERE share_id = ? AND reply_id = ? AND length IS NOT NULL',
    ),
    // Replies that began to arrive before the cutoff and never ended (a relay killed mid-body).
    staleReplies: p('DELETE FROM replies WHERE length IS NULL AND at < ?'),
  };
}
