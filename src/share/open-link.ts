import * as v from 'valibot';
import { ShareError } from './errors.ts';
import { decryptJwe } from './jwe.ts';
import { manifestResponseSchema } from './protocol-schema.ts';
import type { ManifestRequest } from './protocol.ts';
import { relayFailure } from './relay-status.ts';
import { contentKey, hasFlag, type ShlPayload } from './shlink.ts';

/**
 * The reading side of a SMART Health Link: the manifest request (or the direct GET of a
 * `U` link), the files behind it, and their decryption with the key from the link.
 * Every failure is a ShareError whose code the viewer turns into words.
 */

/** One decrypted file of a share. */
export interface SharedFile {
  readonly contentType: string;
  readonly plaintext: Uint8Array;
}

export interface OpenOptions {
  /** Who is opening the link; the patient sees it in their list of opens. */
  readonly recipient: string;
  readonly passcode?: string;
  /** Files up to this many characters come inside the manifest (one round trip fewer). */
  readonly embeddedLengthMax?: number;
  /** Injected in tests. */
  readonly fetch?: typeof fetch;
}

/** Default for `embeddedLengthMax`: a summary with a few small documents. */
const EMBEDDED_LENGTH_MAX = 1_000_000;

/**
 * Opens a share: asks the relay for its files and decrypts them in this browser.
 * SECURITY: the key from the link is used here only; it is never part of any request.
 */
export async function openShareLink(
  payload: ShlPayload,
  options: OpenOptions,
): Promise<SharedFile[]> {
  const key = contentKey(payload);
  const get = options.fetch ?? globalThis.fetch.bind(globalThis);
  if (hasFlag(payload, 'U')) {
    const url = new URL(payload.url);
    url.searchParams.set('recipient', options.recipient);
    const jwe = await text(await send(get, url.href, { method: 'GET' }, options));
    const { plaintext, contentType } = await decryptJwe(jwe.trim(), key);
    return [{ contentType: contentType ?? 'application/fhir+json', plaintext }];
  }
  const body: ManifestRequest = {
    recipient: options.recipient,
    ...(options.passcode !== undefined ? { passcode: options.passcode } : {}),
    embeddedLengthMax: options.embeddedLengthMax ?? EMBEDDED_LENGTH_MAX,
  };
  const res = await send(
    get,
    payload.url,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    },
    options,
  );
  // A relay answering anything but a manifest is a network problem.
  const manifest = v.safeParse(manifestResponseSchema, await json(res));
  if (!manifest.success) throw new ShareError('network');
  return Promise.all(
    manifest.output.files.map(async (f) => {
      const jwe =
        'embedded' in f
          ? f.embedded
          : await text(await send(get, f.location, { method: 'GET' }, options));
      const { plaintext } = await decryptJwe(jwe.trim(), key);
      return { contentType: f.contentType, plaintext };
    }),
  );
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
    // SECURITY: no cookies, no referrer: the relay learns only what the protocol sends.
    res = await get(url, { ...init, credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch {
    throw new ShareError(globalThis.navigator?.onLine === false ? 'offline' : 'network');
  }
  if (res.ok) return res;
  // Only a 401 has something to read: how many PIN attempts are left.
  const body = res.status === 401 ? await json(res).catch(() => null) : undefined;
  throw relayFailure(res.status, {
    kind: 'open',
    passcodeSent: options.passcode !== undefined,
    body,
  });
}

async function json(res: Response): Promise<unknown> {
  try {
    return (await res.json()) as unknown;
  } catch {
    throw new ShareError('network');
  }
}

async function text(res: Response): Promise<string> {
  try {
    return await res.text();
  } catch {
    throw new ShareError('network');
  }
}
