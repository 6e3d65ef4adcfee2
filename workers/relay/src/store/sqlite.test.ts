import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { newShare, tempSqlite } from '../testing/fixtures.ts';
import { storeContract } from './store-contract.ts';

let cleanup: () => Promise<void> = () => Promise.resolve();
storeContract(
  'SQLite',
  () => {
    const t = tempSqlite();
    cleanup = t.cleanup;
    return Promise.resolve(t.store);
  },
  () => cleanup(),
);

describe('SQLite store on disk', () => {
  it('uses WAL and keeps shares across a reopen', async () => {
    const t = tempSqlite();
    const share = newShare();
    await t.store.create(share);
    await t.store.close();
    const db = new Database(t.file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const { SqliteStore } = await import('./sqlite.ts');
    t.store = new SqliteStore(t.file);
    expect((await t.store.get(share.id))?.files).toHaveLength(1);
    await t.cleanup();
  });

  it('leaves no trace of a revoked ciphertext in the database or WAL files', async () => {
    const t = tempSqlite();
    const marker = 'Q'.repeat(5000);
    const share = newShare({
      files: [{ contentType: 'application/fhir+json', jwe: `eyJh..aaaa.${marker}.bbbb` }],
    });
    await t.store.create(share);
    await t.store.remove(share.id);
    const { readFileSync, existsSync } = await import('node:fs');
    for (const f of [t.file, `${t.file}-wal`]) {
      if (existsSync(f))
        expect(readFileSync(f).includes(Buffer.from(marker.slice(0, 200)))).toBe(false);
    }
    await t.cleanup();
  });
});
