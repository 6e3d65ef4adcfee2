import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { newShare } from '../testing/fixtures.ts';
import { openStore, setUpRelay, type SqliteTestStore } from '../testing/setup.ts';
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
    await relay.store.create(share);
    await relay.store.close();
    const db = new Database(relay.file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const reopened = relay.twin();
    expect((await reopened.get(share.id))?.files).toHaveLength(1);
  });

  it('leaves no trace of a revoked ciphertext in the database or WAL files', async () => {
    const marker = 'Q'.repeat(5000);
    const share = newShare({
      files: [{ contentType: 'application/fhir+json', jwe: `eyJh..aaaa.${marker}.bbbb` }],
    });
    await relay.store.create(share);
    await relay.store.remove(share.id);
    const { readFileSync, existsSync } = await import('node:fs');
    for (const f of [relay.file, `${relay.file}-wal`]) {
      if (existsSync(f))
        expect(readFileSync(f).includes(Buffer.from(marker.slice(0, 200)))).toBe(false);
    }
  });
});
