import { Hono } from 'hono';
import { securityHeaders } from './headers.ts';
import { serveApp } from './static.ts';

export interface RelayOptions {
  /** Folder holding the built app (vite's dist/); omitted when only the API is served. */
  staticDir?: string;
}

/** Builds the relay's HTTP application: security headers, health check, the share API, the app. */
export function createRelay(options: RelayOptions): Hono {
  const app = new Hono();
  app.use('*', securityHeaders());
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.all('/api/*', (c) => c.json({ error: 'not_found', message: 'No such endpoint.' }, 404));
  if (options.staticDir) serveApp(app, options.staticDir);
  app.notFound((c) => c.json({ error: 'not_found', message: 'Not found.' }, 404));
  app.onError((_err, c) =>
    // SECURITY: the error itself may hold request data; it is never echoed or logged verbatim.
    c.json({ error: 'internal', message: 'Something went wrong on the server.' }, 500),
  );
  return app;
}
