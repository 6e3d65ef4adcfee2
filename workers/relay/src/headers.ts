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

/**
 * SECURITY: with an https PUBLIC_URL, browsers are told to use only https for this host
 * for a year, so a network attacker cannot strip TLS from a later visit (the app's code
 * and every share go over that connection). Not `includeSubDomains`: the operator's other
 * hosts are theirs to decide. Never sent for a plain-http address.
 */
const HSTS = { 'strict-transport-security': 'max-age=31536000' };

/** The security headers of a relay: every response carries exactly these. */
export type SecurityHeaderSet = Readonly<Record<string, string>> & {
  readonly __security: never;
};

/** The security headers for a relay whose public address is `publicUrl` (null: unknown). */
export function securityHeaderSet(publicUrl: string | null): SecurityHeaderSet {
  const https = publicUrl !== null && new URL(publicUrl).protocol === 'https:';
  return Object.freeze(
    https ? { ...SECURITY_HEADERS, ...HSTS } : SECURITY_HEADERS,
  ) as SecurityHeaderSet;
}

const DEFAULT_SET = securityHeaderSet(null);

/** Marks a response built by `finalResponse`: its headers are complete. */
const FINAL = Symbol('carnet.finalResponse');

/** A complete plain header set for `finalResponse`: `headers` plus every security header. */
export type FinalHeaders = Readonly<Record<string, string>> & { readonly __final: never };

/**
 * Builds a header set once (at start-up), so no response pays for merging objects:
 * `headers` and the relay's `security` headers.
 */
export function finalHeaders(
  headers: Readonly<Record<string, string>>,
  security: SecurityHeaderSet = DEFAULT_SET,
): FinalHeaders {
  return Object.freeze({ ...headers, ...security }) as Readonly<
    Record<string, string>
  > as FinalHeaders;
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
  body: string | ReadableStream<Uint8Array> | null,
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

/** Adds the security headers (`security`) to every response, errors and 404s included. */
export function securityHeaders(security: SecurityHeaderSet = DEFAULT_SET): MiddlewareHandler {
  const entries = Object.entries(security);
  return async (c, next) => {
    await next();
    if (isFinal(c.res)) return; // built with the same set already
    for (const [name, value] of entries) c.res.headers.set(name, value);
  };
}
