import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { RelayErrorCode } from '../../../src/share/protocol.ts';

/** A refusal the routes answer with: HTTP status, stable code, message for people. */
export interface Refusal {
  status: ContentfulStatusCode;
  error: RelayErrorCode;
  message: string;
  /** Extra fields such as `remainingAttempts`. */
  extra?: Record<string, number>;
}

/** Answers `{error, message}` (plus any extra fields) with the refusal's status. */
export function refuse(c: Context, r: Refusal): Response {
  return c.json(refusalBody(r), r.status);
}

/** The JSON body of a refusal: `{error, message}` and any extra fields. */
export function refusalBody(r: Refusal): Record<string, string | number> {
  return { error: r.error, message: r.message, ...r.extra };
}

/** The one answer for every inactive or unknown share, and for a wrong management token. */
export const NOT_FOUND: Refusal = {
  status: 404,
  error: 'not_found',
  message: 'No active share at this address.',
};
