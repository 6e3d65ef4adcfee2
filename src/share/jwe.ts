import { CompactEncrypt, compactDecrypt, errors } from 'jose';
import { ShareError } from './errors.ts';

/**
 * Compact JWE as SMART Health Links use it: `alg: dir`, `enc: A256GCM`, `cty` naming the
 * content type, with the 32-byte share key used directly. jose runs on WebCrypto, so
 * neither the viewer nor the relay needs libsodium.
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

/** Encrypts `plaintext` for a share. A fresh random 96-bit IV is drawn by jose each call. */
export async function encryptJwe(
  plaintext: Uint8Array,
  key: Uint8Array,
  contentType: string,
): Promise<string> {
  return new CompactEncrypt(plaintext)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: contentType })
    .encrypt(key);
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
