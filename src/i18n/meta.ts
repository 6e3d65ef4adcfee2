/** What `public/locales/<lng>/_meta.json` says about a translation. */
export interface LocaleMeta {
  readonly author: string;
  readonly reviewed: boolean;
  readonly reviewedBy: string | null;
  /** One sentence, in the language itself, saying it has not been professionally reviewed. */
  readonly notice?: string;
}

const cache = new Map<string, Promise<LocaleMeta | null>>();

/**
 * Who wrote a language's strings and whether a professional translator reviewed them, so
 * the app can say so honestly in that language. Served from our origin and precached.
 * Resolves to null when the file is missing or malformed.
 */
export function loadLocaleMeta(lng: string): Promise<LocaleMeta | null> {
  let pending = cache.get(lng);
  if (!pending) {
    pending = fetch(`/locales/${encodeURIComponent(lng)}/_meta.json`)
      .then((r) => (r.ok ? (r.json() as Promise<unknown>) : null))
      .then((v) => (isMeta(v) ? v : null))
      .catch(() => null);
    cache.set(lng, pending);
  }
  return pending;
}

function isMeta(v: unknown): v is LocaleMeta {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  return typeof m.reviewed === 'boolean' && typeof m.author === 'string';
}
