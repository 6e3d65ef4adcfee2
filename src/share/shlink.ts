import { base64url } from 'jose';
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

export interface ShlPayload {
  /** Manifest URL, absolute, at most 128 characters. */
  readonly url: string;
  /** 43 characters of base64url: the 256-bit content key. */
  readonly key: string;
  /** Expiry, epoch seconds. */
  readonly exp?: number;
  /** Flag letters in alphabetical order, e.g. `P` or `LP`. */
  readonly flag?: string;
  /** Short description for the recipient, at most 80 characters. */
  readonly label?: string;
  readonly v?: 1;
}

const PREFIX = 'shlink:/';
const MAX_URL = 128;
const MAX_LABEL = 80;

/** Encodes a payload as `shlink:/...`. */
export function encodeShlink(payload: ShlPayload): string {
  return PREFIX + base64url.encode(JSON.stringify(payload));
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
  let json: unknown;
  try {
    json = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(
        base64url.decode(trimmed.slice(at + PREFIX.length)),
      ),
    );
  } catch {
    throw new ShareError('malformed-link');
  }
  return checkPayload(json);
}

function checkPayload(json: unknown): ShlPayload {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new ShareError('malformed-link');
  const p = json as Record<string, unknown>;
  const bad = () => new ShareError('malformed-link');
  if (typeof p.url !== 'string' || p.url.length > MAX_URL || !isHttpUrl(p.url)) throw bad();
  if (typeof p.key !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(p.key)) throw bad();
  if (p.exp !== undefined && (typeof p.exp !== 'number' || !Number.isFinite(p.exp))) throw bad();
  if (p.flag !== undefined && (typeof p.flag !== 'string' || !/^L?P?U?$/.test(p.flag))) throw bad();
  if (typeof p.flag === 'string' && p.flag.includes('U') && p.flag.includes('P')) throw bad();
  if (p.label !== undefined && (typeof p.label !== 'string' || p.label.length > MAX_LABEL))
    throw bad();
  if (p.v !== undefined && p.v !== 1) throw bad();
  return {
    url: p.url,
    key: p.key,
    ...(p.exp !== undefined ? { exp: p.exp } : {}),
    ...(p.flag ? { flag: p.flag } : {}),
    ...(p.label !== undefined ? { label: p.label } : {}),
    ...(p.v !== undefined ? { v: 1 as const } : {}),
  };
}

function isHttpUrl(value: string): boolean {
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

/** The content key as bytes; throws malformed-link unless it is exactly 32 bytes. */
export function contentKey(payload: ShlPayload): Uint8Array {
  const key = base64url.decode(payload.key);
  if (key.length !== 32) throw new ShareError('malformed-link');
  return key;
}
