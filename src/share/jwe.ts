import { base64url, compactDecrypt, errors } from 'jose';
import { ShareError } from './errors.ts';

/**
 * Compact JWE as SMART Health Links use it: `alg: dir`, `enc: A256GCM`, `cty` naming the
 * content type, with the 32-byte share key used directly; `zip: DEF` when the plaintext is
 * compressed. Sealing is WebCrypto, opening jose (on WebCrypto too), so neither the viewer
 * nor the relay needs libsodium.
 */

/**
 * The most plaintext one share may open to, bytes: 64 MiB, the largest share Carnet's
 * relay accepts by default (RELAY_MAX_SHARE_BYTES, workers/relay/src/limits.ts; a unit
 * test keeps the two equal). A share the relay would store always opens; a compressed
 * file (`zip: DEF`) from another server may not inflate past it, so a small "zip bomb"
 * costs the doctor's phone at most this much memory. (jose's own default, 250,000 bytes,
 * refused any compressed summary with a document in it.)
 */
export const MAX_PLAINTEXT_BYTES = 64 * 1024 * 1024;

/** What `encryptJwe` needs to know besides the bytes. */
export interface JweOptions {
  readonly contentType: string;
  /** The plaintext is already raw DEFLATE (deflate.ts): the header says `zip: DEF`. */
  readonly deflated?: boolean;
}

/** The protected header, base64url, exactly as it is sealed (it is the AAD too). */
function protectedHeader({ contentType, deflated }: JweOptions): string {
  const header = {
    alg: 'dir',
    enc: 'A256GCM',
    cty: contentType,
    ...(deflated ? { zip: 'DEF' } : {}),
  };
  return base64url.encode(JSON.stringify(header));
}

/** Unpadded base64url length of `n` bytes. */
const b64Length = (n: number) => Math.ceil((n * 4) / 3);

/**
 * The length of the compact JWE `encryptJwe` makes of `plaintextBytes` bytes (its
 * characters, all ASCII: its bytes too): AES-GCM adds no padding, so it follows from the
 * lengths alone, with nothing encrypted.
 */
export function jweLength(plaintextBytes: number, options: JweOptions): number {
  // header . (no key) . IV (12 bytes) . ciphertext . tag (16 bytes)
  return (
    protectedHeader(options).length +
    2 +
    b64Length(12) +
    1 +
    b64Length(plaintextBytes) +
    1 +
    b64Length(16)
  );
}

/**
 * Encrypts `plaintext` for a share under a fresh random 96-bit IV, as a standard compact
 * JWE (RFC 7516: `alg: dir`, `enc: A256GCM`) any SMART Health Links viewer opens. Straight
 * WebCrypto: one encryption, one base64url pass (the platform's own where it has one).
 */
export async function encryptJwe(
  plaintext: Uint8Array<ArrayBuffer>,
  key: Uint8Array<ArrayBuffer>,
  options: string | JweOptions,
): Promise<string> {
  const opts = typeof options === 'string' ? { contentType: options } : options;
  const header = protectedHeader(opts);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const aesKey = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(header) },
      aesKey,
      plaintext,
    ),
  );
  const tag = sealed.length - 16;
  return `${header}..${base64url.encode(iv)}.${base64url.encode(sealed.subarray(0, tag))}.${base64url.encode(sealed.subarray(tag))}`;
}

/**
 * Decrypts a compact JWE with the share key. Accepts `zip: DEF` (compressed) content as
 * other SHL servers send it (kill-the-clipboard does by default), inflating it to at most
 * `maxPlaintext` bytes (default MAX_PLAINTEXT_BYTES). Content that would inflate further
 * is `too-large`; any other failure is `undecryptable`: the viewer says the link is
 * damaged, never why in detail.
 */
export async function decryptJwe(
  jwe: string,
  key: Uint8Array,
  maxPlaintext = MAX_PLAINTEXT_BYTES,
): Promise<{ plaintext: Uint8Array; contentType?: string }> {
  try {
    const { plaintext, protectedHeader } = await compactDecrypt(jwe, key, {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
      maxDecompressedLength: maxPlaintext,
    });
    if (plaintext.byteLength > maxPlaintext) throw new ShareError('too-large');
    return { plaintext, ...(protectedHeader.cty ? { contentType: protectedHeader.cty } : {}) };
  } catch (error) {
    if (error instanceof ShareError || isOverLimit(error)) throw new ShareError('too-large');
    throw new ShareError('undecryptable');
  }
}

/**
 * jose says "over the decompression limit" only in its message (same class and code as
 * any other invalid JWE); jose is pinned, and jwe.test.ts fails if the wording changes.
 */
function isOverLimit(error: unknown): boolean {
  return error instanceof errors.JWEInvalid && /exceeded the configured limit/.test(error.message);
}
