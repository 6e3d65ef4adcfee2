/**
 * record_write_ratio (issue 16): writing n entries at once as the app does (the entries
 * table's `put`: sealed in the crypto worker, stored with the vault index's update in one
 * transaction) vs storing the same n plaintext entries with one Dexie bulkPut; median over
 * rounds. Each round writes into new databases on every side (a record holding only what
 * the round wrote), so the index's size, which grows with the record, is the same every
 * round. Also, same rounds: sealing alone; the rows alone (sealed, then stored, no index);
 * and the app's write sealing everything first and only then writing (what it does for a
 * few rows).
 */
import Dexie from 'dexie';
import { createVaultClient } from '../../src/crypto/client.ts';
import type { VaultClient } from '../../src/crypto/client.ts';
import { openCarnetDb, putSealed } from '../../src/db/index.ts';
import { newId } from '../../src/record/ids.ts';
import { indexWriter } from '../../src/record/index-writer.ts';
import { recordTables } from '../../src/record/tables.ts';
import { median, sampleEntry } from './samples.ts';

type Timed = 'plain' | 'seal' | 'rows' | 'sequential' | 'app';

/** An entry as the entries table hands it to the worker to seal (sealTexts). */
const toJson = (value: unknown) => JSON.stringify(value);

/** The databases of one round, each new. */
async function roundDatabases(vault: VaultClient, name: string) {
  /** A new record's database with its (empty) vault index, and its entries table. */
  const record = async (kind: string) => {
    const db = await openCarnetDb(`bench-${kind}-${name}`);
    const writer = indexWriter(vault, () => Promise.resolve(db));
    await writer.rebuild();
    return { db, writer, entries: recordTables(vault, () => Promise.resolve(db), writer).entries };
  };
  const plainDb = new Dexie(`bench-plain-${name}`);
  plainDb.version(1).stores({ entries: 'id, updatedAt' });
  await plainDb.open();
  return {
    plainDb,
    rowsDb: await openCarnetDb(`bench-rows-${name}`),
    sequential: await record('sequential'),
    app: await record('app'),
  };
}

/**
 * One round's five times. The four writes take turns at going first, round after round
 * (`turn`), so that none always follows the same one: IndexedDB's background work after a
 * write lands on whichever comes next.
 */
async function oneRound(
  vault: VaultClient,
  dbs: Awaited<ReturnType<typeof roundDatabases>>,
  n: number,
  profileId: string,
  turn: number,
): Promise<Record<Timed, number>> {
  const entries = () => Array.from({ length: n }, (_, i) => sampleEntry(profileId, i));
  const ms = {} as Record<Timed, number>;
  const since = (t: number) => performance.now() - t;
  const writes = [
    async () => {
      const plain = entries();
      const t = performance.now();
      await dbs.plainDb
        .table('entries')
        .bulkPut(plain.map((e) => ({ id: e.id, updatedAt: e.updatedAt, data: e })));
      ms.plain = since(t);
    },
    async () => {
      const rows = entries();
      const t = performance.now();
      const ids = rows.map((e) => e.id);
      const { envelopes: envs } = await vault.sealTexts('entries', ids, rows.map(toJson));
      ms.seal = since(t);
      await putSealed(
        dbs.rowsDb,
        'entries',
        rows.map((e, i) => ({ id: e.id, updatedAt: e.updatedAt, env: envs[i]! })),
      );
      ms.rows = since(t);
    },
    async () => {
      const seq = entries();
      const t = performance.now();
      const sealed = await dbs.sequential.entries.seal(seq, (e) => e.updatedAt);
      await dbs.sequential.writer.commit([{ table: 'entries', put: sealed }]);
      ms.sequential = since(t);
    },
    async () => {
      const batch = entries();
      const t = performance.now();
      await dbs.app.entries.put(batch, (e) => e.updatedAt);
      ms.app = since(t);
      // Every row written, in Chromium's IndexedDB: the transaction lived through the batches.
      if ((await dbs.app.db.entries.count()) !== n) throw new Error('record write: rows missing');
    },
  ];
  for (let k = 0; k < writes.length; k++) await writes[(turn + k) % writes.length]!();
  return ms;
}

export async function recordWriteRatio(n = 1000, rounds = 7) {
  const vault = createVaultClient();
  await vault.create('bench-passphrase', 'passphrase');
  const profileId = newId();
  const stamp = Date.now();
  const times: Record<Timed, number[]> = { plain: [], seal: [], rows: [], sequential: [], app: [] };
  const opened: { close(): void }[] = [];
  for (let r = 0; r < rounds + 1; r++) {
    const dbs = await roundDatabases(vault, `${stamp}-${r}`);
    opened.push(dbs.plainDb, dbs.rowsDb, dbs.sequential.db, dbs.app.db);
    const ms = await oneRound(vault, dbs, n, profileId, r);
    // The first round warms up the worker, libsodium and IndexedDB; it is not counted.
    if (r > 0) for (const k of Object.keys(times) as Timed[]) times[k].push(ms[k]);
  }
  vault.terminate();
  for (const db of opened) db.close();
  return {
    record_write_ratio: median(times.app) / median(times.plain),
    record_write_sealed_ms_1000: median(times.app),
    record_write_plain_ms_1000: median(times.plain),
    record_seal_only_ms_1000: median(times.seal),
    record_write_rows_ms_1000: median(times.rows),
    record_write_rows_ratio: median(times.rows) / median(times.plain),
    record_write_sequential_ms_1000: median(times.sequential),
    record_write_sequential_ratio: median(times.sequential) / median(times.plain),
  };
}
