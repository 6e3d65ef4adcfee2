import type { Context } from 'hono';
import type { SecurityHeaderSet } from './headers.ts';
import type { RelayLimits } from './limits.ts';
import type { PasscodeHashParams } from './passcode.ts';
import type { ShareStore } from './store/store.ts';

/** What the share routes need, resolved once by createRelay. */
export interface ShareDeps {
  store: ShareStore;
  limits: RelayLimits;
  /** Clock, epoch ms. */
  now: () => number;
  /** Base of every URL the relay hands out (no trailing slash), or null to use the request's origin. */
  publicUrl: string | null;
  passcodeParams: PasscodeHashParams;
  trustProxy: boolean;
  /** The store's ticket key, fetched once (see tickets.ts). */
  ticketKey: () => Promise<Buffer>;
  /** The headers every response carries (headers.ts). */
  security: SecurityHeaderSet;
  /** How long a file upload may send nothing, and a JSON body may take in all, ms. */
  bodyIdleMs: number;
}

/**
 * The base URL for manifest and location URLs: PUBLIC_URL, else the request's origin
 * (with the scheme from X-Forwarded-Proto behind a trusted proxy).
 */
export function baseUrl(deps: ShareDeps, c: Context): string {
  if (deps.publicUrl) return deps.publicUrl;
  const url = new URL(c.req.url);
  const proto = deps.trustProxy
    ? c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim()
    : undefined;
  if (proto === 'https' || proto === 'http') url.protocol = `${proto}:`;
  return url.origin;
}

/** Longest manifest URL the SMART Health Links specification allows. */
export const MANIFEST_URL_MAX = 128;

/** Path of a share's manifest; the id is 43 characters, so the base may have at most 76. */
export function manifestPath(id: string): string {
  return `/api/shl/${id}`;
}

/** Path a share's file `index` is uploaded to (`PUT`). */
export function uploadPath(id: string, index: number): string {
  return `/api/shl/${id}/files/${index}`;
}
