// A share as large as a patient's record with its papers: 60 MB goes in streamed and
// comes back byte for byte, on each store.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { fakeJwe, type Created } from './testing/fixtures.ts';
import { describeOnEveryStore } from './testing/setup.ts';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

describeOnEveryStore('a 60 MB share', (relay) => {
  it('reaches the relay intact and is served back identical', async () => {
    // 45 MB of ciphertext is 60 MB of base64url.
    const jwe = fakeJwe(45 * 1024 * 1024);
    expect(jwe.length).toBeGreaterThan(60_000_000);
    const res = await relay.api.postJson('/api/shl', {
      files: [{ contentType: 'application/fhir+json', length: jwe.length }],
      exp: Math.floor(relay.clock / 1000) + 3600,
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Created;
    const upload = await relay.api.upload(created.uploads[0]!, created.managementToken, jwe);
    expect(await upload.json()).toEqual({ complete: true });

    const manifest = await relay.api.postJson(created.manifestUrl, { recipient: 'Dr A' });
    const { files } = (await manifest.json()) as { files: { location: string }[] };
    const got = await relay.api.request(files[0]!.location);
    expect(got.headers.get('Content-Length')).toBe(String(jwe.length));
    const body = new Uint8Array(await got.arrayBuffer());
    expect(body.length).toBe(jwe.length);
    expect(sha256(body)).toBe(sha256(jwe));
  }, 120_000);
});
