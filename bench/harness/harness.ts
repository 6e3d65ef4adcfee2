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
import { createLocalStore } from '../../src/record/local-store.ts';
import { docRatios, seedDocuments } from './documents.ts';
import { backupRatios } from './backup-bench.ts';
import './share-bench.ts';
import { median, sampleEntry, sampleProfile } from './samples.ts';

/** Seal + store n entries vs store the same n plaintext entries; median over rounds. */
async function recordWriteRatio(n = 1000, rounds = 7) {
  const vault = createVaultClient();
  await vault.create('bench-passphrase', 'passphrase');
  const sealedDb = await openCarnetDb(`bench-sealed-${Date.now()}`);
  const plainDb = new Dexie(`bench-plain-${Date.now()}`);
  plainDb.version(1).stores({ entries: 'id, updatedAt' });
  const profileId = newId();
  const sealedMs: number[] = [];
  const plainMs: number[] = [];
  const sealOnlyMs: number[] = [];
  for (let r = 0; r < rounds + 1; r++) {
    const entries = Array.from({ length: n }, (_, i) => sampleEntry(profileId, i));
    let t = performance.now();
    await plainDb
      .table('entries')
      .bulkPut(entries.map((e) => ({ id: e.id, updatedAt: e.updatedAt, data: e })));
    const plain = performance.now() - t;
    t = performance.now();
    const envs = await vault.seal(
      entries.map((e) => ({ table: 'entries', id: e.id, plaintext: encodeRecord(e) })),
    );
    sealOnlyMs.push(performance.now() - t);
    await putSealed(
      sealedDb,
      'entries',
      entries.map((e, i) => ({ id: e.id, updatedAt: e.updatedAt, env: envs[i]! })),
    );
    const sealed = performance.now() - t;
    if (r > 0) {
      // The first round warms up the worker, libsodium and IndexedDB; it is not counted.
      plainMs.push(plain);
      sealedMs.push(sealed);
    }
  }
  vault.terminate();
  sealedDb.close();
  plainDb.close();
  return {
    record_write_ratio: median(sealedMs) / median(plainMs),
    record_write_sealed_ms_1000: median(sealedMs),
    record_write_plain_ms_1000: median(plainMs),
    record_seal_only_ms_1000: median(sealOnlyMs.slice(1)),
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
