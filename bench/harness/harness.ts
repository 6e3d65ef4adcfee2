/**
 * Browser-side benchmarks, built with the app's own modules and served from the app's
 * origin (bench/run.ts drives them with Playwright). Each figure that is a ratio compares
 * against a baseline measured here, in the same browser, in the same run.
 */
import { createVaultClient } from '../../src/crypto/client.ts';
import { KDF_DEFAULT } from '../../src/crypto/kdf.ts';
import { openCarnetDb, putSealed } from '../../src/db/index.ts';
import { encodeRecord } from '../../src/record/codec.ts';
import { indexWriter } from '../../src/record/index-writer.ts';
import { createLocalStore } from '../../src/record/local-store.ts';
import { docRatios, seedDocuments } from './documents.ts';
import { docReadCpuDone, docReadCpuPrepare, docReadLoop } from './doc-read-cpu.ts';
import { backupRatios } from './backup-bench.ts';
import { recordWriteRatio } from './record-write.ts';
import './share-bench.ts';
import { median, sampleEntry, sampleProfile } from './samples.ts';

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
      docReadCpuPrepare: typeof docReadCpuPrepare;
      docReadLoop: typeof docReadLoop;
      docReadCpuDone: typeof docReadCpuDone;
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
  docReadCpuPrepare,
  docReadLoop,
  docReadCpuDone,
};
document.getElementById('status')!.textContent = 'ready';
