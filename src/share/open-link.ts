import { ShareError } from './errors.ts';
import { decryptJwe } from './jwe.ts';
import type { ManifestRequest } from './protocol.ts';
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
export const EMBEDDED_LENGTH_MAX = 1_000_000;

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
  const files = manifestFiles(await json(res));
  return Promise.all(
    files.map(async (f) => {
      const jwe =
        f.embedded ?? (await text(await send(get, f.location!, { method: 'GET' }, options)));
      const { plaintext } = await decryptJwe(jwe.trim(), key);
      return { contentType: f.contentType, plaintext };
    }),
  );
}

interface ManifestEntry {
  contentType: string;
  embedded?: string;
  location?: string;
}

/** Checks the manifest's shape; a relay answering nonsense is a network problem. */
function manifestFiles(value: unknown): ManifestEntry[] {
  const files = (value as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) throw new ShareError('network');
  return files.map((f: unknown) => {
    const e = f as Record<string, unknown> | null;
    const contentType = typeof e?.contentType === 'string' ? e.contentType : '';
    if (typeof e?.embedded === 'string') return { contentType, embedded: e.embedded };
    if (typeof e?.location === 'string' && isHttp(e.location)) {
      return { contentType, location: e.location };
    }
    throw new ShareError('network');
  });
}

function isHttp(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
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
  if (res.status === 401) {
    const body = (await json(res).catch(() => null)) as { remainingAttempts?: unknown } | null;
    const left = body?.remainingAttempts;
    const details = typeof left === 'number' ? { remainingAttempts: left } : {};
    throw new ShareError(
      options.passcode === undefined ? 'passcode-required' : 'wrong-passcode',
      details,
    );
  }
  if (res.status === 404) throw new ShareError('inactive');
  if (res.status === 429) throw new ShareError('rate-limited');
  throw new ShareError('network');
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
