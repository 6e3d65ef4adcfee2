import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text-like files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.wasm',
  '.txt',
]);

/** Below this, headers outweigh anything compression saves. */
const MIN_BYTES = 512;

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (e) => (e.isDirectory() ? filesIn(join(dir, e.name)) : [join(dir, e.name)])),
  );
  return nested.flat();
}

async function compress(file: string): Promise<void> {
  const body = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  // A variant that saves nothing is not written (nor left from an earlier build): the relay
  // then sends the file as it is.
  for (const [suffix, variant] of [
    ['.br', br],
    ['.gz', gz],
  ] as const) {
    if (variant.length < body.length) await writeFile(file + suffix, variant);
    else await rm(file + suffix, { force: true });
  }
}

/**
 * Writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip -9) beside every text-like
 * file of the build, once the service worker is written too, so the relay sends compressed
 * bytes without compressing on each request (workers/relay/src/static.ts picks a variant by
 * the request's Accept-Encoding).
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'carnet-precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // After vite-plugin-pwa, which writes sw.js and workbox-*.js in its own closeBundle.
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const files = await filesIn(outDir);
        const todo: string[] = [];
        for (const file of files) {
          if (!COMPRESSIBLE.has(extname(file))) continue;
          if ((await stat(file)).size >= MIN_BYTES) todo.push(file);
        }
        await Promise.all(todo.map(compress));
      },
    },
  };
}
