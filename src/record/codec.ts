import type { Entry, Profile } from './types.ts';

/**
 * Plaintext <-> bytes for sealing. JSON, UTF-8. Decoding checks the shape, so a record
 * that authenticates but was written by a buggy or future version is reported, not shown
 * half-broken.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeRecord(value: Entry | Profile): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Returns the entry, or null when the bytes are not an entry this version understands. */
export function decodeEntry(bytes: Uint8Array): Entry | null {
  try {
    const v: unknown = JSON.parse(decoder.decode(bytes));
    if (!isObject(v) || typeof v.id !== 'string' || typeof v.profileId !== 'string') return null;
    if (!isObject(v.details) || typeof v.details.kind !== 'string') return null;
    return v as unknown as Entry;
  } catch {
    return null;
  }
}

/** Returns the profile, or null when the bytes are not a profile this version understands. */
export function decodeProfile(bytes: Uint8Array): Profile | null {
  try {
    const v: unknown = JSON.parse(decoder.decode(bytes));
    if (!isObject(v) || typeof v.id !== 'string' || typeof v.name !== 'string') return null;
    return v as unknown as Profile;
  } catch {
    return null;
  }
}
