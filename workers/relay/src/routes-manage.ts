import type { Context, Hono } from 'hono';
import type { CreateShareResponse, ShareStatusResponse } from '../../../src/share/protocol.ts';
import { MANIFEST_URL_MAX, baseUrl, manifestPath, type ShareDeps } from './deps.ts';
import { NOT_FOUND, refuse } from './errors.ts';
import { limitBody, rateLimit, sameOriginOnly } from './guards.ts';
import { log, redactId } from './log.ts';
import { hashPasscode } from './passcode.ts';
import { hashToken, isRandomId, randomId, tokenMatches } from './secrets.ts';
import { isActive, type ShareMeta } from './store/store.ts';
import { parseCreate, readJson } from './validate.ts';

/** Mounts creation (`POST /api/shl`) and management (`GET .../admin`, `DELETE`), all same-origin. */
export function mountManagement(app: Hono, deps: ShareDeps): void {
  const { store, limits } = deps;
  const sameOrigin = sameOriginOnly(deps.publicUrl ? new URL(deps.publicUrl).origin : null);
  const tooLarge = limitBody(limits.maxBodyBytes, {
    status: 413,
    error: 'body_too_large',
    message: `A share may be at most ${limits.maxBodyBytes} bytes.`,
  });
  const limited = rateLimit(store, 'create', limits.createPerMinute, deps);

  app.post('/api/shl', sameOrigin, limited, tooLarge, async (c) => {
    if (!isJson(c)) {
      return refuse(c, {
        status: 415,
        error: 'unsupported_media_type',
        message: 'Send application/json.',
      });
    }
    const body = await readJson(c);
    const now = deps.now();
    const parsed = parseCreate(body, limits, Math.floor(now / 1000));
    if (!parsed.ok) return refuse(c, parsed.refusal);
    const { files, exp, passcode, maxUses } = parsed.value;

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
    });
    const bytes = files.reduce((n, f) => n + f.jwe.length, 0);
    log.info(
      `share ${redactId(id)} created: ${files.length} file(s), ${bytes} bytes, ` +
        `${Math.round((exp * 1000 - now) / 3_600_000)} h${passcodeHash ? ', passcode' : ''}`,
    );
    const answer: CreateShareResponse = { id, manifestUrl, managementToken };
    return c.json(answer, 201, { 'Cache-Control': 'no-store' });
  });

  app.get('/api/shl/:id/admin', sameOrigin, async (c) => {
    const share = await authorised(c, deps);
    if (!share) return refuse(c, NOT_FOUND);
    const now = deps.now();
    const answer: ShareStatusResponse = {
      active: isActive(share, now),
      exp: share.exp,
      remainingAttempts: share.remainingAttempts,
      accesses: await store.accesses(share.id),
    };
    return c.json(answer, 200, { 'Cache-Control': 'no-store' });
  });

  app.delete('/api/shl/:id', sameOrigin, async (c) => {
    const share = await authorised(c, deps);
    if (!share) return refuse(c, NOT_FOUND);
    // SECURITY: revocation deletes the ciphertext now; nothing is merely flagged.
    await store.remove(share.id);
    log.info(`share ${redactId(share.id)} revoked`);
    return c.body(null, 204);
  });
}

/**
 * The share, when the bearer token is its management token and it has not expired.
 * SECURITY: a wrong, missing or malformed token answers exactly like an unknown id (404),
 * so the endpoint tells nothing about which ids exist.
 */
async function authorised(c: Context, deps: ShareDeps): Promise<ShareMeta | null> {
  const id = c.req.param('id') ?? '';
  const token = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(c.req.header('Authorization') ?? '')?.[1];
  if (!isRandomId(id) || token === undefined) return null;
  const share = await deps.store.get(id);
  if (!share || !tokenMatches(token, share.tokenHash)) return null;
  if (share.exp * 1000 <= deps.now()) return null;
  return share;
}

function isJson(c: Context): boolean {
  const type = c.req.header('Content-Type') ?? '';
  return /^application\/json\s*(;|$)/i.test(type);
}
