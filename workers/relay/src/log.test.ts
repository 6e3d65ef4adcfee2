import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupKey } from './backup/store.ts';
import { setLogSink } from './log.ts';
import { startSweeper } from './sweeper.ts';
import type { ShareStore } from './store/store.ts';
import { fakeJwe } from './testing/fixtures.ts';
import { setUpRelay } from './testing/setup.ts';

describe('relay logs', () => {
  let lines: string[];
  beforeEach(() => {
    setLogSink(null);
    lines = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        lines.push(args.map(String).join(' '));
      });
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
    setLogSink(() => undefined);
  });
  // Started after the console is captured: opening the store is part of what is checked.
  const relay = setUpRelay('SQLite', { trustProxy: true, limits: { createPerMinute: 2 } });

  it('hold no JWE, passcode, token, full id, recipient or address through a whole share life', async () => {
    const api = relay.api;
    const jwe = fakeJwe(400);
    const passcode = 'pin-93817';
    const recipient = 'Dr Amina Haddad';
    const ip = { 'X-Forwarded-For': '192.0.2.55' };
    const created = await api.postJson(
      '/api/shl',
      {
        files: [{ contentType: 'application/fhir+json', length: jwe.length }],
        exp: Math.floor(relay.clock / 1000) + 120,
        passcode,
      },
      ip,
    );
    const { id, manifestUrl, managementToken, uploads } = (await created.json()) as Record<
      string,
      string
    > & { uploads: string[] };
    const upload = uploads[0]!;
    await api.upload(upload, managementToken!, `${jwe.slice(0, 100)} not a JWE`);
    await api.upload(upload, managementToken!, jwe.slice(0, 100));
    expect((await api.upload(upload, managementToken!, jwe)).status).toBe(200);
    await api.postJson(manifestUrl!, { recipient, passcode: 'wrong-guess-1' }, ip);
    const manifest = (await (
      await api.postJson(manifestUrl!, { recipient, passcode }, ip)
    ).json()) as {
      files: { location: string }[];
    };
    await api.request(manifest.files[0]!.location);
    await api.admin(id!, managementToken!);
    await api.postJson('/api/shl', { files: 'nope', exp: 0 }, ip);
    await api.postJson('/api/shl', { files: 'nope', exp: 0 }, ip); // rate limited
    const second = await relay.client().create({ passcode });
    await api.request(`/api/shl/${id!}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${managementToken!}` },
    });
    const failing = Object.create(relay.store) as ShareStore;
    failing.get = () => Promise.reject(new Error(`boom ${jwe} ${passcode}`));
    await relay.client({ store: failing }).postJson(manifestUrl!, { recipient, passcode });
    relay.clock += 200_000;
    await startSweeper(relay.store, {
      intervalMs: 60_000,
      deadGraceMs: 0,
      now: () => relay.clock,
    }).tick();
    await relay.stop();

    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(3);
    const secrets = [
      jwe,
      jwe.split('.')[3]!.slice(0, 40),
      passcode,
      'wrong-guess-1',
      managementToken!,
      id!,
      id!.slice(0, 10),
      second.id,
      second.managementToken,
      recipient,
      'Amina',
      '192.0.2.55',
      manifest.files[0]!.location.split('/').pop()!,
    ];
    for (const secret of secrets) expect(all).not.toContain(secret);
    expect(all).toContain(`${id!.slice(0, 6)}…`);
  });

  it('hold no locator, token or full record key through a whole backup life', async () => {
    const api = relay.client({ limits: { createPerMinute: 100 } });
    const [locator, token] = [randomBytes(32), randomBytes(32)].map((b) => b.toString('base64url'));
    const at = `/api/backup/${locator!}`;
    const auth = { Authorization: `Bearer ${token!}` };
    const put = (body: Uint8Array, headers: Record<string, string> = auth) =>
      api.request(at, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream', ...headers },
        body,
      });
    expect((await put(randomBytes(100))).status).toBe(201);
    expect((await put(randomBytes(200))).status).toBe(200);
    await put(randomBytes(10), { Authorization: `Bearer ${'x'.repeat(43)}` });
    await put(new Uint8Array(0));
    await api.request(at, { headers: auth });
    await api.request(at, { method: 'HEAD', headers: auth });
    expect((await api.request(at, { method: 'DELETE', headers: auth })).status).toBe(204);
    await relay.stop();

    const all = lines.join('\n');
    expect(all).toContain('backup');
    const key = backupKey(locator!);
    for (const secret of [locator!, locator!.slice(0, 8), token!, token!.slice(0, 8), key]) {
      expect(all).not.toContain(secret);
    }
  });
});
