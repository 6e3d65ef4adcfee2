import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeJwe, newShare, putFile, putShare, readFile } from '../testing/fixtures.ts';
import { replyContract } from './reply-contract.ts';
import { ACCESS_LOG_MAX, CHUNK_BYTES, UPLOAD_WINDOW_MS, type ShareStore } from './store.ts';

/**
 * The behaviour every ShareStore must have. Run by sqlite.test.ts and redis.test.ts
 * against real databases; `open` gives a fresh, empty store, `close` tears it down.
 */
export function storeContract(
  name: string,
  open: () => Promise<ShareStore>,
  close: () => Promise<void>,
): void {
  describe(`${name} store contract`, () => {
    let store: ShareStore;
    const now = Date.now();
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await close();
    });
    replyContract(() => store, now);

    it('stores a share whole and gives back metadata without file bodies', async () => {
      const jwes = [fakeJwe(10), fakeJwe(3000)];
      const share = newShare({ jwes, maxUses: 3 }, now);
      share.files[1]!.contentType = 'application/smart-health-card';
      await putShare(store, share);
      const meta = await store.get(share.id);
      expect(meta).toEqual({
        id: share.id,
        tokenHash: share.tokenHash,
        exp: share.exp,
        passcodeHash: null,
        remainingAttempts: null,
        maxUses: 3,
        uses: 0,
        files: [
          { contentType: 'application/fhir+json', length: jwes[0]!.length },
          { contentType: 'application/smart-health-card', length: jwes[1]!.length },
        ],
        pending: 0,
      });
      expect(await readFile(store, share.id, 1)).toBe(jwes[1]);
      expect(await store.openFile(share.id, 2)).toBeNull();
      expect(await store.get('x'.repeat(43))).toBeNull();
    });

    it('keeps a share pending, unopenable, until its last file is stored', async () => {
      const jwes = [fakeJwe(100), fakeJwe(200)];
      const share = newShare({ jwes }, now);
      await store.create(share);
      expect((await store.get(share.id))?.pending).toBe(2);
      expect(await store.recordUse(share.id, { recipient: 'early', at: now })).toBe(false);
      expect(await putFile(store, share.id, 1, jwes[1]!, now)).toBe(false);
      expect((await store.get(share.id))?.pending).toBe(1);
      expect(await store.recordUse(share.id, { recipient: 'early', at: now })).toBe(false);
      expect(await putFile(store, share.id, 0, jwes[0]!, now)).toBe(true);
      expect((await store.get(share.id))?.pending).toBe(0);
      expect(await store.recordUse(share.id, { recipient: 'Dr M', at: now })).toBe(true);
      expect(await store.accesses(share.id)).toEqual([{ recipient: 'Dr M', at: now }]);
      // Complete: no more uploads, of any index.
      expect(await store.beginUpload(share.id, 0, now)).toBeNull();
      expect(await readFile(store, share.id, 0)).toBe(jwes[0]);
    });

    it('stores and reads a file of several chunks, a chunk at a time', async () => {
      const jwe = fakeJwe(Math.floor(CHUNK_BYTES * 1.8));
      const share = newShare({ jwes: [jwe] }, now);
      await putShare(store, share, { chunk: 64 * 1024 });
      const file = await store.openFile(share.id, 0);
      expect(file?.length).toBe(jwe.length);
      const sizes: number[] = [];
      const parts: Buffer[] = [];
      for await (const chunk of file!.chunks()) {
        sizes.push(chunk.length);
        parts.push(chunk);
      }
      expect(sizes.length).toBeGreaterThan(1);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(CHUNK_BYTES + 64 * 1024);
      expect(Buffer.concat(parts).toString('latin1')).toBe(jwe);
    });

    it('refuses uploads of unknown shares and files, expired shares, and lengths that are not declared', async () => {
      const jwe = fakeJwe(50);
      const share = newShare({ jwes: [jwe] }, now);
      await store.create(share);
      expect(await store.beginUpload('u'.repeat(43), 0, now)).toBeNull();
      expect(await store.beginUpload(share.id, 1, now)).toBeNull();
      expect(await store.beginUpload(share.id, 0, share.exp * 1000)).toBeNull();
      const upload = await store.beginUpload(share.id, 0, now);
      expect(upload?.length).toBe(jwe.length);
      expect(await upload!.append(Buffer.from(jwe + 'x'))).toBe(false);
      expect(await upload!.append(Buffer.from(jwe.slice(0, 10)))).toBe(true);
      expect(await upload!.commit()).toBeNull(); // too short
      expect(await store.openFile(share.id, 0)).toBeNull();
      expect((await store.get(share.id))?.pending).toBe(1);
    });

    it('keeps parallel uploads of one file apart: the last commit wins, aborts leave nothing', async () => {
      const [a, b, c] = [fakeJwe(3000), fakeJwe(3000), fakeJwe(3000)];
      const share = newShare({ jwes: [a, fakeJwe(10)] }, now);
      await store.create(share);
      const first = (await store.beginUpload(share.id, 0, now))!;
      const second = (await store.beginUpload(share.id, 0, now))!;
      const third = (await store.beginUpload(share.id, 0, now))!;
      for (let at = 0; at < 3000; at += 500) {
        expect(await first.append(Buffer.from(a.slice(at, at + 500)))).toBe(true);
        expect(await second.append(Buffer.from(b.slice(at, at + 500)))).toBe(true);
        expect(await third.append(Buffer.from(c.slice(at, at + 500)))).toBe(true);
      }
      expect(await first.append(Buffer.from(a.slice(3000)))).toBe(true);
      expect(await second.append(Buffer.from(b.slice(3000)))).toBe(true);
      expect(await first.commit()).toEqual({ complete: false });
      expect(await readFile(store, share.id, 0)).toBe(a);
      await third.abort();
      expect(await second.commit()).toEqual({ complete: false });
      expect(await readFile(store, share.id, 0)).toBe(b);
      expect((await store.get(share.id))?.pending).toBe(1);
      await second.abort(); // committed: changes nothing
      expect(await readFile(store, share.id, 0)).toBe(b);
    });

    it('stores nothing more for an upload once its share is removed', async () => {
      const jwe = fakeJwe(2000);
      const share = newShare({ jwes: [jwe] }, now);
      await store.create(share);
      const upload = (await store.beginUpload(share.id, 0, now))!;
      expect(await upload.append(Buffer.from(jwe.slice(0, 1000)))).toBe(true);
      expect(await store.remove(share.id)).toBe(true);
      expect(await upload.append(Buffer.from(jwe.slice(1000)))).toBe(false);
      expect(await upload.commit()).toBeNull();
      await upload.abort();
      expect(await store.get(share.id)).toBeNull();
      expect(await store.openFile(share.id, 0)).toBeNull();
    });

    it('fails a read of a file removed while it is read', async () => {
      const share = newShare({ jwes: [fakeJwe(CHUNK_BYTES * 2)] }, now);
      await putShare(store, share, { chunk: 256 * 1024 });
      const file = (await store.openFile(share.id, 0))!;
      const chunks = file.chunks();
      expect((await chunks.next()).done).toBe(false);
      await store.remove(share.id);
      await expect(chunks.next()).rejects.toThrow();
    });

    it('takes attempts one by one, gives one back, and refuses at zero', async () => {
      const share = newShare({ passcodeHash: '$argon2id$stub', attempts: 2 }, now);
      await putShare(store, share);
      expect(await store.takeAttempt(share.id, now)).toBe(1);
      await store.returnAttempt(share.id);
      expect((await store.get(share.id))?.remainingAttempts).toBe(2);
      expect(await store.takeAttempt(share.id, now)).toBe(1);
      expect(await store.takeAttempt(share.id, now)).toBe(0);
      expect(await store.takeAttempt(share.id, now)).toBeNull();
      expect((await store.get(share.id))?.remainingAttempts).toBe(0);
    });

    it('refuses attempts on a share without passcode, an unknown one, or an expired one', async () => {
      const plain = newShare({}, now);
      await putShare(store, plain);
      expect(await store.takeAttempt(plain.id, now)).toBeNull();
      expect(await store.takeAttempt('y'.repeat(43), now)).toBeNull();
      const guarded = newShare({ passcodeHash: '$argon2id$stub', attempts: 5 }, now);
      await putShare(store, guarded);
      expect(await store.takeAttempt(guarded.id, guarded.exp * 1000)).toBeNull();
      expect((await store.get(guarded.id))?.remainingAttempts).toBe(5);
    });

    it('never lets more parallel attempts through than the budget holds', async () => {
      const small = newShare({ passcodeHash: '$argon2id$stub', attempts: 5 }, now);
      await putShare(store, small);
      const results = await Promise.all(
        Array.from({ length: 50 }, () => store.takeAttempt(small.id, now)),
      );
      expect(results.filter((r) => r !== null).sort()).toEqual([0, 1, 2, 3, 4]);
      expect((await store.get(small.id))?.remainingAttempts).toBe(0);

      const large = newShare({ passcodeHash: '$argon2id$stub', attempts: 100 }, now);
      await putShare(store, large);
      const taken = await Promise.all(
        Array.from({ length: 50 }, () => store.takeAttempt(large.id, now)),
      );
      expect(new Set(taken).size).toBe(50);
      expect((await store.get(large.id))?.remainingAttempts).toBe(50);
    });

    it('counts opens and keeps the access list', async () => {
      const share = newShare({}, now);
      await putShare(store, share);
      expect(await store.recordUse(share.id, { recipient: 'Dr Martin', at: now })).toBe(true);
      expect(await store.recordUse(share.id, { recipient: 'Dr Diallo', at: now + 1 })).toBe(true);
      expect((await store.get(share.id))?.uses).toBe(2);
      expect(await store.accesses(share.id)).toEqual([
        { recipient: 'Dr Martin', at: now },
        { recipient: 'Dr Diallo', at: now + 1 },
      ]);
    });

    it('keeps one ticket key of 32 bytes', async () => {
      const key = await store.ticketKey();
      expect(key).toHaveLength(32);
      expect((await store.ticketKey()).equals(key)).toBe(true);
    });

    it('stops counting opens at maxUses, also in parallel, and refuses expired shares', async () => {
      const share = newShare({ maxUses: 3 }, now);
      await putShare(store, share);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.recordUse(share.id, { recipient: `r${i}`, at: now }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(3);
      expect((await store.get(share.id))?.uses).toBe(3);
      const expired = newShare({}, now);
      await putShare(store, expired);
      expect(await store.recordUse(expired.id, { recipient: 'r', at: expired.exp * 1000 })).toBe(
        false,
      );
      expect(await store.recordUse('z'.repeat(43), { recipient: 'r', at: now })).toBe(false);
    });

    it('keeps only the newest accesses once the log is full', async () => {
      const share = newShare({}, now);
      await putShare(store, share);
      for (let i = 0; i < ACCESS_LOG_MAX + 5; i++) {
        await store.recordUse(share.id, { recipient: `r${i}`, at: now + i });
      }
      const list = await store.accesses(share.id);
      expect(list).toHaveLength(ACCESS_LOG_MAX);
      expect(list[0]).toEqual({ recipient: 'r5', at: now + 5 });
      expect(list.at(-1)).toEqual({
        recipient: `r${ACCESS_LOG_MAX + 4}`,
        at: now + ACCESS_LOG_MAX + 4,
      });
    });

    it('removes everything of a share at once', async () => {
      const share = newShare({}, now);
      await putShare(store, share);
      await store.recordUse(share.id, { recipient: 'Dr Martin', at: now });
      expect(await store.remove(share.id)).toBe(true);
      expect(await store.remove(share.id)).toBe(false);
      expect(await store.get(share.id)).toBeNull();
      expect(await readFile(store, share.id, 0)).toBeNull();
      expect(await store.accesses(share.id)).toEqual([]);
    });

    it('sweeps expired shares, and purges files of dead shares only after the grace period', async () => {
      const later = now + 10 * 3600_000;
      const expiring = newShare({ exp: Math.floor(now / 1000) + 60 }, now);
      const dead = newShare(
        { passcodeHash: '$argon2id$stub', attempts: 1, exp: Math.floor(later / 1000) + 3600 },
        now,
      );
      const usedUp = newShare({ maxUses: 1, exp: Math.floor(later / 1000) + 3600 }, now);
      const alive = newShare({ exp: Math.floor(later / 1000) + 3600 }, now);
      for (const s of [expiring, dead, usedUp, alive]) await putShare(store, s);
      await store.takeAttempt(dead.id, now);
      await store.recordUse(usedUp.id, { recipient: 'r', at: now });

      await store.sweep(now + 1000, 60_000);
      expect(await store.get(expiring.id)).not.toBeNull();
      expect(await readFile(store, dead.id, 0)).not.toBeNull();

      await store.sweep(now + 61_000, 60_000);
      expect(await store.get(expiring.id)).toBeNull();
      expect(await readFile(store, expiring.id, 0)).toBeNull();
      for (const s of [dead, usedUp]) {
        expect(await readFile(store, s.id, 0)).toBeNull();
        expect((await store.get(s.id))?.files).toEqual([]);
      }
      expect(await readFile(store, alive.id, 0)).toBe(alive.jwes[0]);
      expect(await store.recordUse(usedUp.id, { recipient: 'r', at: now + 62_000 })).toBe(false);
    });

    it('deletes a share whose files did not all arrive within the upload window', async () => {
      const stalled = newShare({ jwes: [fakeJwe(10), fakeJwe(10)] }, now);
      await store.create(stalled);
      await putFile(store, stalled.id, 0, stalled.jwes[0]!, now);
      const done = newShare({ exp: Math.floor(now / 1000) + 5 * 3600 }, now);
      await putShare(store, done);
      await store.sweep(now + UPLOAD_WINDOW_MS - 1000, 60_000);
      expect(await store.get(stalled.id)).not.toBeNull();
      await store.sweep(now + UPLOAD_WINDOW_MS + 1000, 60_000);
      expect(await store.get(stalled.id)).toBeNull();
      expect(await store.openFile(stalled.id, 0)).toBeNull();
      expect(await readFile(store, done.id, 0)).toBe(done.jwes[0]);
    });

    it('counts rate-limit hits per key in one-minute windows', async () => {
      const minute = Math.floor(now / 60_000) * 60_000;
      expect(await store.hit('create', 'a', minute)).toBe(1);
      expect(await store.hit('create', 'a', minute + 59_000)).toBe(2);
      expect(await store.hit('create', 'b', minute)).toBe(1);
      expect(await store.hit('manifest', 'a', minute)).toBe(1);
      expect(await store.hit('create', 'a', minute + 60_000)).toBe(1);
    });
  });
}
