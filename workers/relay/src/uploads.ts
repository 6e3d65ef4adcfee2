import { CompactJweScanner } from '../../../src/share/protocol-schema.ts';
import { readWithin } from './body.ts';
import { CHUNK_BYTES, type FileUpload } from './store/store.ts';

/** Why a file body was not kept. */
export type UploadRefusal =
  | 'too_large' // more bytes than the file's declared length
  | 'short' // fewer bytes than its declared length
  | 'not_jwe' // a byte that cannot belong to a compact JWE
  | 'timeout' // nothing received for `idleMs`
  | 'aborted' // the client went away
  | 'gone'; // the share was removed or completed meanwhile

export type UploadResult = { ok: true; complete: boolean } | { ok: false; why: UploadRefusal };

/**
 * Streams one file body into `upload`, through one buffer of CHUNK_BYTES that is handed
 * to the store each time it fills and then reused (the store copies it, and the next read
 * waits for it: a fast client is slowed to the store's pace, never buffered). SECURITY:
 * the body is refused while it arrives, at the first byte past the declared length or
 * that breaks the compact-JWE shape (CompactJweScanner), and after `idleMs` without a
 * byte. Whatever stops it, the bytes stored so far are deleted; the file exists only once
 * whole (`commit`).
 */
export async function receiveFile(
  body: ReadableStream<Uint8Array> | null,
  upload: FileUpload,
  idleMs: number,
): Promise<UploadResult> {
  const reader = body?.getReader();
  const scanner = new CompactJweScanner();
  const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, upload.length));
  let filled = 0;
  let received = 0;
  let why: UploadRefusal | null = null;
  let committed = false;
  try {
    reading: while (reader) {
      const next = await readWithin(reader, idleMs);
      if (next === 'timeout' || next === 'aborted') {
        why = next;
        break;
      }
      if (next.done) break;
      const bytes = next.value;
      received += bytes.byteLength;
      if (received > upload.length) {
        why = 'too_large';
        break;
      }
      if (!scanner.push(bytes)) {
        why = 'not_jwe';
        break;
      }
      for (let at = 0; at < bytes.byteLength;) {
        const n = Math.min(bytes.byteLength - at, buffer.length - filled);
        buffer.set(bytes.subarray(at, at + n), filled);
        filled += n;
        at += n;
        if (filled === buffer.length) {
          filled = 0;
          if (!(await upload.append(buffer))) {
            why = 'gone';
            break reading;
          }
        }
      }
    }
    if (why === null && received < upload.length) why = 'short';
    if (why === null && !scanner.end()) why = 'not_jwe';
    if (why === null && filled > 0 && !(await upload.append(buffer.subarray(0, filled)))) {
      why = 'gone';
    }
    if (why === null) {
      const done = await upload.commit();
      if (done === null) why = 'gone';
      else {
        committed = true;
        return { ok: true, complete: done.complete };
      }
    }
    return { ok: false, why };
  } finally {
    if (!committed) {
      reader?.cancel().catch(() => undefined);
      await upload.abort();
    }
  }
}
