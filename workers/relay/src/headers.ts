import type { MiddlewareHandler } from 'hono';

/**
 * SECURITY: the Content-Security-Policy every response carries. Only our own origin may
 * serve scripts, styles, images or answer fetches; 'wasm-unsafe-eval' lets libsodium's
 * WebAssembly compile without allowing JavaScript eval. No inline script or style.
 */
export const CONTENT_SECURITY_POLICY = [
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
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'interest-cohort=()',
].join(', ');

/** Adds the security headers to every response, errors and 404s included. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Permissions-Policy', PERMISSIONS_POLICY);
    c.res.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    c.res.headers.set('X-Frame-Options', 'DENY');
  };
}
