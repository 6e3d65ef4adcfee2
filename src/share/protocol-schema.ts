import * as v from 'valibot';
import { SHL_CONTENT_TYPES } from './protocol.ts';

/**
 * The share relay's wire format as valibot schemas: the relay checks request bodies with
 * them, the patient app and the viewer check the relay's answers with them, and the types
 * in protocol.ts (which documents each field) are inferred from them, so a type and its
 * check cannot drift apart. Messages are the relay's `bad_request` messages: English, for
 * people reading logs. Bounds the relay operator configures come in as `RequestBounds`.
 */

const NOT_AN_OBJECT = 'The body must be a JSON object.';

/** The relay's configurable bounds the request schemas need (RelayLimits has these names). */
export interface RequestBounds {
  /** Most files in one share. */
  readonly maxFiles: number;
  /** Largest file (compact JWE), bytes. */
  readonly maxFileBytes: number;
  /** Largest total of a share's files, bytes. */
  readonly maxShareBytes: number;
  /** Longest lifetime of a share, seconds from creation. */
  readonly maxLifetimeSeconds: number;
  /** Longest passcode accepted, characters. */
  readonly maxPasscodeLength: number;
  /** Highest `maxUses` a share may ask for. */
  readonly maxUsesCeiling: number;
  /** Longest recipient name kept in the access list, characters. */
  readonly maxRecipientLength: number;
}

/**
 * `POST /api/shl` body (a few KB: the files themselves follow, one PUT each), checked at
 * `now` (epoch seconds). Unknown keys are refused, here and in each file. The relay
 * answers some checks with codes of their own, which it tells by key and check: `files`
 * maxLength (too_many_files), `exp` gtValue and maxValue (already_expired,
 * lifetime_too_long), a file's `length` maxValue and the `files` total check
 * (body_too_large, 413).
 */
export function createShareRequestSchema(bounds: RequestBounds, now: number) {
  const files = '"files" must be a non-empty array.';
  const contentType = `"contentType" must be one of ${SHL_CONTENT_TYPES.join(', ')}.`;
  const length = '"length" must be the byte length of the file\'s compact JWE, a whole number.';
  const exp = '"exp" must be the expiry time in whole epoch seconds.';
  const lifetime = bounds.maxLifetimeSeconds;
  const days = Math.floor(lifetime / 86_400);
  const passcode = `"passcode" must be a string of 1 to ${bounds.maxPasscodeLength} characters.`;
  const maxUses = `"maxUses" must be a whole number from 1 to ${bounds.maxUsesCeiling}.`;
  const replyTokenHash =
    '"replyTokenHash" must be the SHA-256 of the reply token, base64url (43 characters).';
  const file = jsonObject(
    'Each file must be an object.',
    {
      contentType: v.picklist(SHL_CONTENT_TYPES, contentType),
      length: v.pipe(
        v.number(length),
        v.safeInteger(length),
        v.minValue(1, length),
        v.maxValue(bounds.maxFileBytes, `A file may be at most ${bounds.maxFileBytes} bytes.`),
      ),
    },
    'strict',
  );
  return jsonObject(
    NOT_AN_OBJECT,
    {
      // The count comes first: a list too long is refused before any file in it is read.
      files: v.pipe(
        v.array(v.unknown(), files),
        v.nonEmpty(files),
        v.maxLength(bounds.maxFiles, `A share holds at most ${bounds.maxFiles} files.`),
        v.array(file),
        v.check(
          (list) => list.reduce((sum, f) => sum + f.length, 0) <= bounds.maxShareBytes,
          `The files of a share may total at most ${bounds.maxShareBytes} bytes.`,
        ),
      ),
      exp: v.pipe(
        v.number(exp),
        v.safeInteger(exp),
        v.gtValue(now, '"exp" is in the past.'),
        v.maxValue(now + lifetime, `A share lives at most ${lifetime} seconds (${days} days).`),
      ),
      passcode: v.optional(
        v.pipe(
          v.string(passcode),
          v.nonEmpty(passcode),
          v.maxLength(bounds.maxPasscodeLength, passcode),
        ),
      ),
      maxUses: v.optional(
        v.pipe(
          v.number(maxUses),
          v.safeInteger(maxUses),
          v.minValue(1, maxUses),
          v.maxValue(bounds.maxUsesCeiling, maxUses),
        ),
      ),
      replyTokenHash: v.optional(
        v.pipe(v.string(replyTokenHash), v.regex(/^[A-Za-z0-9_-]{43}$/, replyTokenHash)),
      ),
    },
    'strict',
  );
}

/** `POST <manifestUrl>` body (SHL manifest request). An empty passcode is no passcode. */
export function manifestRequestSchema(bounds: RequestBounds) {
  const passcode = `"passcode" must be a string of at most ${bounds.maxPasscodeLength} characters.`;
  const embeddedLengthMax = '"embeddedLengthMax" must be a whole number, 0 or more.';
  return jsonObject(NOT_AN_OBJECT, {
    recipient: recipientSchema(bounds),
    passcode: v.optional(
      v.pipe(v.string(passcode), v.maxLength(bounds.maxPasscodeLength, passcode)),
    ),
    embeddedLengthMax: v.optional(
      v.pipe(
        v.number(embeddedLengthMax),
        v.safeInteger(embeddedLengthMax),
        v.minValue(0, embeddedLengthMax),
      ),
    ),
  });
}

/**
 * A recipient, required by the specification: a display string, cleaned, then non-empty
 * and bounded. SECURITY: it is typed by whoever opens the link and shown to the patient in
 * the access list, so it must read as what it is. It is normalised (NFKC: full-width and
 * other look-alike forms become plain letters); control characters, line and paragraph
 * separators and bidi embedding, override and isolate marks, which could hide or reorder
 * text ("Dr Martin" displayed for something else), each become a space; every other
 * invisible format character (zero-width spaces and joiners, LRM, RLM, ALM, soft hyphens,
 * BOM, tags) is removed; runs of white space become one space.
 */
export function recipientSchema(bounds: RequestBounds) {
  const recipient = '"recipient" must be a non-empty string.';
  const max = bounds.maxRecipientLength;
  return v.pipe(
    v.string(recipient),
    v.transform(cleanRecipient),
    v.nonEmpty(recipient),
    v.maxLength(max, `"recipient" must be at most ${max} characters.`),
  );
}

function cleanRecipient(name: string): string {
  // Printable ASCII has nothing to normalise or remove (the manifest route's usual case).
  if (/^[\x20-\x7e]*$/.test(name)) return name.replace(/ {2,}/g, ' ').trim();
  return name
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** `201` answer to `POST /api/shl`. */
export const createShareResponseSchema = v.object({
  id: v.string(),
  manifestUrl: v.string(),
  managementToken: v.string(),
  uploads: v.array(v.string()),
});

/** `200` answer to `PUT /api/shl/<id>/files/<index>`. */
export const uploadFileResponseSchema = v.object({ complete: v.boolean() });

/** `GET /api/shl/<id>/admin` answer. */
export const shareStatusResponseSchema = v.object({
  active: v.boolean(),
  exp: v.number(),
  remainingAttempts: v.nullable(v.number()),
  accesses: v.array(v.object({ recipient: v.string(), at: v.number() })),
});

/**
 * `200` answer to a manifest request, as a viewer reads it: any content type (`''` when
 * absent; the viewer skips what it cannot show), an `embedded` JWE or else a `location`
 * that must be an http(s) URL, never `javascript:` or `data:`.
 */
export const manifestResponseSchema = v.object({
  files: v.array(
    v.union([
      v.object({ contentType: v.fallback(v.string(), ''), embedded: v.string() }),
      v.object({
        contentType: v.fallback(v.string(), ''),
        location: v.pipe(v.string(), v.check(isHttpUrl)),
      }),
    ]),
  ),
});

/** What a viewer reads of a `401` answer (WrongPasscodeResponse): the attempts left. */
export const attemptsLeftSchema = v.object({ remainingAttempts: v.number() });

/** 1 for each byte that may appear in a base64url part (A-Z, a-z, 0-9, `-`, `_`). */
const BASE64URL = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') {
  BASE64URL[c.charCodeAt(0)] = 1;
}
const DOT = 46;

/**
 * Checks, a chunk at a time, that a body has the shape of a compact JWE: five base64url
 * parts joined by four dots, only the second (the encrypted key, empty for `alg: dir`)
 * may be empty. It stops at the first byte that breaks the shape, so the relay refuses a
 * hostile upload while it arrives, without holding it. SECURITY: only the shape is
 * checked; the relay never decodes the header or anything else in a JWE.
 */
export class CompactJweScanner {
  private dots = 0;
  private part = 0;
  private broken = false;

  /** Takes the next bytes; false (for good) once they cannot be part of a compact JWE. */
  push(bytes: Uint8Array): boolean {
    if (this.broken) return false;
    let part = this.part;
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i]!;
      if (BASE64URL[c] === 1) {
        part++;
      } else if (c === DOT && this.dots < 4 && (part > 0 || this.dots === 1)) {
        this.dots++;
        part = 0;
      } else {
        this.broken = true;
        return false;
      }
    }
    this.part = part;
    return true;
  }

  /** True when everything pushed is one whole compact JWE. */
  end(): boolean {
    return !this.broken && this.dots === 4 && this.part > 0;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A JSON object (not an array, not null) with these entries; other keys are dropped, or
 * with `strict` refused. A missing key gets its entry's own message, the one it gives for
 * `undefined`, rather than the object's: JSON has no `undefined`, so to a client both
 * mean "not there".
 */
function jsonObject<const E extends v.ObjectEntries>(
  message: string,
  entries: E,
  mode: 'strip' | 'strict' = 'strip',
) {
  const known = Object.keys(entries).map((k) => `"${k}"`);
  const unknown = `Unknown field: only ${known.join(', ')} are allowed here.`;
  const describe = (issue: v.BaseIssue<unknown>): string => {
    const key = issue.path?.[0]?.key;
    if (typeof key !== 'string') return message;
    if (!Object.hasOwn(entries, key)) return unknown;
    return v.safeParse(entries[key]!, undefined).issues?.[0].message ?? message;
  };
  const isObject = v.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    message,
  );
  return mode === 'strict'
    ? v.pipe(isObject, v.strictObject(entries, describe))
    : v.pipe(isObject, v.object(entries, describe));
}
