/**
 * The document read in loops the bench runner can time and charge CPU to (bench/cpu-time.ts
 * reads what the browser's processes used around each loop): the app's read, the storage
 * read alone and the decryption alone, each repeated on the same 20 MB file. On a machine
 * with few cores the two stages compete for them, so a pipeline can be no faster than their
 * CPU time together divided by the cores, whatever the slower stage takes alone.
 */
import { createVaultClient, type VaultClient } from '../../src/crypto/client.ts';
import type { Envelope, SealedChunk } from '../../src/crypto/types.ts';
import {
  type CarnetDb,
  openCarnetDb,
  putFileChunks,
  putFileHeader,
  readFileChunks,
} from '../../src/db/index.ts';
import { DOCUMENT_READ_BATCH } from '../../src/record/document-store.ts';
import { newId } from '../../src/record/ids.ts';
import { fromMemory, randomBlob, sealedBatches } from './documents.ts';

/** What the loops read: one sealed file, and copies of its batches for the decryption loop. */
interface Prepared {
  readonly vault: VaultClient;
  readonly db: CarnetDb;
  readonly id: string;
  readonly header: Envelope;
  /** Each decryption takes (transfers) one copy, made beforehand so no loop pays for it. */
  readonly copies: SealedChunk[][][];
}

let prepared: Prepared | undefined;

/** Seals and stores an `mb` MB file, and `decryptions` copies of its batches in memory. */
export async function docReadCpuPrepare(mb: number, decryptions: number): Promise<void> {
  const vault = createVaultClient();
  await vault.create('bench-passphrase', 'passphrase');
  const db = await openCarnetDb(`bench-doc-cpu-${Date.now()}`);
  const id = newId();
  const header = await vault.sealFile(id, randomBlob(mb * 1000 * 1000), (chunks) =>
    putFileChunks(db, id, chunks),
  );
  await putFileHeader(db, id, header);
  const batches = await sealedBatches(db, id);
  const copies = Array.from({ length: decryptions }, () =>
    batches.map((batch) => batch.map((c) => ({ index: c.index, data: c.data.slice() }))),
  );
  prepared = { vault, db, id, header, copies };
}

/**
 * `rounds` reads of the prepared file, one after the other: `app` reads and opens it as
 * the app does, `storage` only reads its sealed chunks, `decrypt` only opens copies of them
 * already in memory. Resolves to the mean time per read, in ms.
 */
export async function docReadLoop(
  kind: 'app' | 'storage' | 'decrypt',
  rounds: number,
): Promise<number> {
  const p = prepared;
  if (!p) throw new Error('docReadCpuPrepare first');
  const t = performance.now();
  for (let r = 0; r < rounds; r++) {
    if (kind === 'storage') await sealedBatches(p.db, p.id);
    else {
      const chunks =
        kind === 'app'
          ? readFileChunks(p.db, p.id, DOCUMENT_READ_BATCH)
          : fromMemory(p.copies.pop()!);
      await p.vault.openFile(p.id, p.header, chunks);
    }
  }
  return (performance.now() - t) / rounds;
}

/** Ends the loops: the worker stops and the database closes. */
export function docReadCpuDone(): void {
  prepared?.vault.terminate();
  prepared?.db.close();
  prepared = undefined;
}
