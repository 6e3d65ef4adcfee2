/**
 * The heavy parts of the app that the first visit does not download (pdf.js and its worker,
 * the QR decoder): vite-plugins/offline-split.ts leaves them out of the precache and lists
 * them in DEFERRED_ASSETS_FILE. The service worker keeps each in DEFERRED_CACHE when it is
 * first used; `warmDeferredAssets` fetches the rest in the background once the patient has a
 * record open, so reading a PDF or scanning a code works offline later too.
 */

/** The list of deferred files, written at the root of the build (vite.config.ts). */
export const DEFERRED_ASSETS_FILE = 'deferred-assets.json';

/** The service worker's runtime cache for them (vite.config.ts, `runtimeCaching`). */
export const DEFERRED_CACHE = 'carnet-deferred';

/** What DEFERRED_ASSETS_FILE holds: paths of hashed, immutable files under /assets/. */
interface DeferredList {
  readonly assets: readonly string[];
}

function isDeferredList(v: unknown): v is DeferredList {
  const assets = (v as { assets?: unknown } | null)?.assets;
  // Our own hashed files only: never another origin (`//host/...`), never a path elsewhere.
  return (
    Array.isArray(assets) &&
    assets.every((a) => typeof a === 'string' && /^\/assets\/[\w.-]+$/.test(a))
  );
}

/**
 * Downloads, one at a time, each deferred file not cached yet, and removes files of older
 * versions from the cache. Does nothing offline or where Cache Storage is missing; any
 * failure only means a file is fetched when first used instead.
 */
export async function warmDeferredAssets(): Promise<void> {
  if (typeof caches === 'undefined' || !navigator.onLine) return;
  const response = await fetch(`/${DEFERRED_ASSETS_FILE}`);
  const list: unknown = response.ok ? await response.json() : null;
  if (!isDeferredList(list)) return;
  const cache = await caches.open(DEFERRED_CACHE);
  const cached = new Map((await cache.keys()).map((r) => [new URL(r.url).pathname, r]));
  for (const path of list.assets) if (!cached.has(path)) await cache.add(path);
  for (const [path, request] of cached)
    if (!list.assets.includes(path)) await cache.delete(request);
}
