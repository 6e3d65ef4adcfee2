import { fromBase64Url, utf8Decode } from '../crypto/encoding.ts';
import { num, obj, str } from './json.ts';

/**
 * SMART Health Cards (spec.smarthealth.cards, the HL7 "SMART Health Cards and Links"
 * guide): a compact JWS, signed by its issuer with ES256, whose payload is JSON
 * `{ iss, nbf, vc: { credentialSubject: { fhirBundle } } }` compressed with raw DEFLATE
 * (`zip: DEF` in the header). A health card file, and a SMART Health Link file of type
 * `application/smart-health-card`, is JSON `{ "verifiableCredential": [jws, ...] }`.
 *
 * Decoding here trusts nothing and checks nothing: the signature is checked separately
 * (health-card-verify.ts, loaded on demand), and the screen says which cards it verified.
 * This module is loaded only for a share that holds a card.
 */

/** Caps on what a share's cards may cost the doctor's phone (ips-collect.ts LIMITS cap the lines). */
export const HEALTH_CARD_LIMITS = {
  /** Cards read from one share; further ones are counted as not shown. */
  cards: 20,
  /** A card's payload once inflated, bytes. Cards are QR-sized (a few KB); a file's may be larger. */
  payloadBytes: 1024 * 1024,
} as const;

/** One decoded card. Nothing in it is verified. */
export interface HealthCard {
  /** The compact JWS as received, kept to check its signature. */
  readonly jws: string;
  /** `kid` of the signing key, from the JWS header. */
  readonly kid?: string;
  /** The issuer (`iss`): a URL, as the card states it. */
  readonly issuer: string;
  /** When the card was issued (`nbf`), epoch seconds. */
  readonly issuedAt?: number;
  /** The FHIR Bundle it carries. */
  readonly bundle: Record<string, unknown>;
}

/** The JWSs listed by a parsed health card file; none for anything else. */
export function cardsInFile(json: unknown): string[] {
  const list = obj(json)?.verifiableCredential;
  if (!Array.isArray(list)) return [];
  return list.filter((jws): jws is string => typeof jws === 'string');
}

/** Decodes one card, or null for anything that is not a readable health card. */
export async function decodeHealthCard(jws: string): Promise<HealthCard | null> {
  const parts = jws.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const header = obj(JSON.parse(utf8Decode(fromBase64Url(parts[0]!))));
    if (!header) return null;
    let payload = fromBase64Url(parts[1]!);
    if (header.zip === 'DEF') payload = await inflateRaw(payload, HEALTH_CARD_LIMITS.payloadBytes);
    else if (header.zip !== undefined || payload.length > HEALTH_CARD_LIMITS.payloadBytes)
      return null;
    const claims = obj(JSON.parse(utf8Decode(payload)));
    const issuer = str(claims?.iss);
    const vc = obj(claims?.vc);
    const bundle = obj(obj(vc?.credentialSubject)?.fhirBundle);
    if (!issuer || !bundle) return null;
    const kid = str(header.kid);
    const issuedAt = num(claims?.nbf);
    return {
      jws: jws.trim(),
      ...(kid ? { kid } : {}),
      issuer,
      ...(issuedAt !== undefined ? { issuedAt } : {}),
      bundle,
    };
  } catch {
    // not base64url, not UTF-8, not JSON, or not DEFLATE: not a card we can read
    return null;
  }
}

/**
 * Inflates raw DEFLATE (RFC 1951) with the platform's DecompressionStream, stopping at
 * `maxBytes` of output: a small card cannot inflate into a large allocation.
 */
async function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new RangeError('health card payload too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
