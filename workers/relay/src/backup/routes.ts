import type { Context, Hono } from 'hono';
import {
  BACKUP_API_PATH,
  BACKUP_CONTENT_TYPE,
  BACKUP_ID_LENGTH,
} from '../../../../src/share/protocol.ts';
import type { ShareDeps } from '../deps.ts';
import { refuse, type Refusal } from '../errors.ts';
import { rateLimit, sameOriginOnly } from '../guards.ts';
import { log, redactId } from '../log.ts';
import { backupKey, type BackupStore, type PutResult } from './store.ts';

/**
 * SECURITY: the one answer for an unknown locator and for a wrong, missing or malformed
 * token or locator, byte for byte, so the API tells nothing about which backups exist.
 */
const NOT_FOUND: Refusal = { status: 404, error: 'not_found', message: 'No backup here.' };

/** The answer to each PUT that stored nothing. */
function refusals(
  maxBytes: number,
): Record<Exclude<PutResult['status'], 'created' | 'replaced'>, Refusal> {
  return {
    not_found: NOT_FOUND,
    too_large: {
      status: 413,
      error: 'body_too_large',
      message: `A backup may be at most ${maxBytes} bytes.`,
    },
    timeout: {
      status: 408,
      error: 'request_timeout',
      message: 'The upload stopped sending; send it again.',
    },
    aborted: { status: 400, error: 'bad_request', message: 'The upload was cut off.' },
    empty: { status: 400, error: 'bad_request', message: 'A backup cannot be empty.' },
  };
}

/** A locator or token: 32 bytes, base64url without padding. */
const BACKUP_ID = new RegExp(`^[A-Za-z0-9_-]{${BACKUP_ID_LENGTH}}$`);

/** The answers are the owner's data: never cached by the browser or anything between. */
const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * Mounts the encrypted backup API under `/api/backup/:locator` (protocol.ts): PUT, GET,
 * HEAD, DELETE, each with `Authorization: Bearer <token>`. Same origin only (no CORS
 * grant, foreign `Origin` refused with 403) and rate-limited per address like share
 * creation, in a bucket of its own.
 */
export function mountBackup(app: Hono, deps: ShareDeps, backups: BackupStore): void {
  const { limits } = deps;
  const path = `${BACKUP_API_PATH}/:locator`;
  const refused = refusals(limits.backupMaxBytes);
  app.use(
    `${BACKUP_API_PATH}/*`,
    sameOriginOnly(deps.publicUrl ? new URL(deps.publicUrl).origin : null),
    rateLimit(deps.store, 'backup', limits.createPerMinute, deps),
  );

  app.put(path, async (c) => {
    const access = credentials(c);
    if (!access) return refuse(c, NOT_FOUND);
    // Checked from the header before anything is read; a chunked body is counted instead.
    if (declaredLength(c) > limits.backupMaxBytes) return refuse(c, refused.too_large);
    if (!isOctetStream(c)) {
      return refuse(c, {
        status: 415,
        error: 'unsupported_media_type',
        message: `Send ${BACKUP_CONTENT_TYPE}.`,
      });
    }
    const result = await backups.put(access.locator, access.token, c.req.raw.body, {
      maxBytes: limits.backupMaxBytes,
      now: deps.now,
    });
    if (result.status !== 'created' && result.status !== 'replaced') {
      if (result.status !== 'not_found') log.info(`backup upload refused: ${result.status}`);
      return refuse(c, refused[result.status]);
    }
    const { size, updatedAt } = result.meta;
    log.info(`backup ${redactId(backupKey(access.locator))} ${result.status}: ${size} bytes`);
    return c.body(null, result.status === 'created' ? 201 : 200, {
      ...NO_STORE,
      'Last-Modified': httpDate(updatedAt),
    });
  });

  // Hono answers HEAD with this GET route (and drops any body), so HEAD opens no file.
  app.get(path, async (c) => {
    const access = credentials(c);
    if (!access) return refuse(c, NOT_FOUND);
    const now = deps.now();
    if (c.req.method === 'HEAD') {
      const info = await backups.stat(access.locator, access.token, now);
      if (!info) return refuse(c, NOT_FOUND);
      return c.body(null, 200, fileHeaders(info.size, info.modifiedAt));
    }
    const file = await backups.open(access.locator, access.token, now);
    if (!file) return refuse(c, NOT_FOUND);
    // Streamed from the opened file: a PUT renaming a new one meanwhile changes nothing here.
    return c.body(file.stream(), 200, fileHeaders(file.size, file.modifiedAt));
  });

  app.delete(path, async (c) => {
    const access = credentials(c);
    if (!access || !(await backups.remove(access.locator, access.token))) {
      return refuse(c, NOT_FOUND);
    }
    log.info(`backup ${redactId(backupKey(access.locator))} deleted`);
    return c.body(null, 204);
  });

  app.all(`${BACKUP_API_PATH}/*`, (c) => refuse(c, NOT_FOUND));
}

/** The locator and the bearer token, when both are 43 base64url characters. */
function credentials(c: Context): { locator: string; token: string } | null {
  const locator = c.req.param('locator') ?? '';
  const token = /^Bearer (\S+)$/.exec(c.req.header('Authorization') ?? '')?.[1] ?? '';
  return BACKUP_ID.test(locator) && BACKUP_ID.test(token) ? { locator, token } : null;
}

/** The declared Content-Length of a body that is not chunked, else 0 (counted while read). */
function declaredLength(c: Context): number {
  const declared = c.req.header('Content-Length');
  if (declared === undefined || c.req.header('Transfer-Encoding') !== undefined) return 0;
  return Number(declared);
}

function isOctetStream(c: Context): boolean {
  const type = c.req.header('Content-Type') ?? '';
  return /^application\/octet-stream\s*(;|$)/i.test(type);
}

function fileHeaders(size: number, modifiedAt: number): Record<string, string> {
  return {
    ...NO_STORE,
    'Content-Type': BACKUP_CONTENT_TYPE,
    'Content-Length': String(size),
    'Last-Modified': httpDate(modifiedAt),
  };
}

/** An HTTP date (RFC 9110 IMF-fixdate) of epoch ms. */
function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
