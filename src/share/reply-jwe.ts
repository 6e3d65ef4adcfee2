import { CompactEncrypt, compactDecrypt, importJWK } from 'jose';
import { ShareError } from './errors.ts';
import type { FhirBundle } from './fhir-types.ts';
import { REPLY_MAX_BYTES_DEFAULT } from './protocol-replies.ts';
import type { PublicReplyJwk } from './reply-keys.ts';

/**
 * A reply's encryption: a compact JWE to the share's P-256 public key, `ECDH-ES+A256KW`
 * (a fresh ephemeral key per reply wraps a random content key) and `A256GCM`, with
 * `cty: application/fhir+json`. Only the phone that made the share holds the private key.
 * No compression: a reply never inflates past what the relay stored.
 */

const ALG = 'ECDH-ES+A256KW';
const ENC = 'A256GCM';

/** Encrypts a reply bundle to the share's public key. */
export async function encryptReply(bundle: FhirBundle, key: PublicReplyJwk): Promise<string> {
  const publicKey = await importJWK({ ...key }, ALG);
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(bundle)))
    .setProtectedHeader({ alg: ALG, enc: ENC, cty: 'application/fhir+json' })
    .encrypt(publicKey);
}

/**
 * Decrypts and parses a reply with the share's private key (a JWK string, from the sealed
 * share). Anything but a JWE of exactly this algorithm pair that opens with this key and
 * holds JSON is `undecryptable`; nothing of the input goes into the error.
 */
export async function decryptReply(jwe: string, privateJwk: string): Promise<unknown> {
  if (jwe.length > REPLY_MAX_BYTES_DEFAULT * 2) throw new ShareError('too-large');
  try {
    const privateKey = await importJWK(JSON.parse(privateJwk) as Record<string, string>, ALG);
    const { plaintext, protectedHeader } = await compactDecrypt(jwe, privateKey, {
      keyManagementAlgorithms: [ALG],
      contentEncryptionAlgorithms: [ENC],
    });
    if (protectedHeader.zip !== undefined) throw new Error('compressed');
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext)) as unknown;
  } catch {
    throw new ShareError('undecryptable');
  }
}
