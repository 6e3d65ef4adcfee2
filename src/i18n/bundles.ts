/**
 * The language bundles of this build (vite-plugins/locale-bundles.ts), each loaded once per
 * page and cached for offline use by bundle-cache.ts.
 */
import { LOCALE_BUNDLES } from 'virtual:carnet-locales';
import { LanguageUnavailableError, fetchLocaleBundle } from './bundle-cache.ts';
import type { LocaleBundle } from './locale-bundle.ts';

const loading = new Map<string, Promise<LocaleBundle>>();

/**
 * `lng`'s bundle, from a cache or the network (then cached). Rejects with
 * LanguageUnavailableError when neither has it; a later call tries again.
 */
export function loadLocaleBundle(lng: string): Promise<LocaleBundle> {
  let pending = loading.get(lng);
  if (!pending) {
    const url = LOCALE_BUNDLES[lng];
    pending = url
      ? fetchLocaleBundle(lng, url, !import.meta.env.DEV)
      : Promise.reject(new LanguageUnavailableError(lng));
    loading.set(lng, pending);
    void pending.catch(() => loading.delete(lng));
  }
  return pending;
}
