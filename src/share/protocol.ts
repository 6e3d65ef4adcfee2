import type { InferOutput } from 'valibot';
import type {
  createShareRequestSchema,
  createShareResponseSchema,
  manifestRequestSchema,
  manifestResponseSchema,
  shareStatusResponseSchema,
  uploadFileResponseSchema,
} from './protocol-schema.ts';

/**
 * Wire types of the share relay (workers/relay). The app and the relay share only this
 * file and protocol-schema.ts, whose schemas check these shapes at both ends and which
 * the request and answer types below are inferred from. Shapes follow the SMART Health
 * Links specification (HL7 "SMART Health Cards and Links" STU1) where it speaks; the
 * create and management endpoints are Carnet's own.
 *
 * Every byte the relay stores for a share is ciphertext: files are compact JWE strings
 * encrypted on the phone, and the key stays in the link's fragment, which no server sees.
 */

/** Content types a SMART Health Link file may have. */
export const SHL_CONTENT_TYPES = [
  'application/fhir+json',
  'application/smart-health-card',
  'application/smart-api-access',
] as const;
export type ShlContentType = (typeof SHL_CONTENT_TYPES)[number];

/**
 * Creating a share takes two steps, so that no request body is ever large and JSON: the
 * relay reads a few KB of JSON at most, and each file arrives as its own streamed body
 * that it checks byte by byte while storing it.
 *
 * 1. `POST /api/shl`, `Content-Type: application/json`, this body (a few KB at most,
 *    unknown keys refused):
 *    - `files`: each `{contentType, length}`, `length` the byte length of that file's
 *      compact JWE (`header.encryptedKey.iv.ciphertext.tag`, opaque to the relay); at
 *      least one. Each is at most the relay's file limit, all together at most its share
 *      limit (64 MiB each by default; over either: `413 body_too_large`).
 *    - `exp`: expiry, epoch seconds. Required: the relay refuses shares that never expire.
 *    - `passcode`: optional (flag `P`); the relay keeps only an Argon2id hash of it.
 *    - `maxUses`: optional number of successful manifest requests after which the link is
 *      dead.
 *    - `replyTokenHash`: optional (write-back, protocol-replies.ts): the SHA-256 of the
 *      share's reply token (its ASCII bytes), base64url, 43 characters. The relay stores
 *      only this hash, given here at creation and never changed; without it the share
 *      takes no reply. The token itself travels only inside the encrypted bundle.
 *
 *    A body in the former shape, files carrying their `jwe` inline, is refused with
 *    `400 inline_files_unsupported`.
 * 2. `PUT` each of the answer's `uploads` (see CreateShareResponse) with
 *    `Authorization: Bearer <managementToken>`, `Content-Type: application/jose` and the
 *    file's compact JWE as the body, exactly `length` bytes. Answers `200`
 *    (UploadFileResponse). Refusals: more bytes than `length`, `413 body_too_large`;
 *    fewer, `400 length_mismatch`; a byte that cannot belong to a compact JWE,
 *    `400 not_compact_jwe` (the upload stops there); nothing received for 30 s,
 *    `408 request_timeout`; another type, `415`; a share whose files are all stored
 *    already, `409 upload_closed`; an unknown share or index, or a wrong token, `404`.
 *    A refused or cut-off upload stores nothing; sending the same index again replaces
 *    what an earlier PUT stored.
 *
 * The share opens (and its manifest stops answering `404`) once every file is stored; one
 * not complete within an hour of its creation is deleted. Link flags are the app's choice:
 * `P` when `passcode` is set; `U` only for one file without passcode (the relay then also
 * answers `GET <manifestUrl>?recipient=...` with the JWE itself, `application/jose`).
 */
export type CreateShareRequest = InferOutput<ReturnType<typeof createShareRequestSchema>>;

/**
 * `201` answer to `POST /api/shl`.
 *
 * - `id`: 43 base64url characters, 32 random bytes (256 bits).
 * - `manifestUrl`: absolute, at most 128 characters (goes into the SHL payload's `url`).
 * - `managementToken`: bearer token for the uploads and the management endpoints. Shown
 *   once; the relay keeps only its hash.
 * - `uploads`: where to `PUT` each file, in the order of the request's `files`: paths on
 *   the relay's own origin (`/api/shl/<id>/files/<index>`).
 */
export type CreateShareResponse = InferOutput<typeof createShareResponseSchema>;

/**
 * `200` answer to a file upload (`PUT /api/shl/<id>/files/<index>`): `complete` is true
 * once every file of the share is stored, and the link opens.
 */
export type UploadFileResponse = InferOutput<typeof uploadFileResponseSchema>;

/** The only body type a file upload accepts, and the type file GETs answer with. */
export const SHL_FILE_CONTENT_TYPE = 'application/jose';

/**
 * `POST <manifestUrl>` request body (SHL manifest request).
 *
 * - `recipient`: who is opening the link, shown to the patient in the access list.
 * - `passcode`: optional; an empty one counts as none.
 * - `embeddedLengthMax`: optional upper bound on the length of `embedded` JWEs the viewer
 *   accepts.
 */
export type ManifestRequest = InferOutput<ReturnType<typeof manifestRequestSchema>>;

/**
 * `200` answer to a manifest request: `files`, each either a short-lived `location` or the
 * `embedded` JWE, with its `contentType` (one of SHL_CONTENT_TYPES from this relay; a
 * viewer reads any string, as other servers may send others).
 */
export type ManifestResponse = InferOutput<typeof manifestResponseSchema>;

/**
 * One entry of a manifest: either a short-lived `location` or the `embedded` JWE.
 * @public Part of the documented wire protocol, for other implementations.
 */
export type ManifestFile = ManifestResponse['files'][number];

/**
 * `401` answer to a manifest request with a wrong or missing passcode. A viewer reads only
 * `remainingAttempts` (attemptsLeftSchema).
 * @public Part of the documented wire protocol, for other implementations.
 */
export interface WrongPasscodeResponse extends RelayError {
  remainingAttempts: number;
}

/**
 * `GET /api/shl/<id>/admin` answer (bearer: the management token). A revoked, expired or
 * unknown share, and a wrong token, answer `404 not_found` alike; a share the relay
 * blocked or used up still answers `200` until its expiry, with `active: false`.
 *
 * - `active`: whether the link still opens now.
 * - `exp`: expiry, epoch seconds.
 * - `remainingAttempts`: wrong passcodes still allowed; `null` when the share has no
 *   passcode. `0` means the relay blocked the share after too many wrong passcodes: it
 *   never opens again (a right passcode being checked on the last attempt reads `0` only
 *   while it is checked).
 * - `accesses`: successful opens, newest last; `at` is epoch milliseconds.
 */
export type ShareStatusResponse = InferOutput<typeof shareStatusResponseSchema>;

/**
 * Encrypted backup copy (Carnet's own API, same origin only, no CORS). One opaque file per
 * locator; the relay stores the bytes, a SHA-256 of the token, the size and the times, and
 * never sees the recovery key, the vault key or anything readable.
 *
 * - `PUT /api/backup/<locator>`, `Authorization: Bearer <token>`, body
 *   `application/octet-stream` (streamed, at most the relay's limit, 256 MiB by default):
 *   `201` when it creates the backup, `200` when it replaces it (same token only). The
 *   new file is whole and durable before it replaces the old one. `Last-Modified` says
 *   when it was stored.
 * - `GET` (same header): `200` with the bytes, `Content-Length`, `Last-Modified`.
 * - `HEAD`: `200` with `Content-Length` (the size) and `Last-Modified` (the last PUT).
 * - `DELETE`: `204`.
 * - An unknown locator, a wrong, missing or malformed token or locator: `404 not_found`,
 *   identical in every case. Over the size limit: `413 body_too_large` (by Content-Length
 *   before anything is read, or as soon as a streamed body passes it). No progress for
 *   30 s: `408 request_timeout`. Other type than `application/octet-stream`: `415`.
 *   Rate-limited per address like share creation: `429`.
 */
export const BACKUP_API_PATH = '/api/backup';

/** Length of a locator and of a token: 43 base64url characters (32 bytes). */
export const BACKUP_ID_LENGTH = 43;

/** The only body type a backup PUT accepts, and the type a GET answers with. */
export const BACKUP_CONTENT_TYPE = 'application/octet-stream';

/** The relay's default size limit for one backup, bytes (BACKUP_MAX_BYTES). */
export const BACKUP_MAX_BYTES_DEFAULT = 256 * 1024 * 1024;

/** Error codes the relay answers with. A code never changes meaning once shipped. */
export type RelayErrorCode =
  | 'not_found'
  | 'bad_request'
  | 'unsupported_media_type'
  | 'body_too_large'
  | 'too_many_files'
  | 'lifetime_too_long'
  | 'already_expired'
  | 'passcode_required'
  | 'wrong_passcode'
  | 'direct_get_unavailable'
  | 'cross_origin'
  | 'rate_limited'
  | 'request_timeout'
  | 'inline_files_unsupported'
  | 'length_mismatch'
  | 'not_compact_jwe'
  | 'upload_closed'
  | 'internal';

/**
 * Every error body: a stable code for programs and an English message for people reading logs.
 * @public Part of the documented wire protocol, for other implementations.
 */
export interface RelayError {
  error: RelayErrorCode;
  message: string;
}
