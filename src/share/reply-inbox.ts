import * as v from 'valibot';
import { ShareError } from './errors.ts';
import { repliesPath, replyListSchema, type ReplyInfo } from './protocol-replies.ts';
import { decryptReply } from './reply-jwe.ts';
import { readReplyBundle } from './reply-fhir.ts';
import type { Reply } from './reply-model.ts';
import { relayFailure } from './relay-status.ts';

/**
 * The patient app's side of write-back: lists, fetches, opens and deletes the replies of
 * one of its shares (same origin, management token). Errors are ShareError codes.
 */

const MANAGE = { kind: 'manage' } as const;

/** One share's credentials, as its sealed record holds them. */
export interface ReplyBox {
  readonly relayId: string;
  readonly managementToken: string;
  /** The share's private reply key, a JWK string. SECURITY: never leaves the phone. */
  readonly privateJwk: string;
}

async function call(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(path, {
      ...init,
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
  } catch {
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    throw new ShareError(offline ? 'offline' : 'network');
  }
}

/** The replies waiting on the relay for one share, oldest first; none when it is gone. */
export async function listReplies(box: ReplyBox): Promise<ReplyInfo[]> {
  const res = await call(repliesPath(encodeURIComponent(box.relayId)), box.managementToken);
  if (res.status === 404) return [];
  if (!res.ok) throw relayFailure(res.status, MANAGE);
  const answer = v.safeParse(replyListSchema, await res.json().catch(() => null));
  if (!answer.success) throw new ShareError('network');
  return answer.output.replies;
}

/**
 * Fetches one reply and opens it: decrypts with the share's key, reads and checks it.
 * `undecryptable` or `unsupported-content` means the reply is refused as it stands.
 */
export async function openReply(box: ReplyBox, info: ReplyInfo): Promise<Reply> {
  const path = `${repliesPath(encodeURIComponent(box.relayId))}/${encodeURIComponent(info.id)}`;
  const res = await call(path, box.managementToken);
  if (!res.ok) throw relayFailure(res.status, MANAGE);
  const json = await decryptReply(await res.text(), box.privateJwk);
  return readReplyBundle(json);
}

/** Deletes one reply from the relay (once imported). Already gone counts as done. */
export async function deleteReply(box: ReplyBox, replyId: string): Promise<void> {
  const path = `${repliesPath(encodeURIComponent(box.relayId))}/${encodeURIComponent(replyId)}`;
  const res = await call(path, box.managementToken, { method: 'DELETE' });
  if (res.status === 204 || res.status === 404) return;
  throw relayFailure(res.status, MANAGE);
}
