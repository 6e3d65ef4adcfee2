import type { MiddlewareHandler } from 'hono';

/**
 * SECURITY: the Content-Security-Policy every response carries. Only our own origin may
 * serve scripts, styles, images or answer fetches; 'wasm-unsafe-eval' lets libsodium's
 * WebAssembly compile without allowing JavaScript eval. No inline script or style.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Only the camera (for photographing papers) may be used, and only by our own pages. */
const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'interest-cohort=()',
].join(', ');

/** The headers every response carries, lower-case as they go on the wire. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'permissions-policy': PERMISSIONS_POLICY,
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

const SECURITY_ENTRIES = Object.entries(SECURITY_HEADERS);

/** Marks a response built by `finalResponse`: its headers are complete. */
const FINAL = Symbol('carnet.finalResponse');

/** A complete plain header set for `finalResponse`: `headers` plus every security header. */
export type FinalHeaders = Readonly<Record<string, string>> & { readonly __final: never };

/** Builds a header set once (at start-up), so no response pays for merging objects. */
export function finalHeaders(headers: Readonly<Record<string, string>>): FinalHeaders {
  return Object.freeze({ ...headers, ...SECURITY_HEADERS }) as FinalHeaders;
}

/**
 * A response that already carries every security header (and the others of `headers`),
 * built from a plain header object. The Node adapter writes such a response straight
 * from that object; reading or changing `res.headers` later would first copy it into a
 * WHATWG `Headers` object, which costs more than the rest of a small answer. Middleware
 * that adds headers (`securityHeaders`, `openCors`) therefore leaves a final response as
 * it is, so whoever builds one must include every header the route needs (for the SHL
 * endpoints: `Access-Control-Allow-Origin`).
 */
export function finalResponse(
  body: string | null,
  status: number,
  headers: FinalHeaders,
): Response {
  const res = new Response(body, { status, headers });
  (res as Response & { [FINAL]?: true })[FINAL] = true;
  return res;
}

/** True for a response made by `finalResponse` (its headers must not be touched). */
export function isFinal(res: Response): boolean {
  return (res as Response & { [FINAL]?: true })[FINAL] === true;
}

/** Adds the security headers to every response, errors and 404s included. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (isFinal(c.res)) return; // built with SECURITY_HEADERS already
    for (const [name, value] of SECURITY_ENTRIES) c.res.headers.set(name, value);
  };
}
