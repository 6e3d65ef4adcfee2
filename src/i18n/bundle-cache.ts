/**
 * One language's bundle (vite-plugins/locale-bundles.ts) from the caches or the network,
 * kept in LOCALE_CACHE the first time it is fetched, so that language works offline from
 * then on. French is in the service worker's precache; every other language comes here the
 * first time it is shown (the browser's language on a first visit, the one the patient picks).
 */
import type { LocaleBundle } from './locale-bundle.ts';

/** The Cache Storage cache holding the languages used on this device. */
export const LOCALE_CACHE = 'carnet-locales';

/** Thrown when a language cannot be loaded: offline and never cached, or a broken file. */
export class LanguageUnavailableError extends Error {
  readonly code = 'language-unavailable';
  constructor(readonly lng: string) {
    super(`language ${lng} unavailable`);
    this.name = 'LanguageUnavailableError';
  }
}

/** Cache Storage, where the browser offers it (not in every private mode, nor over http). */
function cacheStorage(): CacheStorage | null {
  try {
    return typeof caches === 'undefined' ? null : caches;
  } catch {
    return null;
  }
}

/**
 * Whether cached `url` is another version of `lng`'s bundle at `current` (an absolute path):
 * same folder, same language, another hash.
 */
function isOtherVersion(url: string, current: string, lng: string): boolean {
  const path = new URL(url, 'http://carnet.invalid').pathname;
  const prefix = `${current.slice(0, current.lastIndexOf('/') + 1)}${lng}.`;
  return path !== current && path.startsWith(prefix);
}

/** `url` from any cache: French is in the service worker's precache, the others in ours. */
async function fromCache(url: string): Promise<Response | undefined> {
  return cacheStorage()
    ?.match(url)
    .catch(() => undefined);
}

/**
 * An earlier version of `lng`'s bundle, kept from before an update: better the previous
 * wording in the patient's language than another language, when the new file cannot be
 * fetched (an update applied offline).
 */
async function earlierVersion(url: string, lng: string): Promise<Response | undefined> {
  const cache = await cacheStorage()
    ?.open(LOCALE_CACHE)
    .catch(() => undefined);
  if (!cache) return undefined;
  const earlier = (await cache.keys()).find((r) => isOtherVersion(r.url, url, lng));
  return earlier ? cache.match(earlier) : undefined;
}

/** Keeps `response` for offline use, then drops the language's other versions. */
async function keep(url: string, lng: string, response: Response): Promise<void> {
  const cache = await cacheStorage()?.open(LOCALE_CACHE);
  if (!cache) return;
  await cache.put(url, response);
  for (const request of await cache.keys())
    if (isOtherVersion(request.url, url, lng)) await cache.delete(request);
}

async function network(url: string, lng: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new LanguageUnavailableError(lng);
  // Kept before it is read; a cache that refuses (full, private mode) only costs the
  // offline copy.
  await keep(url, lng, response.clone()).catch(() => undefined);
  return response;
}

/** From a cache, else the network (then kept), else an earlier version kept before. */
async function cachedOrFetched(url: string, lng: string): Promise<Response> {
  const hit = await fromCache(url);
  if (hit) return hit;
  try {
    return await network(url, lng);
  } catch (err) {
    const earlier = await earlierVersion(url, lng);
    if (earlier) return earlier;
    throw err instanceof LanguageUnavailableError ? err : new LanguageUnavailableError(lng);
  }
}

/** From the network only, nothing kept. */
async function fetchedOnly(url: string, lng: string): Promise<Response> {
  const response = await fetch(url).catch(() => null);
  if (!response?.ok) throw new LanguageUnavailableError(lng);
  return response;
}

/**
 * `lng`'s bundle at `url` (an absolute path): from a cache, else from the network and then
 * cached, else an earlier version cached before an update. Rejects with
 * LanguageUnavailableError when there is none, or when the file is not JSON. With `cached`
 * false (the dev server, whose bundles keep their names while their sources change), from
 * the network only.
 */
export async function fetchLocaleBundle(
  lng: string,
  url: string,
  cached = true,
): Promise<LocaleBundle> {
  const response = await (cached ? cachedOrFetched(url, lng) : fetchedOnly(url, lng));
  try {
    return (await response.json()) as LocaleBundle;
  } catch {
    throw new LanguageUnavailableError(lng);
  }
}
