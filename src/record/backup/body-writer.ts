import type { FrameType, IndexLine } from './format.ts';
import { sha256 } from './format.ts';

/**
 * Bytes of frames in one part of the body: each part is one Blob of the file, streamed to
 * the browser's blob storage as it is written, so even an engine that gathers a whole
 * stream before storing it holds a part or two of the backup, whatever the record's size.
 */
const PART_BYTES = 16 * 1024 * 1024;
/** Bytes a part may hold queued, not yet taken by the browser, before framing waits. */
const QUEUED_BYTES = 4 * 1024 * 1024;
/** Small pieces (frame heads, rows) are gathered up to this many bytes per piece. */
const GATHER_BYTES = 64 * 1024;
/** A payload part at least this long goes to the file as it is, not copied. */
const DIRECT_BYTES = 16 * 1024;
/** A frame's type byte and payload length. */
export const FRAME_HEAD_BYTES = 5;

/** Bytes per part, and bytes a part may hold queued (see PART_BYTES and QUEUED_BYTES). */
interface BodySizes {
  readonly partBytes: number;
  readonly queuedBytes: number;
}

/** Bytes handed to the browser as a stream that becomes one Blob. */
class StreamedBlob {
  readonly blob: Promise<Blob>;
  /** Bytes handed over so far. */
  bytes = 0;
  #controller!: ReadableStreamDefaultController<Uint8Array>;
  #failure: Error | undefined;
  #drained: (() => void) | undefined;

  constructor(queuedBytes: number) {
    const stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller;
        },
        pull: () => this.#wake(),
        cancel: (reason) => this.#fail(reason),
      },
      new ByteLengthQueuingStrategy({ highWaterMark: queuedBytes }),
    );
    this.blob = new Response(stream).blob();
    // A failure surfaces at the next wait or at the end, not as an unhandled rejection.
    this.blob.catch((err: unknown) => this.#fail(err));
  }

  /** Hands `bytes` over; the caller never changes them afterwards. */
  enqueue(bytes: Uint8Array): void {
    this.#controller.enqueue(bytes);
    this.bytes += bytes.length;
  }

  /** Resolves once the browser has taken enough that more may be queued; throws if it failed. */
  async room(): Promise<void> {
    while (this.#failure === undefined && (this.#controller.desiredSize ?? 0) <= 0) {
      await new Promise<void>((resolve) => (this.#drained = resolve));
    }
    if (this.#failure !== undefined) throw this.#failure;
  }

  close(): void {
    this.#controller.close();
  }

  /** Stops the stream: its Blob is never made and what it held is dropped. */
  error(reason: unknown): void {
    if (this.#failure !== undefined) return;
    this.#fail(reason);
    this.#controller.error(reason);
  }

  #wake(): void {
    this.#drained?.();
    this.#drained = undefined;
  }

  #fail(reason: unknown): void {
    this.#failure ??= reason instanceof Error ? reason : new Error('stream stopped');
    this.#wake();
  }
}

/**
 * Writes a backup's body: its frames, end to end, as Blobs of PART_BYTES streamed to the
 * browser. A document's chunks are handed over as IndexedDB returned them, never copied
 * into another buffer; frame heads and rows are gathered into small pieces. Framing waits
 * while a part holds QUEUED_BYTES the browser has not taken yet, and while more than the
 * last two parts are still being stored, so a 300 MB record never sits whole in memory.
 * Each frame's digest starts as the frame is added (a digest copies its data when called,
 * so the buffers are free again at once).
 */
export class BodyWriter {
  readonly #sizes: BodySizes;
  #part: StreamedBlob;
  readonly #parts: StreamedBlob[];
  #gather = new Uint8Array(GATHER_BYTES);
  #at = 0;
  /** A chunk frame's payload put end to end for its digest, used again for the next one. */
  #scratch = new Uint8Array(0);
  #digests: Promise<IndexLine>[] = [];
  readonly #batches: Promise<IndexLine[]>[] = [];
  /** Payload bytes so far, all frames together. */
  bytes = 0;

  constructor(sizes: BodySizes = { partBytes: PART_BYTES, queuedBytes: QUEUED_BYTES }) {
    this.#sizes = sizes;
    this.#part = new StreamedBlob(sizes.queuedBytes);
    this.#parts = [this.#part];
  }

  /** Adds one frame whose payload is `parts` end to end; none of them may change later. */
  add(type: FrameType, id: string, chunk: number, parts: readonly Uint8Array[]): void {
    let length = 0;
    let direct = false;
    for (const p of parts) {
      length += p.length;
      direct ||= p.length >= DIRECT_BYTES;
    }
    this.#room(FRAME_HEAD_BYTES);
    this.#gather[this.#at] = type;
    new DataView(this.#gather.buffer, this.#at + 1, 4).setUint32(0, length);
    this.#at += FRAME_HEAD_BYTES;
    let payload: Uint8Array;
    if (direct) {
      if (this.#scratch.length < length) this.#scratch = new Uint8Array(length);
      let at = 0;
      for (const p of parts) {
        this.#scratch.set(p, at);
        at += p.length;
        if (p.length >= DIRECT_BYTES) {
          this.#flush();
          this.#send(p);
        } else {
          this.#room(p.length);
          this.#gather.set(p, this.#at);
          this.#at += p.length;
        }
      }
      payload = this.#scratch.subarray(0, length);
    } else {
      this.#room(length);
      const start = this.#at;
      for (const p of parts) {
        this.#gather.set(p, this.#at);
        this.#at += p.length;
      }
      payload = this.#gather.subarray(start, this.#at);
    }
    this.#digests.push(sha256(payload).then((digest) => ({ type, id, chunk, digest })));
    this.bytes += length;
  }

  /**
   * Ends a batch of frames: waits for the digests of every batch but this one, for every
   * part but the last two to be stored, and for room in the last. Throws if storing failed.
   */
  async settle(): Promise<void> {
    this.#flush();
    this.#batches.push(Promise.all(this.#digests));
    this.#digests = [];
    await Promise.all([
      ...this.#batches.slice(0, -1),
      ...this.#parts.slice(0, -2).map((p) => p.blob),
      this.#part.room(),
    ]);
  }

  /** The body's parts, in order, and the index lines of its frames. */
  async end(): Promise<{ parts: Blob[]; lines: IndexLine[] }> {
    this.#flush();
    this.#part.close();
    const [parts, lines] = await Promise.all([
      Promise.all(this.#parts.map((p) => p.blob)),
      Promise.all([...this.#batches, Promise.all(this.#digests)]),
    ]);
    return { parts, lines: lines.flat() };
  }

  /** Stops writing (a cancelled or failed backup): what the body held is dropped. */
  abort(reason: unknown): void {
    this.#part.error(reason);
  }

  /** Makes room for `n` more bytes in the gathering buffer. */
  #room(n: number): void {
    if (this.#at + n <= this.#gather.length) return;
    this.#flush();
    if (n > this.#gather.length) this.#gather = new Uint8Array(n);
  }

  /** Sends what is gathered, and starts gathering again in the same buffer. */
  #flush(): void {
    if (this.#at === 0) return;
    this.#send(this.#gather.slice(0, this.#at));
    this.#at = 0;
  }

  /** Hands `bytes` to the current part, after starting a new one if it is full. */
  #send(bytes: Uint8Array): void {
    if (this.#part.bytes >= this.#sizes.partBytes) {
      this.#part.close();
      this.#part = new StreamedBlob(this.#sizes.queuedBytes);
      this.#parts.push(this.#part);
    }
    this.#part.enqueue(bytes);
  }
}
