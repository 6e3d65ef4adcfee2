import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupKey } from './backup/store.ts';
import { configFromEnv } from './config.ts';
import { startSweeper } from './sweeper.ts';
import { fakeJwe, readFile } from './testing/fixtures.ts';
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
      expect(await readFile(store, id, 0)).toBeNull();
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
      expect(await readFile(store, id, 0)).not.toBeNull();
      relay.clock += 61_000;
      // Polled by whether the file is there, not by reading it: a read under way when the
      // sweeper deletes the file fails (the store never serves a file cut short).
      await eventually(async () => (await store.openFile(id, 0)) === null);
      expect(await readFile(store, id, 0)).toBeNull();
      expect((await store.get(id))?.files).toEqual([]);
    } finally {
      sweeper.stop();
    }
  });
});

const DAY = 86_400_000;

describeOnEveryStore('sweeper and backups', (relay) => {
  it('deletes backups unused for the retention period, and uploads cut off an hour ago', async () => {
    const api = relay.api;
    const id = (): string => randomBytes(32).toString('base64url');
    const [forgotten, kept, token] = [id(), id(), id()];
    const put = (locator: string): Promise<Response> =>
      api.request(`/api/backup/${locator}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
        body: randomBytes(2000),
      });
    const head = (locator: string): Promise<number> =>
      api
        .request(`/api/backup/${locator}`, {
          method: 'HEAD',
          headers: { Authorization: `Bearer ${token}` },
        })
        .then((r) => r.status);
    expect((await put(forgotten)).status).toBe(201);
    expect((await put(kept)).status).toBe(201);
    const cutOff = join(relay.backups.dir, '.upload-cut-off-by-a-crash');
    writeFileSync(cutOff, 'the first bytes of an upload');
    utimesSync(cutOff, relay.clock / 1000, relay.clock / 1000);
    const sweeper = startSweeper(relay.store, {
      intervalMs: 20,
      deadGraceMs: 60_000,
      now: () => relay.clock,
      backups: { store: relay.backups.store, retentionMs: 400 * DAY, everyMs: 3600_000 },
    });
    try {
      await new Promise((r) => setTimeout(r, 60));
      expect(existsSync(cutOff)).toBe(true);
      relay.clock += 2 * 3600_000;
      await eventually(() => Promise.resolve(!existsSync(cutOff)));
      relay.clock += 300 * DAY;
      expect(await head(kept)).toBe(200); // a restore check counts as use
      relay.clock += 101 * DAY;
      // Looked at from the folder: a HEAD would count as use.
      const file = join(relay.backups.dir, backupKey(forgotten));
      await eventually(() => Promise.resolve(!existsSync(file)));
      expect(await head(forgotten)).toBe(404);
      expect(await head(kept)).toBe(200);
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
    for (const table of ['shares', 'share_files', 'share_chunks', 'accesses']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    db.close();
  });
});
