import type { Hono } from 'hono';
import type { ManifestResponse } from '../../../src/share/protocol.ts';
import { baseUrl, type ShareDeps } from './deps.ts';
import { NOT_FOUND, refusalBody, type Refusal } from './errors.ts';
import { limitBody, openCors, rateLimit } from './guards.ts';
import { finalHeaders, finalResponse } from './headers.ts';
import { log, redactId } from './log.ts';
import { verifyPasscode } from './passcode.ts';
import { isRandomId } from './secrets.ts';
import { isActive } from './store/store.ts';
import { openTicket, sealTicket } from './tickets.ts';
import { parseManifest, parseRecipient, readJson } from './validate.ts';

/**
 * Every answer of these routes is a final response (headers.ts): plain headers, CORS for
 * any origin (no credentials), security headers; successes are never cached.
 */
const OPEN = { 'access-control-allow-origin': '*' };
const JSON_TYPE = { 'content-type': 'application/json' };
const JSON_OPEN = finalHeaders({ ...OPEN, ...JSON_TYPE });
const JSON_OK = finalHeaders({ ...OPEN, ...JSON_TYPE, 'cache-control': 'no-store' });
const JOSE_OK = finalHeaders({
  ...OPEN,
  'content-type': 'application/jose',
  'cache-control': 'no-store',
});

/** `{error, message}` (plus any extra fields) with the refusal's status, as `refuse` answers. */
function refuseOpen(r: Refusal): Response {
  return finalResponse(JSON.stringify(refusalBody(r)), r.status, JSON_OPEN);
}

/**
 * Checks a manifest request's passcode against a share that has one; null when it may
 * open (or needs none), else the refusal to answer.
 */
async function checkPasscode(
  deps: ShareDeps,
  id: string,
  passcodeHash: string | null,
  remainingAttempts: number | null,
  passcode: string | null,
  now: number,
): Promise<Refusal | null> {
  if (passcodeHash === null) return null;
  if (passcode === null) {
    return {
      status: 401,
      error: 'passcode_required',
      message: 'This share needs its passcode.',
      extra: { remainingAttempts: remainingAttempts ?? 0 },
    };
  }
  // SECURITY: the attempt is taken before the (slow) hash check, atomically in the
  // store, so parallel guesses can never run more checks than the budget holds.
  // A right passcode gives its attempt back; a crash in between keeps it spent.
  const left = await deps.store.takeAttempt(id, now);
  if (left === null) return NOT_FOUND;
  if (!(await verifyPasscode(passcode, passcodeHash))) {
    log.info(`share ${redactId(id)}: wrong passcode, ${left} attempt(s) left`);
    return {
      status: 401,
      error: 'wrong_passcode',
      message: 'Wrong passcode.',
      extra: { remainingAttempts: left },
    };
  }
  await deps.store.returnAttempt(id);
  return null;
}

/**
 * Mounts the SMART Health Links endpoints any viewer may call: the manifest request
 * (`POST /api/shl/:id`), the direct file request for `U` links (`GET /api/shl/:id`)
 * and the short-lived `location` files (`GET /api/files/:ticket`).
 */
export function mountOpen(app: Hono, deps: ShareDeps): void {
  const { store, limits } = deps;
  const limited = rateLimit(store, 'manifest', limits.manifestPerMinute, deps);
  const small = limitBody(limits.maxManifestBodyBytes, {
    status: 413,
    error: 'body_too_large',
    message: 'A manifest request body is at most a few KB.',
  });
  app.use('/api/shl/:id', openCors(['GET', 'POST']));
  app.use('/api/files/:ticket', openCors(['GET']));
  app.options('/api/shl/:id', (c) => c.body(null, 204));
  app.options('/api/files/:ticket', (c) => c.body(null, 204));

  app.post('/api/shl/:id', limited, small, async (c) => {
    const id = c.req.param('id');
    const parsed = parseManifest(await readJson(c), limits);
    if (!parsed.ok) return refuseOpen(parsed.refusal);
    const { recipient, passcode, embeddedLengthMax } = parsed.value;
    const now = deps.now();
    const share = isRandomId(id) ? await store.get(id) : null;
    if (!share || !isActive(share, now)) return refuseOpen(NOT_FOUND);

    const refusal = await checkPasscode(
      deps,
      id,
      share.passcodeHash,
      share.remainingAttempts,
      passcode,
      now,
    );
    if (refusal) return refuseOpen(refusal);

    // Count the open first: a share revoked or used up meanwhile answers 404, not files.
    if (!(await store.recordUse(id, { recipient, at: now }))) return refuseOpen(NOT_FOUND);
    const base = baseUrl(deps, c);
    const expiresAt = Math.min(now + limits.locationTtlSeconds * 1000, share.exp * 1000);
    const key = await deps.ticketKey();
    const answer: ManifestResponse = { files: [] };
    for (const [index, f] of share.files.entries()) {
      if (embeddedLengthMax !== null && f.length <= embeddedLengthMax) {
        const jwe = await store.readFile(id, index);
        if (jwe === null) return refuseOpen(NOT_FOUND);
        answer.files.push({ contentType: f.contentType, embedded: jwe });
      } else {
        const ticket = sealTicket(key, { id, index, expiresAt });
        answer.files.push({ contentType: f.contentType, location: `${base}/api/files/${ticket}` });
      }
    }
    return finalResponse(JSON.stringify(answer), 200, JSON_OK);
  });

  app.get('/api/shl/:id', limited, async (c) => {
    const id = c.req.param('id');
    const recipient = parseRecipient(c.req.query('recipient'), limits);
    if (!recipient.ok) return refuseOpen(recipient.refusal);
    const now = deps.now();
    const share = isRandomId(id) ? await store.get(id) : null;
    if (!share || !isActive(share, now)) return refuseOpen(NOT_FOUND);
    if (share.passcodeHash !== null || share.files.length !== 1) {
      return refuseOpen({
        status: 400,
        error: 'direct_get_unavailable',
        message: 'This share is opened with a manifest request (POST), not a direct GET.',
      });
    }
    if (!(await store.recordUse(id, { recipient: recipient.value, at: now }))) {
      return refuseOpen(NOT_FOUND);
    }
    return sendJwe(await store.readFile(id, 0));
  });

  app.get('/api/files/:ticket', async (c) => {
    const found = openTicket(await deps.ticketKey(), c.req.param('ticket'), deps.now());
    return sendJwe(found ? await store.readFile(found.id, found.index) : null);
  });
}

/** SHL files answer `application/jose` with the JWE as stored, byte for byte. */
function sendJwe(jwe: string | null): Response {
  if (jwe === null) return refuseOpen(NOT_FOUND);
  return finalResponse(jwe, 200, JOSE_OK);
}
