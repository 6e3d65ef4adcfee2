import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeJwe, newShare } from '../testing/fixtures.ts';
import { ACCESS_LOG_MAX, type ShareStore } from './store.ts';

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

    it('stores a share whole and gives back metadata without file bodies', async () => {
      const jwes = [fakeJwe(10), fakeJwe(3000)];
      const share = newShare(
        {
          files: [
            { contentType: 'application/fhir+json', jwe: jwes[0]! },
            { contentType: 'application/smart-health-card', jwe: jwes[1]! },
          ],
          maxUses: 3,
        },
        now,
      );
      await store.create(share);
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
      });
      expect(await store.readFile(share.id, 1)).toBe(jwes[1]);
      expect(await store.readFile(share.id, 2)).toBeNull();
      expect(await store.get('x'.repeat(43))).toBeNull();
    });

    it('takes attempts one by one, gives one back, and refuses at zero', async () => {
      const share = newShare({ passcodeHash: '$argon2id$stub', attempts: 2 }, now);
      await store.create(share);
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
      await store.create(plain);
      expect(await store.takeAttempt(plain.id, now)).toBeNull();
      expect(await store.takeAttempt('y'.repeat(43), now)).toBeNull();
      const guarded = newShare({ passcodeHash: '$argon2id$stub', attempts: 5 }, now);
      await store.create(guarded);
      expect(await store.takeAttempt(guarded.id, guarded.exp * 1000)).toBeNull();
      expect((await store.get(guarded.id))?.remainingAttempts).toBe(5);
    });

    it('never lets more parallel attempts through than the budget holds', async () => {
      const small = newShare({ passcodeHash: '$argon2id$stub', attempts: 5 }, now);
      await store.create(small);
      const results = await Promise.all(
        Array.from({ length: 50 }, () => store.takeAttempt(small.id, now)),
      );
      expect(results.filter((r) => r !== null).sort()).toEqual([0, 1, 2, 3, 4]);
      expect((await store.get(small.id))?.remainingAttempts).toBe(0);

      const large = newShare({ passcodeHash: '$argon2id$stub', attempts: 100 }, now);
      await store.create(large);
      const taken = await Promise.all(
        Array.from({ length: 50 }, () => store.takeAttempt(large.id, now)),
      );
      expect(new Set(taken).size).toBe(50);
      expect((await store.get(large.id))?.remainingAttempts).toBe(50);
    });

    it('counts opens and keeps the access list', async () => {
      const share = newShare({}, now);
      await store.create(share);
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
      await store.create(share);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.recordUse(share.id, { recipient: `r${i}`, at: now }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(3);
      expect((await store.get(share.id))?.uses).toBe(3);
      const expired = newShare({}, now);
      await store.create(expired);
      expect(await store.recordUse(expired.id, { recipient: 'r', at: expired.exp * 1000 })).toBe(
        false,
      );
      expect(await store.recordUse('z'.repeat(43), { recipient: 'r', at: now })).toBe(false);
    });

    it('keeps only the newest accesses once the log is full', async () => {
      const share = newShare({}, now);
      await store.create(share);
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
      await store.create(share);
      await store.recordUse(share.id, { recipient: 'Dr Martin', at: now });
      expect(await store.remove(share.id)).toBe(true);
      expect(await store.remove(share.id)).toBe(false);
      expect(await store.get(share.id)).toBeNull();
      expect(await store.readFile(share.id, 0)).toBeNull();
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
      for (const s of [expiring, dead, usedUp, alive]) await store.create(s);
      await store.takeAttempt(dead.id, now);
      await store.recordUse(usedUp.id, { recipient: 'r', at: now });

      await store.sweep(now + 1000, 60_000);
      expect(await store.get(expiring.id)).not.toBeNull();
      expect(await store.readFile(dead.id, 0)).not.toBeNull();

      await store.sweep(now + 61_000, 60_000);
      expect(await store.get(expiring.id)).toBeNull();
      expect(await store.readFile(expiring.id, 0)).toBeNull();
      for (const s of [dead, usedUp]) {
        expect(await store.readFile(s.id, 0)).toBeNull();
        expect((await store.get(s.id))?.files).toEqual([]);
      }
      expect(await store.readFile(alive.id, 0)).toBe(alive.files[0]?.jwe);
      expect(await store.recordUse(usedUp.id, { recipient: 'r', at: now + 62_000 })).toBe(false);
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
