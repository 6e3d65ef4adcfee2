/**
 * Backup benchmarks: writing a backup of a record (1,000 entries and 20 MB of documents)
 * against reading the same rows raw from IndexedDB, and restoring it against writing the
 * same rows raw, in the same browser and run.
 */
import { createVaultClient } from '../../src/crypto/client.ts';
import { type CarnetDb, openCarnetDb, putSealed } from '../../src/db/index.ts';
import { encodeRecord } from '../../src/record/codec.ts';
import { createLocalStore } from '../../src/record/local-store.ts';
import { randomBlob } from './documents.ts';
import { inTurns, median, sampleEntry, sampleProfile } from './samples.ts';

const PIN = '482915';
const TABLES = [
  'profiles',
  'entries',
  'shares',
  'documents',
  'prefs',
  'files',
  'fileChunks',
] as const;

type RawRows = Record<(typeof TABLES)[number], unknown[]>;

/** A store holding one profile, `entries` entries and `mb` MB of documents in 2 MB files. */
async function seedRecord(name: string, entries: number, mb: number) {
  const vault = createVaultClient();
  const store = createLocalStore(vault, () => openCarnetDb(name));
  const code = await store.create(PIN, 'pin');
  const profile = sampleProfile();
  await store.saveProfile(profile);
  const rows = Array.from({ length: entries }, (_, i) => sampleEntry(profile.id, i));
  const envs = await vault.seal(
    rows.map((e) => ({ table: 'entries', id: e.id, plaintext: encodeRecord(e) })),
  );
  await putSealed(
    await openCarnetDb(name),
    'entries',
    rows.map((e, i) => ({ id: e.id, updatedAt: e.updatedAt, env: envs[i]! })),
  );
  for (let i = 0; i < mb / 2; i++) {
    await store.documents.add({
      profileId: profile.id,
      title: `Compte rendu ${i}`,
      date: '2024-03-01',
      type: 'lab-result',
      entryIds: [],
      sensitive: false,
      files: [{ blob: randomBlob(2_000_000), mime: 'image/jpeg' }],
    });
  }
  return { vault, store, code };
}

/** Every row of the record's tables, read raw, with chunk bytes in hand. */
async function readRaw(db: CarnetDb): Promise<RawRows> {
  const out = {} as RawRows;
  await db.transaction('r', [...TABLES], async () => {
    for (const table of TABLES) out[table] = await db.table(table).toArray();
  });
  return out;
}

/** The same rows, written raw into a fresh database. */
async function writeRaw(name: string, rows: RawRows): Promise<void> {
  const db = await openCarnetDb(name);
  await db.transaction('rw', [...TABLES], async () => {
    for (const table of TABLES) await db.table(table).bulkPut(rows[table]);
  });
  db.close();
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await run();
  return [value, performance.now() - t];
}

/** Median over `rounds` (after one warm-up round) of each operation and its baseline. */
export async function backupRatios(entries = 1000, mb = 20, rounds = 6) {
  const name = `bench-backup-${Date.now()}`;
  const { vault, store, code } = await seedRecord(name, entries, mb);
  const db = await openCarnetDb(name);
  const times = { save: [] as number[], read: [] as number[] };
  const restores = { restore: [] as number[], write: [] as number[] };
  let bytes = 0;
  for (let r = 0; r < rounds + 1; r++) {
    // Each operation and its baseline take turns at going first.
    const appFirst = r % 2 === 1;
    const [[file, save], [, read]] = await inTurns(
      appFirst,
      () => timed(() => store.backup.save()),
      () => timed(() => readRaw(db)),
    );
    bytes = file.size;
    const rows = await readRaw(db);
    const [[pending, restore], [, write]] = await inTurns(
      appFirst,
      () => timed(() => store.backup.restore(file, code)),
      () => timed(() => writeRaw(`${name}-raw-${r}`, rows)),
    );
    // Dropping the restore locks the vault; the next round opens it again.
    await pending.discard();
    await store.unlock(PIN);
    await new Promise<void>((resolve) => {
      const req = indexedDB.deleteDatabase(`${name}-raw-${r}`);
      req.onsuccess = req.onerror = () => resolve();
    });
    if (r > 0) {
      // The first round warms up the worker, libsodium and IndexedDB; it is not counted.
      times.save.push(save);
      times.read.push(read);
      restores.restore.push(restore);
      restores.write.push(write);
    }
  }
  db.close();
  vault.terminate();
  return {
    backup_write_ratio: median(times.save) / median(times.read),
    restore_ratio: median(restores.restore) / median(restores.write),
    backup_write_ms: median(times.save),
    backup_raw_read_ms: median(times.read),
    restore_ms: median(restores.restore),
    restore_raw_write_ms: median(restores.write),
    backup_mb: bytes / 1e6,
  };
}
