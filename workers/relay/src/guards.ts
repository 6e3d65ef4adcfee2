import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { refuse } from './errors.ts';
import { isFinal } from './headers.ts';
import type { ShareStore } from './store/store.ts';

/**
 * CORS for the SHL endpoints (manifest, direct file, location files): any origin may call
 * them, without credentials, so other SMART Health Links viewers work. Errors carry the
 * header too, so a viewer can read `remainingAttempts`. Management stays same-origin:
 * preflights for other methods get no CORS headers and the browser refuses.
 */
export function openCors(methods: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      const wanted = c.req.header('Access-Control-Request-Method') ?? '';
      if (!methods.includes(wanted)) return c.body(null, 204);
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': methods.join(', '),
        'Access-Control-Allow-Headers': 'Content-Type',
        'Access-Control-Max-Age': '600',
      });
    }
    await next();
    const granted = methods.includes(c.req.method);
    if (!isFinal(c.res)) {
      if (granted) c.res.headers.set('Access-Control-Allow-Origin', '*');
    } else if (!granted) {
      // A final response (headers.ts) carries the grant already; a HEAD answered by a GET
      // route is not among `methods` and gets none, as before.
      c.res.headers.delete('Access-Control-Allow-Origin');
    }
  };
}

/**
 * SECURITY: management and creation answer only our own pages. Browsers send `Origin` on
 * cross-origin POST and DELETE; a foreign one is refused before anything else, which also
 * stops "simple" cross-site form posts that a preflight would not catch. With PUBLIC_URL
 * the whole origin must match; without it, the host the request was sent to (a TLS proxy
 * in front changes the scheme the relay sees, not the host).
 */
export function sameOriginOnly(publicOrigin: string | null): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const site = c.req.header('Sec-Fetch-Site');
    if (
      (origin !== undefined && !isOwnOrigin(origin, publicOrigin, c.req.url)) ||
      site === 'cross-site'
    ) {
      return refuse(c, {
        status: 403,
        error: 'cross_origin',
        message: 'Only the Carnet app may call this endpoint.',
      });
    }
    await next();
  };
}

function isOwnOrigin(origin: string, publicOrigin: string | null, requestUrl: string): boolean {
  if (publicOrigin !== null) return origin === publicOrigin;
  try {
    return new URL(origin).host === new URL(requestUrl).host;
  } catch {
    return false; // "null" and other opaque origins
  }
}

/** The client's address: the socket peer, or the last X-Forwarded-For hop behind a trusted proxy. */
function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For');
    const last = forwarded?.split(',').pop()?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Counts requests per client IP per minute in the store (so the count is shared by every
 * instance on one Redis) and answers 429 past `perMinute`.
 * SECURITY: the store sees only a hash of the address, under a key that expires in two
 * minutes; addresses are never logged.
 */
export function rateLimit(
  store: ShareStore,
  bucket: string,
  perMinute: number,
  opts: { trustProxy: boolean; now: () => number },
): MiddlewareHandler {
  return async (c, next) => {
    const key = clientKey(c, opts.trustProxy);
    const now = opts.now();
    const count = await store.hit(bucket, key, now);
    if (count > perMinute) {
      c.header('Retry-After', String(60 - Math.floor((now % 60_000) / 1000)));
      return refuse(c, {
        status: 429,
        error: 'rate_limited',
        message: `At most ${perMinute} such requests per minute from one address; try again shortly.`,
      });
    }
    await next();
  };
}

/** The rate-limit key of an address: a truncated SHA-256, never the address itself. */
function rateKey(ip: string): string {
  return createHash('sha256').update(`carnet-rate:${ip}`).digest('base64url').slice(0, 22);
}

/**
 * Rate-limit keys of direct connections, by socket: a keep-alive connection has one peer
 * address, so its key is hashed once, not per request. SECURITY: holds only the hash, and
 * only while the connection lives. Behind a proxy the address comes from a header that can
 * change from one request to the next on the same connection, so nothing is kept.
 */
const socketKeys = new WeakMap<Socket, string>();

function clientKey(c: Context, trustProxy: boolean): string {
  const socket = trustProxy ? undefined : socketOf(c);
  if (socket === undefined) return rateKey(clientIp(c, trustProxy));
  let key = socketKeys.get(socket);
  if (key === undefined) {
    key = rateKey(socket.remoteAddress ?? 'unknown');
    socketKeys.set(socket, key);
  }
  return key;
}

/** The connection under the request when served by @hono/node-server (as getConnInfo reads it). */
function socketOf(c: Context): Socket | undefined {
  const env = c.env as { incoming?: IncomingMessage; server?: { incoming?: IncomingMessage } };
  return (env?.server ?? env)?.incoming?.socket;
}

/**
 * SECURITY: when a route answers before the request's body has fully arrived (a refusal:
 * too large, wrong shape, too slow), the connection is dropped as soon as the answer is
 * written, instead of reading and discarding the rest of a hostile body to keep the
 * connection, or closing it gracefully while the client still floods it (both cost the
 * relay far more than the refusal itself). A client still sending may then see the
 * connection reset rather than the answer. Call it once the answer is decided.
 */
export function dropIfBodyUnread(c: Context): void {
  const env = c.env as { incoming?: IncomingMessage; outgoing?: ServerResponse } | undefined;
  if (env?.incoming && env.outgoing && !env.incoming.complete && !env.outgoing.headersSent) {
    env.outgoing.setHeader('Connection', 'close');
    const socket = env.incoming.socket;
    env.outgoing.once('finish', () => socket.destroy());
  }
}

/** dropIfBodyUnread after every answer of the routes it guards (those that read bodies). */
export function closeUnreadBodies(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    dropIfBodyUnread(c);
  };
}
