import { RecordError } from '../errors.ts';
import type { BackupHeader, Frame } from './format.ts';
import {
  BackupHeaderSchema,
  FORMAT_VERSION,
  MAGIC,
  MAX_FRAME_BYTES,
  MAX_HEADER_BYTES,
  MAX_INDEX_BYTES,
  FRAME,
} from './format.ts';
import * as v from 'valibot';

/**
 * Reads a backup file as a stream of frames, never more than one frame in memory. Every
 * malformation is a RecordError: not a backup, unknown version, cut short, or damaged.
 */
export class BackupReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  /** What the stream gave and no frame took yet, in order; the first from `#offset`. */
  readonly #parts: Uint8Array[] = [];
  #offset = 0;
  #buffered = 0;
  #done = false;
  /** The header's exact bytes, which the MAC covers. */
  headerBytes: Uint8Array = new Uint8Array(0);

  constructor(file: Blob) {
    this.#reader = file.stream().getReader();
  }

  /**
   * Exactly `n` bytes in a buffer of their own, or null at a clean end of file; a partial
   * read is `truncated`. Each byte is copied once, from the stream's piece into the result.
   */
  async #take(n: number): Promise<Uint8Array | null> {
    while (this.#buffered < n && !this.#done) {
      const { value, done } = await this.#reader.read();
      if (done) this.#done = true;
      else if (value.length > 0) {
        this.#parts.push(value);
        this.#buffered += value.length;
      }
    }
    if (this.#buffered < n) {
      if (this.#buffered === 0) return null;
      throw new RecordError('backup-truncated');
    }
    const out = new Uint8Array(n);
    for (let at = 0; at < n;) {
      const part = this.#parts[0]!;
      const count = Math.min(n - at, part.length - this.#offset);
      out.set(part.subarray(this.#offset, this.#offset + count), at);
      at += count;
      this.#offset += count;
      if (this.#offset === part.length) {
        this.#parts.shift();
        this.#offset = 0;
      }
    }
    this.#buffered -= n;
    return out;
  }

  /** Reads and checks the magic, the version and the header. */
  async header(): Promise<BackupHeader> {
    const lead = await this.#take(MAGIC.length + 1 + 4).catch(() => null);
    if (!lead || !MAGIC.every((b, i) => lead[i] === b)) throw new RecordError('backup-not-carnet');
    if (lead[MAGIC.length] !== FORMAT_VERSION) throw new RecordError('backup-version');
    const length = new DataView(lead.buffer).getUint32(MAGIC.length + 1);
    if (length === 0 || length > MAX_HEADER_BYTES) throw new RecordError('backup-damaged');
    const bytes = await this.#take(length);
    if (!bytes) throw new RecordError('backup-truncated');
    this.headerBytes = bytes;
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      throw new RecordError('backup-damaged');
    }
    const parsed = v.safeParse(BackupHeaderSchema, json);
    if (!parsed.success) throw new RecordError('backup-damaged');
    return parsed.output;
  }

  /** The next frame; `truncated` when the file ends before the END frame. */
  async frame(): Promise<Frame> {
    const head = await this.#take(5);
    if (!head) throw new RecordError('backup-truncated');
    const type = head[0] ?? -1;
    const length = new DataView(head.buffer).getUint32(1);
    const limit = type === FRAME.index ? MAX_INDEX_BYTES + 32 : MAX_FRAME_BYTES;
    if (length > limit) throw new RecordError('backup-damaged');
    const payload = length === 0 ? new Uint8Array(0) : await this.#take(length);
    if (!payload) throw new RecordError('backup-truncated');
    return { type, payload };
  }

  /** True when nothing follows (anything after the END frame is damage). */
  async atEnd(): Promise<boolean> {
    return (await this.#take(1)) === null;
  }

  /** Stops reading (on cancel or failure). */
  async cancel(): Promise<void> {
    await this.#reader.cancel().catch(() => undefined);
  }
}

/** Reads only the header: what the restore screen shows before asking for the code. */
export async function readBackupHeader(file: Blob): Promise<BackupHeader> {
  const reader = new BackupReader(file);
  try {
    return await reader.header();
  } finally {
    await reader.cancel();
  }
}
