/**
 * Browser-side benchmarks, built with the app's own modules and served from the app's
 * origin (bench/run.ts drives them with Playwright). Each figure that is a ratio compares
 * against a baseline measured here, in the same browser, in the same run.
 */
import Dexie from 'dexie';
import { createVaultClient } from '../../src/crypto/client.ts';
import { KDF_DEFAULT } from '../../src/crypto/kdf.ts';
import { openCarnetDb, putSealed } from '../../src/db/index.ts';
import { encodeRecord } from '../../src/record/codec.ts';
import { newId } from '../../src/record/ids.ts';
import { indexWriter } from '../../src/record/index-writer.ts';
import { createLocalStore } from '../../src/record/local-store.ts';
import { recordTables } from '../../src/record/tables.ts';
import { docRatios, seedDocuments } from './documents.ts';
import { backupRatios } from './backup-bench.ts';
import './share-bench.ts';
import { median, sampleEntry, sampleProfile } from './samples.ts';

/** An entry as the entries table hands it to the worker to seal (sealTexts). */
const toJson = (value: unknown) => JSON.stringify(value);

/**
 * Writing n entries at once as the app does (the entries table's `put`: sealed in the
 * crypto worker, stored with the vault index's update in one transaction) vs storing the
 * same n plaintext entries with one Dexie bulkPut; median over rounds. Each round writes
 * into new databases on both sides (a record holding only what the round wrote), so the
 * index's size, which grows with the record, is the same every round.
 * Also, same rounds: sealing alone; the rows alone (sealed, then stored, no index); and the
 * app's write sealing everything first and only then writing (what it does for a few rows).
 */
async function recordWriteRatio(n = 1000, rounds = 7) {
  const vault = createVaultClient();
  await vault.create('bench-passphrase', 'passphrase');
  const profileId = newId();
  const stamp = Date.now();
  const times = { plain: [], seal: [], rows: [], sequential: [], app: [] } as Record<
    'plain' | 'seal' | 'rows' | 'sequential' | 'app',
    number[]
  >;
  const opened: { close(): void }[] = [];
  /** A new record's database with its (empty) vault index, and its entries table. */
  const record = async (name: string) => {
    const db = await openCarnetDb(`bench-${name}-${stamp}`);
    opened.push(db);
    const writer = indexWriter(vault, () => Promise.resolve(db));
    await writer.rebuild();
    return {
      db,
      writer,
      entries: recordTables(vault, () => Promise.resolve(db), writer).entries,
    };
  };
  for (let r = 0; r < rounds + 1; r++) {
    const entries = () => Array.from({ length: n }, (_, i) => sampleEntry(profileId, i));
    const plainDb = new Dexie(`bench-plain-${stamp}-${r}`);
    plainDb.version(1).stores({ entries: 'id, updatedAt' });
    await plainDb.open();
    opened.push(plainDb);
    const rowsDb = await openCarnetDb(`bench-rows-${stamp}-${r}`);
    opened.push(rowsDb);
    const sequential = await record(`sequential-${r}`);
    const app = await record(`app-${r}`);

    const plain = entries();
    let t = performance.now();
    await plainDb
      .table('entries')
      .bulkPut(plain.map((e) => ({ id: e.id, updatedAt: e.updatedAt, data: e })));
    const plainMs = performance.now() - t;

    const rows = entries();
    t = performance.now();
    const ids = rows.map((e) => e.id);
    const { envelopes: envs } = await vault.sealTexts('entries', ids, rows.map(toJson));
    const sealMs = performance.now() - t;
    await putSealed(
      rowsDb,
      'entries',
      rows.map((e, i) => ({ id: e.id, updatedAt: e.updatedAt, env: envs[i]! })),
    );
    const rowsMs = performance.now() - t;

    const seq = entries();
    t = performance.now();
    const sealed = await sequential.entries.seal(seq, (e) => e.updatedAt);
    await sequential.writer.commit([{ table: 'entries', put: sealed }]);
    const sequentialMs = performance.now() - t;

    const batch = entries();
    t = performance.now();
    await app.entries.put(batch, (e) => e.updatedAt);
    const appMs = performance.now() - t;
    // Every row written, in Chromium's IndexedDB: the transaction lived through the batches.
    if ((await app.db.entries.count()) !== n) throw new Error('record write: rows missing');

    if (r > 0) {
      // The first round warms up the worker, libsodium and IndexedDB; it is not counted.
      times.plain.push(plainMs);
      times.seal.push(sealMs);
      times.rows.push(rowsMs);
      times.sequential.push(sequentialMs);
      times.app.push(appMs);
    }
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

/** Argon2id + unwrap with the app's default parameters, median of `rounds` unlocks. */
async function unlockMs(rounds = 5) {
  const vault = createVaultClient();
  const { keyring } = await vault.create('482915', 'pin');
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    await vault.lock();
    const t = performance.now();
    await vault.unlock('482915', keyring.password);
    times.push(performance.now() - t);
  }
  vault.terminate();
  return {
    unlock_ms: median(times),
    unlock_params: `argon2id opsLimit=${keyring.password.kdf.opsLimit} memLimit=${keyring.password.kdf.memLimit / 1024 / 1024}MiB (default ${KDF_DEFAULT.opsLimit}, ${KDF_DEFAULT.memLimit / 1024 / 1024}MiB)`,
  };
}

/** Creates the app's own vault with one profile and n entries, for the render benchmark. */
async function seedApp(pin: string, n: number) {
  const vault = createVaultClient();
  const store = createLocalStore(vault, () => openCarnetDb());
  await store.create(pin, 'pin');
  const profile = sampleProfile();
  await store.saveProfile(profile);
  const entries = Array.from({ length: n }, (_, i) => sampleEntry(profile.id, i));
  const envs = await vault.seal(
    entries.map((e) => ({ table: 'entries', id: e.id, plaintext: encodeRecord(e) })),
  );
  await putSealed(
    await openCarnetDb(),
    'entries',
    entries.map((e, i) => ({ id: e.id, updatedAt: e.updatedAt, env: envs[i]! })),
  );
  // The vault index over every row, as the app's own writes keep it: the check at unlock
  // and the summary snapshot's basis then see the record as the app would have written it.
  await indexWriter(vault, () => openCarnetDb()).rebuild();
  vault.terminate();
  return { seeded: n };
}

declare global {
  interface Window {
    carnetBench: {
      recordWriteRatio: typeof recordWriteRatio;
      unlockMs: typeof unlockMs;
      seedApp: typeof seedApp;
      docRatios: typeof docRatios;
      seedDocuments: typeof seedDocuments;
      backupRatios: typeof backupRatios;
    };
  }
}

window.carnetBench = {
  recordWriteRatio,
  unlockMs,
  seedApp,
  docRatios,
  seedDocuments,
  backupRatios,
};
document.getElementById('status')!.textContent = 'ready';
