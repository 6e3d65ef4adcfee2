// HTTP tests of the endpoints any SMART Health Links viewer calls.
import { describe, expect, it } from 'vitest';
import { fakeJwe } from './testing/fixtures.ts';
import { setUpRelay } from './testing/setup.ts';

const relay = setUpRelay('SQLite', { publicUrl: 'https://carnet.example.org/' });

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

describe('manifest request', () => {
  it('answers the SHL manifest with short-lived application/jose locations', async () => {
    const jwe = fakeJwe(500);
    const { manifestUrl } = await relay.api.create({
      files: [{ contentType: 'application/fhir+json', jwe }],
    });
    const res = await relay.api.postJson(manifestUrl, { recipient: 'Dr Martin, Centre de santé' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const manifest = (await res.json()) as { files: { contentType: string; location: string }[] };
    expect(manifest.files).toHaveLength(1);
    const file = manifest.files[0]!;
    expect(file.contentType).toBe('application/fhir+json');
    expect(file.location).toMatch(
      /^https:\/\/carnet\.example\.org\/api\/files\/[A-Za-z0-9_-]{96}$/,
    );
    const got = await relay.api.request(file.location);
    expect(got.status).toBe(200);
    expect(got.headers.get('Content-Type')).toBe('application/jose');
    expect(got.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(await got.text()).toBe(jwe);
    relay.clock += 15 * 60_000;
    const late = await relay.api.request(file.location);
    expect(late.status).toBe(404);
    expect(late.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('embeds files no longer than embeddedLengthMax and links the others', async () => {
    const small = fakeJwe(10);
    const big = fakeJwe(2000);
    const { manifestUrl } = await relay.api.create({
      files: [
        { contentType: 'application/fhir+json', jwe: small },
        { contentType: 'application/fhir+json', jwe: big },
      ],
    });
    const res = await relay.api.postJson(manifestUrl, {
      recipient: 'Dr M',
      embeddedLengthMax: small.length,
    });
    const { files } = (await res.json()) as { files: Record<string, string>[] };
    expect(files[0]).toEqual({ contentType: 'application/fhir+json', embedded: small });
    expect(files[1]?.location).toBeDefined();
    expect(files[1]?.embedded).toBeUndefined();
  });

  it('answers 400 without a recipient and 404 for unknown or malformed ids', async () => {
    const { manifestUrl } = await relay.api.create();
    const noRecipient = await relay.api.postJson(manifestUrl, {});
    expect(noRecipient.status).toBe(400);
    expect((await json(noRecipient)).error).toBe('bad_request');
    for (const path of [`/api/shl/${'A'.repeat(43)}`, '/api/shl/short']) {
      const res = await relay.api.postJson(path, { recipient: 'Dr M' });
      expect(res.status).toBe(404);
      expect(await json(res)).toEqual({
        error: 'not_found',
        message: expect.any(String) as string,
      });
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    }
  });

  it('answers 404 once the share has expired by the server clock', async () => {
    const { manifestUrl } = await relay.api.create({ exp: Math.floor(relay.clock / 1000) + 60 });
    expect((await relay.api.postJson(manifestUrl, { recipient: 'Dr M' })).status).toBe(200);
    relay.clock += 60_000;
    expect((await relay.api.postJson(manifestUrl, { recipient: 'Dr M' })).status).toBe(404);
  });

  it('answers 404 once maxUses opens are spent', async () => {
    const { manifestUrl } = await relay.api.create({ maxUses: 1 });
    expect((await relay.api.postJson(manifestUrl, { recipient: 'Dr M' })).status).toBe(200);
    expect((await relay.api.postJson(manifestUrl, { recipient: 'Dr M' })).status).toBe(404);
  });

  it('answers 401 with remainingAttempts for a missing or wrong passcode, then 404 when spent', async () => {
    const { manifestUrl, id, managementToken } = await relay.api.create({ passcode: '4821' });
    const missing = await relay.api.postJson(manifestUrl, { recipient: 'Dr M' });
    expect(missing.status).toBe(401);
    expect(await json(missing)).toEqual({
      error: 'passcode_required',
      message: expect.any(String) as string,
      remainingAttempts: 5,
    });
    expect(
      (await relay.api.postJson(manifestUrl, { recipient: 'Dr M', passcode: '4821' })).status,
    ).toBe(200);
    for (const left of [4, 3, 2, 1, 0]) {
      const res = await relay.api.postJson(manifestUrl, { recipient: 'Dr M', passcode: '0000' });
      expect(res.status).toBe(401);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(await json(res)).toEqual({
        error: 'wrong_passcode',
        message: 'Wrong passcode.',
        remainingAttempts: left,
      });
    }
    expect(
      (await relay.api.postJson(manifestUrl, { recipient: 'Dr M', passcode: '4821' })).status,
    ).toBe(404);
    const status = await json(await relay.api.admin(id, managementToken));
    expect(status).toMatchObject({ active: false, remainingAttempts: 0 });
  });

  it('lets exactly the budget of 50 parallel wrong guesses be checked', async () => {
    const { manifestUrl, id, managementToken } = await relay.api.create({ passcode: '4821' });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        relay.api.postJson(manifestUrl, { recipient: 'x', passcode: `g${i}` }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 404)).toHaveLength(45);
    expect((await json(await relay.api.admin(id, managementToken))).remainingAttempts).toBe(0);
  });
});

describe('direct file request (U flag)', () => {
  it('serves the single file as application/jose and records the recipient', async () => {
    const jwe = fakeJwe(100);
    const { manifestUrl, id, managementToken } = await relay.api.create({
      files: [{ contentType: 'application/fhir+json', jwe }],
    });
    const res = await relay.api.request(`${manifestUrl}?recipient=${encodeURIComponent('Dr Ngo')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/jose');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(await res.text()).toBe(jwe);
    const status = (await json(await relay.api.admin(id, managementToken))) as {
      accesses: { recipient: string }[];
    };
    expect(status.accesses.map((a) => a.recipient)).toEqual(['Dr Ngo']);
  });

  it('answers 400 without recipient, 400 for passcode or multi-file shares, 404 when unknown', async () => {
    const plain = await relay.api.create();
    expect((await relay.api.request(plain.manifestUrl)).status).toBe(400);
    const guarded = await relay.api.create({ passcode: '1' });
    const res = await relay.api.request(`${guarded.manifestUrl}?recipient=x`);
    expect(res.status).toBe(400);
    expect((await json(res)).error).toBe('direct_get_unavailable');
    const two = await relay.api.create({
      files: [
        { contentType: 'application/fhir+json', jwe: fakeJwe() },
        { contentType: 'application/fhir+json', jwe: fakeJwe() },
      ],
    });
    expect((await relay.api.request(`${two.manifestUrl}?recipient=x`)).status).toBe(400);
    expect((await relay.api.request(`/api/shl/${'B'.repeat(43)}?recipient=x`)).status).toBe(404);
  });
});
