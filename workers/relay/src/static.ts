import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Hono } from 'hono';

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
  '/manifest.webmanifest',
  '/registerSW.js',
]);

/**
 * Serves the built app from `root`. Hashed assets are immutable; the shell, the service
 * worker and locales revalidate so a new version is never hidden behind a stale cache.
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
      const viewer = await readIfFile(join(base, 'viewer.html'));
      if (viewer) return send('/viewer.html', viewer);
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    // SECURITY: never serve anything outside the build folder.
    if (!file.startsWith(base)) return c.notFound();
    const found = await readIfFile(file);
    if (found) return send(path, found);
    if (extname(path) === '') {
      const shell = await readIfFile(join(base, 'index.html'));
      if (shell) return send('/index.html', shell);
    }
    return c.notFound();
  });
}

async function readIfFile(file: string): Promise<Buffer | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? await readFile(file) : null;
  } catch {
    return null;
  }
}

function send(path: string, body: Buffer): Response {
  const headers = new Headers({
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
  });
  if (path.startsWith('/assets/')) {
    headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  } else if (ALWAYS_REVALIDATE.has(path) || path.startsWith('/locales/')) {
    headers.set('Cache-Control', 'no-cache');
  } else {
    headers.set('Cache-Control', 'public, max-age=3600');
  }
  return new Response(new Uint8Array(body), { headers });
}
