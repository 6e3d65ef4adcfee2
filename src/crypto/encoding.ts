/**
 * Byte encodings used across crypto/ and by the layers above it. Pure functions, no
 * libsodium, safe to import on the main thread.
 */
import type { Base64Url } from './types.ts';
import { CryptoError } from './types.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

/** Encodes bytes as unpadded base64url (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): Base64Url {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out +=
      ALPHABET.charAt(n >> 18) +
      ALPHABET.charAt((n >> 12) & 63) +
      ALPHABET.charAt((n >> 6) & 63) +
      ALPHABET.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63);
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out +=
      ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63) + ALPHABET.charAt((n >> 6) & 63);
  }
  return out as Base64Url;
}

/**
 * Encodes bytes as padded standard base64 (RFC 4648 §4), as FHIR `Attachment.data` wants.
 * The platform's own encoder where it has one (`Uint8Array.prototype.toBase64`, about ten
 * times faster than btoa on a multi-megabyte scan, which a share spends most of its
 * building on); elsewhere btoa in 32 KiB slices.
 */
export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Decodes unpadded base64url. Strict: any other character, a length of 4k+1, or
 * non-zero trailing bits throw `CryptoError('bad-envelope')`, so one value has one encoding.
 */
export function fromBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new CryptoError('bad-envelope');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const c of text) {
    const v = DECODE.get(c);
    if (v === undefined) throw new CryptoError('bad-envelope');
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) throw new CryptoError('bad-envelope');
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 bytes of `text`. */
export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Text from UTF-8 bytes. Invalid UTF-8 throws `CryptoError('bad-envelope')`. */
export function utf8Decode(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new CryptoError('bad-envelope');
  }
}

/** `length` bytes from the platform CSPRNG (crypto.getRandomValues, 64 KiB per call at most). */
export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 65536) {
    crypto.getRandomValues(out.subarray(i, Math.min(length, i + 65536)));
  }
  return out;
}

/**
 * A fresh opaque row id: 16 random bytes as base64url (22 characters).
 * SECURITY: ids are random, never counters, dates or hashes of content, so the ids in
 * IndexedDB reveal neither the order of writes nor anything about what a row holds.
 */
export function randomId(): Base64Url {
  return toBase64Url(randomBytes(16));
}

/** `parts` end to end, in one new buffer. */
export function concatBytes(parts: readonly ArrayLike<number>[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Constant-time comparison of two byte arrays of possibly different lengths. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * Zeros of the digit sets patients type with: Latin, Arabic-Indic, Extended Arabic-Indic
 * (Persian, Dari, Pashto, Urdu), Devanagari, Bengali, Tamil, full-width. Each set is ten
 * consecutive code points from its zero.
 */
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xbe6, 0xff10] as const;

/**
 * `text` with every digit of the sets above read as 0-9 (an Arabic keyboard's ١٢٣ is 123);
 * digits of other sets and every other character are left as they are.
 * SECURITY: PINs are normalised with this (secret-rules.ts): its answer for those sets is
 * frozen with v1, or stored wraps would no longer open.
 */
export function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (c) => {
    const cp = c.codePointAt(0) ?? 0;
    const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9);
    return zero === undefined ? c : String(cp - zero);
  });
}
