import { bytesEqual } from '../../crypto/encoding.ts';
import { CryptoError } from '../../crypto/types.ts';
import type { Envelope, VaultService } from '../../crypto/types.ts';
import type { CarnetDb, RestoreBatch, SealedTable } from '../../db/index.ts';
import { putRestoreBatch } from '../../db/index.ts';
import { RecordError } from '../errors.ts';
import type { BackupHeader, Frame, IndexLine } from './format.ts';
import { FRAME, TABLE_OF_CODE, encodeIndex, macInput, readId, sha256 } from './format.ts';
import { BackupReader } from './read.ts';
import type { BackupOptions } from './write.ts';

/**
 * Bytes gathered before a batch is written into the restore's database, in one transaction
 * while the next batch is read. Each transaction has a cost of its own: restoring 20 MB took
 * about 280 ms in batches of 4 MB and about 250 ms in batches of 8 MB (on disk, two cores).
 */
const BATCH_BYTES = 8 * 1024 * 1024;
/**
 * Frames whose digests are computed together (WebCrypto runs them side by side); they are
 * settled in between batches too, without writing anything.
 */
const DIGEST_BATCH = 256;

type Row = RestoreBatch['rows'][number];
type Chunk = RestoreBatch['chunks'][number];

/** What one data frame holds, checked; null when its payload is malformed. */
function parseFrame(frame: Frame): { line: Omit<IndexLine, 'digest'>; put: Partial<Batch> } | null {
  const p = frame.payload;
  const view = new DataView(p.buffer, p.byteOffset, p.byteLength);
  if (frame.type === FRAME.row) {
    const table = TABLE_OF_CODE.get(p[0] ?? 0);
    const id = readId(p, 1);
    if (!table || !id || id.next + 8 >= p.length) return null;
    const updatedAt = view.getFloat64(id.next);
    const env = p.slice(id.next + 8) as Envelope;
    return {
      line: { type: FRAME.row, id: id.id, chunk: 0 },
      put: { rows: [{ table, row: { id: id.id, updatedAt, env } }] },
    };
  }
  if (frame.type === FRAME.file) {
    const id = readId(p, 0);
    if (!id || id.next >= p.length) return null;
    const env = p.slice(id.next) as Envelope;
    return {
      line: { type: FRAME.file, id: id.id, chunk: 0 },
      put: { files: [{ id: id.id, updatedAt: Date.now(), env }] },
    };
  }
  if (frame.type === FRAME.chunk) {
    const id = readId(p, 0);
    if (!id || id.next + 4 >= p.length) return null;
    const index = view.getUint32(id.next);
    return {
      line: { type: FRAME.chunk, id: id.id, chunk: index },
      put: { chunks: [{ fileId: id.id, index, data: p.slice(id.next + 4) }] },
    };
  }
  return null;
}

interface Batch {
  rows: Row[];
  files: RestoreBatch['files'][number][];
  chunks: Chunk[];
}

/** Tallies what was read, to check it against the header's counts. */
function tally(lines: readonly IndexLine[], rows: readonly Row[]) {
  const of = (t: SealedTable) => rows.filter((r) => r.table === t).length;
  return {
    profiles: of('profiles'),
    entries: of('entries'),
    documents: of('documents'),
    shares: of('shares'),
    files: lines.filter((l) => l.type === FRAME.file).length,
    chunks: lines.filter((l) => l.type === FRAME.chunk).length,
  };
}

/** Where a restore writes, and with which vault. */
export interface RestoreTarget {
  readonly vault: VaultService;
  /** The restore's own new database: the vault's is untouched until the very end. */
  readonly db: CarnetDb;
}

/**
 * Opens a backup with the recovery code and writes all of it into `target.db`, checking
 * every frame against the authenticated index as it goes. Any failure throws a RecordError
 * (`backup-*`, `cancelled`, `storage-full`) after which the caller deletes `target.db`:
 * nothing of a refused backup reaches the vault. On success the vault is unlocked with
 * the backup's key (by the recovery code), and the header is returned.
 */
export async function restoreBackup(
  file: Blob,
  code: string,
  target: RestoreTarget,
  options: BackupOptions = {},
): Promise<BackupHeader> {
  const { vault, db } = target;
  const reader = new BackupReader(file);
  // One batch is written while the next is read: reading waits only for the one before.
  const writer = new BatchWriter(db);
  try {
    const header = await reader.header();
    try {
      await vault.unlockWithRecovery(code, header.recoveryWrap);
    } catch (err) {
      if (err instanceof CryptoError && err.code === 'wrong-secret') {
        throw new RecordError('backup-wrong-code');
      }
      throw err;
    }
    const frames = Object.values(header.counts).reduce((n, c) => n + c, 0);
    const lines: IndexLine[] = [];
    const allRows: Row[] = [];
    let batch: Batch = { rows: [], files: [], chunks: [] };
    let pending = 0;
    // Digests are computed side by side, and settled every DIGEST_BATCH frames and before
    // each batch is written.
    let digests: Promise<IndexLine>[] = [];
    const settleDigests = async () => {
      lines.push(...(await Promise.all(digests)));
      digests = [];
    };
    const flush = async () => {
      await settleDigests();
      if (pending === 0) return;
      await writer.write(batch);
      batch = { rows: [], files: [], chunks: [] };
      pending = 0;
    };
    for (;;) {
      if (options.signal?.aborted) throw new RecordError('cancelled');
      const frame = await reader.frame();
      if (frame.type === FRAME.index) {
        await flush();
        await writer.settle();
        await checkIndex(vault, reader.headerBytes, frame.payload, lines, allRows);
        break;
      }
      const parsed = parseFrame(frame);
      if (!parsed) throw new RecordError('backup-damaged');
      const { line } = parsed;
      digests.push(sha256(frame.payload).then((digest) => ({ ...line, digest })));
      batch.rows.push(...(parsed.put.rows ?? []));
      batch.files.push(...(parsed.put.files ?? []));
      batch.chunks.push(...(parsed.put.chunks ?? []));
      allRows.push(...(parsed.put.rows ?? []));
      pending += frame.payload.length;
      if (pending >= BATCH_BYTES) await flush();
      else if (digests.length >= DIGEST_BATCH) await settleDigests();
      options.onProgress?.(lines.length + digests.length, frames);
    }
    const end = await reader.frame();
    if (end.type !== FRAME.end || end.payload.length !== 0 || !(await reader.atEnd())) {
      throw new RecordError('backup-damaged');
    }
    const found = tally(lines, allRows);
    if (Object.entries(found).some(([k, n]) => header.counts[k as keyof typeof found] !== n)) {
      throw new RecordError('backup-damaged');
    }
    return header;
  } finally {
    // A refusal waits for the write under way, so the caller can delete the database.
    await writer.settle().catch(() => undefined);
    await reader.cancel();
  }
}

/**
 * Writes restore batches one after another, each while the caller reads the next: `write`
 * waits for the batch before (and rethrows its failure), `settle` for the last.
 */
class BatchWriter {
  #last: Promise<void> = Promise.resolve();
  #failure: { error: unknown } | undefined;

  constructor(private readonly db: CarnetDb) {}

  async write(batch: RestoreBatch): Promise<void> {
    await this.settle();
    this.#last = putRestoreBatch(this.db, batch).catch((error: unknown) => {
      this.#failure = { error };
    });
  }

  async settle(): Promise<void> {
    await this.#last;
    if (this.#failure) throw this.#failure.error;
  }
}

/**
 * Checks the index frame: the index must list exactly the frames read, in order, and its
 * MAC must be this vault's. A MAC that fails over rows that do not open with this key
 * means parts of another record were put in; otherwise something was altered.
 */
async function checkIndex(
  vault: VaultService,
  headerBytes: Uint8Array,
  payload: Uint8Array,
  lines: readonly IndexLine[],
  rows: readonly Row[],
): Promise<void> {
  if (payload.length < 32) throw new RecordError('backup-damaged');
  const index = payload.subarray(0, payload.length - 32);
  const mac = payload.subarray(payload.length - 32);
  if (!bytesEqual(encodeIndex(lines), index)) throw new RecordError('backup-damaged');
  const expected = await vault.mac('backup-index', macInput(await sha256(headerBytes), index));
  if (bytesEqual(expected, mac)) return;
  const sample = rows.slice(0, 8);
  const opened = await vault.openSettled(
    sample.map(({ table, row }) => ({ table, id: row.id, envelope: row.env })),
  );
  throw new RecordError(
    sample.length > 0 && opened.every((r) => !r.ok) ? 'backup-foreign' : 'backup-damaged',
  );
}
