import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from './config.ts';
import { RedisStore } from './store/redis.ts';
import type { ShareStore } from './store/store.ts';
import { startSweeper } from './sweeper.ts';
import { Client, fakeJwe, tempSqlite } from './testing/fixtures.ts';
import { startRedis, type TestRedis } from './testing/redis-server.ts';

/** Resolves once `check` holds, polling every 10 ms for at most `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

function sweeperSuite(
  name: string,
  open: () => Promise<{ store: ShareStore; close: () => Promise<void> }>,
): void {
  describe(`sweeper on ${name}`, () => {
    let store: ShareStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await open());
    });
    afterAll(async () => {
      await close();
    });

    it('deletes an expired share within one sweep interval of its expiry', async () => {
      let clock = Date.now();
      const api = Client.with({ store, now: () => clock });
      const jwe = fakeJwe(1000);
      const { id, manifestUrl } = await api.create({
        files: [{ contentType: 'application/fhir+json', jwe }],
        exp: Math.floor(clock / 1000) + 60,
      });
      await api.postJson(manifestUrl, { recipient: 'Dr M' });
      const sweeper = startSweeper(store, {
        intervalMs: 20,
        deadGraceMs: 60_000,
        now: () => clock,
      });
      try {
        await new Promise((r) => setTimeout(r, 60));
        expect(await store.get(id)).not.toBeNull();
        clock += 61_000;
        await eventually(async () => (await store.get(id)) === null);
        expect(await store.readFile(id, 0)).toBeNull();
        expect(await store.accesses(id)).toEqual([]);
      } finally {
        sweeper.stop();
      }
    });

    it('purges the files of a share whose passcode budget is spent, after the grace period', async () => {
      let clock = Date.now();
      const api = Client.with({ store, now: () => clock, limits: { passcodeAttempts: 1 } });
      const { id, manifestUrl } = await api.create({ passcode: 'secret-pin' });
      expect((await api.postJson(manifestUrl, { recipient: 'x', passcode: 'nope' })).status).toBe(
        401,
      );
      const sweeper = startSweeper(store, {
        intervalMs: 20,
        deadGraceMs: 60_000,
        now: () => clock,
      });
      try {
        await new Promise((r) => setTimeout(r, 60));
        expect(await store.readFile(id, 0)).not.toBeNull();
        clock += 61_000;
        await eventually(async () => (await store.readFile(id, 0)) === null);
        expect((await store.get(id))?.files).toEqual([]);
      } finally {
        sweeper.stop();
      }
    });
  });
}

sweeperSuite('SQLite', () => {
  const t = tempSqlite();
  return Promise.resolve({ store: t.store, close: t.cleanup });
});

let redis: TestRedis;
sweeperSuite('Redis', async () => {
  redis = await startRedis();
  const store = new RedisStore(redis.url, 'sweep:');
  await store.ready();
  return {
    store,
    close: async () => {
      await store.close();
      await redis.stop();
    },
  };
});

describe('sweeper defaults', () => {
  it('sweeps at least once a minute', () => {
    expect(configFromEnv({}).sweepIntervalMs).toBeLessThanOrEqual(60_000);
  });

  it('leaves no row of an expired share in the SQLite file', async () => {
    const t = tempSqlite();
    let clock = Date.now();
    const api = Client.with({ store: t.store, now: () => clock });
    const { manifestUrl } = await api.create({ exp: Math.floor(clock / 1000) + 5 });
    await api.postJson(manifestUrl, { recipient: 'x' });
    clock += 6000;
    await startSweeper(t.store, { intervalMs: 60_000, deadGraceMs: 0, now: () => clock }).tick();
    const db = new Database(t.file, { readonly: true });
    for (const table of ['shares', 'files', 'accesses']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    db.close();
    await t.cleanup();
  });
});
