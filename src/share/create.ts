import { toBase64Url } from '../crypto/encoding.ts';
import type { FhirBundle } from './fhir-types.ts';
import { packBundle } from './bundle-pack.ts';
import { encryptJwe, jweLength } from './jwe.ts';
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

const FILE = { contentType: 'application/fhir+json', deflated: true } as const;

/**
 * Encrypts the bundle under a fresh random 256-bit key, uploads only the ciphertext (the
 * share's terms first, then the JWE as a file of its own: relay-client.ts), and returns
 * the SMART Health Link. The key exists only in the returned link. A failed upload leaves
 * nothing on the relay. Each share gets its own reply channel (reply-keys.ts): the bundle
 * carries its endpoint, token and public key (ips-build-reply.ts), the relay the token's
 * hash, and the caller keeps the private key, sealed with the share.
 *
 * The bundle is compressed (`zip: DEF`): a share is mostly base64 text, which takes a
 * third more room as base64url ciphertext than as text, and about a quarter less once
 * compressed. The compression is written while the relay answers the share's creation;
 * the encryption needs the whole plaintext, endpoint included, so it follows the answer.
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
  const packed = packBundle(options.bundle, { token: channel.token, key: channel.publicJwk });
  // Compressing starts once the creation request below is on its way (fetch sends it
  // before this runs); a failure surfaces in `seal`, which revokes the share.
  const bulk = Promise.resolve().then(() => packed.writeBulk());
  bulk.catch(() => undefined);
  const seal = async (created: CreateShareResponse): Promise<string> => {
    await bulk;
    return encryptJwe(packed.withEndpoint(`${created.manifestUrl}/replies`), key, FILE);
  };
  const uploading = uploadShare(
    {
      files: [
        {
          contentType: FILE.contentType,
          jwe: { length: jweLength(packed.length, FILE), make: seal },
        },
      ],
      exp: options.exp,
      ...(options.passcode ? { passcode: options.passcode } : {}),
      replyTokenHash: channel.tokenHash,
    },
    options.onProgress,
  );
  const relay = await uploading;
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
