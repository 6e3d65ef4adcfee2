/**
 * File encryption, formats v1 and v2 (frozen, still read) and v3 (written since).
 *
 * v2 is v1 with one change: the last chunk's plaintext is padded with zeros to a size
 * bucket (LAST_CHUNK_BUCKETS), so the bytes at rest no longer give a file's exact size
 * (which could tell a standard form from its length); the header keeps the exact size,
 * sealed. Its chunks' associated data reads `carnet/v2/file/<fileId>/<index>`.
 *
 * v3 is v2 with 63 KiB plaintext chunks instead of 64 KiB (FILE_CHUNK_BYTES), and 63 KiB
 * as its largest bucket, so that a chunk's row stays under the size above which Chromium
 * stores an IndexedDB value as a file of its own. Its associated data reads
 * `carnet/v3/file/<fileId>/<index>`.
 *
 * A random 32-byte file key drives `crypto_secretstream_xchacha20poly1305` over the file in
 * 64 KiB plaintext chunks (63 KiB in v3); every chunk becomes one ciphertext of plaintext
 * + 17 bytes and one row. The last chunk carries TAG_FINAL; every other chunk TAG_MESSAGE;
 * an empty file is one empty final chunk. Each chunk's associated data is UTF-8 of
 * `carnet/v1/file/<fileId>/<index>`.
 *
 * The file header is a record envelope (envelope.ts) sealed under the vault key for table
 * `files`, row `fileId`, whose plaintext is:
 *   [format: 0x01, 0x02 or 0x03][32-byte file key][24-byte secretstream header]
 *   [plaintext length, u64 BE]
 * The length fixes the number of chunks, so a dropped last chunk is caught even before the
 * final tag is missed.
 */
import type { Sodium } from './sodium.ts';
import type { Envelope, SealedChunk } from './types.ts';
import { CryptoError } from './types.ts';
import { openRecord, recordAssociatedData, sealRecord } from './envelope.ts';
import { utf8Encode } from './encoding.ts';

/** Plaintext bytes per chunk in v1 and v2. Part of those formats: never change. */
const V2_CHUNK_BYTES = 65536;
/**
 * Plaintext bytes per chunk in v3, the format written. A sealed chunk is then 64,529 bytes,
 * and its row (with the file id and index) stays under Chromium's 64 KiB limit for keeping a
 * value inline in IndexedDB: above it, each value becomes a blob file of its own, which made
 * storing a 20 MB document take about 1.6 times as long, and reading it about 1.3 times
 * (measured on disk, Chromium 156). Part of format v3: never change.
 */
export const FILE_CHUNK_BYTES = 64512;
/** secretstream overhead per chunk: one encrypted tag byte and a 16-byte MAC. */
export const FILE_CHUNK_OVERHEAD = 17;
/** The table name bound into file headers. */
const FILES_TABLE = 'files';

const FILE_FORMAT_V1 = 0x01;
const FILE_FORMAT_V2 = 0x02;
const FILE_FORMAT_V3 = 0x03;

/**
 * v2 and v3: the sizes a last chunk's plaintext is padded up to, in bytes, each format's
 * chunk size last. SECURITY: a file's size at rest is then known only to within its bucket
 * (a 599-byte PDF and a 4 KB one look the same). Part of formats v2 and v3: never change.
 */
const LAST_CHUNK_BUCKETS = {
  [FILE_FORMAT_V2]: [4096, 8192, 16384, 32768, V2_CHUNK_BYTES],
  [FILE_FORMAT_V3]: [4096, 8192, 16384, 32768, FILE_CHUNK_BYTES],
} as const;

/** Plaintext bytes per chunk in `format`. */
function chunkBytesOf(format: number): number {
  return format === FILE_FORMAT_V3 ? FILE_CHUNK_BYTES : V2_CHUNK_BYTES;
}

/** The stored size of a last chunk holding `bytes` of plaintext in `format` (v1 pads none). */
function storedLastChunk(format: number, bytes: number): number {
  if (format !== FILE_FORMAT_V2 && format !== FILE_FORMAT_V3) return bytes;
  return LAST_CHUNK_BUCKETS[format].find((b) => b >= bytes) ?? chunkBytesOf(format);
}

/** The padded size of a last chunk holding `bytes` (0 to 63 KiB) of plaintext, as written. */
export function paddedLastChunk(bytes: number): number {
  return storedLastChunk(FILE_FORMAT_V3, bytes);
}
const KEY_BYTES = 32;
const STREAM_HEADER_BYTES = 24;
const HEADER_PLAIN_BYTES = 1 + KEY_BYTES + STREAM_HEADER_BYTES + 8;

/** How many chunks a file of `size` bytes has (at least one, even when empty), as written. */
export function chunkCount(size: number, chunkBytes: number = FILE_CHUNK_BYTES): number {
  return Math.max(1, Math.ceil(size / chunkBytes));
}

/**
 * SECURITY: the file id and the chunk index are authenticated with each chunk, so a chunk
 * from another file or from another position fails, whatever the row says.
 */
function chunkAd(format: number, fileId: string, index: number): Uint8Array {
  return utf8Encode(`carnet/v${format}/file/${fileId}/${index}`);
}

/** Encrypts one file, chunk by chunk, in order. Call `abort` if it will not be finished. */
export class FileSealer {
  readonly #sodium: Sodium;
  readonly #fileKey: Uint8Array;
  readonly #streamHeader: Uint8Array;
  readonly #state: ReturnType<Sodium['crypto_secretstream_xchacha20poly1305_init_push']>['state'];
  #index = 0;
  #size = 0;
  #final = false;

  /** Starts a file `fileId` under a fresh random file key. */
  constructor(
    sodium: Sodium,
    readonly fileId: string,
  ) {
    recordAssociatedData({ table: FILES_TABLE, id: fileId }); // validates the id
    this.#sodium = sodium;
    this.#fileKey = sodium.crypto_secretstream_xchacha20poly1305_keygen();
    const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(this.#fileKey);
    this.#state = state;
    this.#streamHeader = header;
  }

  /**
   * Seals the next chunk: exactly FILE_CHUNK_BYTES unless `last`, at most that when `last`.
   * Anything else throws `bad-input`.
   */
  push(plaintext: Uint8Array, last: boolean): SealedChunk {
    const size = plaintext.length;
    if (this.#final || size > FILE_CHUNK_BYTES || (!last && size !== FILE_CHUNK_BYTES)) {
      throw new CryptoError('bad-input');
    }
    const s = this.#sodium;
    const tag = last
      ? s.crypto_secretstream_xchacha20poly1305_TAG_FINAL
      : s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    const index = this.#index++;
    // The last chunk is padded to its bucket (the header keeps the exact size).
    const padded = last ? new Uint8Array(paddedLastChunk(size)) : plaintext;
    if (last) padded.set(plaintext);
    const data = s.crypto_secretstream_xchacha20poly1305_push(
      this.#state,
      padded,
      chunkAd(FILE_FORMAT_V3, this.fileId, index),
      tag,
    );
    this.#size += size;
    this.#final = last;
    return { index, data };
  }

  /** After the last chunk: the file header sealed under `vaultKey`. Forgets the file key. */
  finish(vaultKey: Uint8Array): Envelope {
    if (!this.#final) throw new CryptoError('bad-input');
    const plain = new Uint8Array(HEADER_PLAIN_BYTES);
    plain[0] = FILE_FORMAT_V3;
    plain.set(this.#fileKey, 1);
    plain.set(this.#streamHeader, 1 + KEY_BYTES);
    new DataView(plain.buffer).setBigUint64(
      1 + KEY_BYTES + STREAM_HEADER_BYTES,
      BigInt(this.#size),
    );
    try {
      return sealRecord(this.#sodium, vaultKey, { table: FILES_TABLE, id: this.fileId }, plain);
    } finally {
      this.#sodium.memzero(plain);
      this.abort();
    }
  }

  /** Forgets the file key. */
  abort(): void {
    this.#sodium.memzero(this.#fileKey);
    this.#final = true;
  }
}

/** Decrypts one file, chunk by chunk, checking order, completeness and the final tag. */
export class FileOpener {
  readonly #sodium: Sodium;
  readonly #state: ReturnType<Sodium['crypto_secretstream_xchacha20poly1305_init_pull']>;
  readonly #count: number;
  readonly #format: number;
  readonly #chunkBytes: number;
  /** The plaintext length the header promises, in bytes. */
  readonly size: number;
  #index = 0;
  #seen = 0;

  /** Opens the sealed header of `fileId`; a bad header throws `bad-envelope`. */
  constructor(
    sodium: Sodium,
    vaultKey: Uint8Array,
    readonly fileId: string,
    header: Uint8Array,
  ) {
    this.#sodium = sodium;
    const plain = openRecord(sodium, vaultKey, { table: FILES_TABLE, id: fileId }, header);
    try {
      if (plain.length !== HEADER_PLAIN_BYTES) throw new CryptoError('bad-envelope');
      const format = plain[0] ?? 0;
      if (format !== FILE_FORMAT_V1 && format !== FILE_FORMAT_V2 && format !== FILE_FORMAT_V3) {
        throw new CryptoError('unsupported-version');
      }
      this.#format = format;
      this.#chunkBytes = chunkBytesOf(format);
      const size = new DataView(plain.buffer, plain.byteOffset).getBigUint64(
        1 + KEY_BYTES + STREAM_HEADER_BYTES,
      );
      if (size > BigInt(Number.MAX_SAFE_INTEGER)) throw new CryptoError('bad-envelope');
      this.size = Number(size);
      this.#count = chunkCount(this.size, this.#chunkBytes);
      const key = plain.subarray(1, 1 + KEY_BYTES);
      const streamHeader = plain.slice(1 + KEY_BYTES, 1 + KEY_BYTES + STREAM_HEADER_BYTES);
      this.#state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(streamHeader, key);
    } catch (error) {
      throw error instanceof CryptoError ? error : new CryptoError('bad-envelope');
    } finally {
      sodium.memzero(plain);
    }
  }

  /** True once the final chunk has been authenticated. */
  get complete(): boolean {
    return this.#index === this.#count;
  }

  /**
   * Authenticates and decrypts the next chunk. A chunk out of order, past the end, from
   * another file, altered, or with the wrong tag throws `bad-envelope`.
   */
  pull(chunk: SealedChunk): Uint8Array {
    const index = this.#index;
    if (chunk.index !== index || index >= this.#count || !(chunk.data instanceof Uint8Array)) {
      throw new CryptoError('bad-envelope');
    }
    const s = this.#sodium;
    let result: { message: Uint8Array; tag: number } | false;
    try {
      result = s.crypto_secretstream_xchacha20poly1305_pull(
        this.#state,
        chunk.data,
        chunkAd(this.#format, this.fileId, index),
      );
    } catch {
      result = false;
    }
    if (result === false) throw new CryptoError('bad-envelope');
    const last = index === this.#count - 1;
    const expectedTag = last
      ? s.crypto_secretstream_xchacha20poly1305_TAG_FINAL
      : s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    const length = last ? this.size - index * this.#chunkBytes : this.#chunkBytes;
    const stored = last ? storedLastChunk(this.#format, length) : length;
    if (result.tag !== expectedTag || result.message.length !== stored) {
      throw new CryptoError('bad-envelope');
    }
    this.#index++;
    this.#seen += length;
    return stored === length ? result.message : result.message.slice(0, length);
  }

  /** Throws `bad-envelope` unless every chunk, the final one included, was authenticated. */
  finish(): void {
    if (!this.complete || this.#seen !== this.size) throw new CryptoError('bad-envelope');
  }
}
