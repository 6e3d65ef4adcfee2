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

/** Creates a share of `jwes` and uploads each; resolves with its id once the last PUT says complete. */
async function share(
  base: string,
  jwes: string[],
  extra: Record<string, unknown> = {},
  onCreated: (id: string) => void = () => undefined,
): Promise<string | null> {
  const res = await post(`${base}/api/shl`, {
    files: jwes.map((jwe) => ({ contentType: 'application/fhir+json', length: jwe.length })),
    exp: Math.floor(Date.now() / 1000) + 3600,
    ...extra,
  });
  if (res.status !== 201) return null;
  const created = (await res.json()) as { id: string; managementToken: string; uploads: string[] };
  onCreated(created.id);
  let complete = false;
  for (const [index, jwe] of jwes.entries()) {
    const put = await fetch(base + created.uploads[index]!, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/jose',
        Authorization: `Bearer ${created.managementToken}`,
      },
      body: jwe,
    });
    if (put.status !== 200) return null;
    complete = ((await put.json()) as { complete: boolean }).complete;
  }
  return complete ? created.id : null;
}

describe('restart safety (SQLite, SIGKILL)', () => {
  it('keeps every file whole or absent, every complete share whole, and never moves a counter backwards', async () => {
    /** The JWEs sent for each share, by id. */
    const sent = new Map<string, string[]>();
    /** Shares whose last upload the relay confirmed as completing them. */
    const confirmed: string[] = [];
    const known: Known[] = [];
    let uploads = 0;

    for (const killAfterMs of [400, 900]) {
      const base = await startRelay();
      for (let i = 0; i < 3; i++) {
        const id = await share(base, [fakeJwe(1000)], { passcode: 'right' });
        known.push({ id: id!, opensSeen: 0, lowestRemaining: Infinity });
      }

      let stop = false;
      const writers = Array.from({ length: 6 }, async () => {
        while (!stop) {
          uploads++;
          const jwes = Array.from({ length: 3 }, () => fakeJwe(200_000));
          try {
            const id = await share(base, jwes, {}, (created) => sent.set(created, jwes));
            if (id) confirmed.push(id);
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
      // At least one share made whole in this round, then more under way when the kill comes.
      const before = confirmed.length;
      const deadline = Date.now() + 20_000;
      while (confirmed.length === before && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 10));
      }
      await new Promise((r) => setTimeout(r, killAfterMs));
      stop = true;
      await relay!.kill('SIGKILL');
      relay = null;
      await Promise.all([...writers, ...reads]);
    }

    const base = await startRelay();
    const db = new Database(join(dataDir, 'relay.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const shares = db.prepare('SELECT id, files, uses, remaining, pending FROM shares').all() as {
      id: string;
      files: string;
      uses: number;
      remaining: number | null;
      pending: number;
    }[];
    const fileRows = db.prepare(
      'SELECT idx, length, upload FROM share_files WHERE share_id = ? ORDER BY idx',
    );
    const chunkRows = db
      .prepare(
        'SELECT data FROM share_chunks WHERE share_id = ? AND idx = ? AND upload = ? ORDER BY seq',
      )
      .pluck();
    let whole = 0;
    for (const row of shares) {
      const files = fileRows.all(row.id) as {
        idx: number;
        length: number;
        upload: number | null;
      }[];
      const meta = JSON.parse(row.files) as { length: number }[];
      expect(files.map((f) => f.length)).toEqual(meta.map((m) => m.length));
      expect(row.pending).toBe(files.filter((f) => f.upload === null).length);
      const jwes = sent.get(row.id);
      for (const f of files) {
        if (f.upload === null) continue;
        const bytes = Buffer.concat(chunkRows.all(row.id, f.idx, f.upload) as Buffer[]);
        // A stored file is exactly what was sent for it, never a part.
        expect(bytes.length).toBe(f.length);
        if (jwes) expect(bytes.toString('latin1')).toBe(jwes[f.idx]);
      }
      if (jwes && row.pending === 0) whole++;
    }
    db.close();
    expect(confirmed.length).toBeGreaterThan(0);
    // Some uploads were cut off by the kill; every one confirmed is whole.
    expect(uploads).toBeGreaterThan(confirmed.length);
    expect(whole).toBeGreaterThanOrEqual(confirmed.length);
    for (const id of confirmed) {
      expect(shares.find((s) => s.id === id)?.pending).toBe(0);
    }

    for (const k of known) {
      const row = shares.find((s) => s.id === k.id);
      expect(row).toBeDefined();
      expect(row!.uses).toBeGreaterThanOrEqual(k.opensSeen);
      if (k.lowestRemaining !== Infinity)
        expect(row!.remaining).toBeLessThanOrEqual(k.lowestRemaining);
    }
    const manifest = await post(`${base}/api/shl/${confirmed[0]!}`, { recipient: 'after restart' });
    expect(manifest.status).toBe(200);
  });
});
