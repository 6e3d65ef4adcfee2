import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../workers/relay/src/limits.ts';
import { MAX_PLAINTEXT_BYTES, decryptJwe, encryptJwe } from './jwe.ts';
import { codeOf } from '../crypto/test-helpers.ts';
import { ShareError } from './errors.ts';

const key = crypto.getRandomValues(new Uint8Array(32));
const text = new TextEncoder().encode('{"resourceType":"Bundle"}');

/** A compact JWE made straight from RFC 7516 with WebCrypto, not with our code. */
async function handMadeJwe(
  plaintext: Uint8Array<ArrayBuffer>,
  header: Record<string, string>,
): Promise<string> {
  const protectedB64 = Buffer.from(JSON.stringify(header)).toString('base64url');
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cryptoKey = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(protectedB64) },
      cryptoKey,
      plaintext,
    ),
  );
  const b = (x: Uint8Array) => Buffer.from(x).toString('base64url');
  return [protectedB64, '', b(iv), b(sealed.slice(0, -16)), b(sealed.slice(-16))].join('.');
}

describe('JWE', () => {
  it('round-trips with dir + A256GCM and names the content type', async () => {
    const jwe = await encryptJwe(text, key, 'application/fhir+json');
    const header = JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString()) as Record<
      string,
      string
    >;
    expect(header).toEqual({ alg: 'dir', enc: 'A256GCM', cty: 'application/fhir+json' });
    expect(jwe.split('.')[1]).toBe('');
    const out = await decryptJwe(jwe, key);
    expect(new TextDecoder().decode(out.plaintext)).toBe('{"resourceType":"Bundle"}');
    expect(out.contentType).toBe('application/fhir+json');
  });

  it('opens a JWE built by hand from the RFC, plain and DEFLATE-compressed', async () => {
    const plain = await handMadeJwe(text, {
      alg: 'dir',
      enc: 'A256GCM',
      cty: 'application/fhir+json',
    });
    expect(new TextDecoder().decode((await decryptJwe(plain, key)).plaintext)).toContain('Bundle');
    const zipped = await handMadeJwe(new Uint8Array(deflateRawSync(text)), {
      alg: 'dir',
      enc: 'A256GCM',
      zip: 'DEF',
    });
    expect(new TextDecoder().decode((await decryptJwe(zipped, key)).plaintext)).toContain('Bundle');
  });

  it('refuses a wrong key, a flipped byte, and other algorithms', async () => {
    const jwe = await encryptJwe(text, key, 'application/fhir+json');
    expect(
      await codeOf(decryptJwe(jwe, crypto.getRandomValues(new Uint8Array(32))), ShareError),
    ).toBe('undecryptable');
    const parts = jwe.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[3] = ct.toString('base64url');
    expect(await codeOf(decryptJwe(parts.join('.'), key), ShareError)).toBe('undecryptable');
    const other = await handMadeJwe(text, { alg: 'dir', enc: 'A128GCM' });
    expect(await codeOf(decryptJwe(other, key), ShareError)).toBe('undecryptable');
    expect(await codeOf(decryptJwe('not.a.jwe', key), ShareError)).toBe('undecryptable');
  });

  it('inflates up to the largest share the relay accepts, and says too-large past it', async () => {
    expect(MAX_PLAINTEXT_BYTES).toBe(DEFAULT_LIMITS.maxShareBytes);
    const zipped = (bytes: Uint8Array) =>
      handMadeJwe(new Uint8Array(deflateRawSync(bytes)), {
        alg: 'dir',
        enc: 'A256GCM',
        zip: 'DEF',
      });
    // Past jose's own default (250,000 bytes), which refused such a file as damaged.
    const twoMegabytes = new Uint8Array(2_000_000).fill(0x61);
    const opened = await decryptJwe(await zipped(twoMegabytes), key);
    expect(Buffer.from(opened.plaintext).equals(twoMegabytes)).toBe(true);
    // A small "zip bomb": a few kilobytes that would inflate past the limit (a lower one
    // here, as a share's later files get: what the earlier ones left).
    const bomb = await zipped(new Uint8Array(3_000_001));
    expect(bomb.length).toBeLessThan(20_000);
    expect(await codeOf(decryptJwe(bomb, key, 3_000_000), ShareError)).toBe('too-large');
    const plain = await encryptJwe(twoMegabytes, key, 'application/fhir+json');
    expect(await codeOf(decryptJwe(plain, key, 1_000_000), ShareError)).toBe('too-large');
  });
});
