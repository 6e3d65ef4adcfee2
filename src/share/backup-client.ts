import { ShareError } from './errors.ts';
import { relayFailure } from './relay-status.ts';

/**
 * The patient app's calls to the relay's backup copy (same origin): put, fetch, look at,
 * delete one opaque file, found by a locator and opened by a token that both derive from
 * the recovery code (crypto/derive.ts). SECURITY: the body is the backup file as written,
 * ciphertext only; the token goes in the Authorization header, never in a URL or an error.
 */

/** Where a relay backup lives and what opens it: 43 base64url characters each. */
export interface RelayBackupAccess {
  readonly locator: string;
  readonly token: string;
}

/** What the relay says of a stored backup. */
export interface RelayBackupInfo {
  /** Bytes. */
  readonly size: number;
  /** When it was last written, epoch ms. */
  readonly modifiedAt: number;
}

/** The patient app's own call: 404 is "no backup for this code", 413 "too large". */
const MANAGE = { kind: 'manage' } as const;
const url = (access: RelayBackupAccess) => `/api/backup/${encodeURIComponent(access.locator)}`;
const auth = (access: RelayBackupAccess) => ({ Authorization: `Bearer ${access.token}` });

function offline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/**
 * Uploads a backup file, reporting progress from 0 to 1 (XHR: fetch cannot report upload
 * progress). Resolves once the relay has it whole and durable. `signal` aborts it.
 */
export function putRelayBackup(
  access: RelayBackupAccess,
  file: Blob,
  onProgress: (fraction: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<void> {
  if (offline()) return Promise.reject(new ShareError('offline'));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url(access));
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Authorization', `Bearer ${access.token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 200 || xhr.status === 201) {
        onProgress(1);
        resolve();
      } else reject(relayFailure(xhr.status, MANAGE));
    };
    xhr.onerror = () => reject(new ShareError(offline() ? 'offline' : 'network'));
    xhr.onabort = () => reject(new ShareError('network'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** Size and date of the stored backup; `inactive` (404) when there is none for this code. */
export async function headRelayBackup(access: RelayBackupAccess): Promise<RelayBackupInfo> {
  const response = await call(access, 'HEAD');
  const size = Number(response.headers.get('Content-Length'));
  const modifiedAt = Date.parse(response.headers.get('Last-Modified') ?? '');
  if (!Number.isFinite(size) || !Number.isFinite(modifiedAt)) throw new ShareError('network');
  return { size, modifiedAt };
}

/**
 * Downloads the stored backup as a Blob, gathered piece by piece (the browser keeps large
 * Blobs on disk), reporting progress; `inactive` (404) when there is none for this code.
 */
export async function getRelayBackup(
  access: RelayBackupAccess,
  onProgress: (fraction: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<Blob> {
  const response = await call(access, 'GET', signal);
  const total = Number(response.headers.get('Content-Length')) || 0;
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  let blob = new Blob([]);
  let parts: Uint8Array<ArrayBuffer>[] = [];
  let pending = 0;
  let done = 0;
  try {
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) break;
      parts.push(value);
      pending += value.length;
      done += value.length;
      if (total > 0) onProgress(Math.min(1, done / total));
      if (pending >= 8 * 1024 * 1024) {
        blob = new Blob([blob, ...parts]);
        parts = [];
        pending = 0;
      }
    }
  } catch {
    throw new ShareError(offline() ? 'offline' : 'network');
  }
  return new Blob([blob, ...parts], { type: 'application/octet-stream' });
}

/** Deletes the stored backup; one already gone counts as done. */
export async function deleteRelayBackup(access: RelayBackupAccess): Promise<void> {
  try {
    await call(access, 'DELETE');
  } catch (err) {
    if (!(err instanceof ShareError && err.code === 'inactive')) throw err;
  }
}

async function call(
  access: RelayBackupAccess,
  method: 'GET' | 'HEAD' | 'DELETE',
  signal?: AbortSignal,
): Promise<Response> {
  if (offline()) throw new ShareError('offline');
  let response: Response;
  try {
    response = await fetch(url(access), {
      method,
      headers: auth(access),
      cache: 'no-store',
      ...(signal ? { signal } : {}),
    });
  } catch {
    throw new ShareError(offline() ? 'offline' : 'network');
  }
  if (!response.ok) throw relayFailure(response.status, MANAGE);
  return response;
}
