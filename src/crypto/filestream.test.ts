import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Envelope, SealedChunk } from './types.ts';
import {
  FILE_CHUNK_BYTES,
  FILE_CHUNK_OVERHEAD,
  chunkCount,
  paddedLastChunk,
} from './filestream.ts';
import { randomBytes } from './encoding.ts';
import { OPEN_BATCHES_IN_FLIGHT } from './file-sessions.ts';
import type { Vault } from './vault.ts';
import { codeOf, floorVault } from './test-helpers.ts';

interface Sealed {
  header: Envelope;
  chunks: SealedChunk[];
}

async function unlockedVault(): Promise<Vault> {
  const vault = floorVault();
  await vault.create('123456', 'pin');
  return vault;
}

async function seal(vault: Vault, fileId: string, bytes: Uint8Array): Promise<Sealed> {
  const chunks: SealedChunk[] = [];
  const header = await vault.sealFile(
    fileId,
    new Blob([bytes as Uint8Array<ArrayBuffer>]),
    (batch) => {
      chunks.push(...batch);
      return Promise.resolve();
    },
  );
  return { header, chunks };
}

/** Yields chunks in batches of 16, as the database would. */
async function* batches(chunks: readonly SealedChunk[]): AsyncGenerator<SealedChunk[]> {
  for (let i = 0; i < chunks.length; i += 16) {
    await Promise.resolve();
    yield chunks.slice(i, i + 16);
  }
}

async function open(vault: Vault, fileId: string, sealed: Sealed): Promise<Uint8Array> {
  const opened = await vault.openFile(fileId, sealed.header, batches(sealed.chunks));
  // The caller owns the whole buffer: it can be handed to pdf.js or another worker.
  expect(opened.byteLength).toBe(opened.buffer.byteLength);
  return opened;
}

describe('file sizes at rest (format v3)', () => {
  it('show only the size bucket of the last chunk, not the exact size', async () => {
    const vault = await unlockedVault();
    const stored = async (size: number) =>
      (await seal(vault, 'f', randomBytes(size))).chunks.reduce((n, c) => n + c.data.length, 0);
    expect(FILE_CHUNK_BYTES).toBe(63 * 1024);
    // A 599-byte form and a 4,000-byte letter take the same room.
    expect(await stored(599)).toBe(4096 + FILE_CHUNK_OVERHEAD);
    expect(await stored(4000)).toBe(4096 + FILE_CHUNK_OVERHEAD);
    expect(await stored(4097)).toBe(8192 + FILE_CHUNK_OVERHEAD);
    expect(await stored(FILE_CHUNK_BYTES + 10)).toBe(
      FILE_CHUNK_BYTES + 4096 + 2 * FILE_CHUNK_OVERHEAD,
    );
    expect([1, 4096, 4097, 30_000, 32_769, FILE_CHUNK_BYTES].map(paddedLastChunk)).toEqual([
      4096,
      4096,
      8192,
      32_768,
      FILE_CHUNK_BYTES,
      FILE_CHUNK_BYTES,
    ]);
  });
});

describe('file streams', () => {
  const sizes = [
    0,
    1,
    FILE_CHUNK_BYTES - 1,
    FILE_CHUNK_BYTES,
    FILE_CHUNK_BYTES + 1,
    65_536,
    16 * FILE_CHUNK_BYTES,
    16 * FILE_CHUNK_BYTES + 1,
    25 * 1024 * 1024,
  ];
  for (const size of sizes) {
    it(`round-trips ${size} bytes in ${chunkCount(size)} chunk(s)`, async () => {
      const vault = await unlockedVault();
      const bytes = randomBytes(size);
      const sealed = await seal(vault, 'file-a', bytes);
      expect(sealed.chunks.map((c) => c.index)).toEqual([...Array(chunkCount(size)).keys()]);
      for (const [i, c] of sealed.chunks.entries()) {
        const plain = Math.min(FILE_CHUNK_BYTES, size - i * FILE_CHUNK_BYTES);
        // Every chunk is full but the last, which is padded to its size bucket (format v2).
        const last = i === sealed.chunks.length - 1;
        expect(c.data.length).toBe((last ? paddedLastChunk(plain) : plain) + FILE_CHUNK_OVERHEAD);
      }
      const opened = await open(vault, 'file-a', sealed);
      expect(opened.length).toBe(size);
      expect(Buffer.compare(opened, bytes)).toBe(0);
    }, 60_000);
  }

  describe('tampering is rejected with bad-envelope, never a partial file', () => {
    const size = 3 * FILE_CHUNK_BYTES + 100;
    const setup = async () => {
      const vault = await unlockedVault();
      return { vault, sealed: await seal(vault, 'file-a', randomBytes(size)) };
    };
    const reject = async (vault: Vault, sealed: Sealed, fileId = 'file-a') =>
      codeOf(open(vault, fileId, sealed));

    it('a flipped bit in any chunk or in the header', async () => {
      const { vault, sealed } = await setup();
      const lengths = sealed.chunks.map((c) => c.data.length);
      expect(lengths).toHaveLength(4);
      // Every chunk, then any bit of it (seeded property: a failure replays and shrinks).
      const chunkAndBit = fc
        .integer({ min: 0, max: lengths.length - 1 })
        .chain((i) => fc.tuple(fc.constant(i), fc.integer({ min: 0, max: lengths[i]! * 8 - 1 })));
      await fc.assert(
        fc.asyncProperty(chunkAndBit, async ([i, bit]) => {
          const chunks = sealed.chunks.map((c) => ({ ...c, data: c.data.slice() }));
          const target = chunks[i]!;
          target.data[bit >> 3] = (target.data[bit >> 3] ?? 0) ^ (1 << (bit & 7));
          expect(await reject(vault, { ...sealed, chunks })).toBe('bad-envelope');
        }),
        {
          seed: 0xf11e_0001,
          numRuns: 40,
          // The first and last bit of every chunk, before the random positions.
          examples: lengths.flatMap((length, i): [[number, number]][] => [
            [[i, 0]],
            [[i, length * 8 - 1]],
          ]),
        },
      );
      const header = sealed.header.slice() as Envelope;
      header[30] = (header[30] ?? 0) ^ 1;
      expect(await reject(vault, { ...sealed, header })).toBe('bad-envelope');
    });

    it('two chunks swapped, with or without their indexes', async () => {
      const { vault, sealed } = await setup();
      const [c0, c1, ...rest] = sealed.chunks;
      if (!c0 || !c1) throw new Error('missing chunks');
      const swappedData = [{ index: 0, data: c1.data }, { index: 1, data: c0.data }, ...rest];
      expect(await reject(vault, { ...sealed, chunks: swappedData })).toBe('bad-envelope');
      expect(await reject(vault, { ...sealed, chunks: [c1, c0, ...rest] })).toBe('bad-envelope');
    });

    it('the last chunk dropped, or any chunk dropped', async () => {
      const { vault, sealed } = await setup();
      expect(await reject(vault, { ...sealed, chunks: sealed.chunks.slice(0, -1) })).toBe(
        'bad-envelope',
      );
      expect(await reject(vault, { ...sealed, chunks: sealed.chunks.slice(1) })).toBe(
        'bad-envelope',
      );
      expect(await reject(vault, { ...sealed, chunks: [] })).toBe('bad-envelope');
    });

    it('a chunk or header from another file, or an extra chunk', async () => {
      const { vault, sealed } = await setup();
      const other = await seal(vault, 'file-b', randomBytes(size));
      const mixed = sealed.chunks.map((c, i) => (i === 1 ? (other.chunks[1] ?? c) : c));
      expect(await reject(vault, { ...sealed, chunks: mixed })).toBe('bad-envelope');
      expect(await reject(vault, { header: other.header, chunks: sealed.chunks })).toBe(
        'bad-envelope',
      );
      expect(await reject(vault, other, 'file-a')).toBe('bad-envelope');
      const extra = [...sealed.chunks, { index: sealed.chunks.length, data: randomBytes(40) }];
      expect(await reject(vault, { ...sealed, chunks: extra })).toBe('bad-envelope');
    });

    it('a file sealed under another vault key', async () => {
      const { sealed } = await setup();
      expect(await reject(await unlockedVault(), sealed)).toBe('bad-envelope');
    });
  });

  it('a sink failure abandons the file and rethrows the sink error', async () => {
    const vault = await unlockedVault();
    const full = new Error('disk full');
    let calls = 0;
    const result = vault.sealFile('f', new Blob([randomBytes(40 * FILE_CHUNK_BYTES)]), () => {
      calls++;
      return calls === 2 ? Promise.reject(full) : Promise.resolve();
    });
    await expect(result).rejects.toBe(full);
    expect(calls).toBe(2);
  });

  describe('opening stops cleanly mid-file', () => {
    const size = 10 * FILE_CHUNK_BYTES + 5;
    /** Batches of 2 chunks; `during(n)` runs before batch n is handed over. */
    async function* source(
      chunks: readonly SealedChunk[],
      during: (batch: number) => Promise<void> | void,
      read: number[],
    ): AsyncGenerator<SealedChunk[]> {
      for (let i = 0, n = 0; i < chunks.length; i += 2, n++) {
        await during(n);
        read.push(n);
        yield chunks.slice(i, i + 2);
      }
    }

    it('lock mid-file: the read fails `locked` and the session is gone', async () => {
      const vault = await unlockedVault();
      const sealed = await seal(vault, 'f', randomBytes(size));
      const read: number[] = [];
      const lockAt = (n: number) => (n === 2 ? vault.lock() : undefined);
      const run = vault.openFile('f', sealed.header, source(sealed.chunks, lockAt, read));
      expect(await codeOf(run)).toBe('locked');
      // The reads stop too: at most the batches in flight when the lock was seen, and the
      // one read ahead of them.
      expect(read.length).toBeLessThanOrEqual(3 + OPEN_BATCHES_IN_FLIGHT);
    });

    it('a read that fails mid-file rethrows its error and abandons the session', async () => {
      const vault = await unlockedVault();
      const sealed = await seal(vault, 'f', randomBytes(size));
      const gone = new Error('database closed');
      const failAt = (n: number) => (n === 3 ? Promise.reject(gone) : undefined);
      await expect(
        vault.openFile('f', sealed.header, source(sealed.chunks, failAt, [])),
      ).rejects.toBe(gone);
      // The vault still opens the same file whole afterwards.
      expect(Buffer.compare(await open(vault, 'f', sealed), await open(vault, 'f', sealed))).toBe(
        0,
      );
    });

    it('a tampered chunk early on stops the reads that follow', async () => {
      const vault = await unlockedVault();
      const sealed = await seal(vault, 'f', randomBytes(size));
      const chunks = sealed.chunks.map((c, i) =>
        i === 1 ? { ...c, data: c.data.map((b, at) => (at === 0 ? b ^ 1 : b)) } : c,
      );
      const read: number[] = [];
      const run = vault.openFile(
        'f',
        sealed.header,
        source(chunks, () => undefined, read),
      );
      expect(await codeOf(run)).toBe('bad-envelope');
      expect(read.length).toBeLessThan(Math.ceil(chunks.length / 2));
    });
  });

  it('lock ends open sessions and refuses new ones', async () => {
    const vault = await unlockedVault();
    const session = await vault.sealFileStart('f', new Blob([randomBytes(20 * FILE_CHUNK_BYTES)]));
    await vault.sealFilePull(session);
    await vault.lock();
    expect(await codeOf(vault.sealFilePull(session))).toBe('locked');
    expect(await codeOf(vault.sealFileStart('f', new Blob([])))).toBe('locked');
    expect(await codeOf(vault.sealFilePull(9999))).toBe('bad-input');
  });
});
