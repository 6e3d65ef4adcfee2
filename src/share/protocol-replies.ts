import * as v from 'valibot';

/**
 * The relay's reply API (write-back, issue 14): a clinician who opened a share sends items
 * back, encrypted to the share's own public key; the patient's app lists, fetches and
 * deletes them. The relay sees ciphertext, sizes and times only.
 *
 * The reply token's SHA-256 is given at creation (`replyTokenHash` in `POST /api/shl`,
 * protocol.ts); the relay stores only that hash, and a share created without it takes no
 * reply.
 *
 * - `POST /api/shl/<id>/replies`, `Authorization: Bearer <replyToken>`, body one compact
 *   JWE (`application/jose`), at most REPLY_MAX_BYTES, streamed to storage and checked as
 *   it arrives: 201 ReplyCreated. 404, identically, for an unknown, pending, expired,
 *   revoked or blocked share and a wrong or missing token; 429 past REPLIES_PER_SHARE; 413
 *   past the size (from Content-Length, or at the first byte past it); 400
 *   `not_compact_jwe` at the first byte that cannot belong to a compact JWE. CORS open,
 *   without credentials.
 * - `GET /api/shl/<id>/replies` (ReplyList), `GET .../replies/<rid>` (the JWE),
 *   `DELETE .../replies/<rid>` (204): management token, same origin. The JWE is streamed
 *   from storage a chunk at a time.
 */

/**
 * Default largest reply (one compact JWE), bytes (REPLY_MAX_BYTES). An attachment grows
 * by about 16/9 on its way into a JWE (base64 in the FHIR JSON, then base64url of the
 * ciphertext), so a reply holds about 5.6 MB of files at this default.
 */
export const REPLY_MAX_BYTES_DEFAULT = 10 * 1024 * 1024;

/** Most replies a share ever receives; the one after answers 429. */
export const REPLIES_PER_SHARE = 20;

/** Path of a share's replies. */
export function repliesPath(id: string): string {
  return `/api/shl/${id}/replies`;
}

const base64url43 = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/));

/** `201` answer to a reply: its id (43 base64url characters). */
export const replyCreatedSchema = v.object({ id: base64url43 });

/** One stored reply as listed: id, arrival time (epoch ms), length (bytes). */
const replyInfoSchema = v.object({
  id: base64url43,
  at: v.pipe(v.number(), v.safeInteger()),
  length: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
});

/** `GET .../replies` answer, oldest first. */
export const replyListSchema = v.object({ replies: v.array(replyInfoSchema) });

export type ReplyInfo = v.InferOutput<typeof replyInfoSchema>;
export type ReplyList = v.InferOutput<typeof replyListSchema>;
