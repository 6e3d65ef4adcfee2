import type { MiddlewareHandler } from 'hono';

/**
 * SECURITY: the Content-Security-Policy every response carries, with `connectSrc` as the
 * places fetches may go. Only our own origin may serve scripts, styles or images;
 * 'wasm-unsafe-eval' lets libsodium's WebAssembly compile without allowing JavaScript
 * eval. No inline script or style.
 */
function contentSecurityPolicy(connectSrc: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    `connect-src ${connectSrc}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The patient app, and everything else: fetches go to our own origin only. */
const CONTENT_SECURITY_POLICY = contentSecurityPolicy("'self'");

/**
 * SECURITY: the doctor's viewer (`/v`, viewer.html) opens any SMART Health Link, and a
 * link's manifest, files and a health card issuer's keys may be on any https server
 * (HL7 SMART Health Links), so its fetches may also go to `https:`. This is safe because
 * the key to a share is in the link's fragment, never sent anywhere; the viewer sends a
 * server only the protocol's request (the reader's name, the PIN), and runs no code from
 * what it reads: content is parsed as JSON and shown as text, images and pdf.js drawings.
 * Scripts still come from our origin alone. `extra` adds origins the operator names
 * (VIEWER_CONNECT_SRC, config.ts), e.g. a plain-http test server.
 */
function viewerContentSecurityPolicy(extra: readonly string[]): string {
  return contentSecurityPolicy(["'self'", 'https:', ...extra].join(' '));
}

/** The paths that serve the doctor's viewer (static.ts). */
const VIEWER_PATHS = new Set(['/v', '/v/', '/viewer.html']);

/**
 * SECURITY: the import page (`/import-fetch.html`, src/import-fetch/). The patient app
 * keeps `connect-src 'self'`; to import a SMART Health Link the patient chose whose server
 * is elsewhere, it frames this page, which fetches the link's manifest and encrypted files
 * from `https:` (and the operator's `extra` origins, VIEWER_CONNECT_SRC) and hands them back
 * by postMessage. The page loads nothing but its own script (`default-src 'none'`), may be
 * framed only by Carnet's own pages (frame-ancestors 'self', X-Frame-Options SAMEORIGIN),
 * and never receives the link's key or anything of the record: the app decrypts.
 */
function importFetchContentSecurityPolicy(extra: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `connect-src ${["'self'", 'https:', ...extra].join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** The path of the import page (static.ts serves it as a file of the build). */
const IMPORT_FETCH_PATH = '/import-fetch.html';

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

/** Each header set's variant for the viewer's pages: the same, but for connect-src. */
const VIEWER_SETS = new WeakMap<SecurityHeaderSet, SecurityHeaderSet>();

/** Each header set's variant for the import page (importFetchContentSecurityPolicy). */
const IMPORT_FETCH_SETS = new WeakMap<SecurityHeaderSet, SecurityHeaderSet>();

/**
 * The security headers for a relay whose public address is `publicUrl` (null: unknown).
 * `viewerConnectSrc` are the origins the viewer may fetch from besides https ones.
 */
export function securityHeaderSet(
  publicUrl: string | null,
  viewerConnectSrc: readonly string[] = [],
): SecurityHeaderSet {
  const https = publicUrl !== null && new URL(publicUrl).protocol === 'https:';
  const headers: Readonly<Record<string, string>> = https
    ? { ...SECURITY_HEADERS, ...HSTS }
    : SECURITY_HEADERS;
  const viewer: Record<string, string> = { ...headers };
  viewer['content-security-policy'] = viewerContentSecurityPolicy(viewerConnectSrc);
  const importFetch: Record<string, string> = {
    ...headers,
    'content-security-policy': importFetchContentSecurityPolicy(viewerConnectSrc),
    'x-frame-options': 'SAMEORIGIN',
    // Its script's hashed name changes with each version: the page is never used stale.
    'cache-control': 'no-cache',
  };
  const set = Object.freeze({ ...headers }) as SecurityHeaderSet;
  VIEWER_SETS.set(set, Object.freeze(viewer) as SecurityHeaderSet);
  IMPORT_FETCH_SETS.set(set, Object.freeze(importFetch) as SecurityHeaderSet);
  return set;
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

/**
 * Adds the security headers (`security`) to every response, errors and 404s included;
 * the viewer's pages get its variant (wider connect-src, see viewerContentSecurityPolicy),
 * the import page its own (importFetchContentSecurityPolicy).
 */
export function securityHeaders(security: SecurityHeaderSet = DEFAULT_SET): MiddlewareHandler {
  const entries = Object.entries(security);
  const viewerEntries = Object.entries(VIEWER_SETS.get(security) ?? security);
  const importFetchEntries = Object.entries(IMPORT_FETCH_SETS.get(security) ?? security);
  return async (c, next) => {
    await next();
    if (isFinal(c.res)) return; // built with the same set already
    const path = c.req.path;
    const set = VIEWER_PATHS.has(path)
      ? viewerEntries
      : path === IMPORT_FETCH_PATH
        ? importFetchEntries
        : entries;
    for (const [name, value] of set) c.res.headers.set(name, value);
  };
}
