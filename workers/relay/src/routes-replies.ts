import type { Context, Hono, MiddlewareHandler } from 'hono';
import { SHL_FILE_CONTENT_TYPE } from '../../../src/share/protocol.ts';
import { CompactJweScanner } from '../../../src/share/protocol-schema.ts';
import {
  REPLIES_PER_SHARE,
  replyTokenRequestSchema,
  type ReplyList,
} from '../../../src/share/protocol-replies.ts';
import * as v from 'valibot';
import { readJsonBody, readWithin } from './body.ts';
import type { ShareDeps } from './deps.ts';
import { NOT_FOUND, refuse, type Refusal } from './errors.ts';
import { closeUnreadBodies, dropIfBodyUnread, rateLimit, sameOriginOnly } from './guards.ts';
import { log, redactId } from './log.ts';
import { authorised } from './routes-manage.ts';
import { isRandomId, randomId, tokenMatches } from './secrets.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * Mounts the reply API (write-back; see src/share/protocol-replies.ts): the reply token's
 * registration at creation, the clinician's `POST` (open to any origin, like the SHL
 * endpoints, since the viewer may be served from elsewhere) and the patient's list, get
 * and delete (same origin, management token).
 */
export function mountReplies(app: Hono, deps: ShareDeps): void {
  const sameOrigin = sameOriginOnly(deps.publicUrl ? new URL(deps.publicUrl).origin : null);
  const path = '/api/shl/:id/replies';
  app.put('/api/shl/:id/reply-token', closeUnreadBodies(), sameOrigin, async (c) => {
    const share = await authorised(c, deps);
    if (!share) return refuse(c, NOT_FOUND);
    const body = await readJsonBody(c, 256, deps.bodyIdleMs);
    const parsed = body.ok ? v.safeParse(replyTokenRequestSchema, body.value) : null;
    if (!parsed?.success) {
      return refuse(c, { status: 400, error: 'bad_request', message: 'Send {"tokenHash"}.' });
    }
    // Only while the share waits for its files: a reply token is part of creating it.
    if (!(await deps.store.setReplyToken(share.id, parsed.output.tokenHash))) {
      return refuse(c, {
        status: 409,
        error: 'upload_closed',
        message: 'A reply token is set once, before the share is complete.',
      });
    }
    return c.body(null, 204);
  });

  app.use(path, replyCors());
  app.options(path, (c) => c.body(null, 204));
  const limited = rateLimit(deps.store, 'reply', deps.limits.replyPerMinute, deps);
  app.post(path, closeUnreadBodies(), limited, (c) => receiveReply(c, deps));

  app.get(path, sameOrigin, async (c) => {
    const share = await authorised(c, deps);
    if (!share) return refuse(c, NOT_FOUND);
    const answer: ReplyList = { replies: await deps.store.replies(share.id) };
    return c.json(answer, 200, NO_STORE);
  });

  app.get(`${path}/:rid`, sameOrigin, async (c) => {
    const share = await authorised(c, deps);
    const rid = c.req.param('rid');
    const body = share && isRandomId(rid) ? await deps.store.openReply(share.id, rid) : null;
    if (!body) return refuse(c, NOT_FOUND);
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': SHL_FILE_CONTENT_TYPE,
      ...NO_STORE,
    });
  });

  app.delete(`${path}/:rid`, sameOrigin, async (c) => {
    const share = await authorised(c, deps);
    const rid = c.req.param('rid');
    if (!share || !isRandomId(rid) || !(await deps.store.removeReply(share.id, rid))) {
      return refuse(c, NOT_FOUND);
    }
    log.info(`share ${redactId(share.id)}: reply deleted`);
    return c.body(null, 204);
  });
}

/**
 * `POST /api/shl/:id/replies`: one compact JWE, counted and shape-checked as it arrives.
 * SECURITY: an unknown, pending, expired, revoked or blocked share and a missing or wrong
 * reply token all answer the same 404, before any of the body is read.
 */
async function receiveReply(c: Context, deps: ShareDeps): Promise<Response> {
  const { store, limits } = deps;
  const id = c.req.param('id') ?? '';
  const token = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(c.req.header('Authorization') ?? '')?.[1];
  const now = deps.now();
  const share = isRandomId(id) && token !== undefined ? await store.get(id) : null;
  const blocked = share?.remainingAttempts !== null && (share?.remainingAttempts ?? 0) <= 0;
  const hash = share && !blocked ? await store.replyTokenHash(id) : null;
  if (
    !share ||
    hash === null ||
    token === undefined ||
    share.pending > 0 ||
    share.exp * 1000 <= now ||
    !tokenMatches(token, hash)
  ) {
    return refuse(c, NOT_FOUND);
  }
  const type = (c.req.header('Content-Type') ?? '').toLowerCase().split(';')[0]?.trim();
  if (type !== SHL_FILE_CONTENT_TYPE) {
    return refuse(c, {
      status: 415,
      error: 'unsupported_media_type',
      message: `Send ${SHL_FILE_CONTENT_TYPE}.`,
    });
  }
  const tooLarge: Refusal = {
    status: 413,
    error: 'body_too_large',
    message: `A reply is at most ${limits.replyMaxBytes} bytes.`,
  };
  const declared = c.req.header('Content-Length');
  if (declared !== undefined && Number(declared) > limits.replyMaxBytes) {
    return refuse(c, tooLarge);
  }
  const read = await readReply(c.req.raw.body, limits.replyMaxBytes, deps.bodyIdleMs);
  if (!read.ok) {
    dropIfBodyUnread(c);
    return refuse(c, REFUSED[read.why] ?? tooLarge);
  }
  const reply = { id: randomId(), at: now, body: read.body };
  const stored = await store.addReply(id, reply, REPLIES_PER_SHARE);
  if (stored === 'gone') return refuse(c, NOT_FOUND);
  if (stored === 'full') {
    return refuse(c, {
      status: 429,
      error: 'rate_limited',
      message: `A share takes at most ${REPLIES_PER_SHARE} replies.`,
    });
  }
  log.info(`share ${redactId(id)}: reply stored, ${read.body.length} bytes`);
  return c.json({ id: reply.id }, 201, NO_STORE);
}

type ReadRefusal = 'too_large' | 'not_jwe' | 'timeout' | 'aborted';

const REFUSED: Partial<Record<ReadRefusal, Refusal>> = {
  not_jwe: {
    status: 400,
    error: 'not_compact_jwe',
    message: 'The body must be one compact JWE: five base64url parts joined by dots.',
  },
  timeout: {
    status: 408,
    error: 'request_timeout',
    message: 'The request stopped sending; send it again.',
  },
  aborted: { status: 400, error: 'bad_request', message: 'The upload was cut off.' },
};

/**
 * Reads a reply body of at most `max` bytes, refusing it at the first byte past the limit
 * or that breaks the compact-JWE shape, or after `idleMs` without a byte. A reply is held
 * whole (at most `max`) only once it has passed both checks.
 */
async function readReply(
  body: ReadableStream<Uint8Array> | null,
  max: number,
  idleMs: number,
): Promise<{ ok: true; body: Buffer } | { ok: false; why: ReadRefusal }> {
  const reader = body?.getReader();
  if (!reader) return { ok: false, why: 'not_jwe' };
  const scanner = new CompactJweScanner();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await readWithin(reader, idleMs);
    let why: ReadRefusal | null = null;
    if (next === 'timeout' || next === 'aborted') why = next;
    else if (next.done) break;
    else if ((size += next.value.byteLength) > max) why = 'too_large';
    else if (!scanner.push(next.value)) why = 'not_jwe';
    else parts.push(next.value);
    if (why !== null) {
      reader.cancel().catch(() => undefined);
      return { ok: false, why };
    }
  }
  if (!scanner.end()) return { ok: false, why: 'not_jwe' };
  return { ok: true, body: Buffer.concat(parts, size) };
}

/**
 * CORS for the reply `POST` only: any origin, no credentials, the `Authorization` header
 * allowed (it carries the reply token). Listing, reading and deleting replies stay same
 * origin: their preflights get nothing and the browser refuses.
 */
function replyCors(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      if (c.req.header('Access-Control-Request-Method') !== 'POST') return c.body(null, 204);
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
      });
    }
    await next();
    if (c.req.method === 'POST') c.res.headers.set('Access-Control-Allow-Origin', '*');
  };
}
