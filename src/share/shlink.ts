import * as v from 'valibot';
import { fromBase64Url, toBase64Url, utf8Decode, utf8Encode } from '../crypto/encoding.ts';
import { ShareError } from './errors.ts';

/**
 * SMART Health Link payloads (HL7 SMART Health Cards and Links, STU1):
 * `shlink:/` + base64url(JSON { url, key, exp?, flag?, label?, v? }), usually behind a
 * viewer URL as `https://<origin>/v#shlink:/...`.
 *
 * SECURITY: the key travels only in the URL fragment, which browsers never send to a
 * server; the relay sees the manifest URL and ciphertext, never the key.
 */

/** L: long-term (may change), P: passcode required, U: direct file GET, no manifest. */
export type ShlFlagLetter = 'L' | 'P' | 'U';

const PREFIX = 'shlink:/';
const MAX_URL = 128;
const MAX_LABEL = 80;

/**
 * An absolute https URL, or plain http on this machine: what a link's manifest (and a
 * health card's issuer) may be.
 */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    // SECURITY: https only, except plain http on this machine (development and tests).
    return (
      u.protocol === 'https:' ||
      (u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname))
    );
  } catch {
    return false;
  }
}

/** The payload, as the specification defines it and as Carnet accepts it. */
const ShlPayloadSchema = v.pipe(
  v.object({
    /** Manifest URL, absolute, at most 128 characters. */
    url: v.pipe(v.string(), v.maxLength(MAX_URL), v.check(isHttpUrl)),
    /** 43 characters of base64url: the 256-bit content key. */
    key: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)),
    /** Expiry, epoch seconds. */
    exp: v.optional(v.pipe(v.number(), v.finite())),
    /** Flag letters in alphabetical order, e.g. `P` or `LP`; never both U and P. */
    flag: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^L?P?U?$/),
        v.check((f) => !(f.includes('U') && f.includes('P'))),
      ),
    ),
    /** Short description for the recipient, at most 80 characters. */
    label: v.optional(v.pipe(v.string(), v.maxLength(MAX_LABEL))),
    v: v.optional(v.literal(1)),
  }),
  // An empty flag says nothing: dropped, so the payload reads the same either way.
  v.transform(({ flag, ...rest }) => ({ ...rest, ...(flag ? { flag } : {}) })),
);

export type ShlPayload = Readonly<v.InferOutput<typeof ShlPayloadSchema>>;

/** Encodes a payload as `shlink:/...`. */
export function encodeShlink(payload: ShlPayload): string {
  return PREFIX + toBase64Url(utf8Encode(JSON.stringify(payload)));
}

/** The link the QR code holds: our viewer, with the payload in the fragment. */
export function viewerLink(origin: string, payload: ShlPayload): string {
  return `${origin}/v#${encodeShlink(payload)}`;
}

/** Whether the payload has flag letter `letter`. */
export function hasFlag(payload: ShlPayload, letter: ShlFlagLetter): boolean {
  return payload.flag?.includes(letter) ?? false;
}

/**
 * Reads a SMART Health Link from a bare `shlink:/...` or any URL whose fragment holds one.
 * Throws ShareError('malformed-link') for anything else, without saying what was seen.
 */
export function parseShlink(text: string): ShlPayload {
  const trimmed = text.trim();
  const at = trimmed.indexOf(PREFIX);
  if (at < 0 || (at > 0 && trimmed[at - 1] !== '#')) throw new ShareError('malformed-link');
  try {
    // Trailing padding is tolerated: some writers add it, and it changes nothing.
    const bytes = fromBase64Url(trimmed.slice(at + PREFIX.length).replace(/=+$/, ''));
    const parsed = v.safeParse(ShlPayloadSchema, JSON.parse(utf8Decode(bytes)));
    if (parsed.success) return parsed.output;
  } catch {
    // not base64url, not UTF-8, not JSON: malformed like any other bad payload
  }
  throw new ShareError('malformed-link');
}

/** The content key as bytes; throws malformed-link unless it is exactly 32 bytes. */
export function contentKey(payload: ShlPayload): Uint8Array {
  try {
    const key = fromBase64Url(payload.key);
    if (key.length === 32) return key;
  } catch {
    // not base64url
  }
  throw new ShareError('malformed-link');
}
