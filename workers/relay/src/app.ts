import { Hono } from 'hono';
import { mountBackup } from './backup/routes.ts';
import type { BackupStore } from './backup/store.ts';
import type { ShareDeps } from './deps.ts';
import { BODY_IDLE_MS } from './body.ts';
import { securityHeaderSet, securityHeaders } from './headers.ts';
import { withLimits, type RelayLimits } from './limits.ts';
import { log } from './log.ts';
import { DEFAULT_PASSCODE_PARAMS, type PasscodeHashParams } from './passcode.ts';
import { mountManagement } from './routes-manage.ts';
import { mountOpen } from './routes-open.ts';
import { mountReplies } from './routes-replies.ts';
import { serveApp } from './static.ts';
import type { ShareStore } from './store/store.ts';

export interface RelayOptions {
  /** Folder holding the built app (vite's dist/); omitted when only the API is served. */
  staticDir?: string;
  /** Where shares live. Without one, the share API is not mounted. */
  store?: ShareStore;
  /** Base for manifest and location URLs, e.g. https://carnet.example.org. Default: the request's origin. */
  publicUrl?: string;
  /** Overrides of DEFAULT_LIMITS. */
  limits?: Partial<RelayLimits>;
  /** Clock, epoch ms (tests move it). Default Date.now. */
  now?: () => number;
  /** Take the client address from the last X-Forwarded-For hop (only behind a proxy you run). */
  trustProxy?: boolean;
  /** Argon2id cost for new passcodes. */
  passcodeParams?: PasscodeHashParams;
  /** Where encrypted backups live. Without one (or without `store`), the backup API is not mounted. */
  backups?: BackupStore;
  /** How long a file upload may send nothing, and a JSON body may take in all, ms (tests shorten it). */
  bodyIdleMs?: number;
  /** Origins the viewer may fetch from besides https ones (VIEWER_CONNECT_SRC). */
  viewerConnectSrc?: readonly string[];
}

/**
 * Builds the relay's HTTP application: security headers, health check, the share API, the
 * backup API, the app.
 */
export function createRelay(options: RelayOptions): Hono {
  const app = new Hono();
  const publicUrl = options.publicUrl ? options.publicUrl.replace(/\/+$/, '') : null;
  const security = securityHeaderSet(publicUrl, options.viewerConnectSrc);
  app.use('*', securityHeaders(security));
  app.get('/api/health', (c) => c.json({ ok: true }));
  if (options.store) {
    const store = options.store;
    let key: Promise<Buffer> | null = null;
    const deps: ShareDeps = {
      store,
      ticketKey: () =>
        (key ??= store.ticketKey().catch((err: unknown) => {
          key = null; // try again on the next request
          throw err;
        })),
      limits: withLimits(options.limits),
      now: options.now ?? Date.now,
      publicUrl,
      passcodeParams: options.passcodeParams ?? DEFAULT_PASSCODE_PARAMS,
      trustProxy: options.trustProxy ?? false,
      security,
      bodyIdleMs: options.bodyIdleMs ?? BODY_IDLE_MS,
    };
    mountManagement(app, deps);
    mountOpen(app, deps);
    mountReplies(app, deps);
    if (options.backups) mountBackup(app, deps, options.backups);
  }
  app.all('/api/*', (c) => c.json({ error: 'not_found', message: 'No such endpoint.' }, 404));
  if (options.staticDir) serveApp(app, options.staticDir);
  app.notFound((c) => c.json({ error: 'not_found', message: 'Not found.' }, 404));
  app.onError((err, c) => {
    // SECURITY: the error itself may hold request data; only its class name is logged,
    // and nothing of it is echoed.
    log.warn(`request failed: ${err.name}`);
    return c.json({ error: 'internal', message: 'Something went wrong on the server.' }, 500);
  });
  return app;
}
