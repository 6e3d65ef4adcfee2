import { randomBytes } from 'node:crypto';
import { compactDecrypt, decodeProtectedHeader } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromBase64Url } from '../crypto/encoding.ts';
import { codeOf } from '../crypto/test-helpers.ts';
import { createShare } from './create.ts';
import { ShareError } from './errors.ts';
import type { FhirBundle } from './fhir-types.ts';
import { buildIps } from './ips-build.ts';
import { readReplyTarget } from './ips-build-reply.ts';
import { input } from './ips-test-data.test-helper.ts';
import { MAX_PLAINTEXT_BYTES } from './jwe.ts';
import { stubUploadXhr } from './upload-xhr.test-helper.ts';

function created(manifestUrl: string) {
  return {
    id: 'S'.repeat(43),
    manifestUrl,
    managementToken: 'M'.repeat(43),
    uploads: ['/api/shl/S/files/0'],
  };
}

/** A relay stand-in: answers the create with `manifestUrl`, keeps what is sent. */
function fakeRelay(manifestUrl: string) {
  const requests: { url: string; method: string; body?: string }[] = [];
  const uploads: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      requests.push({ url, method, ...(typeof init.body === 'string' ? { body: init.body } : {}) });
      if (method === 'DELETE') return Promise.resolve(new Response(null, { status: 204 }));
      return Promise.resolve(Response.json(created(manifestUrl), { status: 201 }));
    }),
  );
  stubUploadXhr(uploads);
  const declared = () =>
    (JSON.parse(requests[0]!.body!) as { files: { length: number }[] }).files[0]!.length;
  return { requests, uploads, declared };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A summary with a scanned page of `bytes` incompressible bytes. */
function bundleWithScan(bytes: number): FhirBundle {
  const base = input();
  return buildIps({
    ...base,
    documents: [
      {
        title: 'Scan',
        type: 'hospital-letter',
        typeLabel: 'Courrier',
        pages: [{ contentType: 'image/jpeg', data: new Uint8Array(randomBytes(bytes)) }],
      },
    ],
  });
}

async function opened(jwe: string, link: string) {
  const key = fromBase64Url(keyOf(link));
  // Any standard JWE library opens it: jose itself, not our decryptJwe.
  const { plaintext } = await compactDecrypt(jwe, key, {
    maxDecompressedLength: MAX_PLAINTEXT_BYTES,
  });
  return { json: new TextDecoder().decode(plaintext), header: decodeProtectedHeader(jwe) };
}

function keyOf(link: string): string {
  const payload = link.slice(link.indexOf('shlink:/') + 'shlink:/'.length);
  return (JSON.parse(new TextDecoder().decode(fromBase64Url(payload))) as { key: string }).key;
}

describe('createShare', () => {
  it('uploads one compressed compact JWE of the declared length, with the real endpoint', async () => {
    const manifest = 'https://relay.test/api/shl/' + 'S'.repeat(43);
    const relay = fakeRelay(manifest);
    const bundle = bundleWithScan(300_000);
    const made = await createShare({ bundle, exp: 2_000_000_000, origin: 'https://carnet.test' });
    const jwe = relay.uploads[0]!;
    expect(jwe.length).toBe(relay.declared());
    expect(jwe.split('.')).toHaveLength(5);
    const { json, header } = await opened(jwe, made.link);
    expect(header).toEqual({
      alg: 'dir',
      enc: 'A256GCM',
      cty: 'application/fhir+json',
      zip: 'DEF',
    });
    const read = JSON.parse(json) as FhirBundle;
    expect(readReplyTarget(read, manifest)).toEqual(
      expect.objectContaining({ endpoint: `${manifest}/replies`, token: made.reply.token }),
    );
    // The same bundle apart from the reply extension, the endpoint's slot padded with
    // spaces only.
    expect(json.replace(/(\/replies") +/, '$1')).toBe(JSON.stringify(read));
    expect(read.entry.slice(1)).toEqual(bundle.entry.slice(1));
    // Base64 text would take a third more as base64url ciphertext than as text;
    // compressed, about as much.
    expect(jwe.length).toBeLessThan(JSON.stringify(bundle).length * 1.02);
  });

  it('declares the right length whatever the length of the manifest URL', async () => {
    const bundle = buildIps(input());
    for (const manifest of ['https://r.t/x', `https://relay.test/${'a'.repeat(109)}`]) {
      expect(manifest.length).toBeLessThanOrEqual(128);
      const relay = fakeRelay(manifest);
      const made = await createShare({ bundle, exp: 2_000_000_000, origin: 'https://c.test' });
      expect(relay.uploads[0]!.length).toBe(relay.declared());
      const { json } = await opened(relay.uploads[0]!, made.link);
      expect(readReplyTarget(JSON.parse(json), manifest)?.endpoint).toBe(`${manifest}/replies`);
      vi.unstubAllGlobals();
    }
  });

  it('revokes the share and says network when the endpoint does not fit its slot', async () => {
    const relay = fakeRelay(`https://relay.test/${'a'.repeat(200)}`);
    const failed = createShare({
      bundle: buildIps(input()),
      exp: 2_000_000_000,
      origin: 'https://c.test',
    });
    expect(await codeOf(failed, ShareError)).toBe('network');
    expect(relay.uploads).toEqual([]);
    expect(relay.requests.map((r) => r.method)).toEqual(['POST', 'DELETE']);
  });

  it('keeps long strings that are not base64 as JSON text (escapes, accents)', async () => {
    const relay = fakeRelay('https://relay.test/api/shl/x');
    const bundle = buildIps(input());
    const odd: FhirBundle = {
      ...bundle,
      entry: [
        ...bundle.entry,
        {
          fullUrl: 'urn:uuid:odd',
          resource: { resourceType: 'Basic', id: 'odd', text: 'é"\\\n’'.repeat(2000) },
        },
      ],
    };
    const made = await createShare({ bundle: odd, exp: 2_000_000_000, origin: 'https://c.test' });
    expect(relay.uploads[0]!.length).toBe(relay.declared());
    const { json } = await opened(relay.uploads[0]!, made.link);
    expect((JSON.parse(json) as FhirBundle).entry.at(-1)).toEqual(odd.entry.at(-1));
  });

  it('shares a bundle without a Composition, with no reply channel in it', async () => {
    const manifest = 'https://relay.test/api/shl/x';
    const relay = fakeRelay(manifest);
    const bundle = buildIps(input());
    const bare: FhirBundle = {
      ...bundle,
      entry: bundle.entry.filter((e) => e.resource.resourceType !== 'Composition'),
    };
    const made = await createShare({ bundle: bare, exp: 2_000_000_000, origin: 'https://c.test' });
    expect(relay.uploads[0]!.length).toBe(relay.declared());
    const { json } = await opened(relay.uploads[0]!, made.link);
    expect(JSON.parse(json)).toEqual(bare);
  });
});
