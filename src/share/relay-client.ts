import * as v from 'valibot';
import type { RelayVerdict } from '../record/share-status.ts';
import { ShareError } from './errors.ts';
import { createShareResponseSchema, shareStatusResponseSchema } from './protocol-schema.ts';
import type { CreateShareRequest, CreateShareResponse, ShareStatusResponse } from './protocol.ts';
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

/**
 * Uploads a share's ciphertext, reporting upload progress from 0 to 1. Uses XHR because
 * fetch cannot report upload progress, and a 5 MB upload on a slow phone needs a bar.
 */
export function uploadShare(
  request: CreateShareRequest,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<CreateShareResponse> {
  if (offline()) return Promise.reject(new ShareError('offline'));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/shl');
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status !== 201) return reject(relayFailure(xhr.status, MANAGE));
      try {
        const body = answerOf(createShareResponseSchema, JSON.parse(xhr.responseText));
        onProgress(1);
        resolve(body);
      } catch {
        reject(new ShareError('network'));
      }
    };
    xhr.onerror = () => reject(new ShareError(offline() ? 'offline' : 'network'));
    xhr.ontimeout = () => reject(new ShareError('network'));
    xhr.send(JSON.stringify(request));
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
