import { toBase64Url } from '../crypto/encoding.ts';
import { ShareError } from './errors.ts';
import type { FhirBundle } from './fhir-types.ts';
import { withReplyExtension } from './ips-build-reply.ts';
import { encryptJwe } from './jwe.ts';
import type { CreateShareResponse } from './protocol.ts';
import { newReplyChannel } from './reply-keys.ts';
import { uploadShare } from './relay-client.ts';
import type { ShlPayload } from './shlink.ts';
import { viewerLink } from './shlink.ts';

/**
 * The label every Carnet link carries. SECURITY: the payload (label included) is readable
 * by anyone who sees the QR code, so it names the app, never the patient.
 */
const SHARE_LABEL = 'Carnet';

export interface NewShare {
  readonly payload: ShlPayload;
  /** `<origin>/v#shlink:/...`: what the QR code holds. Holds the key: never log or send it. */
  readonly link: string;
  readonly relay: CreateShareResponse;
  /**
   * The share's reply channel: its token and private key (JWK). SECURITY: sealed with the
   * share's record on the phone, never sent anywhere.
   */
  readonly reply: { readonly token: string; readonly privateJwk: string };
}

/**
 * Longest reply endpoint: a manifest URL (at most 128 characters, SMART Health Links)
 * and `/replies`. The bundle's length is declared before the relay names the share, so
 * it is measured with an endpoint this long and the real one is padded up to it.
 */
const ENDPOINT_MAX = 128 + '/replies'.length;

/**
 * Encrypts the bundle under a fresh random 256-bit key, uploads only the ciphertext (the
 * share's terms first, then the JWE as a file of its own: relay-client.ts), and returns
 * the SMART Health Link. The key exists only in the returned link. A failed upload leaves
 * nothing on the relay. Each share gets its own reply channel (reply-keys.ts): the bundle
 * carries its endpoint, token and public key (ips-build-reply.ts), the relay the token's
 * hash, and the caller keeps the private key, sealed with the share.
 */
export async function createShare(options: {
  bundle: FhirBundle;
  /** Expiry, epoch seconds. */
  exp: number;
  passcode?: string;
  origin: string;
  onProgress?: (fraction: number) => void;
}): Promise<NewShare> {
  const key = crypto.getRandomValues(new Uint8Array(32));
  const channel = await newReplyChannel();
  const bundleWith = (endpoint: string) =>
    JSON.stringify(
      withReplyExtension(options.bundle, {
        endpoint,
        token: channel.token,
        key: channel.publicJwk,
      }),
    );
  // A URL needs no JSON escapes: every character of it counts one byte, here and below.
  const declared = new TextEncoder().encode(bundleWith('x'.repeat(ENDPOINT_MAX))).length;
  const sealWith = async (created: CreateShareResponse): Promise<string> => {
    const json = bundleWith(`${created.manifestUrl}/replies`);
    const bytes = new TextEncoder().encode(json);
    if (bytes.length > declared) throw new ShareError('network');
    // Trailing white space is still the same JSON, to any reader.
    const padded = new Uint8Array(declared).fill(0x20);
    padded.set(bytes);
    return encryptJwe(padded, key, 'application/fhir+json');
  };
  // The JWE's length depends on the plaintext's length only (no compression).
  const length = (await encryptJwe(new Uint8Array(declared), key, 'application/fhir+json')).length;
  const relay = await uploadShare(
    {
      files: [{ contentType: 'application/fhir+json', jwe: { length, make: sealWith } }],
      exp: options.exp,
      ...(options.passcode ? { passcode: options.passcode } : {}),
      replyTokenHash: channel.tokenHash,
    },
    options.onProgress,
  );
  const payload: ShlPayload = {
    url: relay.manifestUrl,
    key: toBase64Url(key),
    exp: options.exp,
    ...(options.passcode ? { flag: 'P' } : {}),
    label: SHARE_LABEL,
    v: 1,
  };
  return {
    payload,
    link: viewerLink(options.origin, payload),
    relay,
    reply: { token: channel.token, privateJwk: channel.privateJwk },
  };
}
