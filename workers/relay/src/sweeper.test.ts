import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config.ts';
import { startSweeper } from './sweeper.ts';
import { fakeJwe } from './testing/fixtures.ts';
import { describeOnEveryStore, setUpRelay } from './testing/setup.ts';

/** Resolves once `check` holds, polling every 10 ms for at most `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describeOnEveryStore('sweeper', (relay) => {
  it('deletes an expired share within one sweep interval of its expiry', async () => {
    const api = relay.api;
    const store = relay.store;
    const jwe = fakeJwe(1000);
    const { id, manifestUrl } = await api.create({
      files: [{ contentType: 'application/fhir+json', jwe }],
      exp: Math.floor(relay.clock / 1000) + 60,
    });
    await api.postJson(manifestUrl, { recipient: 'Dr M' });
    const sweeper = startSweeper(store, {
      intervalMs: 20,
      deadGraceMs: 60_000,
      now: () => relay.clock,
    });
    try {
      await new Promise((r) => setTimeout(r, 60));
      expect(await store.get(id)).not.toBeNull();
      relay.clock += 61_000;
      await eventually(async () => (await store.get(id)) === null);
      expect(await store.readFile(id, 0)).toBeNull();
      expect(await store.accesses(id)).toEqual([]);
    } finally {
      sweeper.stop();
    }
  });

  it('purges the files of a share whose passcode budget is spent, after the grace period', async () => {
    const api = relay.client({ limits: { passcodeAttempts: 1 } });
    const store = relay.store;
    const { id, manifestUrl } = await api.create({ passcode: 'secret-pin' });
    expect((await api.postJson(manifestUrl, { recipient: 'x', passcode: 'nope' })).status).toBe(
      401,
    );
    const sweeper = startSweeper(store, {
      intervalMs: 20,
      deadGraceMs: 60_000,
      now: () => relay.clock,
    });
    try {
      await new Promise((r) => setTimeout(r, 60));
      expect(await store.readFile(id, 0)).not.toBeNull();
      relay.clock += 61_000;
      await eventually(async () => (await store.readFile(id, 0)) === null);
      expect((await store.get(id))?.files).toEqual([]);
    } finally {
      sweeper.stop();
    }
  });
});

describe('sweeper defaults', () => {
  const relay = setUpRelay('SQLite');

  it('sweeps at least once a minute', () => {
    expect(configFromEnv({}).sweepIntervalMs).toBeLessThanOrEqual(60_000);
  });

  it('leaves no row of an expired share in the SQLite file', async () => {
    const { manifestUrl } = await relay.api.create({ exp: Math.floor(relay.clock / 1000) + 5 });
    await relay.api.postJson(manifestUrl, { recipient: 'x' });
    relay.clock += 6000;
    await startSweeper(relay.store, {
      intervalMs: 60_000,
      deadGraceMs: 0,
      now: () => relay.clock,
    }).tick();
    const db = new Database(relay.file, { readonly: true });
    for (const table of ['shares', 'files', 'accesses']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    db.close();
  });
});
