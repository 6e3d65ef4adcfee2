import * as v from 'valibot';
import { ShareError } from './errors.ts';
import { attemptsLeftSchema } from './protocol-schema.ts';

/**
 * Which call a relay answer is for: a status can mean different things to each.
 * - `manage`: the patient app's own calls (create, status, revoke; relay-client.ts),
 *   where 413 means the share is larger than the relay accepts.
 * - `open`: a viewer's manifest request, direct GET or file GET (open-link.ts), where 401
 *   asks for the PIN, or says it was wrong when one was sent; `body` is the 401 answer's
 *   JSON, which says how many attempts are left.
 */
export type RelayCall =
  | { readonly kind: 'manage' }
  | { readonly kind: 'open'; readonly passcodeSent: boolean; readonly body?: unknown };

/**
 * The ShareError for a relay answer that is not a success: the one mapping from HTTP
 * statuses to ShareError codes. Anything unexpected is `network`: retry.
 */
export function relayFailure(status: number, call: RelayCall): ShareError {
  if (status === 404) return new ShareError('inactive');
  if (status === 429) return new ShareError('rate-limited');
  if (status === 413 && call.kind === 'manage') return new ShareError('too-large');
  if (status === 401 && call.kind === 'open') {
    const answer = v.safeParse(attemptsLeftSchema, call.body);
    return new ShareError(
      call.passcodeSent ? 'wrong-passcode' : 'passcode-required',
      answer.success ? { remainingAttempts: answer.output.remainingAttempts } : {},
    );
  }
  return new ShareError('network');
}
