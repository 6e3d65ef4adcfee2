import { toBase64Url } from '../crypto/encoding.ts';
import { plan, storedLength, writeStored } from './deflate.ts';
import type { FhirBundle } from './fhir-types.ts';
import { withReplyExtension, type ReplyTarget } from './ips-build-reply.ts';
import { ShareError } from './errors.ts';

/**
 * Longest reply endpoint: a manifest URL (at most 128 characters, SMART Health Links)
 * and `/replies`. A share's file length is declared before the relay names the share, so
 * the endpoint gets a slot this long (and its closing quote), padded with spaces.
 */
const ENDPOINT_MAX = 128 + '/replies'.length;
const SLOT_BYTES = ENDPOINT_MAX + 1;

/** Strings at least this long are checked for base64 and copied as bytes, not stringified. */
const BIG_STRING = 4096;

/** Which bytes base64 (standard, padded) is made of: none needs escaping in JSON. */
const BASE64_LETTERS = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=')
  BASE64_LETTERS[c.charCodeAt(0)] = 1;

/** `text` as bytes when it is base64 (then its JSON is itself, quoted), else null. */
function base64Bytes(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || !BASE64_LETTERS[c]) return null;
    out[i] = c;
  }
  return out;
}

/** A bundle packed as a share's file: its plaintext's length, then its bytes. */
export interface PackedBundle {
  /** The plaintext's length, bytes: known before the endpoint is. */
  readonly length: number;
  /** Writes everything but the endpoint (the bulk of the work). */
  writeBulk(): void;
  /** Puts the endpoint in its slot and returns the whole plaintext, once `writeBulk` ran. */
  withEndpoint(endpoint: string): Uint8Array<ArrayBuffer>;
}

/**
 * The bundle with its reply extension as a share file's plaintext: JSON, compressed
 * (deflate.ts) around a slot left for the reply endpoint.
 *
 * The JSON is built once, with a random marker for the endpoint and for each long string
 * (a document's base64): the stringified part is small, and each long string that is
 * base64, which JSON never escapes, goes in as bytes without another copy as text. What
 * precedes the endpoint and what follows it are compressed; the slot is stored as it is.
 * So the length is known (and the bulk written) before the relay names the share, and
 * nothing the relay chooses changes the length.
 */
export function packBundle(bundle: FhirBundle, reply: Omit<ReplyTarget, 'endpoint'>): PackedBundle {
  const nonce = `carnet:${toBase64Url(crypto.getRandomValues(new Uint8Array(18)))}:`;
  const endpointMarker = `${nonce}endpoint`;
  const big: Uint8Array[] = [];
  const json = JSON.stringify(
    withReplyExtension(bundle, { ...reply, endpoint: endpointMarker }),
    (_key, value: unknown) => {
      if (typeof value !== 'string' || value.length < BIG_STRING) return value;
      const bytes = base64Bytes(value);
      if (!bytes) return value;
      big.push(bytes);
      return `${nonce}${big.length - 1}`;
    },
  );
  // The JSON cut at each marker (quotes stay in the text): text, part, text, part...
  const encoder = new TextEncoder();
  const head: Uint8Array[] = [];
  let tail: Uint8Array[] | null = null;
  let from = 0;
  for (let at = json.indexOf(nonce); at >= 0; at = json.indexOf(nonce, from)) {
    const end = json.indexOf('"', at);
    const name = json.slice(at + nonce.length, end);
    const text = encoder.encode(json.slice(from, at));
    (tail ?? head).push(text);
    if (name === 'endpoint') {
      // The slot holds the endpoint and its closing quote.
      tail = [];
      from = end + 1;
    } else {
      (tail ?? head).push(big[Number(name)]!);
      from = end;
    }
  }
  (tail ?? head).push(encoder.encode(json.slice(from)));

  // A bundle without a Composition carries no reply channel, so no slot either.
  const first = plan(head, tail === null);
  const rest = tail ? plan(tail, true) : null;
  const slotAt = first.length;
  const restAt = slotAt + (rest ? storedLength(SLOT_BYTES) : 0);
  const body = new Uint8Array(restAt + (rest?.length ?? 0));
  return {
    length: body.length,
    writeBulk() {
      first.write(body, 0);
      rest?.write(body, restAt);
    },
    withEndpoint(endpoint) {
      if (!rest) return body;
      // JSON (escapes, if a URL ever needed any) and the closing quote, then white space:
      // still the same JSON, to any reader.
      const slot = encoder.encode(JSON.stringify(endpoint).slice(1));
      if (slot.length > SLOT_BYTES) throw new ShareError('network');
      const padded = new Uint8Array(SLOT_BYTES).fill(0x20);
      padded.set(slot);
      writeStored(body, slotAt, padded);
      return body;
    },
  };
}
