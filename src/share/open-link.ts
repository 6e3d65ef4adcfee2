import * as v from 'valibot';
import { ShareError } from './errors.ts';
import { MAX_PLAINTEXT_BYTES, decryptJwe } from './jwe.ts';
import { manifestResponseSchema } from './protocol-schema.ts';
import type { ManifestRequest } from './protocol.ts';
import { relayFailure } from './relay-status.ts';
import { contentKey, hasFlag, type ShlPayload } from './shlink.ts';

/**
 * The reading side of a SMART Health Link, Carnet's or any other server's: the manifest
 * request (or the direct GET of a `U` link), the files behind it, and their decryption
 * with the key from the link. Every failure is a ShareError whose code the viewer turns
 * into words. A share from another server is hostile input like any other: what it may
 * send, and open to, is bounded (MAX_FILES, MAX_PLAINTEXT_BYTES, MANIFEST_SLACK_BYTES).
 */

/** One decrypted file of a share. */
export interface SharedFile {
  readonly contentType: string;
  readonly plaintext: Uint8Array;
}

/** The manifest's `status`: whether its files may still change, or are withdrawn. */
export type ManifestStatus = 'finalized' | 'can-change' | 'no-longer-valid';

/** What a link opened to. */
export interface OpenedShare {
  readonly files: readonly SharedFile[];
  /** The manifest's `status`, when it states a known one. */
  readonly status?: ManifestStatus;
  /** Files of the manifest past MAX_FILES, neither fetched nor shown. */
  readonly omittedFiles: number;
}

/** A server of the share did not answer. `host` (`example.org`, `127.0.0.1:8080`) names it. */
export class UnreachableServer extends ShareError {
  constructor(readonly host: string) {
    super('network');
  }
}

export interface OpenOptions {
  /** Who is opening the link; the patient sees it in their list of opens. */
  readonly recipient: string;
  readonly passcode?: string;
  /** Files up to this many characters come inside the manifest (one round trip fewer). */
  readonly embeddedLengthMax?: number;
  /** Injected in tests. */
  readonly fetch?: typeof fetch;
  /** The most a share may open to, bytes (default MAX_PLAINTEXT_BYTES); tests lower it. */
  readonly maxBytes?: number;
}

/** Default for `embeddedLengthMax`: a summary with a few small documents. */
const EMBEDDED_LENGTH_MAX = 1_000_000;
/** Files read from one manifest; Carnet's relay allows 20 (RELAY_MAX_FILES). */
export const MAX_FILES = 100;
/**
 * Bytes one share may send in all (manifest and files) are the largest share the relay
 * stores (MAX_PLAINTEXT_BYTES, counted as JWE text there) and this much more for the
 * manifest's own JSON. A server that sends more is cut off as it sends, not after.
 */
const MANIFEST_SLACK_BYTES = 1024 * 1024;

const statusSchema = v.object({
  status: v.optional(v.picklist(['finalized', 'can-change', 'no-longer-valid'])),
});

/**
 * Opens a share: asks the server for its files and decrypts them in this browser.
 * SECURITY: the key from the link is used here only; it is never part of any request.
 */
export async function openShareLink(
  payload: ShlPayload,
  options: OpenOptions,
): Promise<OpenedShare> {
  const key = contentKey(payload);
  const get = options.fetch ?? globalThis.fetch.bind(globalThis);
  const maxBytes = options.maxBytes ?? MAX_PLAINTEXT_BYTES;
  const budget = { left: maxBytes + MANIFEST_SLACK_BYTES };
  const fetchText = async (url: string, init: RequestInit) =>
    readCapped(await send(get, url, init, options), budget, url);
  if (hasFlag(payload, 'U')) {
    const url = new URL(payload.url);
    url.searchParams.set('recipient', options.recipient);
    const jwe = await fetchText(url.href, { method: 'GET' });
    const { plaintext, contentType } = await decryptJwe(jwe.trim(), key, maxBytes);
    return {
      files: [{ contentType: contentType ?? 'application/fhir+json', plaintext }],
      omittedFiles: 0,
    };
  }
  const body: ManifestRequest = {
    recipient: options.recipient,
    ...(options.passcode !== undefined ? { passcode: options.passcode } : {}),
    embeddedLengthMax: options.embeddedLengthMax ?? EMBEDDED_LENGTH_MAX,
  };
  const answer = await fetchText(payload.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  // A server answering anything but a manifest is a network problem.
  const json = parseJson(answer);
  const manifest = v.safeParse(manifestResponseSchema, json);
  if (!manifest.success) throw new ShareError('network');
  const status = v.safeParse(statusSchema, json);
  const listed = manifest.output.files;
  const wanted = listed.slice(0, MAX_FILES);
  const jwes = await Promise.all(
    wanted.map((f) =>
      'embedded' in f ? Promise.resolve(f.embedded) : fetchText(f.location, { method: 'GET' }),
    ),
  );
  return {
    files: await decryptAll(
      wanted.map((f, i) => ({ contentType: f.contentType, jwe: jwes[i]! })),
      key,
      maxBytes,
    ),
    ...(status.success && status.output.status ? { status: status.output.status } : {}),
    omittedFiles: listed.length - wanted.length,
  };
}

/**
 * Decrypts the files one after the other, each allowed only what the earlier ones left of
 * `maxBytes`, so compressed files cannot add up past it.
 */
async function decryptAll(
  files: readonly { contentType: string; jwe: string }[],
  key: Uint8Array,
  maxBytes: number,
): Promise<SharedFile[]> {
  const out: SharedFile[] = [];
  let left = maxBytes;
  for (const file of files) {
    if (left <= 0) throw new ShareError('too-large');
    const { plaintext } = await decryptJwe(file.jwe.trim(), key, left);
    left -= plaintext.byteLength;
    out.push({ contentType: file.contentType, plaintext });
  }
  return out;
}

/** Sends a request and maps every failure to a ShareError code. */
async function send(
  get: typeof fetch,
  url: string,
  init: RequestInit,
  options: OpenOptions,
): Promise<Response> {
  let res: Response;
  try {
    // SECURITY: no cookies, no referrer: the server learns only what the protocol sends.
    res = await get(url, { ...init, credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch {
    if (globalThis.navigator?.onLine === false) throw new ShareError('offline');
    throw new UnreachableServer(new URL(url).host);
  }
  if (res.ok) return res;
  // Only a 401 has something to read: how many PIN attempts are left.
  const body =
    res.status === 401
      ? await readCapped(res, { left: 64 * 1024 }, url)
          .then(parseJson)
          .catch(() => null)
      : undefined;
  throw relayFailure(res.status, {
    kind: 'open',
    passcodeSent: options.passcode !== undefined,
    body,
  });
}

/**
 * Reads a body as text, taking its bytes from `budget` as they arrive: past it, the
 * transfer is cancelled and the share is `too-large`. A transfer cut halfway is the
 * server (`url`'s) not answering.
 */
export async function readCapped(
  res: Response,
  budget: { left: number },
  url: string,
): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > budget.left) throw new ShareError('too-large');
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      budget.left -= value.byteLength;
      if (budget.left < 0) {
        await reader.cancel().catch(() => undefined);
        throw new ShareError('too-large');
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    if (error instanceof ShareError) throw error;
    throw new UnreachableServer(new URL(url).host);
  }
  return text + decoder.decode();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ShareError('network');
  }
}
