import * as v from 'valibot';
import type { RelayVerdict } from '../record/share-status.ts';
import { ShareError } from './errors.ts';
import {
  createShareResponseSchema,
  shareStatusResponseSchema,
  uploadFileResponseSchema,
} from './protocol-schema.ts';
import {
  SHL_FILE_CONTENT_TYPE,
  type CreateShareRequest,
  type CreateShareResponse,
  type ShareStatusResponse,
  type ShlContentType,
  type UploadFileResponse,
} from './protocol.ts';
import { relayFailure, type RelayCall } from './relay-status.ts';

/**
 * The patient app's calls to the share relay (same origin). Every failure becomes a
 * ShareError code; nothing from the request (JWE, passcode, token) goes into an error.
 */

const MANAGE: RelayCall = { kind: 'manage' };

/** The relay's answer checked against its schema; one of the wrong shape is `network`. */
function answerOf<S extends v.GenericSchema>(schema: S, body: unknown): v.InferOutput<S> {
  const answer = v.safeParse(schema, body);
  if (!answer.success) throw new ShareError('network');
  return answer.output;
}

function offline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** A share as the app uploads it: each file's compact JWE, and the share's terms. */
export interface ShareUpload {
  readonly files: readonly ShareFile[];
  /** Expiry, epoch seconds. */
  readonly exp: number;
  readonly passcode?: string;
  /**
   * SHA-256 of the share's reply token (reply-keys.ts), base64url: part of the share's
   * terms at creation, all the relay ever keeps of the token.
   */
  readonly replyTokenHash?: string;
}

/**
 * One file: its compact JWE, or its exact length and a function that makes it once the
 * relay has answered (the reply endpoint inside the bundle names the share's id).
 */
interface ShareFile {
  readonly contentType: ShlContentType;
  readonly jwe:
    string | { readonly length: number; make(created: CreateShareResponse): Promise<string> };
}

/**
 * Uploads a share's ciphertext (protocol.ts, CreateShareRequest): first its terms and each
 * file's length as a small JSON request, then each JWE as its own body, reporting upload
 * progress from 0 to 1 over all the files' bytes. If anything fails after the share was
 * created, it is revoked before the error is thrown, so no half share stays on the relay.
 */
export async function uploadShare(
  share: ShareUpload,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<CreateShareResponse> {
  if (offline()) throw new ShareError('offline');
  const request: CreateShareRequest = {
    // A compact JWE is ASCII: its length in characters is its length in bytes.
    files: share.files.map((f) => ({ contentType: f.contentType, length: f.jwe.length })),
    exp: share.exp,
    ...(share.passcode ? { passcode: share.passcode } : {}),
    ...(share.replyTokenHash ? { replyTokenHash: share.replyTokenHash } : {}),
  };
  const created = await createOnRelay(request);
  const total = request.files.reduce((n, f) => n + f.length, 0);
  try {
    if (created.uploads.length !== share.files.length) throw new ShareError('network');
    let sent = 0;
    let complete = false;
    for (const [index, file] of share.files.entries()) {
      const jwe = typeof file.jwe === 'string' ? file.jwe : await file.jwe.make(created);
      // The relay holds the share to the declared length; a mismatch is our own bug.
      if (jwe.length !== file.jwe.length) throw new ShareError('network');
      const answer = await putFile(created.uploads[index]!, created.managementToken, jwe, (n) =>
        onProgress((sent + n) / total),
      );
      sent += jwe.length;
      complete = answer.complete;
    }
    if (!complete) throw new ShareError('network');
  } catch (err) {
    await revokeShare(created.id, created.managementToken).catch(() => undefined);
    throw err;
  }
  onProgress(1);
  return created;
}

/** `POST /api/shl`: the share's terms and file lengths, a few hundred bytes. */
async function createOnRelay(request: CreateShareRequest): Promise<CreateShareResponse> {
  let response: Response;
  try {
    response = await fetch('/api/shl', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
      cache: 'no-store',
    });
  } catch {
    throw new ShareError(offline() ? 'offline' : 'network');
  }
  if (response.status !== 201) throw relayFailure(response.status, MANAGE);
  return answerOf(createShareResponseSchema, await response.json().catch(() => undefined));
}

/**
 * `PUT`s one file's JWE to its upload path, reporting the bytes sent so far. Uses XHR
 * because fetch cannot report upload progress, and a 5 MB upload on a slow phone needs a bar.
 */
function putFile(
  path: string,
  managementToken: string,
  jwe: string,
  onSent: (bytes: number) => void,
): Promise<UploadFileResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', path);
    xhr.setRequestHeader('Content-Type', SHL_FILE_CONTENT_TYPE);
    xhr.setRequestHeader('Authorization', `Bearer ${managementToken}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onSent((e.loaded / e.total) * jwe.length);
    };
    xhr.onload = () => {
      if (xhr.status !== 200) return reject(relayFailure(xhr.status, MANAGE));
      try {
        resolve(answerOf(uploadFileResponseSchema, JSON.parse(xhr.responseText)));
      } catch {
        reject(new ShareError('network'));
      }
    };
    xhr.onerror = () => reject(new ShareError(offline() ? 'offline' : 'network'));
    xhr.ontimeout = () => reject(new ShareError('network'));
    xhr.send(jwe);
  });
}

/**
 * Who opened a share and whether it is still active. A revoked or expired share is
 * `inactive` (404); a share blocked after too many wrong PINs still answers, with no
 * attempt left. An answer of the wrong shape is `network`, like any bad answer.
 */
export async function shareStatus(
  id: string,
  managementToken: string,
): Promise<ShareStatusResponse> {
  if (offline()) throw new ShareError('offline');
  let response: Response;
  try {
    response = await fetch(`/api/shl/${encodeURIComponent(id)}/admin`, {
      headers: { Authorization: `Bearer ${managementToken}` },
      cache: 'no-store',
    });
  } catch {
    throw new ShareError(offline() ? 'offline' : 'network');
  }
  if (!response.ok) throw relayFailure(response.status, MANAGE);
  return answerOf(shareStatusResponseSchema, await response.json().catch(() => undefined));
}

/** What a status answer means for the phone's copy of the share (share-status.ts). */
export function verdictOf(status: ShareStatusResponse): RelayVerdict {
  return {
    // See ShareStatusResponse.remainingAttempts: zero is the relay's block, which it never
    // lifts (bar an instant during a right PIN on the last attempt: withRelayStatus copes).
    blocked: status.remainingAttempts === 0,
    accesses: status.accesses.map(({ recipient, at }) => ({ recipient, at })),
  };
}

/** Revokes a share: the relay purges its ciphertext. Already gone counts as done. */
export async function revokeShare(id: string, managementToken: string): Promise<void> {
  if (offline()) throw new ShareError('offline');
  let response: Response;
  try {
    response = await fetch(`/api/shl/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${managementToken}` },
    });
  } catch {
    throw new ShareError(offline() ? 'offline' : 'network');
  }
  if (response.status === 204 || response.status === 404) return;
  throw relayFailure(response.status, MANAGE);
}
