import type { Plugin, Rollup } from 'vite';
import type { VitePWAOptions } from 'vite-plugin-pwa';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;
/** Workbox's precache manifest filter (`workbox.manifestTransforms`). */
type ManifestTransform = NonNullable<
  NonNullable<VitePWAOptions['workbox']>['manifestTransforms']
>[number];

/** Packages too heavy to download before the app works, each used by one feature. */
const HEAVY_PACKAGES = ['/node_modules/pdfjs-dist/', '/node_modules/jsqr/'];

function isChunk(file: OutputBundle[string]): file is OutputChunk {
  return file.type === 'chunk';
}

/** Every chunk an entry may load, statically or on demand. */
function reachable(bundle: OutputBundle, entry: OutputChunk): Set<string> {
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (seen.has(fileName) || !chunk || !isChunk(chunk)) return;
    seen.add(fileName);
    for (const next of [...chunk.imports, ...chunk.dynamicImports]) visit(next);
  };
  visit(entry.fileName);
  return seen;
}

/**
 * The chunks holding a heavy package that only dynamic imports reach: a chunk some other
 * precached chunk imports statically must be precached too, or that one would fail offline.
 */
function deferredChunks(chunks: OutputChunk[], heavy: (moduleId: string) => boolean): string[] {
  // `?url` modules are a file's address, not its code.
  const deferred = new Set(
    chunks
      .filter((c) => Object.keys(c.modules).some((id) => !id.includes('?') && heavy(id)))
      .map((c) => c.fileName),
  );
  for (let changed = true; changed;) {
    changed = false;
    for (const chunk of chunks) {
      if (deferred.has(chunk.fileName)) continue;
      for (const needed of chunk.imports) changed = deferred.delete(needed) || changed;
    }
  }
  return [...deferred];
}

/** A chunk's file and the stylesheets Vite split out of it. */
function withCss(chunk: OutputChunk): string[] {
  return [chunk.fileName, ...(chunk.viteMetadata?.importedCss ?? [])];
}

/**
 * Decides what the service worker precaches, which is what a first visit downloads before
 * the app works offline:
 * - left out: what only other pages load (the doctor's viewer, the bench harness) and the
 *   bundles of languages other than `keepLocale` (the app caches the ones it uses itself);
 * - deferred: pdf.js and its worker, the QR decoder. The app fetches them when first used,
 *   or in the background once the record is open (src/app/offline-assets.ts), from the list
 *   written to `deferredList`; the service worker keeps them (runtime cache).
 * `transform` is the precache manifest filter for workbox's `manifestTransforms`.
 */
export function offlineSplit(options: {
  /** The app's entry: its name among the build's inputs, and `<appEntry>.html`. */
  readonly appEntry: string;
  /** The one language bundle precached. */
  readonly keepLocale: string;
  /** Where to write the list of deferred files, for the app (src/app/offline-assets.ts). */
  readonly deferredList: string;
}): {
  plugin: Plugin;
  transform: ManifestTransform;
} {
  const notPrecached = new Set<string>();
  let base = '/';

  const plugin: Plugin = {
    name: 'carnet-offline-split',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_options, bundle) {
      notPrecached.clear();
      const chunks = Object.values(bundle).filter(isChunk);
      const app = chunks.find((c) => c.isEntry && c.name === options.appEntry);
      if (!app) return;
      const appChunks = reachable(bundle, app);

      for (const chunk of chunks)
        if (!appChunks.has(chunk.fileName)) for (const f of withCss(chunk)) notPrecached.add(f);

      const deferred = deferredChunks(
        chunks.filter((c) => appChunks.has(c.fileName)),
        (id) => HEAVY_PACKAGES.some((p) => id.includes(p)),
      );
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset') continue;
        const sources = file.originalFileNames;
        if (sources.some((s) => HEAVY_PACKAGES.some((p) => `/${s}`.includes(p))))
          deferred.push(file.fileName);
        if (/\/locales\/[^/]+\.[0-9a-f]+\.json$/.test(file.fileName)) {
          const lng = file.fileName.split('/').pop()?.split('.')[0];
          if (lng !== options.keepLocale) notPrecached.add(file.fileName);
        }
      }
      for (const f of deferred) notPrecached.add(f);

      this.emitFile({
        type: 'asset',
        fileName: options.deferredList,
        source: JSON.stringify({ assets: deferred.sort().map((f) => `${base}${f}`) }),
      });
    },
  };

  // Other pages (viewer.html) are written after generateBundle runs: dropped by name here.
  const otherPage = (url: string) => url.endsWith('.html') && url !== `${options.appEntry}.html`;
  const transform: ManifestTransform = (entries) => ({
    manifest: entries.filter((e) => !notPrecached.has(e.url) && !otherPage(e.url)),
    warnings: [],
  });

  return { plugin, transform };
}
