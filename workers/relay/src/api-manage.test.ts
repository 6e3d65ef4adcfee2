// HTTP tests of creation, management, CORS rules and the server around the share API.
import { describe, expect, it } from 'vitest';
import type { ShareStore } from './store/store.ts';
import { fakeJwe, readFile } from './testing/fixtures.ts';
import { setUpRelay } from './testing/setup.ts';

const relay = setUpRelay('SQLite', { publicUrl: 'https://carnet.example.org/' });
const soon = (): number => Math.floor(relay.clock / 1000) + 3600;
const oneFile = (length = 100): { contentType: string; length: number }[] => [
  { contentType: 'application/fhir+json', length },
];

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

describe('POST /api/shl', () => {
  it('answers 201 with a 256-bit id, an absolute manifest URL of at most 128 characters, a token and upload paths', async () => {
    const res = await relay.api.postJson('/api/shl', {
      files: [...oneFile(), ...oneFile(2000)],
      exp: soon(),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = await json(res);
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.managementToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.managementToken).not.toBe(body.id);
    expect(body.manifestUrl).toBe(`https://carnet.example.org/api/shl/${String(body.id)}`);
    expect(String(body.manifestUrl).length).toBeLessThanOrEqual(128);
    expect(body.uploads).toEqual([
      `/api/shl/${String(body.id)}/files/0`,
      `/api/shl/${String(body.id)}/files/1`,
    ]);
  });

  it('builds the manifest URL from the request when PUBLIC_URL is not set', async () => {
    const local = relay.client();
    const { manifestUrl, id } = await local.create();
    expect(manifestUrl).toBe(`http://relay.test/api/shl/${id}`);
  });

  it('behind a TLS proxy, takes the scheme from X-Forwarded-Proto and the origin by host', async () => {
    const proxied = relay.client({ trustProxy: true });
    const body = { files: oneFile(), exp: soon() };
    const res = await proxied.postJson('/api/shl', body, {
      'X-Forwarded-Proto': 'https',
      Origin: 'https://relay.test',
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { manifestUrl: string }).manifestUrl).toMatch(
      /^https:\/\/relay\.test\//,
    );
    for (const origin of ['null', 'https://relay.test.evil.example', 'not a url']) {
      expect((await proxied.postJson('/api/shl', body, { Origin: origin })).status).toBe(403);
    }
  });

  it.each([
    ['not an object', [1, 2], 'bad_request'],
    ['no files', { files: [], exp: 1 }, 'bad_request'],
    [
      'an unknown content type',
      { files: [{ contentType: 'text/html', length: 10 }] },
      'bad_request',
    ],
    [
      'a fractional length',
      { files: [{ contentType: 'application/fhir+json', length: 1.5 }] },
      'bad_request',
    ],
    [
      'a zero length',
      { files: [{ contentType: 'application/fhir+json', length: 0 }] },
      'bad_request',
    ],
    [
      'an unknown key in a file',
      { files: [{ contentType: 'application/fhir+json', length: 10, name: 'x' }] },
      'bad_request',
    ],
    ['an unknown key', { padding: [{}, {}] }, 'bad_request'],
    ['a fractional exp', { exp: 1.5 }, 'bad_request'],
    ['a past exp', { exp: 1000 }, 'already_expired'],
    ['an empty passcode', { passcode: '' }, 'bad_request'],
    ['a zero maxUses', { maxUses: 0 }, 'bad_request'],
  ])('answers 400 for %s', async (_, patch, code) => {
    const body = Array.isArray(patch) ? patch : { files: oneFile(), exp: soon(), ...patch };
    const res = await relay.api.postJson('/api/shl', body);
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({ error: code, message: expect.any(String) as string });
    expect(await relay.store.get('x'.repeat(43))).toBeNull();
  });

  it('refuses the former shape, files with their JWE inline, saying how to upload now', async () => {
    const res = await relay.api.postJson('/api/shl', {
      files: [{ contentType: 'application/fhir+json', jwe: fakeJwe() }],
      exp: soon(),
    });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.error).toBe('inline_files_unsupported');
    expect(body.message).toContain('PUT /api/shl/:id/files/:index');
  });

  it('answers 413 for a file or a share larger than the limits', async () => {
    const small = relay.client({ limits: { maxFileBytes: 1000, maxShareBytes: 1500 } });
    for (const files of [oneFile(1001), [...oneFile(800), ...oneFile(800)]]) {
      const res = await small.postJson('/api/shl', { files, exp: soon() });
      expect(res.status).toBe(413);
      expect((await json(res)).error).toBe('body_too_large');
    }
    expect(
      (
        await small.postJson('/api/shl', {
          files: [...oneFile(1000), ...oneFile(500)],
          exp: soon(),
        })
      ).status,
    ).toBe(201);
  });

  it('answers 400 for a body that is not JSON and 415 for another content type', async () => {
    const broken = await relay.api.request('/api/shl', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"files": [',
    });
    expect(broken.status).toBe(400);
    const text = await relay.api.request('/api/shl', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(415);
    expect((await json(text)).error).toBe('unsupported_media_type');
  });

  it('refuses other origins with 403 and accepts its own', async () => {
    const body = { files: oneFile(), exp: soon() };
    const foreign = await relay.api.postJson('/api/shl', body, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await json(foreign)).error).toBe('cross_origin');
    const crossSite = await relay.api.postJson('/api/shl', body, {
      'Sec-Fetch-Site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    const own = await relay.api.postJson('/api/shl', body, {
      Origin: 'https://carnet.example.org',
    });
    expect(own.status).toBe(201);
  });
});

describe('management', () => {
  it('shows status and accesses to the token holder, and 404 to anyone else', async () => {
    const { manifestUrl, id, managementToken } = await relay.api.create({ passcode: '77' });
    await relay.api.postJson(manifestUrl, {
      recipient: 'PASS Hôpital Saint-Louis',
      passcode: '77',
    });
    const res = await relay.api.admin(id, managementToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(await json(res)).toEqual({
      active: true,
      exp: soon(),
      remainingAttempts: 5,
      accesses: [{ recipient: 'PASS Hôpital Saint-Louis', at: relay.clock }],
    });
    const other = await relay.api.create();
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: `Bearer ${other.managementToken}` },
      { Authorization: 'Bearer nonsense' },
      { Authorization: managementToken },
    ];
    for (const headers of attempts) {
      const denied = await relay.api.request(`/api/shl/${id}/admin`, { headers });
      expect(denied.status).toBe(404);
      expect((await json(denied)).error).toBe('not_found');
    }
    expect((await relay.api.admin('C'.repeat(43), managementToken)).status).toBe(404);
  });

  it('revokes with 204 and purges: manifest, locations and status all answer 404', async () => {
    const { manifestUrl, id, managementToken } = await relay.api.create();
    const { files } = (await (
      await relay.api.postJson(manifestUrl, { recipient: 'x' })
    ).json()) as {
      files: { location: string }[];
    };
    const wrong = await relay.api.request(`/api/shl/${id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${'D'.repeat(43)}` },
    });
    expect(wrong.status).toBe(404);
    const res = await relay.api.request(`/api/shl/${id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${managementToken}` },
    });
    expect(res.status).toBe(204);
    expect(await readFile(relay.store, id, 0)).toBeNull();
    expect((await relay.api.postJson(manifestUrl, { recipient: 'x' })).status).toBe(404);
    expect((await relay.api.request(files[0]!.location)).status).toBe(404);
    expect((await relay.api.admin(id, managementToken)).status).toBe(404);
  });

  it('refuses management calls from other origins', async () => {
    const { id, managementToken } = await relay.api.create();
    const res = await relay.api.request(`/api/shl/${id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${managementToken}`, Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(await relay.store.get(id)).not.toBeNull();
  });
});

describe('CORS preflight', () => {
  const preflight = (path: string, method: string): Promise<Response> =>
    relay.api.request(path, {
      method: 'OPTIONS',
      headers: { Origin: 'https://viewer.example', 'Access-Control-Request-Method': method },
    });

  it('lets any origin POST manifests and GET files, without credentials', async () => {
    const { manifestUrl } = await relay.api.create();
    for (const [path, method] of [
      [manifestUrl, 'POST'],
      [manifestUrl, 'GET'],
      [`/api/files/${'E'.repeat(43)}`, 'GET'],
    ] as const) {
      const res = await preflight(path, method);
      expect(res.status).toBe(204);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(res.headers.get('Access-Control-Allow-Methods')).toContain(method);
      expect(res.headers.get('Access-Control-Allow-Headers')).toBe('Content-Type');
      expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    }
  });

  it('gives no CORS grant for management or creation', async () => {
    const { id } = await relay.api.create();
    for (const [path, method] of [
      [`/api/shl/${id}`, 'DELETE'],
      [`/api/shl/${id}/admin`, 'GET'],
      [`/api/shl/${id}/files/0`, 'PUT'],
      ['/api/shl', 'POST'],
    ] as const) {
      const res = await preflight(path, method);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    }
  });
});

describe('the rest of the server', () => {
  it('keeps health, security headers and JSON 404s', async () => {
    const health = await relay.api.request('/api/health');
    expect(await health.json()).toEqual({ ok: true });
    expect(health.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    const missing = await relay.api.request('/api/nothing');
    expect(missing.status).toBe(404);
    expect(await json(missing)).toEqual({ error: 'not_found', message: 'No such endpoint.' });
  });

  it('sends Strict-Transport-Security when PUBLIC_URL is https, on every answer, and never over http', async () => {
    const { manifestUrl } = await relay.api.create();
    const answers = [
      await relay.api.request('/api/health'),
      await relay.api.request('/api/nothing'),
      await relay.api.postJson(manifestUrl, { recipient: 'Dr A' }),
      await relay.api.postJson(`/api/shl/${'A'.repeat(43)}`, { recipient: 'x' }),
    ];
    for (const res of answers) {
      expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=31536000');
    }
    for (const publicUrl of [undefined, 'http://carnet.lan']) {
      const plain = relay.client(publicUrl ? { publicUrl } : {});
      const shared = await plain.create();
      for (const res of [
        await plain.request('/api/health'),
        await plain.postJson(shared.manifestUrl, { recipient: 'Dr A' }),
      ]) {
        expect(res.headers.get('Strict-Transport-Security')).toBeNull();
      }
    }
  });

  it('answers 500 when PUBLIC_URL would make manifest URLs longer than 128 characters', async () => {
    const long = relay.client({ publicUrl: `https://${'a'.repeat(70)}.example` });
    const res = await long.postJson('/api/shl', { files: oneFile(), exp: soon() });
    expect(res.status).toBe(500);
    expect(await json(res)).toEqual({ error: 'internal', message: expect.any(String) as string });
  });

  it('answers 500 as JSON without echoing the failure', async () => {
    const failing = Object.create(relay.store) as ShareStore;
    failing.get = () => Promise.reject(new Error(`secret ${'x'.repeat(10)}`));
    const broken = relay.client({ store: failing });
    const res = await broken.postJson(`/api/shl/${'F'.repeat(43)}`, { recipient: 'x' });
    expect(res.status).toBe(500);
    expect(await json(res)).toEqual({
      error: 'internal',
      message: 'Something went wrong on the server.',
    });
  });
});
