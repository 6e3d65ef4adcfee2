import { describe, expect, it } from 'vitest';
import type { Envelope, FileSessionApi, SealedChunk } from './types.ts';
import { OPEN_BATCHES_IN_FLIGHT, openFileWith } from './file-sessions.ts';

/** A worker whose decryptions end only when the test lets them. */
function heldWorker() {
  const held: (() => void)[] = [];
  const pushed: number[] = [];
  const aborted: number[] = [];
  const api: FileSessionApi = {
    sealFileStart: () => Promise.reject(new Error('not used')),
    sealFilePull: () => Promise.reject(new Error('not used')),
    openFileStart: () => Promise.resolve(7),
    openFilePush: (_session, chunks) => {
      pushed.push(chunks[0]?.index ?? -1);
      return new Promise<void>((resolve) => held.push(resolve));
    },
    openFileFinish: () => Promise.resolve(new TextEncoder().encode('whole')),
    fileAbort: (session) => {
      aborted.push(session);
      return Promise.resolve();
    },
  };
  return { api, held, pushed, aborted };
}

/** `count` batches of one chunk each, counting the reads started. */
function counted(count: number, failAt?: number) {
  const started: number[] = [];
  async function* source(): AsyncGenerator<SealedChunk[]> {
    for (let index = 0; index < count; index++) {
      started.push(index);
      await Promise.resolve();
      if (index === failAt) throw new Error('database closed');
      yield [{ index, data: new Uint8Array([index]) }];
    }
  }
  return { started, source: source() };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const header = new Uint8Array(8) as Envelope;

describe('openFileWith', () => {
  it('reads the next batch while the worker still holds the earlier ones', async () => {
    const worker = heldWorker();
    const reads = counted(10);
    const opened = openFileWith(worker.api, 'f', header, reads.source);
    await settle();
    // Every batch the worker may hold is handed over, and one more has been read and waits:
    // the read after it is already under way, not left until a decryption ends.
    expect(worker.pushed).toEqual([...Array(OPEN_BATCHES_IN_FLIGHT).keys()]);
    expect(reads.started).toHaveLength(OPEN_BATCHES_IN_FLIGHT + 2);
    for (let i = 0; i < 10; i++) {
      worker.held.shift()?.();
      await settle();
    }
    expect(new TextDecoder().decode(await opened)).toBe('whole');
    expect(worker.pushed).toEqual([...Array(10).keys()]);
    expect(worker.aborted).toEqual([]);
  });

  it('a read that fails while batches are held abandons the session and stops reading', async () => {
    const worker = heldWorker();
    const reads = counted(10, 3);
    const opened = openFileWith(worker.api, 'f', header, reads.source);
    opened.catch(() => undefined);
    await settle();
    while (worker.held.length > 0) {
      worker.held.shift()?.();
      await settle();
    }
    await expect(opened).rejects.toThrow('database closed');
    expect(worker.aborted).toEqual([7]);
    expect(reads.started).toEqual([0, 1, 2, 3]);
    expect(worker.pushed).toEqual([0, 1, 2]);
  });
});
