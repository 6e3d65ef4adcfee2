import { toBase64Url } from '../crypto/encoding.ts';
import type { FhirBundle } from './fhir-types.ts';
import { encryptJwe } from './jwe.ts';
import type { CreateShareResponse } from './protocol.ts';
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
}

/**
 * Encrypts the bundle under a fresh random 256-bit key, uploads only the ciphertext (the
 * share's terms first, then the JWE as a file of its own: relay-client.ts), and returns
 * the SMART Health Link. The key exists only in the returned link. A failed upload leaves
 * nothing on the relay.
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
  const plaintext = new TextEncoder().encode(JSON.stringify(options.bundle));
  const jwe = await encryptJwe(plaintext, key, 'application/fhir+json');
  const relay = await uploadShare(
    {
      files: [{ contentType: 'application/fhir+json', jwe }],
      exp: options.exp,
      ...(options.passcode ? { passcode: options.passcode } : {}),
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
  return { payload, link: viewerLink(options.origin, payload), relay };
}
