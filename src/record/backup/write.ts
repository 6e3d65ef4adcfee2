import { concatBytes } from '../../crypto/encoding.ts';
import type { Keyring, VaultService } from '../../crypto/types.ts';
import type { CarnetDb, FileChunkRow, SealedRow, SealedTable } from '../../db/index.ts';
import { readBackupRows, readChunkRange } from '../../db/index.ts';
import { RecordError } from '../errors.ts';
import { BodyWriter, FRAME_HEAD_BYTES } from './body-writer.ts';
import type { BackupHeader, FrameType } from './format.ts';
import {
  FORMAT_VERSION,
  FRAME,
  MAGIC,
  TABLE_CODES,
  encodeIndex,
  idBytes,
  macInput,
  sha256,
} from './format.ts';

/** What a backup is made from. */
export interface BackupSource {
  readonly vault: VaultService;
  readonly db: CarnetDb;
  readonly keyring: Keyring;
  readonly settings: BackupHeader['settings'];
}

/** Progress of a backup or restore: how many frames are done, of how many. */
type BackupProgress = (done: number, total: number) => void;

export interface BackupOptions {
  readonly onProgress?: BackupProgress;
  readonly signal?: AbortSignal;
  readonly now?: number;
}

/**
 * Chunks read from IndexedDB per range read (64 x 63 KiB, about 4 MB, across files), and
 * how many such reads are kept under way ahead of the one being framed.
 */
const CHUNK_BATCH = 64;
const READ_AHEAD = 2;

function u32(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
}

function rowParts(table: SealedTable, row: SealedRow): Uint8Array[] {
  const time = new Uint8Array(8);
  new DataView(time.buffer).setFloat64(0, row.updatedAt);
  return [new Uint8Array([TABLE_CODES[table]]), idBytes(row.id), time, row.env];
}

/** One frame, head and payload, in a single buffer (the index and end frames). */
function frameOf(type: FrameType, parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const head = new Uint8Array(FRAME_HEAD_BYTES);
  head[0] = type;
  new DataView(head.buffer).setUint32(
    1,
    parts.reduce((n, p) => n + p.length, 0),
  );
  return concatBytes([head, ...parts]);
}

/**
 * Writes a backup of the whole vault as one file: every sealed row and file as stored, the
 * recovery wrap (never the PIN's), a header, and an index authenticated with a MAC keyed
 * from the vault key (which must be unlocked). Throws RecordError('cancelled') when
 * `signal` aborts, and 'locked' when the vault locks meanwhile.
 */
export async function writeBackup(
  source: BackupSource,
  options: BackupOptions = {},
): Promise<Blob> {
  const { db, vault } = source;
  const cancelled = () => {
    if (options.signal?.aborted) throw new RecordError('cancelled');
  };
  cancelled();
  const { tables, files, chunks: chunkCount } = await readBackupRows(db);
  const total = tables.reduce((n, [, r]) => n + r.length, 0) + files.length + chunkCount;
  // The documents' chunks start loading now, while the rows are framed, and keep loading
  // while each batch is framed.
  const reads = chunkBatches(db, files);
  const batches = readAhead(reads, READ_AHEAD);
  const body = new BodyWriter();
  let done = 0;
  const step = (n: number) => {
    cancelled();
    done += n;
    options.onProgress?.(done, total);
  };
  let chunkFrames = 0;
  try {
    for (const [table, list] of tables) {
      for (const row of list) body.add(FRAME.row, row.id, 0, rowParts(table, row));
      step(list.length);
      await body.settle();
    }
    chunkFrames = await writeFiles(body, files, batches, step);
  } catch (err) {
    // What the body held is dropped: no half-written file is left behind.
    body.abort(err);
    throw err;
  } finally {
    // Stops the reads still under way when the backup stops early (cancelled, failed).
    void reads.return(undefined).catch(() => undefined);
  }
  const { parts, lines } = await body.end();
  cancelled();
  const header: BackupHeader = {
    format: 'carnet-backup',
    v: FORMAT_VERSION,
    createdAt: options.now ?? Date.now(),
    counts: {
      profiles: countOf(tables, 'profiles'),
      entries: countOf(tables, 'entries'),
      documents: countOf(tables, 'documents'),
      shares: countOf(tables, 'shares'),
      files: files.length,
      chunks: chunkFrames,
    },
    bytes: body.bytes,
    recoveryWrap: source.keyring.recovery,
    settings: source.settings,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const index = encodeIndex(lines);
  const mac = await vault.mac('backup-index', macInput(await sha256(headerBytes), index));
  const lead = new Uint8Array(MAGIC.length + 1 + 4);
  lead.set(MAGIC, 0);
  lead[MAGIC.length] = FORMAT_VERSION;
  new DataView(lead.buffer).setUint32(MAGIC.length + 1, headerBytes.length);
  if (done < total) options.onProgress?.(total, total);
  return new Blob(
    [lead, headerBytes, ...parts, frameOf(FRAME.index, [index, mac]), frameOf(FRAME.end, [])],
    { type: 'application/octet-stream' },
  );
}

/**
 * Frames each file's header, then its chunks, taken in key order from `batches`; skips the
 * chunks of files with no header. `step(n)` reports frames done and throws when cancelled.
 * Returns how many chunk frames were written.
 */
async function writeFiles(
  body: BodyWriter,
  files: readonly SealedRow[],
  batches: AsyncIterator<FileChunkRow[], void>,
  step: (n: number) => void,
): Promise<number> {
  let chunkFrames = 0;
  let batch: readonly FileChunkRow[] = [];
  let at = 0;
  let more = files.length > 0;
  for (const file of files) {
    const id = idBytes(file.id);
    body.add(FRAME.file, file.id, 0, [id, file.env]);
    let framed = 1;
    for (;;) {
      if (at === batch.length) {
        if (!more) break;
        step(framed);
        framed = 0;
        await body.settle();
        const next = await batches.next();
        step(0);
        if (next.done) {
          more = false;
          break;
        }
        batch = next.value;
        at = 0;
      }
      const chunk = batch[at]!;
      if (chunk.fileId > file.id) break;
      at++;
      // Chunks without a file header are what an import cut short left: not the record.
      if (chunk.fileId < file.id) continue;
      body.add(FRAME.chunk, file.id, chunk.index, [id, u32(chunk.index), chunk.data]);
      chunkFrames++;
      framed++;
    }
    step(framed);
  }
  return chunkFrames;
}

/**
 * The chunks of `files` (in id order), in key order, in range reads of CHUNK_BATCH chunks
 * that run across files: a few large reads, each in its own short transaction.
 */
async function* chunkBatches(
  db: CarnetDb,
  files: readonly SealedRow[],
): AsyncGenerator<FileChunkRow[], void, undefined> {
  const first = files[0]?.id;
  const last = files.at(-1)?.id;
  if (first === undefined || last === undefined) return;
  let from: { key: readonly [string, number]; after: boolean } = { key: [first, 0], after: false };
  for (;;) {
    const rows = await readChunkRange(db, from, last, CHUNK_BATCH);
    if (rows.length > 0) yield rows;
    const end = rows.at(-1);
    if (!end || rows.length < CHUNK_BATCH) return;
    from = { key: [end.fileId, end.index], after: true };
  }
}

/**
 * Keeps the next `depth` reads from IndexedDB under way while the current batch is framed
 * and hashed, so reading and the rest overlap instead of taking turns. The first read
 * starts at once, not when the first batch is asked for.
 */
function readAhead<T>(source: AsyncIterator<T>, depth: number): AsyncIterator<T, void> {
  const queue: Promise<IteratorResult<T>>[] = [];
  const fill = () => {
    while (queue.length < depth) {
      const next = source.next();
      // A failure surfaces when the batch is asked for, not as an unhandled rejection before.
      next.catch(() => undefined);
      queue.push(next);
    }
  };
  fill();
  return {
    async next() {
      const result = await queue.shift()!;
      if (!result.done) fill();
      return result;
    },
  };
}

function countOf(tables: readonly (readonly [string, readonly unknown[]])[], table: string) {
  return tables.find(([t]) => t === table)?.[1].length ?? 0;
}
