import type { Keyring, SealedChunk, VaultService } from '../../crypto/types.ts';
import type { CarnetDb, SealedRow } from '../../db/index.ts';
import {
  countAllFileChunks,
  getAllFileHeaders,
  getAllSealed,
  readFileChunks,
  SEALED_TABLES,
} from '../../db/index.ts';
import { RecordError } from '../errors.ts';
import type { BackupHeader, FrameType, IndexLine } from './format.ts';
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

/** Chunks read from IndexedDB per round trip, and bytes gathered before they become a Blob. */
const CHUNK_BATCH = 64;
const FLUSH_BYTES = 8 * 1024 * 1024;
/** Frames whose digests are computed together (WebCrypto runs them side by side). */
const DIGEST_BATCH = 256;

/**
 * Gathers the body as a Blob built piece by piece: each piece goes to the browser's blob
 * storage (which spills to disk), so a 300 MB record never sits whole in JavaScript memory.
 * Digests are computed in batches, not one round trip per frame; a batch is settled before
 * its bytes leave for the Blob, so memory stays bounded by FLUSH_BYTES.
 */
class BodyBuilder {
  #body = new Blob([]);
  #parts: Uint8Array<ArrayBuffer>[] = [];
  #pending = 0;
  #digests: Promise<IndexLine>[] = [];
  bytes = 0;
  readonly lines: IndexLine[] = [];

  /** Adds one frame whose payload is `parts` end to end, built in place in one buffer. */
  async add(type: FrameType, id: string, chunk: number, ...parts: Uint8Array[]): Promise<void> {
    const frame = frameOf(type, parts);
    const payload = frame.subarray(FRAME_HEAD_BYTES);
    this.#digests.push(sha256(payload).then((digest) => ({ type, id, chunk, digest })));
    this.push(frame);
    this.bytes += payload.length;
    if (this.#pending >= FLUSH_BYTES || this.#digests.length >= DIGEST_BATCH) await this.flush();
  }

  push(bytes: Uint8Array): void {
    this.#parts.push(bytes as Uint8Array<ArrayBuffer>);
    this.#pending += bytes.length;
  }

  /** Settles the digests so far and moves the gathered bytes into the Blob. */
  async flush(): Promise<Blob> {
    this.lines.push(...(await Promise.all(this.#digests)));
    this.#digests = [];
    if (this.#pending >= FLUSH_BYTES || this.#parts.length > 4 * DIGEST_BATCH) this.#spill();
    return this.#body;
  }

  /** The whole body, every part in the Blob. */
  async end(): Promise<Blob> {
    await this.flush();
    this.#spill();
    return this.#body;
  }

  #spill(): void {
    if (this.#parts.length > 0) this.#body = new Blob([this.#body, ...this.#parts]);
    this.#parts = [];
    this.#pending = 0;
  }
}

/** A frame's type byte and payload length. */
const FRAME_HEAD_BYTES = 5;

/**
 * One frame, head and payload, in a single buffer: each byte is copied once on its way
 * to the Blob, and the payload's digest reads the same buffer.
 */
function frameOf(type: FrameType, parts: readonly Uint8Array[]): Uint8Array {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(FRAME_HEAD_BYTES + length);
  out[0] = type;
  new DataView(out.buffer).setUint32(1, length);
  let at = FRAME_HEAD_BYTES;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function rowParts(table: (typeof SEALED_TABLES)[number], row: SealedRow): Uint8Array[] {
  const time = new Uint8Array(8);
  new DataView(time.buffer).setFloat64(0, row.updatedAt);
  return [new Uint8Array([TABLE_CODES[table]]), idBytes(row.id), time, row.env];
}

function chunkParts(fileId: string, index: number, data: Uint8Array): Uint8Array[] {
  const at = new Uint8Array(4);
  new DataView(at.buffer).setUint32(0, index);
  return [idBytes(fileId), at, data];
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
  const [rows, files, chunkCount] = await Promise.all([
    Promise.all(SEALED_TABLES.map(async (t) => [t, await getAllSealed(db, t)] as const)),
    getAllFileHeaders(db),
    countAllFileChunks(db),
  ]);
  const total = rows.reduce((n, [, r]) => n + r.length, 0) + files.length + chunkCount;
  // The documents' chunks start loading now, while the rows are framed.
  const batches = readAhead(fileBatches(db, files));
  const body = new BodyBuilder();
  let done = 0;
  const step = (n = 1) => {
    if (options.signal?.aborted) throw new RecordError('cancelled');
    done += n;
    options.onProgress?.(done, total);
  };
  for (const [table, list] of rows) {
    for (const row of list) {
      await body.add(FRAME.row, row.id, 0, ...rowParts(table, row));
      step();
    }
  }
  let chunkFrames = 0;
  for await (const { file, chunks } of batches) {
    if (!chunks) {
      await body.add(FRAME.file, file.id, 0, idBytes(file.id), file.env);
      step();
    } else {
      for (const c of chunks)
        await body.add(FRAME.chunk, file.id, c.index, ...chunkParts(file.id, c.index, c.data));
      chunkFrames += chunks.length;
      step(chunks.length);
    }
  }
  await body.flush();
  const header: BackupHeader = {
    format: 'carnet-backup',
    v: FORMAT_VERSION,
    createdAt: options.now ?? Date.now(),
    counts: {
      profiles: countOf(rows, 'profiles'),
      entries: countOf(rows, 'entries'),
      documents: countOf(rows, 'documents'),
      shares: countOf(rows, 'shares'),
      files: files.length,
      // The chunks written: those of an import cut short (no file header) are left out.
      chunks: chunkFrames,
    },
    bytes: body.bytes,
    recoveryWrap: source.keyring.recovery,
    settings: source.settings,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const index = encodeIndex(body.lines);
  const mac = await vault.mac('backup-index', macInput(await sha256(headerBytes), index));
  body.push(frameOf(FRAME.index, [index, mac]));
  body.push(frameOf(FRAME.end, []));
  if (done < total) options.onProgress?.(total, total);
  const lead = new Uint8Array(MAGIC.length + 1 + 4);
  lead.set(MAGIC, 0);
  lead[MAGIC.length] = FORMAT_VERSION;
  new DataView(lead.buffer).setUint32(MAGIC.length + 1, headerBytes.length);
  return new Blob([lead, headerBytes, await body.end()], { type: 'application/octet-stream' });
}

/** Each file's header, then its chunks in batches, read in order from IndexedDB. */
async function* fileBatches(
  db: CarnetDb,
  files: readonly SealedRow[],
): AsyncGenerator<{ file: SealedRow; chunks?: SealedChunk[] }> {
  for (const file of files) {
    yield { file };
    for await (const chunks of readFileChunks(db, file.id, CHUNK_BATCH)) yield { file, chunks };
  }
}

/**
 * Keeps the next read from IndexedDB under way while the current batch is hashed and
 * framed, so reading and the rest overlap instead of taking turns. One batch ahead only;
 * the first read starts at once, not when the first batch is asked for.
 */
function readAhead<T>(source: AsyncIterator<T>): AsyncIterable<T> {
  let next = source.next();
  // A failure surfaces when the batch is asked for, not as an unhandled rejection before.
  next.catch(() => undefined);
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        const result = await next;
        if (!result.done) {
          next = source.next();
          next.catch(() => undefined);
        }
        return result;
      },
    }),
  };
}

function countOf(rows: readonly (readonly [string, readonly unknown[]])[], table: string): number {
  return rows.find(([t]) => t === table)?.[1].length ?? 0;
}
