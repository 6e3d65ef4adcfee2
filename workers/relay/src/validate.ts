import * as v from 'valibot';
import {
  createShareRequestSchema,
  manifestRequestSchema,
  recipientSchema,
} from '../../../src/share/protocol-schema.ts';
import type { CreateShareRequest } from '../../../src/share/protocol.ts';
import type { Refusal } from './errors.ts';
import type { RelayLimits } from './limits.ts';

/** A create request as the routes use it: options not given are `null`. */
export interface ValidCreate {
  /** Each file's type and the byte length its upload must have. */
  files: CreateShareRequest['files'];
  exp: number;
  passcode: string | null;
  maxUses: number | null;
  /** SHA-256 of the share's reply token, base64url; null when the share takes no reply. */
  replyTokenHash: string | null;
}

/** A manifest request as the routes use it: options not given (or an empty passcode) are `null`. */
export interface ValidManifest {
  recipient: string;
  passcode: string | null;
  embeddedLengthMax: number | null;
}

type Result<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/**
 * Refusals with a code (and status) of their own, which clients and tests read, by the key
 * and the check that failed (see createShareRequestSchema; array indexes read as `*`).
 * Every other issue is `400 bad_request`.
 */
const CODES: Readonly<Record<string, Pick<Refusal, 'status' | 'error'>>> = {
  'files max_length': { status: 400, error: 'too_many_files' },
  'files check': { status: 413, error: 'body_too_large' },
  'files.*.length max_value': { status: 413, error: 'body_too_large' },
  'exp gt_value': { status: 400, error: 'already_expired' },
  'exp max_value': { status: 400, error: 'lifetime_too_long' },
};

/**
 * `value` checked against one of the wire schemas (src/share/protocol-schema.ts). Checking
 * stops at the first issue, whose message the refusal carries.
 */
function check<S extends v.GenericSchema>(schema: S, value: unknown): Result<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, value, { abortEarly: true });
  if (parsed.success) return { ok: true, value: parsed.output };
  const [issue] = parsed.issues;
  const path = (v.getDotPath(issue) ?? '').replace(/\.\d+(?=\.|$)/g, '.*');
  const code = CODES[`${path} ${issue.type}`] ?? { status: 400, error: 'bad_request' };
  return { ok: false, refusal: { ...code, message: issue.message } };
}

/** The answer to a create request in the former shape, files carrying their JWE inline. */
const INLINE_FILES: Refusal = {
  status: 400,
  error: 'inline_files_unsupported',
  message:
    "Files are no longer sent inside this request: give each file's contentType and length " +
    'here, then upload each file with PUT /api/shl/:id/files/:index (application/jose).',
};

/**
 * The manifest schemas for a relay's limits, built once: the limits never change while it
 * runs, and building costs more than checking (the manifest route is the relay's busiest).
 */
const built = new WeakMap<RelayLimits, ReturnType<typeof openSchemas>>();
function openSchemas(limits: RelayLimits) {
  return { manifest: manifestRequestSchema(limits), recipient: recipientSchema(limits) };
}
function openSchemasFor(limits: RelayLimits): ReturnType<typeof openSchemas> {
  const schemas = built.get(limits) ?? openSchemas(limits);
  built.set(limits, schemas);
  return schemas;
}

/**
 * Checks a `POST /api/shl` body against the limits; `now` is epoch seconds. A body in the
 * former shape (a file with an inline `jwe`) gets a refusal that says what changed.
 */
export function parseCreate(body: unknown, limits: RelayLimits, now: number): Result<ValidCreate> {
  if (hasInlineFiles(body)) return { ok: false, refusal: INLINE_FILES };
  const parsed = check(createShareRequestSchema(limits, now), body);
  if (!parsed.ok) return parsed;
  const { files, exp, passcode, maxUses, replyTokenHash } = parsed.value;
  return {
    ok: true,
    value: {
      files,
      exp,
      passcode: passcode ?? null,
      maxUses: maxUses ?? null,
      replyTokenHash: replyTokenHash ?? null,
    },
  };
}

/** Checks a manifest request body (SHL: `{recipient, passcode?, embeddedLengthMax?}`). */
export function parseManifest(body: unknown, limits: RelayLimits): Result<ValidManifest> {
  const parsed = check(openSchemasFor(limits).manifest, body);
  if (!parsed.ok) return parsed;
  const { recipient, passcode, embeddedLengthMax } = parsed.value;
  return {
    ok: true,
    value: { recipient, passcode: passcode || null, embeddedLengthMax: embeddedLengthMax ?? null },
  };
}

/** Checks and cleans the `recipient` of a direct GET (see recipientSchema). */
export function parseRecipient(value: unknown, limits: RelayLimits): Result<string> {
  return check(openSchemasFor(limits).recipient, value);
}

function hasInlineFiles(body: unknown): boolean {
  const files = (body as { files?: unknown } | null)?.files;
  return (
    Array.isArray(files) &&
    files.some((f: unknown) => typeof f === 'object' && f !== null && Object.hasOwn(f, 'jwe'))
  );
}
