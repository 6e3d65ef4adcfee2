import { ShareError } from './errors.ts';
import type { CreateShareRequest, CreateShareResponse, ShareStatusResponse } from './protocol.ts';

/**
 * The patient app's calls to the share relay (same origin). Every failure becomes a
 * ShareError code; nothing from the request (JWE, passcode, token) goes into an error.
 */

function failureOf(status: number): ShareError {
  if (status === 413) return new ShareError('too-large');
  if (status === 429) return new ShareError('rate-limited');
  if (status === 404) return new ShareError('inactive');
  return new ShareError('network');
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
      if (xhr.status !== 201) return reject(failureOf(xhr.status));
      try {
        const body = JSON.parse(xhr.responseText) as CreateShareResponse;
        if (
          typeof body.id !== 'string' ||
          typeof body.manifestUrl !== 'string' ||
          typeof body.managementToken !== 'string'
        ) {
          throw new Error('bad answer');
        }
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

/** Who opened a share and whether it is still active. A revoked or expired share is `inactive`. */
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
  if (!response.ok) throw failureOf(response.status);
  return (await response.json()) as ShareStatusResponse;
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
  if (response.status !== 204 && response.status !== 404) throw failureOf(response.status);
}
