import type { Hono } from 'hono';
import { SHL_FILE_CONTENT_TYPE, type ManifestResponse } from '../../../src/share/protocol.ts';
import { readJsonBody } from './body.ts';
import { baseUrl, type ShareDeps } from './deps.ts';
import { NOT_FOUND, refusalBody, type Refusal } from './errors.ts';
import { dropIfBodyUnread, openCors, rateLimit } from './guards.ts';
import { finalHeaders, finalResponse } from './headers.ts';
import { log, redactId } from './log.ts';
import { verifyPasscode } from './passcode.ts';
import { isRandomId } from './secrets.ts';
import { isActive, type ShareMeta, type StoredFile } from './store/store.ts';
import { openTicket, sealTicket } from './tickets.ts';
import { parseManifest, parseRecipient } from './validate.ts';

/**
 * Every answer of these routes is a final response (headers.ts): plain headers, CORS for
 * any origin (no credentials), the relay's security headers; successes are never cached.
 */
const OPEN = { 'access-control-allow-origin': '*' };
const JSON_TYPE = { 'content-type': 'application/json' };
const JSON_OK_PLAIN = { ...OPEN, ...JSON_TYPE, 'cache-control': 'no-store' };
const JOSE_OK_PLAIN = {
  ...OPEN,
  'content-type': SHL_FILE_CONTENT_TYPE,
  'cache-control': 'no-store',
};

const TOO_LARGE: Refusal = {
  status: 413,
  error: 'body_too_large',
  message: 'A manifest request body is at most a few KB.',
};
const TIMEOUT: Refusal = {
  status: 408,
  error: 'request_timeout',
  message: 'The request stopped sending.',
};

/**
 * Checks a manifest request's passcode against a share that has one; null when it may
 * open (or needs none), else the refusal to answer.
 */
async function checkPasscode(
  deps: ShareDeps,
  { id, passcodeHash, remainingAttempts }: ShareMeta,
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
  const { store, limits, security } = deps;
  const JSON_OPEN = finalHeaders({ ...OPEN, ...JSON_TYPE }, security);
  const JSON_OK = finalHeaders(JSON_OK_PLAIN, security);
  /** `{error, message}` (plus any extra fields) with the refusal's status, as `refuse` answers. */
  const refuseOpen = (r: Refusal): Response =>
    finalResponse(JSON.stringify(refusalBody(r)), r.status, JSON_OPEN);
  /** SHL files answer `application/jose` with the JWE as stored, byte for byte, streamed. */
  const sendFile = (file: StoredFile | null): Response => {
    if (file === null) return refuseOpen(NOT_FOUND);
    const headers = finalHeaders(
      { ...JOSE_OK_PLAIN, 'content-length': String(file.length) },
      security,
    );
    return finalResponse(streamOf([file]), 200, headers);
  };
  const limited = rateLimit(store, 'manifest', limits.manifestPerMinute, deps);
  app.use('/api/shl/:id', openCors(['GET', 'POST']));
  app.use('/api/files/:ticket', openCors(['GET']));
  app.options('/api/shl/:id', (c) => c.body(null, 204));
  app.options('/api/files/:ticket', (c) => c.body(null, 204));

  app.post('/api/shl/:id', limited, async (c) => {
    const id = c.req.param('id');
    const body = await readJsonBody(c, limits.maxManifestBodyBytes, deps.bodyIdleMs);
    if (!body.ok) {
      dropIfBodyUnread(c);
      return refuseOpen(body.why === 'too_large' ? TOO_LARGE : TIMEOUT);
    }
    const parsed = parseManifest(body.value, limits);
    if (!parsed.ok) return refuseOpen(parsed.refusal);
    const { recipient, passcode, embeddedLengthMax } = parsed.value;
    const now = deps.now();
    const share = isRandomId(id) ? await store.get(id) : null;
    if (!share || !isActive(share, now)) return refuseOpen(NOT_FOUND);

    const refusal = await checkPasscode(deps, share, passcode, now);
    if (refusal) return refuseOpen(refusal);

    // Count the open first: a share revoked or used up meanwhile answers 404, not files.
    if (!(await store.recordUse(id, { recipient, at: now }))) return refuseOpen(NOT_FOUND);
    const base = baseUrl(deps, c);
    const expiresAt = Math.min(now + limits.locationTtlSeconds * 1000, share.exp * 1000);
    const answer = await manifestAnswer(deps, share, { base, expiresAt, embeddedLengthMax });
    if (answer === null) return refuseOpen(NOT_FOUND);
    if (typeof answer === 'string') return finalResponse(answer, 200, JSON_OK);
    const headers = finalHeaders(
      { ...JSON_OK_PLAIN, 'content-length': String(answer.length) },
      security,
    );
    return finalResponse(streamOf(answer.parts), 200, headers);
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
    return sendFile(await store.openFile(id, 0));
  });

  app.get('/api/files/:ticket', async (c) => {
    const found = openTicket(await deps.ticketKey(), c.req.param('ticket'), deps.now());
    return sendFile(found ? await store.openFile(found.id, found.index) : null);
  });
}

/**
 * The manifest of `share`: one string when no file is embedded (the usual answer, small),
 * else the parts of a JSON body to stream, with its length; null when an embedded file is
 * gone. Embedded files are streamed into the JSON from the store, a chunk at a time, never
 * held whole: a compact JWE (checked on upload) needs no escaping inside a JSON string.
 */
async function manifestAnswer(
  deps: ShareDeps,
  share: ShareMeta,
  opts: { base: string; expiresAt: number; embeddedLengthMax: number | null },
): Promise<string | { parts: (string | StoredFile)[]; length: number } | null> {
  const { id } = share;
  const key = await deps.ticketKey();
  const max = opts.embeddedLengthMax;
  const location = (index: number): string =>
    `${opts.base}/api/files/${sealTicket(key, { id, index, expiresAt: opts.expiresAt })}`;
  const embed = share.files.map((f) => max !== null && f.length <= max);
  if (!embed.includes(true)) {
    const answer: ManifestResponse = {
      files: share.files.map((f, index) => ({
        contentType: f.contentType,
        location: location(index),
      })),
    };
    return JSON.stringify(answer);
  }
  const parts: (string | StoredFile)[] = [];
  let json = '{"files":[';
  for (const [index, f] of share.files.entries()) {
    if (index > 0) json += ',';
    const type = JSON.stringify(f.contentType);
    if (embed[index]) {
      const file = await deps.store.openFile(id, index);
      if (file === null) return null;
      parts.push(`${json}{"contentType":${type},"embedded":"`, file);
      json = '"}';
    } else {
      json += `{"contentType":${type},"location":${JSON.stringify(location(index))}}`;
    }
  }
  parts.push(`${json}]}`);
  const length = parts.reduce(
    (n, p) => n + (typeof p === 'string' ? Buffer.byteLength(p) : p.length),
    0,
  );
  return { parts, length };
}

/**
 * A body of strings and stored files, produced as the client reads it: one chunk in
 * memory at a time. A file deleted meanwhile (revoked, swept) ends the response early.
 */
export function streamOf(parts: readonly (string | StoredFile)[]): ReadableStream<Uint8Array> {
  async function* pieces(): AsyncGenerator<Uint8Array, void, undefined> {
    for (const part of parts) {
      if (typeof part === 'string') yield Buffer.from(part);
      else yield* part.chunks();
    }
  }
  const source = pieces();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await source.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await source.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
