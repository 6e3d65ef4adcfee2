import * as v from 'valibot';
import { ShareError } from './errors.ts';
import type { FhirBundle } from './fhir-types.ts';
import { REPLY_MAX_BYTES_DEFAULT, replyCreatedSchema } from './protocol-replies.ts';
import { SHL_FILE_CONTENT_TYPE } from './protocol.ts';
import type { ReplyTarget } from './ips-build-reply.ts';
import { encryptReply } from './reply-jwe.ts';

/**
 * The viewer's side of write-back: encrypts a reply to the share's key and posts it to the
 * share's reply endpoint with its token. Failures are ShareError codes the form explains:
 * `offline`, `inactive` (the share expired or was revoked), `too-large`, `rate-limited`
 * (the share took all the replies it may), `network`.
 */
export async function sendReply(target: ReplyTarget, bundle: FhirBundle): Promise<void> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    throw new ShareError('offline');
  }
  const jwe = await encryptReply(bundle, target.key);
  // Checked here too, so a doctor hears "too large" before a long upload, not after.
  if (jwe.length > REPLY_MAX_BYTES_DEFAULT) throw new ShareError('too-large');
  let response: Response;
  try {
    response = await fetch(target.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': SHL_FILE_CONTENT_TYPE,
        Authorization: `Bearer ${target.token}`,
      },
      body: jwe,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    throw new ShareError(offline ? 'offline' : 'network');
  }
  if (response.status === 201) {
    const answer = v.safeParse(replyCreatedSchema, await response.json().catch(() => null));
    if (answer.success) return;
    throw new ShareError('network');
  }
  if (response.status === 404) throw new ShareError('inactive');
  if (response.status === 413) throw new ShareError('too-large');
  if (response.status === 429) throw new ShareError('rate-limited');
  throw new ShareError('network');
}
