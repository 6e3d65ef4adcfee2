import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fakeJwe, newShare, putShare, readFile } from '../testing/fixtures.ts';
import { openStore, setUpRelay, type SqliteTestStore } from '../testing/setup.ts';
import { CHUNK_BYTES, UPLOAD_WINDOW_MS } from './store.ts';
import { storeContract } from './store-contract.ts';

let contract: SqliteTestStore;
storeContract(
  'SQLite',
  async () => (contract = await openStore('SQLite')).store,
  () => contract.close(),
);

describe('SQLite store on disk', () => {
  const relay = setUpRelay('SQLite');

  it('uses WAL and keeps shares across a reopen', async () => {
    const share = newShare();
    await putShare(relay.store, share);
    await relay.store.close();
    const db = new Database(relay.file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const reopened = relay.twin();
    expect((await reopened.get(share.id))?.files).toHaveLength(1);
  });

  it('leaves no trace of a revoked ciphertext in the database or WAL files', async () => {
    const marker = 'Q'.repeat(5000);
    const share = newShare({ jwes: [`eyJh..aaaa.${marker}.bbbb`] });
    await putShare(relay.store, share);
    await relay.store.remove(share.id);
    const { readFileSync, existsSync } = await import('node:fs');
    for (const f of [relay.file, `${relay.file}-wal`]) {
      if (existsSync(f))
        expect(readFileSync(f).includes(Buffer.from(marker.slice(0, 200)))).toBe(false);
    }
  });
});

describe('SQLite replies', () => {
  const relay = setUpRelay('SQLite');

  it('deletes the rows of a reply that never ended once the upload window is over', async () => {
    const now = Date.now();
    const exp = Math.floor(now / 1000) + 5 * 3600;
    const share = newShare({ replyTokenHash: 'h'.repeat(43), exp }, now);
    await putShare(relay.store, share);
    const cut = await relay.store.beginReply(share.id, 'c'.repeat(43), now, 20);
    if (cut === null || cut === 'full') throw new Error('reply refused');
    expect(await cut.append(Buffer.from(fakeJwe(50)))).toBe(true);
    const count = () => {
      const db = new Database(relay.file, { readonly: true });
      const n = db.prepare('SELECT count(*) FROM reply_chunks').pluck().get() as number;
      db.close();
      return n;
    };
    expect(count()).toBe(1);
    await relay.store.sweep(now + UPLOAD_WINDOW_MS - 1, 0);
    expect(count()).toBe(1);
    await relay.store.sweep(now + UPLOAD_WINDOW_MS + 1, 0);
    expect(count()).toBe(0);
    expect(await cut.commit()).toBeNull();
    expect(await relay.store.replies(share.id)).toEqual([]);
  });

  it('cuts replies stored whole by an earlier relay into chunks', async () => {
    const share = newShare({ replyTokenHash: 'h'.repeat(43) });
    await putShare(relay.store, share);
    await relay.store.close();
    const jwe = fakeJwe(CHUNK_BYTES + 10);
    const db = new Database(relay.file);
    db.exec(`CREATE TABLE share_replies (
      share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE, reply_id TEXT NOT NULL,
      at INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (share_id, reply_id))`);
    db.prepare('INSERT INTO share_replies VALUES (?, ?, ?, ?)').run(
      share.id,
      'r'.repeat(43),
      7,
      Buffer.from(jwe),
    );
    db.close();
    const reopened = relay.twin();
    expect(await reopened.replies(share.id)).toEqual([
      { id: 'r'.repeat(43), at: 7, length: jwe.length },
    ]);
    const file = (await reopened.openReply(share.id, 'r'.repeat(43)))!;
    const chunks: Buffer[] = [];
    for await (const chunk of file.chunks()) chunks.push(chunk);
    expect(chunks).toHaveLength(2);
    expect(Buffer.concat(chunks).toString()).toBe(jwe);
  });
});

describe('SQLite store written by an earlier relay', () => {
  const relay = setUpRelay('SQLite');

  it('moves whole-JWE rows into chunks and keeps the shares opening', async () => {
    await relay.store.close();
    const db = new Database(relay.file);
    db.exec(`
      DROP TABLE share_chunks; DROP TABLE share_files; DROP TABLE accesses; DROP TABLE shares;
      CREATE TABLE shares (
        id TEXT PRIMARY KEY, token_hash TEXT NOT NULL, exp INTEGER NOT NULL,
        created_at INTEGER NOT NULL, passcode_hash TEXT, remaining INTEGER, max_uses INTEGER,
        uses INTEGER NOT NULL DEFAULT 0, files TEXT NOT NULL, active_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE files (
        share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, jwe TEXT NOT NULL, PRIMARY KEY (share_id, idx)
      ) WITHOUT ROWID;
      CREATE TABLE accesses (
        share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
        slot INTEGER NOT NULL, recipient TEXT NOT NULL, at INTEGER NOT NULL,
        PRIMARY KEY (share_id, slot)
      ) WITHOUT ROWID;`);
    const share = newShare({ jwes: [fakeJwe(10), fakeJwe(2_500_000)] });
    db.prepare(
      `INSERT INTO shares (id, token_hash, exp, created_at, files, active_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(share.id, share.tokenHash, share.exp, share.createdAt, JSON.stringify(share.files), 0);
    share.jwes.forEach((jwe, i) =>
      db.prepare('INSERT INTO files (share_id, idx, jwe) VALUES (?, ?, ?)').run(share.id, i, jwe),
    );
    db.close();
    const reopened = relay.twin();
    expect((await reopened.get(share.id))?.pending).toBe(0);
    expect(await readFile(reopened, share.id, 1)).toBe(share.jwes[1]);
    expect(await reopened.recordUse(share.id, { recipient: 'r', at: Date.now() })).toBe(true);
    const check = new Database(relay.file, { readonly: true });
    const old = check.prepare("SELECT name FROM sqlite_master WHERE name = 'files'").get();
    check.close();
    expect(old).toBeUndefined();
  });
});
