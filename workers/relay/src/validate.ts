import type { Context } from 'hono';
import * as v from 'valibot';
import {
  createShareRequestSchema,
  manifestRequestSchema,
  recipientSchema,
} from '../../../src/share/protocol-schema.ts';
import type { CreateShareRequest, RelayErrorCode } from '../../../src/share/protocol.ts';
import type { Refusal } from './errors.ts';
import type { RelayLimits } from './limits.ts';

/** A create request as the routes use it: options not given are `null`. */
export interface ValidCreate {
  files: CreateShareRequest['files'];
  exp: number;
  passcode: string | null;
  maxUses: number | null;
}

/** A manifest request as the routes use it: options not given (or an empty passcode) are `null`. */
export interface ValidManifest {
  recipient: string;
  passcode: string | null;
  embeddedLengthMax: number | null;
}

type Result<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/**
 * Refusals with a code of their own, which clients and tests read, by the key and the
 * check that failed (see createShareRequestSchema). Every other issue is `bad_request`.
 */
const CODES: Readonly<Record<string, RelayErrorCode>> = {
  'files max_length': 'too_many_files',
  'exp gt_value': 'already_expired',
  'exp max_value': 'lifetime_too_long',
};

/**
 * `value` checked against one of the wire schemas (src/share/protocol-schema.ts). Checking
 * stops at the first issue, whose message the refusal carries.
 */
function check<S extends v.GenericSchema>(schema: S, value: unknown): Result<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, value, { abortEarly: true });
  if (parsed.success) return { ok: true, value: parsed.output };
  const [issue] = parsed.issues;
  const error = CODES[`${v.getDotPath(issue)} ${issue.type}`] ?? 'bad_request';
  return { ok: false, refusal: { status: 400, error, message: issue.message } };
}

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

/** Checks a `POST /api/shl` body against the limits; `now` is epoch seconds. */
export function parseCreate(body: unknown, limits: RelayLimits, now: number): Result<ValidCreate> {
  const parsed = check(createShareRequestSchema(limits, now), body);
  if (!parsed.ok) return parsed;
  const { files, exp, passcode, maxUses } = parsed.value;
  return { ok: true, value: { files, exp, passcode: passcode ?? null, maxUses: maxUses ?? null } };
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

/** The parsed JSON body, or undefined when it is not JSON (validation then answers 400). */
export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}
