import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context, Hono } from 'hono';
import { CODINGS, acceptedCodings, type Coding } from './static-encoding.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Paths the service worker or the browser must revalidate every time, so updates reach people. */
const ALWAYS_REVALIDATE = new Set([
  '/index.html',
  '/viewer.html',
  '/sw.js',
  '/sw-notifications.js',
  '/manifest.webmanifest',
  '/registerSW.js',
]);

/**
 * Serves the built app from `root`. Hashed assets (`/assets/`, locale bundles included) are
 * immutable; the shell, the service worker and the doctor's viewer's locales revalidate
 * (an ETag makes that a 304 of a few hundred bytes), so a new version is never hidden behind
 * a stale cache. A file the build also compressed (`.br`, `.gz` beside it) is sent compressed
 * when the request's Accept-Encoding allows it, with `Vary: Accept-Encoding`.
 * `/v` (and `/v/`) is the doctor's viewer, viewer.html. Unknown paths without an
 * extension fall back to index.html (client-side routes).
 */
export function serveApp(app: Hono, root: string): void {
  const base = normalize(root + sep);
  app.get('*', async (c, next) => {
    const url = new URL(c.req.url);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return c.json({ error: 'bad_path', message: 'Malformed path.' }, 400);
    }
    if (path.startsWith('/api/')) return next();
    if (path === '/v' || path === '/v/') {
      const viewer = await findFile(join(base, 'viewer.html'));
      if (viewer) return send(c, '/viewer.html', viewer);
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    // SECURITY: never serve anything outside the build folder.
    if (!file.startsWith(base)) return c.notFound();
    const found = await findFile(file);
    if (found) return send(c, path, found);
    if (extname(path) === '') {
      const shell = await findFile(join(base, 'index.html'));
      if (shell) return send(c, '/index.html', shell);
    }
    return c.notFound();
  });
}

interface FoundFile {
  readonly file: string;
  readonly info: Stats;
}

async function findFile(file: string): Promise<FoundFile | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? { file, info } : null;
  } catch {
    return null;
  }
}

/**
 * The precompressed variant to send for `found`, if the request accepts one and the build
 * wrote it. A variant older than its file is ignored: whoever edited the file by hand (a
 * test publishing a new service worker) gets it served as it now is.
 */
async function variantFor(c: Context, found: FoundFile) {
  for (const coding of acceptedCodings(c.req.header('Accept-Encoding'))) {
    const variant = await findFile(found.file + coding.suffix);
    if (variant && variant.info.mtimeMs >= found.info.mtimeMs) return { coding, ...variant };
  }
  return null;
}

/** Whether the build wrote any compressed variant of `found` (then responses vary). */
async function hasVariants(found: FoundFile): Promise<boolean> {
  const variants = await Promise.all(CODINGS.map((c) => findFile(found.file + c.suffix)));
  return variants.some((v) => v !== null);
}

/** A validator for one representation: its size and time, and its coding. */
function etagOf(info: Stats, coding: Coding | null): string {
  const suffix = coding ? `-${coding.name}` : '';
  return `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}${suffix}"`;
}

function cacheControl(path: string): string {
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  if (ALWAYS_REVALIDATE.has(path) || path.startsWith('/locales/')) return 'no-cache';
  return 'public, max-age=3600';
}

async function send(c: Context, path: string, found: FoundFile): Promise<Response> {
  const variant = await variantFor(c, found);
  const sent = variant ?? found;
  const etag = etagOf(sent.info, variant?.coding ?? null);
  const headers = new Headers({
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    'Cache-Control': cacheControl(path),
    ETag: etag,
  });
  if (variant || (await hasVariants(found))) headers.set('Vary', 'Accept-Encoding');
  if (variant) headers.set('Content-Encoding', variant.coding.name);
  const match = c.req.header('If-None-Match');
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    headers.delete('Content-Type');
    return new Response(null, { status: 304, headers });
  }
  const body = await readFile(sent.file);
  headers.set('Content-Length', String(body.length));
  return new Response(new Uint8Array(body), { headers });
}
