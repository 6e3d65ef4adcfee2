import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config.ts';
import { DEFAULT_LIMITS, createBodyMaxBytes, limitsFromEnv } from './limits.ts';
import { setUpRelay } from './testing/setup.ts';

const relay = setUpRelay('SQLite', {}, { clock: () => Date.UTC(2026, 0, 1, 12, 0, 0) });

/** Rows in every table: a refused request must leave all of them as they were. */
function rows(): Record<string, number> {
  const db = new Database(relay.file, { readonly: true });
  const out: Record<string, number> = {};
  for (const table of ['shares', 'share_files', 'share_chunks', 'accesses']) {
    out[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  db.close();
  return out;
}

const empty = { shares: 0, share_files: 0, share_chunks: 0, accesses: 0 };
const oneFile = (length = 100): { contentType: string; length: number }[] => [
  { contentType: 'application/fhir+json', length },
];

describe('limits', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_LIMITS.maxFileBytes).toBe(64 * 1024 * 1024);
    expect(DEFAULT_LIMITS.maxShareBytes).toBe(64 * 1024 * 1024);
    expect(createBodyMaxBytes(DEFAULT_LIMITS)).toBeLessThanOrEqual(6 * 1024);
    expect(DEFAULT_LIMITS.maxLifetimeSeconds).toBe(30 * 24 * 3600);
    expect(DEFAULT_LIMITS.passcodeAttempts).toBe(5);
    expect(DEFAULT_LIMITS.locationTtlSeconds).toBeLessThanOrEqual(3600);
  });

  it('answers 413 for a create body over a few KB, declared or streamed, and stores nothing', async () => {
    const api = relay.client();
    // Tiny objects in an unknown field: what once made the relay parse 64 MiB.
    const body = `{"exp":${Math.floor(relay.clock / 1000) + 60},"files":${JSON.stringify(oneFile())},"x":[${'{},'.repeat(5000)}{}]}`;
    const declared = await api.request('/api/shl', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
      body,
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      error: 'body_too_large',
      message: expect.stringContaining('PUT /api/shl/:id/files/:index') as string,
    });
    const bytes = new TextEncoder().encode(body);
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(pulled, pulled + 1000));
        pulled += 1000;
      },
    });
    const streamed = await api.request('/api/shl', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    });
    expect(streamed.status).toBe(413);
    // Refused at the limit: the rest of the body was never read.
    expect(pulled).toBeLessThan(createBodyMaxBytes(DEFAULT_LIMITS) + 3000);
    expect(rows()).toEqual(empty);
  });

  it('answers 413 for an oversized manifest request', async () => {
    const api = relay.client();
    const { manifestUrl } = await api.create({ exp: Math.floor(relay.clock / 1000) + 60 });
    const res = await api.postJson(manifestUrl, { recipient: 'x', padding: 'p'.repeat(10_000) });
    expect(res.status).toBe(413);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('answers 400 too_many_files past the file limit, and stores nothing', async () => {
    const api = relay.client({ limits: { maxFiles: 2 } });
    const res = await api.postJson('/api/shl', {
      files: [...oneFile(), ...oneFile(), ...oneFile()],
      exp: Math.floor(relay.clock / 1000) + 60,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('too_many_files');
    expect(rows()).toEqual(empty);
  });

  it('answers 400 lifetime_too_long past the longest lifetime, and stores nothing', async () => {
    const api = relay.client({ limits: { maxLifetimeSeconds: 3600 } });
    const now = Math.floor(relay.clock / 1000);
    const res = await api.postJson('/api/shl', { files: oneFile(), exp: now + 3601 });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('lifetime_too_long');
    expect(rows()).toEqual(empty);
    expect((await api.postJson('/api/shl', { files: oneFile(), exp: now + 3600 })).status).toBe(
      201,
    );
  });

  it('limits creations per IP per minute with 429 and Retry-After, storing nothing', async () => {
    const api = relay.client({ trustProxy: true, limits: { createPerMinute: 2 } });
    const body = { files: oneFile(), exp: Math.floor(relay.clock / 1000) + 600 };
    const from = (ip: string): Record<string, string> => ({ 'X-Forwarded-For': `10.9.9.9, ${ip}` });
    expect((await api.postJson('/api/shl', body, from('192.0.2.1'))).status).toBe(201);
    expect((await api.postJson('/api/shl', body, from('192.0.2.1'))).status).toBe(201);
    const refused = await api.postJson('/api/shl', body, from('192.0.2.1'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({
      error: 'rate_limited',
      message: expect.any(String) as string,
    });
    expect(rows().shares).toBe(2);
    expect((await api.postJson('/api/shl', body, from('192.0.2.2'))).status).toBe(201);
    relay.clock += 60_000;
    expect((await api.postJson('/api/shl', body, from('192.0.2.1'))).status).toBe(201);
  });

  it('limits manifest requests per IP per minute, with CORS on the 429', async () => {
    const api = relay.client({ trustProxy: true, limits: { manifestPerMinute: 3 } });
    const { manifestUrl } = await api.create({ exp: Math.floor(relay.clock / 1000) + 600 });
    const ip = { 'X-Forwarded-For': '198.51.100.7' };
    for (let i = 0; i < 3; i++)
      expect((await api.postJson(manifestUrl, { recipient: 'x' }, ip)).status).toBe(200);
    const refused = await api.postJson(manifestUrl, { recipient: 'x' }, ip);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(rows().accesses).toBe(3);
  });
});

describe('rate limits over real connections', () => {
  it('counts every request of a keep-alive connection, and each proxied client apart', async () => {
    const post = (url: string, headers: Record<string, string> = {}): Promise<number> =>
      fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ recipient: 'x' }),
      }).then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      });
    const direct = await relay.serve({ limits: { manifestPerMinute: 3 } });
    const proxied = await relay.serve({
      trustProxy: true,
      limits: { manifestPerMinute: 2 },
    });
    const { manifestUrl } = await relay.client().create();
    const path = new URL(manifestUrl).pathname;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push(await post(direct.url + path));
    expect(statuses).toEqual([200, 200, 200, 429]);

    // One proxy connection carries several clients: the key follows X-Forwarded-For.
    const from = (ip: string): Record<string, string> => ({ 'X-Forwarded-For': ip });
    const proxiedStatuses: number[] = [];
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.1', '192.0.2.2', '192.0.2.1']) {
      proxiedStatuses.push(await post(proxied.url + path, from(ip)));
    }
    expect(proxiedStatuses).toEqual([200, 200, 200, 200, 429]);
  });
});

describe('configuration from the environment', () => {
  it('reads limits and refuses values that cannot work', () => {
    expect(limitsFromEnv({ RELAY_MAX_FILES: '3', RELAY_CREATE_PER_MINUTE: '9' })).toMatchObject({
      maxFiles: 3,
      createPerMinute: 9,
    });
    expect(() => limitsFromEnv({ RELAY_MAX_FILE_BYTES: '-1' })).toThrow(/RELAY_MAX_FILE_BYTES/);
    expect(limitsFromEnv({ RELAY_MAX_SHARE_BYTES: '1000' }).maxShareBytes).toBe(1000);
    // The former single-body limit means nothing now: start-up says what replaced it.
    expect(() => limitsFromEnv({ RELAY_MAX_BODY_BYTES: '1000' })).toThrow(/RELAY_MAX_FILE_BYTES/);
    expect(() => limitsFromEnv({ RELAY_LOCATION_TTL_SECONDS: '7200' })).toThrow(/one hour/);
  });

  it('keeps backups 256 MiB at most for 400 days unused, in DATA_DIR or the BACKUP_DIR Redis needs', () => {
    expect(DEFAULT_LIMITS.backupMaxBytes).toBe(256 * 1024 * 1024);
    expect(DEFAULT_LIMITS.backupRetentionDays).toBe(400);
    expect(limitsFromEnv({ BACKUP_MAX_BYTES: '1000', BACKUP_RETENTION_DAYS: '30' })).toMatchObject({
      backupMaxBytes: 1000,
      backupRetentionDays: 30,
    });
    expect(() => limitsFromEnv({ BACKUP_RETENTION_DAYS: '0' })).toThrow(/BACKUP_RETENTION_DAYS/);
    expect(configFromEnv({ DATA_DIR: '/srv/carnet' }).backupDir).toBe('/srv/carnet/backups');
    expect(configFromEnv({ REDIS_URL: 'redis://r:6379' }).backupDir).toBeUndefined();
    expect(
      configFromEnv({ REDIS_URL: 'redis://r:6379', BACKUP_DIR: '/mnt/backups' }).backupDir,
    ).toBe('/mnt/backups');
  });

  it('refuses a PUBLIC_URL that would make manifest URLs longer than 128 characters', () => {
    expect(configFromEnv({ PUBLIC_URL: 'https://carnet.example.org/' }).publicUrl).toBe(
      'https://carnet.example.org',
    );
    expect(() => configFromEnv({ PUBLIC_URL: `https://${'a'.repeat(80)}.example` })).toThrow(/128/);
    expect(() => configFromEnv({ RELAY_SWEEP_INTERVAL_SECONDS: '120' })).toThrow(/60/);
  });
});
