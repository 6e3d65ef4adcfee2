import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { LocaleBundle } from '../src/i18n/locale-bundle.ts';

/** The module the app imports to find each language's bundle. */
const VIRTUAL_ID = 'virtual:carnet-locales';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
/** Where the dev server answers for a bundle, built afresh from the sources each time. */
const DEV_PREFIX = '/@carnet-locales/';

/**
 * A bundle's path below the assets folder: the language, then a hash of the content, so a
 * new translation gets a new name (and the old one may be cached forever). A dot separates
 * them, since tags hold hyphens (`zh-Hans`), never dots: src/i18n/bundle-cache.ts finds a
 * language's other versions by the `<lng>.` prefix.
 */
const bundlePath = (lng: string, hash: string) => `locales/${lng}.${hash}.json`;

/** What `_meta.json` may carry into a bundle: what the app shows, not the translator's notes. */
const META_FIELDS = ['author', 'reviewed', 'reviewedBy', 'notice'] as const;

interface Built {
  readonly lng: string;
  readonly fileName: string;
  readonly json: string;
}

/** One language's bundle from public/locales/<lng>/: the namespaces asked for and its meta. */
function buildBundle(dir: string, lng: string, namespaces: readonly string[]): string {
  const read = (name: string): unknown => {
    const file = join(dir, lng, `${name}.json`);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : undefined;
  };
  const meta = read('_meta');
  const bundle: LocaleBundle = {
    meta:
      typeof meta === 'object' && meta !== null
        ? Object.fromEntries(
            META_FIELDS.filter((f) => f in meta).map((f) => [
              f,
              (meta as Record<string, unknown>)[f],
            ]),
          )
        : null,
    namespaces: Object.fromEntries(
      namespaces.flatMap((ns) => {
        const value = read(ns);
        return value === undefined ? [] : [[ns, value]];
      }),
    ),
  };
  return JSON.stringify(bundle);
}

function languagesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/**
 * Packs each language's namespaces (public/locales/<lng>/<ns>.json) into one JSON file,
 * `<assets>/locales/<lng>.<hash>.json`: one request per language instead of one per
 * namespace, a name that changes with the content (so it is served `immutable` and an update
 * still reaches the phone), and a file the service worker can precache or leave out by
 * language. The app imports the names from `virtual:carnet-locales`. public/locales stays as
 * it is for the doctor's viewer, which fetches its one namespace by path.
 */
export function localeBundles(options: {
  readonly localesDir: string;
  readonly namespaces: readonly string[];
}): Plugin {
  let built: Built[] = [];
  let assetsDir = 'assets';
  let serving = false;

  const buildAll = (): Built[] =>
    languagesIn(options.localesDir).map((lng) => {
      const json = buildBundle(options.localesDir, lng, options.namespaces);
      const hash = createHash('sha256').update(json).digest('hex').slice(0, 10);
      return { lng, json, fileName: `${assetsDir}/${bundlePath(lng, hash)}` };
    });

  return {
    name: 'carnet-locale-bundles',
    configResolved(config) {
      assetsDir = config.build.assetsDir;
      serving = config.command === 'serve';
    },
    buildStart() {
      built = buildAll();
      for (const lng of languagesIn(options.localesDir))
        for (const ns of [...options.namespaces, '_meta'])
          this.addWatchFile(join(options.localesDir, lng, `${ns}.json`));
    },
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      const urls = serving
        ? languagesIn(options.localesDir).map((lng) => [lng, `${DEV_PREFIX}${lng}.json`])
        : built.map((b) => [b.lng, `/${b.fileName}`]);
      return `export const LOCALE_BUNDLES = ${JSON.stringify(Object.fromEntries(urls))};`;
    },
    generateBundle() {
      for (const b of built) this.emitFile({ type: 'asset', fileName: b.fileName, source: b.json });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const lng = req.url?.startsWith(DEV_PREFIX)
          ? req.url.slice(DEV_PREFIX.length).replace(/\.json(\?.*)?$/, '')
          : null;
        if (!lng || !languagesIn(options.localesDir).includes(lng)) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(buildBundle(options.localesDir, lng, options.namespaces));
      });
    },
  };
}
