// HTTP tests of the backup API (protocol.ts), on SQLite and on Redis.
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Client } from '../testing/fixtures.ts';
import { describeOnEveryStore, type TestRelay } from '../testing/setup.ts';
import { newId, readAll, sha256, stalled, streamOf } from './backup-contract.ts';

/** Limits out of the way of these tests (one relay serves the whole file). */
const LIFTED = { limits: { createPerMinute: 1_000_000 } };
const OCTETS = { 'Content-Type': 'application/octet-stream' };
const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });
const path = (locator: string): string => `/api/backup/${locator}`;

function put(
  api: Client,
  locator: string,
  token: string,
  body: Uint8Array | ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return api.request(path(locator), {
    method: 'PUT',
    headers: { ...OCTETS, ...bearer(token), ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  });
}

const call = (api: Client, method: string, locator: string, token?: string): Promise<Response> =>
  api.request(path(locator), { method, headers: token ? bearer(token) : {} });

/** Temp files left in the backup folder (none, after any refused or finished upload). */
const temps = (relay: TestRelay): string[] =>
  readdirSync(relay.backups.dir).filter((n) => n.startsWith('.'));

/** Everything a client can tell of an answer: status, headers but Date, body. */
async function seen(res: Response): Promise<string> {
  const headers = [...res.headers].filter(([k]) => k !== 'date');
  return JSON.stringify({ status: res.status, headers, body: await res.text() });
}

describeOnEveryStore(
  'backup API',
  (relay) => {
    it('answers 201 for a new backup and 200 when it replaces it, same origin only', async () => {
      const [locator, token] = [newId(), newId()];
      const created = await put(relay.api, locator, token, randomBytes(1000));
      expect(created.status).toBe(201);
      expect(created.headers.get('Access-Control-Allow-Origin')).toBeNull();
      expect(created.headers.get('Cache-Control')).toBe('no-store');
      relay.clock += 60_000;
      const replaced = await put(relay.api, locator, token, randomBytes(2000));
      expect(replaced.status).toBe(200);
      expect(replaced.headers.get('Last-Modified')).toBe(new Date(relay.clock).toUTCString());
      const head = await call(relay.api, 'HEAD', locator, token);
      expect(head.headers.get('Content-Length')).toBe('2000');
    });

    it('streams a 20 MB backup in and out over HTTP, byte for byte', async () => {
      const server = await relay.serve(LIFTED);
      const [locator, token] = [newId(), newId()];
      const body = randomBytes(20 * 1024 * 1024);
      const stored = await fetch(server.url + path(locator), {
        method: 'PUT',
        headers: { ...OCTETS, ...bearer(token) },
        body: streamOf(body, 256 * 1024),
        duplex: 'half',
      });
      expect(stored.status).toBe(201);
      const res = await fetch(server.url + path(locator), { headers: bearer(token) });
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('application/octet-stream');
      expect(res.headers.get('Content-Length')).toBe(String(body.length));
      expect(res.headers.get('Cache-Control')).toBe('no-store');
      expect(res.headers.get('Last-Modified')).toBe(new Date(relay.clock).toUTCString());
      expect(sha256(await readAll(res.body!))).toBe(sha256(body));
    });

    it('answers HEAD with the size and the date of the last PUT, and no body', async () => {
      const server = await relay.serve(LIFTED);
      const [locator, token] = [newId(), newId()];
      await put(relay.api, locator, token, randomBytes(12_345));
      const putAt = relay.clock;
      relay.clock += 3 * 86_400_000;
      const head = await fetch(server.url + path(locator), {
        method: 'HEAD',
        headers: bearer(token),
      });
      expect(head.status).toBe(200);
      expect(head.headers.get('Content-Length')).toBe('12345');
      expect(head.headers.get('Last-Modified')).toBe(new Date(putAt).toUTCString());
      expect(await head.text()).toBe('');
    });

    it('deletes with 204, after which everything answers 404', async () => {
      const [locator, token] = [newId(), newId()];
      await put(relay.api, locator, token, randomBytes(100));
      expect((await call(relay.api, 'DELETE', locator, token)).status).toBe(204);
      for (const method of ['GET', 'HEAD', 'DELETE']) {
        expect((await call(relay.api, method, locator, token)).status).toBe(404);
      }
    });

    it('answers every unknown locator and every wrong, missing or malformed token alike', async () => {
      const server = await relay.serve(LIFTED);
      const [locator, token] = [newId(), newId()];
      await put(relay.api, locator, token, randomBytes(100));
      const send = (method: string, at: string, headers: Record<string, string>) =>
        fetch(server.url + path(at), { method, headers }).then(seen);
      const cases: [string, Record<string, string>][] = [
        [newId(), bearer(token)], // unknown locator
        [locator, bearer(newId())], // wrong token
        [locator, {}], // no token
        [locator, { Authorization: token }], // no scheme
        [locator, { Authorization: `Basic ${token}` }],
        [locator, bearer(token.slice(1))], // 42 characters
        [locator, bearer(`${token}A`)], // 44 characters
        [locator, bearer(`${token.slice(1)}=`)],
        [locator.slice(1), bearer(token)], // malformed locator
        [`${locator}A`, bearer(token)],
        [`${locator.slice(1)}%2B`, bearer(token)],
      ];
      for (const method of ['GET', 'HEAD', 'DELETE']) {
        const answers = new Set<string>();
        for (const [at, headers] of cases) answers.add(await send(method, at, headers));
        expect([...answers], method).toHaveLength(1);
        expect(JSON.parse([...answers][0]!)).toMatchObject({ status: 404 });
      }
      const wrongPut = await fetch(server.url + path(locator), {
        method: 'PUT',
        headers: { ...OCTETS, ...bearer(newId()) },
        body: randomBytes(10),
      }).then(seen);
      const malformedPut = await fetch(server.url + path(locator.slice(2)), {
        method: 'PUT',
        headers: { ...OCTETS, ...bearer(token) },
        body: randomBytes(10),
      }).then(seen);
      expect(wrongPut).toBe(await send('GET', newId(), bearer(token)));
      expect(malformedPut).toBe(wrongPut);
      // And the backup is still the owner's.
      expect((await call(relay.api, 'GET', locator, token)).status).toBe(200);
    });

    it('answers 413 past BACKUP_MAX_BYTES, by Content-Length before reading, or while streaming', async () => {
      const limits = { ...LIFTED.limits, backupMaxBytes: 100_000 };
      const api = relay.client({ limits });
      const server = await relay.serve({ limits });
      const [locator, token] = [newId(), newId()];
      const old = randomBytes(50_000);
      expect((await put(api, locator, token, old)).status).toBe(201);

      // Declares too much and sends nothing: answered at once, without waiting for a byte.
      const declared = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(server.url + path(locator), {
          method: 'PUT',
          headers: { ...OCTETS, ...bearer(token), 'Content-Length': '100001' },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', reject);
        req.flushHeaders();
      });
      expect(declared).toBe(413);

      const streamed = await put(api, locator, token, streamOf(randomBytes(300_000), 10_000));
      expect(streamed.status).toBe(413);
      expect(await streamed.json()).toEqual({
        error: 'body_too_large',
        message: expect.any(String) as string,
      });
      const kept = await call(api, 'GET', locator, token);
      expect(sha256(Buffer.from(await kept.arrayBuffer()))).toBe(sha256(old));
      expect(temps(relay)).toEqual([]);
    });

    it('drops a body that stalls, keeping the old backup', async () => {
      const [locator, token] = [newId(), newId()];
      const old = randomBytes(1000);
      await put(relay.api, locator, token, old);
      const res = await put(relay.api, locator, token, stalled(randomBytes(5000)));
      expect(res.status).toBe(408);
      expect(((await res.json()) as { error: string }).error).toBe('request_timeout');
      const kept = await call(relay.api, 'GET', locator, token);
      expect(sha256(Buffer.from(await kept.arrayBuffer()))).toBe(sha256(old));
      expect(temps(relay)).toEqual([]);
    });

    it('refuses another content type with 415 and an empty body with 400', async () => {
      const [locator, token] = [newId(), newId()];
      const json = await put(relay.api, locator, token, randomBytes(10), {
        'Content-Type': 'application/json',
      });
      expect(json.status).toBe(415);
      expect((await put(relay.api, locator, token, new Uint8Array(0))).status).toBe(400);
      expect((await call(relay.api, 'HEAD', locator, token)).status).toBe(404);
    });

    it('refuses other origins with 403 and grants no CORS', async () => {
      const [locator, token] = [newId(), newId()];
      const foreign = await put(relay.api, locator, token, randomBytes(10), {
        Origin: 'https://evil.example',
      });
      expect(foreign.status).toBe(403);
      expect(((await foreign.json()) as { error: string }).error).toBe('cross_origin');
      const crossSite = await relay.api.request(path(locator), {
        headers: { ...bearer(token), 'Sec-Fetch-Site': 'cross-site' },
      });
      expect(crossSite.status).toBe(403);
      const preflight = await relay.api.request(path(locator), {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'PUT' },
      });
      expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
      const own = await put(relay.api, locator, token, randomBytes(10), {
        Origin: 'http://relay.test',
      });
      expect(own.status).toBe(201);
    });

    it('limits backup requests per address per minute, apart from share creation', async () => {
      const api = relay.client({ trustProxy: true, limits: { createPerMinute: 2 } });
      const from = { 'X-Forwarded-For': '198.51.100.23' };
      const [locator, token] = [newId(), newId()];
      expect((await put(api, locator, token, randomBytes(10), from)).status).toBe(201);
      const head = (): Promise<Response> =>
        api.request(path(locator), { method: 'HEAD', headers: { ...bearer(token), ...from } });
      expect((await head()).status).toBe(200);
      const refused = await head();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect((await api.postJson('/api/shl', { files: [] }, from)).status).toBe(400);
      relay.clock += 60_000;
      expect((await head()).status).toBe(200);
    });
  },
  LIFTED,
  { per: 'file', backupIdleMs: 1000 },
);
