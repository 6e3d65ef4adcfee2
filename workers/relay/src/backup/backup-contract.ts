import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBackups } from '../testing/setup.ts';
import { BackupStore, backupKey } from './store.ts';

/** A fresh locator or token: 32 random bytes, base64url. */
export const newId = (): string => randomBytes(32).toString('base64url');

/** `bytes` as a stream of `chunk`-byte pieces, as a request body arrives. */
export function streamOf(bytes: Uint8Array, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}

/** A body that sends `bytes`, then nothing more, ever (until cancelled). */
export function stalled(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
    },
  });
}

/** Every byte of a stream. */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

export const sha256 = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** Names in the backup folder: final files and temp files. */
const names = (dir: string): string[] => readdirSync(dir).sort();

/**
 * The behaviour every backup index must give BackupStore, run by store.test.ts on SQLite
 * and on Redis. `open` gives fresh, empty backups over a fresh store; `close` removes them.
 */
export function backupContract(
  name: string,
  open: () => Promise<TestBackups>,
  close: () => Promise<void>,
): void {
  describe(`${name} backup store contract`, () => {
    let backups: TestBackups;
    let store: BackupStore;
    let clock = Date.now();
    const now = (): number => clock;
    const max = 1024 * 1024;
    const put = (
      locator: string,
      token: string,
      bytes: Uint8Array,
      on: BackupStore = store,
    ): ReturnType<BackupStore['put']> =>
      on.put(locator, token, streamOf(bytes, 1000), { maxBytes: max, now });

    beforeAll(async () => {
      backups = await open();
      store = backups.store;
    });
    afterAll(() => close());

    it('creates, replaces with the same token, and refuses any other token', async () => {
      const [locator, token] = [newId(), newId()];
      const first = randomBytes(5000);
      expect((await put(locator, token, first)).status).toBe('created');
      const second = randomBytes(7000);
      clock += 1000;
      const replaced = await put(locator, token, second);
      expect(replaced).toMatchObject({
        status: 'replaced',
        meta: { size: 7000, updatedAt: clock },
      });
      expect(await store.mayPut(locator, newId())).toBe(false);
      expect((await put(locator, newId(), randomBytes(10))).status).toBe('not_found');
      const file = await store.open(locator, token, clock);
      expect(file).toMatchObject({ size: 7000, modifiedAt: clock });
      expect(sha256(await readAll(file!.stream()))).toBe(sha256(second));
      expect(await store.open(locator, newId(), clock)).toBeNull();
      expect(await store.open(newId(), token, clock)).toBeNull();
      expect(names(backups.dir)).not.toContain(locator);
      expect(names(backups.dir).filter((n) => n.startsWith('.'))).toEqual([]);
    });

    it('keeps the record and the file in step: size, times, and use', async () => {
      const [locator, token] = [newId(), newId()];
      const bytes = randomBytes(3000);
      clock += 1000;
      const written = clock;
      await put(locator, token, bytes);
      const key = backupKey(locator);
      expect(await store.index.get(key)).toMatchObject({
        size: 3000,
        updatedAt: written,
        usedAt: written,
      });
      expect(statSync(join(backups.dir, key)).size).toBe(3000);
      clock += 5000;
      expect(await store.stat(locator, token, clock)).toEqual({ size: 3000, modifiedAt: written });
      expect(await store.index.get(key)).toMatchObject({ updatedAt: written, usedAt: clock });
      await store.index.touch(key, written); // never moves back
      expect((await store.index.get(key))?.usedAt).toBe(clock);
    });

    it('keeps the old backup when a new one is too large, stalls, is empty or is refused', async () => {
      const [locator, token] = [newId(), newId()];
      const old = randomBytes(2000);
      await put(locator, token, old);
      const big = await store.put(locator, token, streamOf(randomBytes(max + 1)), {
        maxBytes: max,
        now,
      });
      expect(big.status).toBe('too_large');
      const impatient = new BackupStore(store.index, backups.dir, 100);
      const slow = await impatient.put(locator, token, stalled(randomBytes(500)), {
        maxBytes: max,
        now,
      });
      expect(slow.status).toBe('timeout');
      expect((await store.put(locator, token, null, { maxBytes: max, now })).status).toBe('empty');
      expect((await put(locator, token, new Uint8Array(0))).status).toBe('empty');
      const file = await store.open(locator, token, clock);
      expect(sha256(await readAll(file!.stream()))).toBe(sha256(old));
      expect(names(backups.dir).filter((n) => n.startsWith('.'))).toEqual([]);
    });

    it('deletes with the right token only, file and record', async () => {
      const [locator, token] = [newId(), newId()];
      await put(locator, token, randomBytes(100));
      expect(await store.remove(locator, newId())).toBe(false);
      expect(await store.remove(newId(), token)).toBe(false);
      expect(await store.remove(locator, token)).toBe(true);
      expect(await store.remove(locator, token)).toBe(false);
      expect(await store.open(locator, token, clock)).toBeNull();
      expect(await store.index.get(backupKey(locator))).toBeNull();
      expect(names(backups.dir)).not.toContain(backupKey(locator));
      expect((await put(locator, newId(), randomBytes(10))).status).toBe('created');
    });

    it('under parallel PUTs of one backup, the record describes the file that won', async () => {
      const [locator, token] = [newId(), newId()];
      const bodies = Array.from({ length: 8 }, (_, i) => randomBytes(10_000 + i * 1111));
      const results = await Promise.all(bodies.map((b) => put(locator, token, b)));
      expect(results.filter((r) => r.status === 'created')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'replaced')).toHaveLength(7);
      const meta = await store.index.get(backupKey(locator));
      const file = await store.open(locator, token, clock);
      const bytes = await readAll(file!.stream());
      expect(bytes.length).toBe(meta?.size);
      expect(bodies.map(sha256)).toContain(sha256(bytes));
      expect(names(backups.dir).filter((n) => n.startsWith('.'))).toEqual([]);
    });

    it('lets one token win a race to create, and only that one', async () => {
      const locator = newId();
      const tokens = Array.from({ length: 6 }, newId);
      const bodies = tokens.map(() => randomBytes(5000));
      const results = await Promise.all(tokens.map((t, i) => put(locator, t, bodies[i]!)));
      const winners = results.flatMap((r, i) => (r.status === 'created' ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => r.status === 'not_found')).toHaveLength(5);
      const file = await store.open(locator, tokens[winners[0]!]!, clock);
      expect(sha256(await readAll(file!.stream()))).toBe(sha256(bodies[winners[0]!]!));
    });

    it('serves one backup to a second relay on the same records and folder', async () => {
      const other = await backups.twin();
      const [locator, token] = [newId(), newId()];
      await put(locator, token, randomBytes(100));
      const newer = randomBytes(4000);
      expect((await put(locator, token, newer, other)).status).toBe('replaced');
      const file = await store.open(locator, token, clock);
      expect(sha256(await readAll(file!.stream()))).toBe(sha256(newer));
      expect(await other.remove(locator, token)).toBe(true);
      expect(await store.stat(locator, token, clock)).toBeNull();
    });

    it('sweeps unused backups, cut-off uploads, orphan files and records without files', async () => {
      const day = 86_400_000;
      const retention = 400 * day;
      const start = clock;
      const [unused, used] = [newId(), newId()];
      const token = newId();
      await put(unused, token, randomBytes(100));
      await put(used, token, randomBytes(100));
      const lostRecord = newId();
      await put(lostRecord, token, randomBytes(100));
      await store.files.remove(backupKey(lostRecord)); // a crash after deleting its file
      const orphan = sha256(randomBytes(8));
      writeFileSync(join(backups.dir, orphan), 'a file whose record was lost');
      utimesSync(join(backups.dir, orphan), start / 1000, start / 1000);
      const temp = (at: number): string => {
        const path = join(backups.dir, `.upload-${randomBytes(8).toString('hex')}`);
        writeFileSync(path, 'part of an upload');
        utimesSync(path, at / 1000, at / 1000);
        return path.split('/').pop()!;
      };
      const later = start + retention + day;
      const staleTemp = temp(later - 2 * 3600_000);
      const freshTemp = temp(later - 60_000);

      await store.stat(used, token, start + 300 * day);
      // Backups of the tests above are unused by then too: only what is known is counted.
      const swept = await store.sweep(later, retention);
      expect(swept).toMatchObject({ temps: 1, orphans: 1 });
      expect(swept.unused).toBeGreaterThanOrEqual(2);
      expect(await store.stat(unused, token, later)).toBeNull();
      expect(await store.stat(used, token, later)).not.toBeNull();
      expect(await store.index.get(backupKey(lostRecord))).toBeNull();
      const left = names(backups.dir);
      expect(left).toContain(freshTemp);
      for (const gone of [staleTemp, orphan, backupKey(unused)]) expect(left).not.toContain(gone);
    });
  });
}
