import type { Context, Hono, MiddlewareHandler } from 'hono';
import { SHL_FILE_CONTENT_TYPE } from '../../../src/share/protocol.ts';
import { REPLIES_PER_SHARE, type ReplyList } from '../../../src/share/protocol-replies.ts';
import type { ShareDeps } from './deps.ts';
import { NOT_FOUND, refuse, type Refusal } from './errors.ts';
import { closeUnreadBodies, dropIfBodyUnread, rateLimit, sameOriginOnly } from './guards.ts';
import { log, redactId } from './log.ts';
import { authorised } from './routes-manage.ts';
import { streamOf } from './routes-open.ts';
import { isRandomId, randomId, tokenMatches } from './secrets.ts';
import { receiveJwe, type UploadRefusal } from './uploads.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * Mounts the reply API (write-back; see src/share/protocol-replies.ts): the clinician's
 * `POST` (open to any origin, like the SHL endpoints, since the viewer may be served from
 * elsewhere) and the patient's list, get and delete (same origin, management token). The
 * reply token's hash comes with the share's creation (routes-manage.ts).
 */
export function mountReplies(app: Hono, deps: ShareDeps): void {
  const sameOrigin = sameOriginOnly(deps.publicUrl ? new URL(deps.publicUrl).origin : null);
  const path = '/api/shl/:id/replies';
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
    // Streamed from the store a chunk at a time, like a share's files.
    return c.body(streamOf([body]), 200, {
      'Content-Type': SHL_FILE_CONTENT_TYPE,
      'Content-Length': String(body.length),
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
 * `POST /api/shl/:id/replies`: one compact JWE, streamed to the store and checked as it
 * arrives (uploads.ts), as a share's files are. SECURITY: an unknown, pending, expired,
 * revoked or blocked share and a missing or wrong reply token all answer the same 404,
 * before any of the body is read; so does a share that takes no reply (created without
 * a reply token hash).
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
  const refused = replyRefusals(limits.replyMaxBytes);
  const declared = c.req.header('Content-Length');
  if (declared !== undefined && Number(declared) > limits.replyMaxBytes) {
    return refuse(c, refused.too_large);
  }
  const replyId = randomId();
  const upload = await store.beginReply(id, replyId, now, REPLIES_PER_SHARE);
  if (upload === null || upload === 'full') {
    return refuse(c, upload === 'full' ? FULL : NOT_FOUND);
  }
  const got = await receiveJwe(
    c.req.raw.body,
    upload,
    { max: limits.replyMaxBytes, exact: false },
    deps.bodyIdleMs,
  );
  if (!got.ok) {
    log.info(`share ${redactId(id)}: reply refused (${got.why})`);
    dropIfBodyUnread(c);
    return refuse(c, refused[got.why]);
  }
  if (got.value === 'full') return refuse(c, FULL);
  log.info(`share ${redactId(id)}: reply stored, ${got.length} bytes`);
  return c.json({ id: replyId }, 201, NO_STORE);
}

const FULL: Refusal = {
  status: 429,
  error: 'rate_limited',
  message: `A share takes at most ${REPLIES_PER_SHARE} replies.`,
};

/** The answer to each refused reply body (`gone`: the share went meanwhile, 404). */
function replyRefusals(max: number): Record<UploadRefusal, Refusal> {
  return {
    too_large: {
      status: 413,
      error: 'body_too_large',
      message: `A reply is at most ${max} bytes.`,
    },
    // A reply has no declared length; a body that ends early is cut, not short.
    short: { status: 400, error: 'bad_request', message: 'The upload was cut off.' },
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
    gone: NOT_FOUND,
  };
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
