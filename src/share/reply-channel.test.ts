import { createHash } from 'node:crypto';
import { SHLViewer } from 'kill-the-clipboard';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromBase64Url } from '../crypto/encoding.ts';
import { createShare } from './create.ts';
import { ShareError } from './errors.ts';
import type { FhirBundle } from './fhir-types.ts';
import { fhirSchemaErrors } from './fhir-schema.test-helper.ts';
import { buildIps } from './ips-build.ts';
import { REPLY_EXTENSION_URL, readReplyTarget } from './ips-build-reply.ts';
import { input } from './ips-test-data.test-helper.ts';
import { decryptJwe } from './jwe.ts';
import { buildReplyBundle, readReplyBundle } from './reply-fhir.ts';
import { decryptReply, encryptReply } from './reply-jwe.ts';
import { newReplyChannel } from './reply-keys.ts';
import type { Reply } from './reply-model.ts';
import { stubUploadXhr } from './upload-xhr.test-helper.ts';

const ID = 'S'.repeat(43);
const MANIFEST = `https://relay.test/api/shl/${ID}`;
const CREATED = {
  id: ID,
  manifestUrl: MANIFEST,
  managementToken: 'M'.repeat(43),
  uploads: [`/api/shl/${ID}/files/0`],
};

/** A relay stand-in: answers the create, keeps the uploaded JWE. */
function fakeRelay() {
  const seen: { url: string; init: RequestInit }[] = [];
  const uploads: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      seen.push({ url, init });
      return Promise.resolve(Response.json(CREATED, { status: 201 }));
    }),
  );
  stubUploadXhr(uploads);
  return { seen, uploads };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

async function madeShare() {
  const relay = fakeRelay();
  const made = await createShare({
    bundle: buildIps(input()),
    exp: 2_000_000_000,
    passcode: '4821',
    origin: 'https://carnet.test',
  });
  const jwe = relay.uploads[0]!;
  const { plaintext } = await decryptJwe(jwe, fromBase64Url(made.payload.key));
  const bundle = JSON.parse(new TextDecoder().decode(plaintext)) as FhirBundle;
  return { relay, made, jwe, bundle };
}

const REPLY: Reply = {
  author: { name: 'Dr Claire Martin', rpps: '10101010101' },
  date: '2026-11-23',
  lang: 'fr',
  items: [
    {
      kind: 'medication',
      term: { system: 'atc', code: 'J01CA04', key: 'medication.amoxicillin' },
      dosage: { amount: 1, unit: 'g', frequency: { per: 'day', times: 3 } },
      days: 7,
    },
    {
      kind: 'vaccination',
      term: { system: 'atc', code: 'J07CA02', key: 'vaccine.dtcap' },
      date: '2026-11-23',
      lot: 'AB123',
    },
    {
      kind: 'result',
      term: { system: 'loinc', code: '4548-4', key: 'test.hba1c' },
      value: '6.1',
      unit: '%',
      date: '2026-11-20',
    },
    { kind: 'note', text: 'Revoir dans 10 jours.' },
    { kind: 'right', scheme: 'AME', validUntil: '2027-11-01' },
    {
      kind: 'document',
      title: 'Courrier',
      type: 'hospital-letter',
      contentType: 'application/pdf',
      data: new TextEncoder().encode('%PDF-1.4 letter'),
    },
  ],
};

describe('the reply channel made with a share', () => {
  it('gives the relay only the token hash, in the create request, and keeps the private key', async () => {
    const { relay, made } = await madeShare();
    expect(relay.seen.map((s) => s.url)).toEqual(['/api/shl']);
    const sent = JSON.parse(relay.seen[0]!.init.body as string) as { replyTokenHash: string };
    expect(sent.replyTokenHash).toBe(
      createHash('sha256').update(made.reply.token).digest('base64url'),
    );
    for (const s of relay.seen) {
      expect((s.init.body as string | undefined) ?? '').not.toContain(made.reply.token);
      expect((s.init.body as string | undefined) ?? '').not.toContain('"d"');
    }
    expect(JSON.parse(made.reply.privateJwk)).toMatchObject({ kty: 'EC', crv: 'P-256' });
  });

  it(
    'puts endpoint, token and public key in one Composition extension, readable back, valid FHIR',
    { timeout: 60_000 },
    async () => {
      const { made, bundle } = await madeShare();
      const composition = bundle.entry[0]!.resource;
      expect(composition.resourceType).toBe('Composition');
      expect(composition.modifierExtension).toBeUndefined();
      const ext = (composition.extension as { url: string; extension: { url: string }[] }[]).filter(
        (e) => e.url === REPLY_EXTENSION_URL,
      );
      expect(ext).toHaveLength(1);
      expect(ext[0]!.extension.map((e) => e.url)).toEqual(['endpoint', 'token', 'key']);
      const target = readReplyTarget(bundle, MANIFEST)!;
      expect(target.endpoint).toBe(`${MANIFEST}/replies`);
      expect(target.token).toBe(made.reply.token);
      expect(Object.keys(target.key).sort()).toEqual(['crv', 'kty', 'x', 'y']);
      expect(fhirSchemaErrors(bundle)).toEqual([]);
    },
  );

  it('refuses a reply endpoint that is not the share own', async () => {
    const { bundle } = await madeShare();
    expect(readReplyTarget(bundle, 'https://other.test/api/shl/' + ID)).toBeNull();
    const json = JSON.stringify(bundle).replace(`${MANIFEST}/replies`, 'https://evil.test/x');
    expect(readReplyTarget(JSON.parse(json), MANIFEST)).toBeNull();
  });

  it('still resolves with kill-the-clipboard, another SMART Health Links viewer', async () => {
    const { made, jwe } = await madeShare();
    const viewer = new SHLViewer({
      shlinkURI: made.link,
      fetch: () =>
        Promise.resolve(
          Response.json({ files: [{ contentType: 'application/fhir+json', embedded: jwe }] }),
        ),
    });
    const resolved = await viewer.resolveSHL({ recipient: 'Dr M', passcode: '4821' });
    const bundle = resolved.fhirResources[0] as unknown as FhirBundle;
    expect(bundle.resourceType).toBe('Bundle');
    expect(JSON.stringify(bundle)).toContain(REPLY_EXTENSION_URL);
  });
});

describe('a reply', () => {
  it(
    'round-trips as a valid FHIR collection Bundle, encrypted to the share key only',
    { timeout: 60_000 },
    async () => {
      const { made, bundle } = await madeShare();
      const target = readReplyTarget(bundle, MANIFEST)!;
      const written = buildReplyBundle(REPLY);
      expect(fhirSchemaErrors(written)).toEqual([]);
      const jwe = await encryptReply(written, target.key);
      expect(jwe).not.toContain('Martin');
      expect(JSON.parse(atob(jwe.split('.')[0]!))).toMatchObject({
        alg: 'ECDH-ES+A256KW',
        enc: 'A256GCM',
      });
      expect(readReplyBundle(await decryptReply(jwe, made.reply.privateJwk))).toEqual(REPLY);

      const other = await newReplyChannel();
      await expect(decryptReply(jwe, other.privateJwk)).rejects.toEqual(
        new ShareError('undecryptable'),
      );
      // One character of the tag changed: to another character than the one it replaces.
      const at = jwe.length - 5;
      const tampered = jwe.slice(0, at) + (jwe[at] === 'A' ? 'B' : 'A') + jwe.slice(at + 1);
      await expect(decryptReply(tampered, made.reply.privateJwk)).rejects.toBeInstanceOf(
        ShareError,
      );
    },
  );
});
