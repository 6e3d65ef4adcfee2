import { CompactJweScanner } from '../../../src/share/protocol-schema.ts';
import { readWithin } from './body.ts';
import { CHUNK_BYTES, type FileUpload, type JweSink } from './store/store.ts';

/** Why a streamed JWE body (a share's file, a reply) was not kept. */
export type UploadRefusal =
  | 'too_large' // more bytes than allowed (a file's declared length, a reply's limit)
  | 'short' // fewer bytes than a file's declared length
  | 'not_jwe' // a byte that cannot belong to a compact JWE
  | 'timeout' // nothing received for `idleMs`
  | 'aborted' // the client went away
  | 'gone'; // the share was removed or completed meanwhile

export type UploadResult = { ok: true; complete: boolean } | { ok: false; why: UploadRefusal };

/**
 * Streams one file body into `upload` (exactly its declared length), see receiveJwe.
 * Resolves whether the share is complete once this file is stored.
 */
export async function receiveFile(
  body: ReadableStream<Uint8Array> | null,
  upload: FileUpload,
  idleMs: number,
): Promise<UploadResult> {
  const got = await receiveJwe(body, upload, { max: upload.length, exact: true }, idleMs);
  return got.ok ? { ok: true, complete: got.value.complete } : got;
}

/**
 * Streams one compact JWE body into `sink`, through one buffer of at most CHUNK_BYTES that
 * is handed to the store each time it fills and then reused (the store copies it, and the
 * next read waits for it: a fast client is slowed to the store's pace, never buffered).
 * SECURITY: the body is refused while it arrives, at the first byte past `max` or that
 * breaks the compact-JWE shape (CompactJweScanner), and after `idleMs` without a byte;
 * with `exact`, one shorter than `max` is refused too. Whatever stops it, the bytes stored
 * so far are deleted (`abort`); it exists only once whole (`commit`), and the commit's
 * answer (null: the share is gone) is what this resolves with.
 */
export async function receiveJwe<T>(
  body: ReadableStream<Uint8Array> | null,
  sink: JweSink<T>,
  { max, exact }: { max: number; exact: boolean },
  idleMs: number,
): Promise<{ ok: true; value: T; length: number } | { ok: false; why: UploadRefusal }> {
  const reader = body?.getReader();
  const scanner = new CompactJweScanner();
  const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(CHUNK_BYTES, max)));
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
      if (received > max) {
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
          if (!(await sink.append(buffer))) {
            why = 'gone';
            break reading;
          }
        }
      }
    }
    if (why === null && exact && received < max) why = 'short';
    if (why === null && !scanner.end()) why = 'not_jwe';
    if (why === null && filled > 0 && !(await sink.append(buffer.subarray(0, filled)))) {
      why = 'gone';
    }
    if (why === null) {
      const done = await sink.commit();
      if (done === null) why = 'gone';
      else {
        committed = true;
        return { ok: true, value: done, length: received };
      }
    }
    return { ok: false, why };
  } finally {
    if (!committed) {
      reader?.cancel().catch(() => undefined);
      await sink.abort();
    }
  }
}
