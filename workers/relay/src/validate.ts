import type { Context } from 'hono';
import { SHL_CONTENT_TYPES, type ShlContentType } from '../../../src/share/protocol.ts';
import type { Refusal } from './errors.ts';
import type { RelayLimits } from './limits.ts';

export interface ValidCreate {
  files: { contentType: ShlContentType; jwe: string }[];
  exp: number;
  passcode: string | null;
  maxUses: number | null;
}

export interface ValidManifest {
  recipient: string;
  passcode: string | null;
  embeddedLengthMax: number | null;
}

type Result<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

const bad = (message: string): { ok: false; refusal: Refusal } => ({
  ok: false,
  refusal: { status: 400, error: 'bad_request', message },
});

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * True when `s` has the shape of a compact JWE: five base64url parts joined by dots, the
 * second (encrypted key) empty for `alg: dir`. SECURITY: the relay checks only the shape;
 * it never decodes the header or anything else in the JWE.
 */
export function isCompactJwe(s: string): boolean {
  let dots = 0;
  let partLength = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (partLength === 0 && dots !== 1) return false;
      dots++;
      partLength = 0;
      continue;
    }
    const b64url =
      (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95;
    if (!b64url) return false;
    partLength++;
  }
  return dots === 4 && partLength > 0;
}

/** Checks a `POST /api/shl` body against the limits; `now` is epoch seconds. */
export function parseCreate(body: unknown, limits: RelayLimits, now: number): Result<ValidCreate> {
  if (!isObject(body)) return bad('The body must be a JSON object.');
  const { files, exp, passcode, maxUses } = body;
  if (!Array.isArray(files) || files.length === 0) return bad('"files" must be a non-empty array.');
  if (files.length > limits.maxFiles) {
    return {
      ok: false,
      refusal: {
        status: 400,
        error: 'too_many_files',
        message: `A share holds at most ${limits.maxFiles} files.`,
      },
    };
  }
  const valid: ValidCreate['files'] = [];
  for (const f of files as unknown[]) {
    if (!isObject(f)) return bad('Each file must be an object.');
    const contentType = f.contentType;
    if (
      typeof contentType !== 'string' ||
      !(SHL_CONTENT_TYPES as readonly string[]).includes(contentType)
    ) {
      return bad(`"contentType" must be one of ${SHL_CONTENT_TYPES.join(', ')}.`);
    }
    if (typeof f.jwe !== 'string' || !isCompactJwe(f.jwe)) {
      return bad('"jwe" must be a compact JWE string.');
    }
    valid.push({ contentType: contentType as ShlContentType, jwe: f.jwe });
  }
  if (typeof exp !== 'number' || !Number.isSafeInteger(exp)) {
    return bad('"exp" must be the expiry time in whole epoch seconds.');
  }
  if (exp <= now) {
    return {
      ok: false,
      refusal: { status: 400, error: 'already_expired', message: '"exp" is in the past.' },
    };
  }
  if (exp > now + limits.maxLifetimeSeconds) {
    const days = Math.floor(limits.maxLifetimeSeconds / 86_400);
    return {
      ok: false,
      refusal: {
        status: 400,
        error: 'lifetime_too_long',
        message: `A share lives at most ${limits.maxLifetimeSeconds} seconds (${days} days).`,
      },
    };
  }
  if (passcode !== undefined) {
    if (
      typeof passcode !== 'string' ||
      passcode.length === 0 ||
      passcode.length > limits.maxPasscodeLength
    ) {
      return bad(`"passcode" must be a string of 1 to ${limits.maxPasscodeLength} characters.`);
    }
  }
  if (maxUses !== undefined) {
    if (
      typeof maxUses !== 'number' ||
      !Number.isSafeInteger(maxUses) ||
      maxUses < 1 ||
      maxUses > limits.maxUsesCeiling
    ) {
      return bad(`"maxUses" must be a whole number from 1 to ${limits.maxUsesCeiling}.`);
    }
  }
  return {
    ok: true,
    value: { files: valid, exp, passcode: passcode ?? null, maxUses: maxUses ?? null },
  };
}

/** Checks a manifest request body (SHL: `{recipient, passcode?, embeddedLengthMax?}`). */
export function parseManifest(body: unknown, limits: RelayLimits): Result<ValidManifest> {
  if (!isObject(body)) return bad('The body must be a JSON object.');
  const recipient = parseRecipient(body.recipient, limits);
  if (!recipient.ok) return recipient;
  const { passcode, embeddedLengthMax } = body;
  if (
    passcode !== undefined &&
    (typeof passcode !== 'string' || passcode.length > limits.maxPasscodeLength)
  ) {
    return bad(`"passcode" must be a string of at most ${limits.maxPasscodeLength} characters.`);
  }
  if (embeddedLengthMax !== undefined) {
    if (
      typeof embeddedLengthMax !== 'number' ||
      !Number.isSafeInteger(embeddedLengthMax) ||
      embeddedLengthMax < 0
    ) {
      return bad('"embeddedLengthMax" must be a whole number, 0 or more.');
    }
  }
  return {
    ok: true,
    value: {
      recipient: recipient.value,
      passcode: typeof passcode === 'string' && passcode.length > 0 ? passcode : null,
      embeddedLengthMax: embeddedLengthMax ?? null,
    },
  };
}

/**
 * True for control characters and bidi embedding/override/isolate marks. SECURITY: a
 * recipient name is typed by whoever opens the link and shown to the patient in the access
 * list; these would let it hide or reorder text ("Dr Martin" displayed for something else).
 */
function isUnsafeInName(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** A recipient is required by the specification: a non-empty display string, bounded. */
export function parseRecipient(value: unknown, limits: RelayLimits): Result<string> {
  if (typeof value !== 'string') return bad('"recipient" must be a non-empty string.');
  let clean = '';
  for (const ch of value) clean += isUnsafeInName(ch.codePointAt(0) ?? 0) ? ' ' : ch;
  clean = clean.trim();
  if (clean.length === 0) return bad('"recipient" must be a non-empty string.');
  if (clean.length > limits.maxRecipientLength) {
    return bad(`"recipient" must be at most ${limits.maxRecipientLength} characters.`);
  }
  return { ok: true, value: clean };
}

/** The parsed JSON body, or undefined when it is not JSON (validation then answers 400). */
export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}
