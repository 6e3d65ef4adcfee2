import { CompactEncrypt, compactDecrypt } from 'jose';
import { ShareError } from './errors.ts';

/**
 * Compact JWE as SMART Health Links use it: `alg: dir`, `enc: A256GCM`, `cty` naming the
 * content type, with the 32-byte share key used directly. jose runs on WebCrypto, so
 * neither the viewer nor the relay needs libsodium.
 */

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
 * other SHL servers may send it. Any failure is `undecryptable`: the viewer says the link
 * is damaged, never why in detail.
 */
export async function decryptJwe(
  jwe: string,
  key: Uint8Array,
): Promise<{ plaintext: Uint8Array; contentType?: string }> {
  try {
    const { plaintext, protectedHeader } = await compactDecrypt(jwe, key, {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    return { plaintext, ...(protectedHeader.cty ? { contentType: protectedHeader.cty } : {}) };
  } catch {
    throw new ShareError('undecryptable');
  }
}
