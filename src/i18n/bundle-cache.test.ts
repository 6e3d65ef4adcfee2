import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCALE_CACHE, LanguageUnavailableError, fetchLocaleBundle } from './bundle-cache.ts';

const BASE = 'http://carnet.test';

/** Cache Storage as the browser offers it, in memory, enough for bundle-cache.ts. */
class MemoryCaches {
  readonly stores = new Map<string, Map<string, Response>>();
  private absolute = (url: RequestInfo | URL) =>
    new URL(typeof url === 'string' || url instanceof URL ? url : url.url, BASE).href;

  async open(name: string) {
    await Promise.resolve();
    const store = this.stores.get(name) ?? new Map<string, Response>();
    this.stores.set(name, store);
    return {
      put: async (url: RequestInfo | URL, response: Response) => {
        store.set(this.absolute(url), new Response(await response.text()));
      },
      match: async (url: RequestInfo | URL) => {
        await Promise.resolve();
        return store.get(this.absolute(url))?.clone();
      },
      keys: async () => {
        await Promise.resolve();
        return [...store.keys()].map((u) => new Request(u));
      },
      delete: async (request: Request) => {
        await Promise.resolve();
        return store.delete(request.url);
      },
    };
  }

  async match(url: RequestInfo | URL) {
    await Promise.resolve();
    for (const store of this.stores.values()) {
      const found = store.get(this.absolute(url));
      if (found) return found.clone();
    }
    return undefined;
  }

  cached(name: string): string[] {
    return [...(this.stores.get(name)?.keys() ?? [])].map((u) => new URL(u).pathname);
  }
}

const bundle = (greeting: string) =>
  JSON.stringify({ meta: null, namespaces: { common: { hello: greeting } } });

let memory: MemoryCaches;
let served: Record<string, string>;
let online: boolean;

beforeEach(() => {
  memory = new MemoryCaches();
  served = {};
  online = true;
  vi.stubGlobal('caches', memory);
  vi.stubGlobal('fetch', async (url: string) => {
    await Promise.resolve();
    if (!online) throw new TypeError('Failed to fetch');
    const body = served[url];
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const hello = async (lng: string, url: string) =>
  ((await fetchLocaleBundle(lng, url)).namespaces.common as { hello: string }).hello;

describe('a language bundle', () => {
  it('is fetched once, kept, then read offline from the cache', async () => {
    served['/assets/locales/tr.aaaa.json'] = bundle('Merhaba');
    expect(await hello('tr', '/assets/locales/tr.aaaa.json')).toBe('Merhaba');
    expect(memory.cached(LOCALE_CACHE)).toEqual(['/assets/locales/tr.aaaa.json']);
    online = false;
    expect(await hello('tr', '/assets/locales/tr.aaaa.json')).toBe('Merhaba');
  });

  it('comes from the service worker precache when it is there (French)', async () => {
    const precache = await memory.open('workbox-precache-v2');
    await precache.put('/assets/locales/fr.ffff.json', new Response(bundle('Bonjour')));
    online = false;
    expect(await hello('fr', '/assets/locales/fr.ffff.json')).toBe('Bonjour');
    expect(memory.cached(LOCALE_CACHE)).toEqual([]);
  });

  it('is refused offline when it was never fetched', async () => {
    online = false;
    await expect(fetchLocaleBundle('ro', '/assets/locales/ro.bbbb.json')).rejects.toBeInstanceOf(
      LanguageUnavailableError,
    );
  });

  it('replaces its earlier version after an update, and keeps other languages', async () => {
    served['/assets/locales/ar.old1.json'] = bundle('old');
    served['/assets/locales/ar.new2.json'] = bundle('new');
    served['/assets/locales/en.eeee.json'] = bundle('Hello');
    await fetchLocaleBundle('ar', '/assets/locales/ar.old1.json');
    await fetchLocaleBundle('en', '/assets/locales/en.eeee.json');
    expect(await hello('ar', '/assets/locales/ar.new2.json')).toBe('new');
    expect(memory.cached(LOCALE_CACHE).sort()).toEqual([
      '/assets/locales/ar.new2.json',
      '/assets/locales/en.eeee.json',
    ]);
  });

  it('falls back to its earlier version when an update is opened offline', async () => {
    served['/assets/locales/ar.old1.json'] = bundle('old');
    await fetchLocaleBundle('ar', '/assets/locales/ar.old1.json');
    online = false;
    expect(await hello('ar', '/assets/locales/ar.new2.json')).toBe('old');
    // Never another language's file, even one whose tag starts the same.
    await expect(fetchLocaleBundle('a', '/assets/locales/a.new2.json')).rejects.toBeInstanceOf(
      LanguageUnavailableError,
    );
  });

  it('is refused when the file is missing or is not JSON, and nothing bad is kept', async () => {
    await expect(fetchLocaleBundle('ka', '/assets/locales/ka.cccc.json')).rejects.toBeInstanceOf(
      LanguageUnavailableError,
    );
    served['/assets/locales/so.dddd.json'] = '<html>';
    await expect(fetchLocaleBundle('so', '/assets/locales/so.dddd.json')).rejects.toBeInstanceOf(
      LanguageUnavailableError,
    );
    expect(memory.cached(LOCALE_CACHE)).not.toContain('/assets/locales/ka.cccc.json');
  });
});

describe('on the dev server', () => {
  it('is fetched every time and never kept, so an edited translation shows', async () => {
    served['/@carnet-locales/tr.json'] = bundle('Merhaba');
    await fetchLocaleBundle('tr', '/@carnet-locales/tr.json', false);
    served['/@carnet-locales/tr.json'] = bundle('Selam');
    expect(
      (
        (await fetchLocaleBundle('tr', '/@carnet-locales/tr.json', false)).namespaces.common as {
          hello: string;
        }
      ).hello,
    ).toBe('Selam');
    expect(memory.cached(LOCALE_CACHE)).toEqual([]);
  });
});
