import { loadLocaleBundle } from './bundles.ts';

/** What `public/locales/<lng>/_meta.json` says about a translation. */
export interface LocaleMeta {
  readonly author: string;
  readonly reviewed: boolean;
  readonly reviewedBy: string | null;
  /** One sentence, in the language itself, saying it has not been professionally reviewed. */
  readonly notice?: string;
}

/**
 * Who wrote a language's strings and whether a professional translator reviewed them, so
 * the app can say so honestly in that language. Read from the language's bundle (bundles.ts),
 * which the interface has loaded already. Resolves to null when it is missing or malformed.
 */
export function loadLocaleMeta(lng: string): Promise<LocaleMeta | null> {
  return loadLocaleBundle(lng).then(
    (bundle) => (isMeta(bundle.meta) ? bundle.meta : null),
    () => null,
  );
}

function isMeta(v: unknown): v is LocaleMeta {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  return typeof m.reviewed === 'boolean' && typeof m.author === 'string';
}
