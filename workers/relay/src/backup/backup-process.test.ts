// The backup API as `npm start` runs it, in child processes: a relay killed (SIGKILL) in the
// middle of an upload keeps the previous backup, on SQLite and on Redis; two relays on one
// Redis and one BACKUP_DIR serve the same backup.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../testing/redis-server.ts';
import {
  startRelayProcess,
  type RelayProcess,
  type RelayProcessOptions,
} from '../testing/setup.ts';
import { newId, sha256 } from './backup-contract.ts';

const OCTETS = { 'Content-Type': 'application/octet-stream' };
const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

/** Everything started by a test, stopped and removed after it. */
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-backup-process-'));
  cleanup.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
  return dir;
}

async function redisServer(): Promise<TestRedis> {
  const redis = await startRedis();
  cleanup.push(() => redis.stop());
  return redis;
}

/** A relay process that the cleanup kills if the test has not. */
async function relayProcess(dataDir: string, options: RelayProcessOptions): Promise<RelayProcess> {
  const relay = await startRelayProcess(dataDir, options);
  cleanup.push(() => relay.kill());
  return relay;
}

/** Where a store kind keeps its data: SQLite in `dataDir`, or a fresh Redis with a BACKUP_DIR. */
async function storage(kind: 'SQLite' | 'Redis'): Promise<{
  dataDir: string;
  backupDir: string;
  options: RelayProcessOptions;
}> {
  const dataDir = tempDir();
  if (kind === 'SQLite') return { dataDir, backupDir: join(dataDir, 'backups'), options: {} };
  const backupDir = tempDir();
  return { dataDir, backupDir, options: { redis: { url: (await redisServer()).url }, backupDir } };
}

const putBytes = (url: string, locator: string, token: string, body: Uint8Array) =>
  fetch(`${url}/api/backup/${locator}`, {
    method: 'PUT',
    headers: { ...OCTETS, ...bearer(token) },
    body,
  });

async function getBytes(url: string, locator: string, token: string): Promise<Buffer | number> {
  const res = await fetch(`${url}/api/backup/${locator}`, { headers: bearer(token) });
  if (res.status !== 200) return res.status;
  return Buffer.from(await res.arrayBuffer());
}

/** An upload that declares `total` bytes and sends only what `send` is given. */
function openUpload(url: string, locator: string, token: string, total: number) {
  const req = httpRequest(`${url}/api/backup/${locator}`, {
    method: 'PUT',
    headers: { ...OCTETS, ...bearer(token), 'Content-Length': String(total) },
  });
  const ended = new Promise<number | 'cut'>((resolve) => {
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve('cut'));
  });
  return { send: (bytes: Uint8Array) => req.write(bytes), ended };
}

/** Bytes in the backup folder's temp files (uploads under way or cut off). */
function uploading(dir: string): number {
  return readdirSync(dir)
    .filter((n) => n.startsWith('.upload-'))
    .reduce((n, name) => n + statSync(join(dir, name)).size, 0);
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

for (const kind of ['SQLite', 'Redis'] as const) {
  describe(`a relay killed during a backup upload, on ${kind}`, () => {
    it('keeps the previous backup whole and serves it after a restart', async () => {
      const { dataDir, backupDir, options } = await storage(kind);
      let relay = await relayProcess(dataDir, options);
      const [locator, token] = [newId(), newId()];
      const old = randomBytes(3 * 1024 * 1024);
      expect((await putBytes(relay.url, locator, token, old)).status).toBe(201);

      const upload = openUpload(relay.url, locator, token, 16 * 1024 * 1024);
      for (let i = 0; i < 6; i++) upload.send(randomBytes(1024 * 1024));
      await until(() => uploading(backupDir) >= 4 * 1024 * 1024);
      await relay.kill('SIGKILL');
      expect(await upload.ended).toBe('cut');
      expect(uploading(backupDir)).toBeGreaterThan(0); // left for the sweeper

      relay = await relayProcess(dataDir, options);
      const after = await getBytes(relay.url, locator, token);
      expect(typeof after === 'number' ? after : sha256(after)).toBe(sha256(old));
      const head = await fetch(`${relay.url}/api/backup/${locator}`, {
        method: 'HEAD',
        headers: bearer(token),
      });
      expect(head.headers.get('Content-Length')).toBe(String(old.length));
      const next = randomBytes(1000);
      expect((await putBytes(relay.url, locator, token, next)).status).toBe(200);
    });

    it('always holds one whole version, never one that a confirmed PUT replaced', async () => {
      const { dataDir, options } = await storage(kind);
      const [locator, token] = [newId(), newId()];
      /** Each version sent: when its PUT started and, if confirmed, when the answer came. */
      const versions = new Map<string, { started: number; confirmed?: number }>();
      const confirmedCount = () => [...versions.values()].filter((v) => v.confirmed).length;
      // Each relay is killed a while after its first confirmed PUT, with the other writers
      // mid-upload: counted from a confirmation, not from the start, so that a slow machine
      // still has confirmed versions for the check below.
      for (const killAfterMs of [0, 250]) {
        const relay = await relayProcess(dataDir, options);
        const before = confirmedCount();
        let stop = false;
        const writers = Array.from({ length: 3 }, async () => {
          while (!stop) {
            const body = randomBytes(200_000 + Math.floor(Math.random() * 800_000));
            const version: { started: number; confirmed?: number } = { started: performance.now() };
            versions.set(sha256(body), version);
            try {
              const res = await putBytes(relay.url, locator, token, body);
              if (res.status === 200 || res.status === 201) version.confirmed = performance.now();
            } catch {
              return;
            }
          }
        });
        await until(() => confirmedCount() > before, 60_000);
        await new Promise((r) => setTimeout(r, killAfterMs));
        stop = true;
        await relay.kill('SIGKILL');
        await Promise.all(writers);
      }
      const relay = await relayProcess(dataDir, options);
      const stored = await getBytes(relay.url, locator, token);
      expect(typeof stored).not.toBe('number');
      const kept = versions.get(sha256(stored as Buffer));
      expect(kept).toBeDefined(); // whole: exactly one of the versions sent
      // A PUT confirmed before another confirmed PUT started was replaced by it for good.
      const confirmed = [...versions.values()].filter((v) => v.confirmed !== undefined);
      expect(confirmed.length).toBeGreaterThan(0);
      const lastStart = Math.max(...confirmed.map((v) => v.started));
      expect(kept!.confirmed === undefined || kept!.confirmed > lastStart).toBe(true);
    });
  });
}

describe('two relay processes on one Redis and one BACKUP_DIR', () => {
  it('serve, replace and delete the same backup', async () => {
    const redis = await redisServer();
    const backupDir = tempDir();
    const options = { redis: { url: redis.url }, backupDir };
    const [a, b] = await Promise.all([
      relayProcess(tempDir(), options),
      relayProcess(tempDir(), options),
    ]);
    const [locator, token] = [newId(), newId()];
    const first = randomBytes(2 * 1024 * 1024);
    expect((await putBytes(a.url, locator, token, first)).status).toBe(201);
    expect(sha256((await getBytes(b.url, locator, token)) as Buffer)).toBe(sha256(first));
    expect(await getBytes(b.url, locator, newId())).toBe(404);
    expect((await putBytes(b.url, locator, newId(), randomBytes(10))).status).toBe(404);

    const bodies = Array.from({ length: 6 }, () => randomBytes(300_000 + Math.random() * 300_000));
    const answers = await Promise.all(
      bodies.map((body, i) => putBytes(i % 2 ? a.url : b.url, locator, token, body)),
    );
    expect(answers.map((r) => r.status)).toEqual(bodies.map(() => 200));
    const onA = (await getBytes(a.url, locator, token)) as Buffer;
    const onB = (await getBytes(b.url, locator, token)) as Buffer;
    expect(sha256(onA)).toBe(sha256(onB));
    expect(bodies.map(sha256)).toContain(sha256(onA));
    const head = await fetch(`${b.url}/api/backup/${locator}`, {
      method: 'HEAD',
      headers: bearer(token),
    });
    expect(head.headers.get('Content-Length')).toBe(String(onA.length));

    const deleted = await fetch(`${b.url}/api/backup/${locator}`, {
      method: 'DELETE',
      headers: bearer(token),
    });
    expect(deleted.status).toBe(204);
    expect(await getBytes(a.url, locator, token)).toBe(404);
    expect(readdirSync(backupDir)).toEqual([]);
  });
});
