import type { Context, Hono, MiddlewareHandler } from 'hono';
import {
  SHL_FILE_CONTENT_TYPE,
  type CreateShareResponse,
  type ShareStatusResponse,
  type UploadFileResponse,
} from '../../../src/share/protocol.ts';
import { readJsonBody } from './body.ts';
import { MANIFEST_URL_MAX, baseUrl, manifestPath, uploadPath, type ShareDeps } from './deps.ts';
import { NOT_FOUND, refuse, type Refusal } from './errors.ts';
import { closeUnreadBodies, rateLimit, sameOriginOnly } from './guards.ts';
import { createBodyMaxBytes } from './limits.ts';
import { log, redactId } from './log.ts';
import { hashPasscode } from './passcode.ts';
import { hashToken, isRandomId, randomId, tokenMatches } from './secrets.ts';
import { isActive, type ShareMeta } from './store/store.ts';
import { receiveFile, type UploadRefusal } from './uploads.ts';
import { parseCreate } from './validate.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };

const TIMEOUT: Refusal = {
  status: 408,
  error: 'request_timeout',
  message: 'The request stopped sending; send it again.',
};

const UPLOAD_CLOSED: Refusal = {
  status: 409,
  error: 'upload_closed',
  message: 'Every file of this share is stored already; it cannot change.',
};

/**
 * Mounts creation (`POST /api/shl`), file uploads (`PUT /api/shl/:id/files/:index`) and
 * management (`GET .../admin`, `DELETE`), all same-origin.
 */
export function mountManagement(app: Hono, deps: ShareDeps): void {
  const sameOrigin = sameOriginOnly(deps.publicUrl ? new URL(deps.publicUrl).origin : null);
  // Creation and uploads read bodies: one refused early ends its connection.
  app.post('/api/shl', closeUnreadBodies());
  app.put('/api/shl/:id/files/:index', closeUnreadBodies());
  mountCreate(app, deps, sameOrigin);
  mountUpload(app, deps, sameOrigin);

  app.get('/api/shl/:id/admin', sameOrigin, async (c) => {
    const share = await authorised(c, deps);
    if (!share) return refuse(c, NOT_FOUND);
    const now = deps.now();
    const answer: ShareStatusResponse = {
      active: isActive(share, now),
      exp: share.exp,
      remainingAttempts: share.remainingAttempts,
      accesses: await deps.store.accesses(share.id),
    };
    return c.json(answer, 200, NO_STORE);
  });

  app.delete('/api/shl/:id', sameOrigin, async (c) => {
    const share = await authorised(c, deps);
    if (!share) return refuse(c, NOT_FOUND);
    // SECURITY: revocation deletes the ciphertext now, uploads under way included;
    // nothing is merely flagged.
    await deps.store.remove(share.id);
    log.info(`share ${redactId(share.id)} revoked`);
    return c.body(null, 204);
  });
}

/** `POST /api/shl`: a few KB of JSON; the share waits for its files (mountUpload). */
function mountCreate(app: Hono, deps: ShareDeps, sameOrigin: MiddlewareHandler): void {
  const { store, limits } = deps;
  const limited = rateLimit(store, 'create', limits.createPerMinute, deps);
  const createMax = createBodyMaxBytes(limits);
  const tooLarge: Refusal = {
    status: 413,
    error: 'body_too_large',
    message:
      `A share request is at most ${createMax} bytes of JSON: each file is uploaded ` +
      'by itself, with PUT /api/shl/:id/files/:index.',
  };

  app.post('/api/shl', sameOrigin, limited, async (c) => {
    if (!isType(c, 'application/json')) {
      return refuse(c, {
        status: 415,
        error: 'unsupported_media_type',
        message: 'Send application/json.',
      });
    }
    // SECURITY: a few KB at most, whole within the deadline: no client can make the relay
    // read, hold or parse more (the files come one PUT each, checked as they stream).
    const body = await readJsonBody(c, createMax, deps.bodyIdleMs);
    if (!body.ok) return refuse(c, body.why === 'too_large' ? tooLarge : TIMEOUT);
    const now = deps.now();
    const parsed = parseCreate(body.value, limits, Math.floor(now / 1000));
    if (!parsed.ok) return refuse(c, parsed.refusal);
    const { files, exp, passcode, maxUses, replyTokenHash } = parsed.value;

    const id = randomId();
    const managementToken = randomId();
    const manifestUrl = baseUrl(deps, c) + manifestPath(id);
    if (manifestUrl.length > MANIFEST_URL_MAX) {
      log.warn('manifest URL would exceed 128 characters: set a shorter PUBLIC_URL');
      return refuse(c, {
        status: 500,
        error: 'internal',
        message: 'The relay address is too long for a share link.',
      });
    }
    // SECURITY: the passcode exists in clear only for this call; the store gets the hash.
    const passcodeHash =
      passcode === null ? null : await hashPasscode(passcode, deps.passcodeParams);
    await store.create({
      id,
      tokenHash: hashToken(managementToken),
      exp,
      createdAt: now,
      passcodeHash,
      attempts: passcodeHash === null ? null : limits.passcodeAttempts,
      maxUses,
      files,
      replyTokenHash,
    });
    const bytes = files.reduce((n, f) => n + f.length, 0);
    log.info(
      `share ${redactId(id)} created, waiting for ${files.length} file(s), ${bytes} bytes, ` +
        `${Math.round((exp * 1000 - now) / 3_600_000)} h${passcodeHash ? ', passcode' : ''}` +
        (replyTokenHash ? ', replies' : ''),
    );
    const answer: CreateShareResponse = {
      id,
      manifestUrl,
      managementToken,
      uploads: files.map((_, index) => uploadPath(id, index)),
    };
    return c.json(answer, 201, NO_STORE);
  });
}

/**
 * `PUT /api/shl/:id/files/:index`: one file's JWE, streamed to the store and checked while
 * it arrives (uploads.ts). The last file to land makes the share open.
 */
function mountUpload(app: Hono, deps: ShareDeps, sameOrigin: MiddlewareHandler): void {
  const { store, limits } = deps;
  const refused = refusalsOfUploads(limits.maxFileBytes);

  app.put('/api/shl/:id/files/:index', sameOrigin, async (c) => {
    const share = await authorised(c, deps);
    const index = Number(/^(0|[1-9]\d{0,3})$/.exec(c.req.param('index'))?.[0] ?? NaN);
    const file = share?.files[index];
    if (!share || !file) return refuse(c, NOT_FOUND);
    if (share.pending === 0) return refuse(c, UPLOAD_CLOSED);
    if (!isType(c, SHL_FILE_CONTENT_TYPE)) {
      return refuse(c, {
        status: 415,
        error: 'unsupported_media_type',
        message: `Send ${SHL_FILE_CONTENT_TYPE}.`,
      });
    }
    // A declared length other than the file's is refused before anything is read.
    const declared = declaredLength(c);
    if (declared !== null && declared > file.length) return refuse(c, refused.too_large);
    if (declared !== null && declared < file.length) return refuse(c, refused.short);
    const upload = await store.beginUpload(share.id, index, deps.now());
    if (!upload) return refuse(c, (await closedOrGone(deps, share.id)) ?? NOT_FOUND);
    const result = await receiveFile(c.req.raw.body, upload, deps.bodyIdleMs);
    if (!result.ok) {
      log.info(`share ${redactId(share.id)}: file upload refused (${result.why})`);
      if (result.why === 'gone') {
        return refuse(c, (await closedOrGone(deps, share.id)) ?? NOT_FOUND);
      }
      return refuse(c, refused[result.why]);
    }
    log.info(
      `share ${redactId(share.id)}: file ${index} stored, ${file.length} bytes` +
        (result.complete ? ', share complete' : ''),
    );
    const answer: UploadFileResponse = { complete: result.complete };
    return c.json(answer, 200, NO_STORE);
  });
}

/** The answer to each refused upload but `gone` (which depends on what became of the share). */
function refusalsOfUploads(maxFileBytes: number): Record<Exclude<UploadRefusal, 'gone'>, Refusal> {
  return {
    too_large: {
      status: 413,
      error: 'body_too_large',
      message: `The body is longer than the file's declared length (at most ${maxFileBytes} bytes).`,
    },
    short: {
      status: 400,
      error: 'length_mismatch',
      message: "The body is shorter than the file's declared length.",
    },
    not_jwe: {
      status: 400,
      error: 'not_compact_jwe',
      message: 'The body must be one compact JWE: five base64url parts joined by dots.',
    },
    timeout: TIMEOUT,
    aborted: { status: 400, error: 'bad_request', message: 'The upload was cut off.' },
  };
}

/** 409 when the share is complete now, null when it is gone (the caller answers 404). */
async function closedOrGone(deps: ShareDeps, id: string): Promise<Refusal | null> {
  const share = await deps.store.get(id);
  return share && share.pending === 0 ? UPLOAD_CLOSED : null;
}

/**
 * The share, when the bearer token is its management token and it has not expired.
 * SECURITY: a wrong, missing or malformed token answers exactly like an unknown id (404),
 * so the endpoint tells nothing about which ids exist.
 */
export async function authorised(c: Context, deps: ShareDeps): Promise<ShareMeta | null> {
  const id = c.req.param('id') ?? '';
  const token = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(c.req.header('Authorization') ?? '')?.[1];
  if (!isRandomId(id) || token === undefined) return null;
  const share = await deps.store.get(id);
  if (!share || !tokenMatches(token, share.tokenHash)) return null;
  if (share.exp * 1000 <= deps.now()) return null;
  return share;
}

/** The declared Content-Length of a body that is not chunked, else null (counted while read). */
function declaredLength(c: Context): number | null {
  const declared = c.req.header('Content-Length');
  if (declared === undefined || c.req.header('Transfer-Encoding') !== undefined) return null;
  return Number(declared);
}

/** True when the request's Content-Type is `type` (parameters such as charset allowed). */
function isType(c: Context, type: string): boolean {
  const value = (c.req.header('Content-Type') ?? '').toLowerCase();
  return value === type || value.startsWith(`${type};`) || value.startsWith(`${type} `);
}
