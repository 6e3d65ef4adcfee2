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
 * `POST /api/shl` body, checked at `now` (epoch seconds). The relay answers the files
 * count and the two `exp` bounds with codes of their own (too_many_files, already_expired,
 * lifetime_too_long), which it tells by key and check: `files` maxLength, `exp` gtValue
 * and maxValue.
 */
export function createShareRequestSchema(bounds: RequestBounds, now: number) {
  const files = '"files" must be a non-empty array.';
  const contentType = `"contentType" must be one of ${SHL_CONTENT_TYPES.join(', ')}.`;
  const jwe = '"jwe" must be a compact JWE string.';
  const exp = '"exp" must be the expiry time in whole epoch seconds.';
  const lifetime = bounds.maxLifetimeSeconds;
  const days = Math.floor(lifetime / 86_400);
  const passcode = `"passcode" must be a string of 1 to ${bounds.maxPasscodeLength} characters.`;
  const maxUses = `"maxUses" must be a whole number from 1 to ${bounds.maxUsesCeiling}.`;
  const file = jsonObject('Each file must be an object.', {
    contentType: v.picklist(SHL_CONTENT_TYPES, contentType),
    jwe: v.pipe(v.string(jwe), v.check(isCompactJwe, jwe)),
  });
  return jsonObject(NOT_AN_OBJECT, {
    // The count comes first: a list too long is refused before any file in it is read.
    files: v.pipe(
      v.array(v.unknown(), files),
      v.nonEmpty(files),
      v.maxLength(bounds.maxFiles, `A share holds at most ${bounds.maxFiles} files.`),
      v.array(file),
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
  });
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
 * the access list; control characters and bidi embedding, override and isolate marks
 * would let it hide or reorder text ("Dr Martin" displayed for something else), so each
 * becomes a space.
 */
export function recipientSchema(bounds: RequestBounds) {
  const recipient = '"recipient" must be a non-empty string.';
  const max = bounds.maxRecipientLength;
  return v.pipe(
    v.string(recipient),
    v.transform((name) => name.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, ' ').trim()),
    v.nonEmpty(recipient),
    v.maxLength(max, `"recipient" must be at most ${max} characters.`),
  );
}

/** `201` answer to `POST /api/shl`. */
export const createShareResponseSchema = v.object({
  id: v.string(),
  manifestUrl: v.string(),
  managementToken: v.string(),
});

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

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A JSON object (not an array, not null) with these entries; other keys are dropped. A
 * missing key gets its entry's own message, the one it gives for `undefined`, rather than
 * the object's: JSON has no `undefined`, so to a client both mean "not there".
 */
function jsonObject<const E extends v.ObjectEntries>(message: string, entries: E) {
  return v.pipe(
    v.custom<Record<string, unknown>>(
      (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
      message,
    ),
    v.object(entries, (issue) => {
      const key = issue.path?.[0]?.key;
      const entry = typeof key === 'string' ? entries[key] : undefined;
      return (entry && v.safeParse(entry, undefined).issues?.[0].message) ?? message;
    }),
  );
}
