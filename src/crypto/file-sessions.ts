/**
 * File sessions: the worker-side state of files being sealed or opened, a few chunks per
 * round trip, and the loops that drive them from either side of the worker boundary.
 */
import type { Sodium } from './sodium.ts';
import type { ChunkSink, Envelope, FileSessionApi, SealedChunk, VaultKey } from './types.ts';
import { CryptoError } from './types.ts';
import { FILE_CHUNK_BYTES, FileOpener, FileSealer } from './filestream.ts';

/** Chunks per round trip: 16 x 63 KiB, about 1 MB of plaintext in flight at most. */
export const CHUNKS_PER_BATCH = 16;

/** Runs a function with libsodium and the vault key; throws `locked` when locked. */
export type Keyed = <T>(run: (sodium: Sodium, key: VaultKey) => T) => Promise<T>;

/** A file being opened: its plaintext is decrypted into `out`, which `at` bytes fill so far. */
interface OpenSession {
  readonly kind: 'open';
  readonly opener: FileOpener;
  readonly out: Uint8Array<ArrayBuffer>;
  at: number;
}

type Session =
  | { readonly kind: 'seal'; readonly sealer: FileSealer; readonly data: Blob; offset: number }
  | OpenSession;

/** The open sessions of one vault. Dropped, keys zeroed, when the vault locks. */
export class FileSessions implements FileSessionApi {
  readonly #keyed: Keyed;
  readonly #sessions = new Map<number, Session>();
  readonly #dropped = new Set<number>();
  #next = 1;

  /** Sessions that use the vault key through `keyed`. */
  constructor(keyed: Keyed) {
    this.#keyed = keyed;
  }

  /** Starts sealing `data` as file `fileId`. Throws `locked` when locked. */
  async sealFileStart(fileId: string, data: Blob): Promise<number> {
    if (!(data instanceof Blob)) throw new CryptoError('bad-input');
    const sealer = await this.#keyed((sodium) => new FileSealer(sodium, fileId));
    return this.#open({ kind: 'seal', sealer, data, offset: 0 });
  }

  /** Reads and seals up to CHUNKS_PER_BATCH chunks; after the last one, returns the header. */
  async sealFilePull(session: number): Promise<{ chunks: SealedChunk[]; header?: Envelope }> {
    const s = this.#get(session, 'seal');
    try {
      const { data } = s;
      const end = Math.min(data.size, s.offset + CHUNKS_PER_BATCH * FILE_CHUNK_BYTES);
      const bytes = new Uint8Array(await readBlob(data.slice(s.offset, end)));
      const chunks: SealedChunk[] = [];
      for (let at = 0; chunks.length === 0 || at < bytes.length; at += FILE_CHUNK_BYTES) {
        const piece = bytes.subarray(at, Math.min(bytes.length, at + FILE_CHUNK_BYTES));
        chunks.push(s.sealer.push(piece, s.offset + at + piece.length === data.size));
      }
      // SECURITY: plaintext read from the file is overwritten once sealed.
      bytes.fill(0);
      s.offset = end;
      if (end < data.size) return { chunks };
      const header = await this.#keyed((_sodium, key) => s.sealer.finish(key));
      this.#sessions.delete(session);
      return { chunks, header };
    } catch (error) {
      await this.fileAbort(session);
      throw error;
    }
  }

  /** Starts opening file `fileId` from its header. Throws `locked` or `bad-envelope`. */
  async openFileStart(fileId: string, header: Envelope): Promise<number> {
    const opener = await this.#keyed((sodium, key) => new FileOpener(sodium, key, fileId, header));
    return this.#open({ kind: 'open', opener, out: allocate(opener.size), at: 0 });
  }

  /** Authenticates and decrypts the next chunks; any failure ends the session. */
  async openFilePush(session: number, chunks: readonly SealedChunk[]): Promise<void> {
    await Promise.resolve();
    const s = this.#get(session, 'open');
    try {
      // Each chunk is decrypted into the file's one buffer, the size the header promises:
      // making a Blob of the decrypted chunks at the end took 11-29 ms for 20 MB, after
      // the last read, where nothing overlaps it.
      for (const chunk of chunks) {
        const plain = s.opener.pull(chunk);
        s.out.set(plain, s.at);
        s.at += plain.length;
        // SECURITY: the chunk's own copy of the plaintext is overwritten once placed.
        plain.fill(0);
      }
    } catch (error) {
      this.#sessions.delete(session);
      wipeOpened(s);
      throw error instanceof CryptoError ? error : new CryptoError('bad-envelope');
    }
  }

  /**
   * Checks the file is complete (final tag seen) and returns its plaintext, whose buffer
   * then belongs to the caller (across the worker boundary it is moved, not copied).
   */
  async openFileFinish(session: number): Promise<Uint8Array<ArrayBuffer>> {
    await Promise.resolve();
    const s = this.#get(session, 'open');
    this.#sessions.delete(session);
    try {
      s.opener.finish();
    } catch (error) {
      wipeOpened(s);
      throw error;
    }
    return s.out;
  }

  /** Abandons a session. */
  fileAbort(session: number): Promise<void> {
    const s = this.#sessions.get(session);
    this.#sessions.delete(session);
    if (s?.kind === 'seal') s.sealer.abort();
    if (s?.kind === 'open') wipeOpened(s);
    return Promise.resolve();
  }

  /** Abandons every session (on lock). */
  clear(): void {
    for (const id of [...this.#sessions.keys()]) {
      this.#dropped.add(id);
      void this.fileAbort(id);
    }
  }

  #open(session: Session): number {
    const id = this.#next++;
    this.#sessions.set(id, session);
    return id;
  }

  #get<K extends Session['kind']>(id: number, kind: K): Extract<Session, { kind: K }> {
    const s = this.#sessions.get(id);
    // A session dropped by lock() reads as `locked`; an unknown or ended one as `bad-input`.
    if (!s) throw new CryptoError(this.#dropped.has(id) ? 'locked' : 'bad-input');
    if (s.kind !== kind) throw new CryptoError('bad-input');
    return s as Extract<Session, { kind: K }>;
  }
}

/**
 * The buffer a file of `size` bytes opens into. A file too large for this phone's memory
 * throws `bad-input` (nothing is lost: the sealed file is untouched).
 */
function allocate(size: number): Uint8Array<ArrayBuffer> {
  try {
    return new Uint8Array(size);
  } catch {
    throw new CryptoError('bad-input');
  }
}

/** Overwrites the plaintext an open session has decrypted so far. */
function wipeOpened(s: OpenSession): void {
  s.out.fill(0, 0, s.at);
  s.at = 0;
}

async function readBlob(blob: Blob): Promise<ArrayBuffer> {
  try {
    return await blob.arrayBuffer();
  } catch {
    throw new CryptoError('bad-input');
  }
}

/**
 * Seals a whole file through `api`, handing chunks to `sink` while the next batch is
 * being sealed. On any failure the session is abandoned and the error rethrown.
 */
export async function sealFileWith(
  api: FileSessionApi,
  fileId: string,
  data: Blob,
  sink: ChunkSink,
): Promise<Envelope> {
  const session = await api.sealFileStart(fileId, data);
  let next = api.sealFilePull(session);
  try {
    for (;;) {
      const { chunks, header } = await next;
      if (!header) {
        next = api.sealFilePull(session);
        next.catch(() => undefined); // awaited on the next turn; failures handled there
      }
      await sink(chunks);
      if (header) return header;
    }
  } catch (error) {
    await api.fileAbort(session).catch(() => undefined);
    throw error;
  }
}

/**
 * Batches handed to the worker and not yet decrypted, at most: the next batch is read
 * while these are decrypted, so neither side waits for the other batch by batch.
 */
export const OPEN_BATCHES_IN_FLIGHT = 2;

/**
 * Opens a whole file through `api` from chunk batches read in order, decrypting earlier
 * batches while the next is read: each read starts as soon as the one before it ends, not
 * after its batch is handed over. Resolves only when the file is complete and
 * authenticated; on any failure (a bad chunk, a failed read, the vault locked) the reads
 * stop within OPEN_BATCHES_IN_FLIGHT + 1 batches and the session is abandoned.
 */
export async function openFileWith(
  api: FileSessionApi,
  fileId: string,
  header: Envelope,
  chunks: AsyncIterable<readonly SealedChunk[]>,
): Promise<Uint8Array<ArrayBuffer>> {
  const session = await api.openFileStart(fileId, header);
  const batches = chunks[Symbol.asyncIterator]();
  // The worker answers pushes in the order they were sent, so awaiting the oldest is enough.
  const inFlight: Promise<void>[] = [];
  try {
    let read = batches.next();
    for (let batch = await read; !batch.done; batch = await read) {
      read = batches.next();
      read.catch(() => undefined); // awaited on the next turn; failures handled there
      if (inFlight.length >= OPEN_BATCHES_IN_FLIGHT) await inFlight.shift();
      const pushed = api.openFilePush(session, batch.value);
      pushed.catch(() => undefined); // awaited in turn below
      inFlight.push(pushed);
    }
    for (const pushed of inFlight.splice(0)) await pushed;
    return await api.openFileFinish(session);
  } catch (error) {
    // The reads stop: a read under way ends first, then the source is closed.
    void batches.return?.().catch(() => undefined);
    await api.fileAbort(session).catch(() => undefined);
    throw error;
  }
}
