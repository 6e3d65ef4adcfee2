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
}

/** The base URL for manifest and location URLs. */
export function baseUrl(deps: ShareDeps, requestUrl: string): string {
  return deps.publicUrl ?? new URL(requestUrl).origin;
}

/** Longest manifest URL the SMART Health Links specification allows. */
export const MANIFEST_URL_MAX = 128;

/** Path of a share's manifest; the id is 43 characters, so the base may have at most 76. */
export function manifestPath(id: string): string {
  return `/api/shl/${id}`;
}
