import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeJwe } from './testing/fixtures.ts';
import { startRelayProcess, type RelayProcess } from './testing/setup.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'carnet-restart-'));
let relay: RelayProcess | null = null;

afterAll(async () => {
  await relay?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `npm start`'s relay on SQLite in `dataDir`; resolves with its URL. */
async function startRelay(): Promise<string> {
  relay = await startRelayProcess(dataDir);
  return relay.url;
}

const post = (url: string, body: unknown): Promise<Response> =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

interface Known {
  id: string;
  /** Opens the relay confirmed (200 received): the stored count may only be higher. */
  opensSeen: number;
  /** Lowest remainingAttempts a 401 reported: the stored count may only be lower. */
  lowestRemaining: number;
}

describe('restart safety (SQLite, SIGKILL)', () => {
  it('keeps every share whole or absent and never moves a counter backwards', async () => {
    /** Every JWE sent, with the upload it belongs to and its position there. */
    const sent = new Map<string, { upload: number; index: number; of: number }>();
    const confirmed = new Map<number, string>();
    const known: Known[] = [];
    let upload = 0;

    for (const killAfterMs of [400, 900]) {
      const base = await startRelay();
      for (let i = 0; i < 3; i++) {
        const res = await post(`${base}/api/shl`, {
          files: [{ contentType: 'application/fhir+json', jwe: fakeJwe(1000) }],
          exp: Math.floor(Date.now() / 1000) + 3600,
          passcode: 'right',
        });
        const { id } = (await res.json()) as { id: string };
        known.push({ id, opensSeen: 0, lowestRemaining: Infinity });
      }

      let stop = false;
      const uploads = Array.from({ length: 6 }, async () => {
        while (!stop) {
          const n = upload++;
          const files = Array.from({ length: 3 }, () => ({
            contentType: 'application/fhir+json',
            jwe: fakeJwe(200_000),
          }));
          files.forEach((f, index) => sent.set(f.jwe, { upload: n, index, of: files.length }));
          try {
            const res = await post(`${base}/api/shl`, {
              files,
              exp: Math.floor(Date.now() / 1000) + 3600,
            });
            if (res.status === 201) confirmed.set(n, ((await res.json()) as { id: string }).id);
          } catch {
            return;
          }
        }
      });
      const reads = known.map(async (share, i) => {
        while (!stop) {
          try {
            const wrong = i % 2 === 0;
            const res = await post(`${base}/api/shl/${share.id}`, {
              recipient: 'Dr R',
              passcode: wrong ? 'nope' : 'right',
            });
            if (res.status === 200) share.opensSeen++;
            if (res.status === 401) {
              const { remainingAttempts } = (await res.json()) as { remainingAttempts: number };
              share.lowestRemaining = Math.min(share.lowestRemaining, remainingAttempts);
            }
          } catch {
            return;
          }
        }
      });
      await new Promise((r) => setTimeout(r, killAfterMs));
      stop = true;
      await relay!.kill('SIGKILL');
      relay = null;
      await Promise.all([...uploads, ...reads]);
    }

    const base = await startRelay();
    const db = new Database(join(dataDir, 'relay.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const shares = db.prepare('SELECT id, files, uses, remaining FROM shares').all() as {
      id: string;
      files: string;
      uses: number;
      remaining: number | null;
    }[];
    const fileRows = db.prepare('SELECT jwe FROM files WHERE share_id = ? ORDER BY idx');
    let uploadsFound = 0;
    for (const share of shares) {
      const meta = JSON.parse(share.files) as { length: number }[];
      const jwes = (fileRows.all(share.id) as { jwe: string }[]).map((r) => r.jwe);
      expect(jwes.map((j) => j.length)).toEqual(meta.map((m) => m.length));
      const origin = sent.get(jwes[0]!);
      if (!origin) continue; // one of the small passcode shares
      uploadsFound++;
      expect(jwes).toHaveLength(origin.of);
      jwes.forEach((j, index) => expect(sent.get(j)).toEqual({ ...origin, index }));
    }
    db.close();
    expect(confirmed.size).toBeGreaterThan(0);
    // Some uploads were cut off by the kill; whichever of them committed must be whole.
    expect(upload).toBeGreaterThan(confirmed.size);
    expect(uploadsFound).toBeGreaterThanOrEqual(confirmed.size);
    for (const id of confirmed.values()) expect(shares.some((s) => s.id === id)).toBe(true);

    for (const k of known) {
      const row = shares.find((s) => s.id === k.id);
      expect(row).toBeDefined();
      expect(row!.uses).toBeGreaterThanOrEqual(k.opensSeen);
      if (k.lowestRemaining !== Infinity)
        expect(row!.remaining).toBeLessThanOrEqual(k.lowestRemaining);
    }
    const confirmedId = [...confirmed.values()][0]!;
    const manifest = await post(`${base}/api/shl/${confirmedId}`, { recipient: 'after restart' });
    expect(manifest.status).toBe(200);
  });
});
