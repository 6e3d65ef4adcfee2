import { afterEach, describe, expect, it, vi } from 'vitest';
import { concatBytes, randomBytes } from '../../crypto/encoding.ts';
import { BodyWriter } from './body-writer.ts';
import { FRAME, sha256 } from './format.ts';

/** A frame as the format lays it out: type, payload length (u32, big-endian), payload. */
function frame(type: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + payload.length);
  out[0] = type;
  new DataView(out.buffer).setUint32(1, payload.length);
  out.set(payload, 5);
  return out;
}

async function bytesOf(blobs: readonly Blob[]): Promise<Uint8Array> {
  return new Uint8Array(await new Blob([...blobs]).arrayBuffer());
}

/** Stands in for the browser storing the body: takes nothing until `release()`. */
function heldStorage() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  class HeldResponse {
    readonly #body: ReadableStream<Uint8Array>;
    constructor(body: ReadableStream<Uint8Array>) {
      this.#body = body;
    }
    async blob(): Promise<Blob> {
      await held;
      const pieces: Uint8Array<ArrayBuffer>[] = [];
      const reader = this.#body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return new Blob(pieces);
        pieces.push(value as Uint8Array<ArrayBuffer>);
      }
    }
  }
  vi.stubGlobal('Response', HeldResponse);
  return release;
}

/** Settles within a few turns of the event loop, or 'waiting'. */
function within<T>(run: Promise<T>): Promise<T | 'waiting'> {
  return Promise.race([run, new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), 50))]);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the backup body', () => {
  it('lays its frames end to end across parts, each with the digest of its payload', async () => {
    const writer = new BodyWriter({ partBytes: 100_000, queuedBytes: 50_000 });
    const row = [new Uint8Array([2]), randomBytes(300)];
    const chunks = [randomBytes(65_553), randomBytes(70_000), randomBytes(20)];
    writer.add(FRAME.row, 'e1', 0, row);
    await writer.settle();
    const expected = [frame(FRAME.row, concatBytes(row))];
    const payloads = [concatBytes(row)];
    for (const [i, data] of chunks.entries()) {
      const head = new Uint8Array([2, 70, 49, 0, 0, 0, i]);
      writer.add(FRAME.chunk, 'f1', i, [head, data]);
      expected.push(frame(FRAME.chunk, concatBytes([head, data])));
      payloads.push(concatBytes([head, data]));
      await writer.settle();
    }
    const { parts, lines } = await writer.end();
    expect(parts.length).toBeGreaterThan(1);
    expect(await bytesOf(parts)).toEqual(concatBytes(expected));
    expect(writer.bytes).toBe(payloads.reduce((n, p) => n + p.length, 0));
    expect(lines.map((l) => [l.type, l.id, l.chunk])).toEqual([
      [FRAME.row, 'e1', 0],
      [FRAME.chunk, 'f1', 0],
      [FRAME.chunk, 'f1', 1],
      [FRAME.chunk, 'f1', 2],
    ]);
    expect(lines.map((l) => l.digest)).toEqual(await Promise.all(payloads.map(sha256)));
  });

  it('waits while the browser has not taken what it holds, so memory stays bounded', async () => {
    const release = heldStorage();
    const writer = new BodyWriter({ partBytes: 1_000_000, queuedBytes: 100_000 });
    const data = randomBytes(150_000);
    writer.add(FRAME.chunk, 'f1', 0, [new Uint8Array([0]), data]);
    const settled = writer.settle();
    expect(await within(settled)).toBe('waiting');
    release();
    await settled;
    const { parts } = await writer.end();
    expect(await bytesOf(parts)).toEqual(
      frame(FRAME.chunk, concatBytes([new Uint8Array([0]), data])),
    );
  });

  it('stops with the failure when the browser cannot store it, instead of waiting forever', async () => {
    class FullStorage {
      readonly #body: ReadableStream<Uint8Array>;
      constructor(body: ReadableStream<Uint8Array>) {
        this.#body = body;
      }
      async blob(): Promise<Blob> {
        const reader = this.#body.getReader();
        await reader.read();
        const full = new DOMException('full', 'QuotaExceededError');
        await reader.cancel(full);
        throw full;
      }
    }
    vi.stubGlobal('Response', FullStorage);
    const writer = new BodyWriter({ partBytes: 1_000_000, queuedBytes: 100_000 });
    writer.add(FRAME.chunk, 'f1', 0, [new Uint8Array([0]), randomBytes(150_000)]);
    writer.add(FRAME.chunk, 'f1', 1, [new Uint8Array([0]), randomBytes(150_000)]);
    await expect(writer.settle()).rejects.toThrow('full');
  });
});
