import { FRAME_MAX_BYTES, type FrameAnswer, type FrameReady } from './protocol.ts';
import { isFrameRequest, requestToSend } from './requests.ts';

/**
 * The import page: fetches, for the patient app that frames it, the manifest and files of a
 * SMART Health Link on another server. Its own policy (workers/relay/src/headers.ts) lets
 * it connect to any https server and nothing else loads here: no styles, images or frames,
 * scripts from Carnet's origin only. The app's policy keeps `connect-src 'self'`.
 *
 * SECURITY: this page never sees the link's key or anything of the record. It takes
 * requests only from its parent window on its own origin, sends only the two requests the
 * protocol has (requests.ts), without cookies or referrer, and hands back the answers as
 * they came, to that origin only.
 */

const ORIGIN = window.location.origin;

/** Reads a body up to FRAME_MAX_BYTES; null past it (the transfer is cancelled). */
async function readBody(res: Response): Promise<ArrayBuffer | null> {
  if (Number(res.headers.get('content-length') ?? 0) > FRAME_MAX_BYTES) return null;
  if (!res.body) return new ArrayBuffer(0);
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > FRAME_MAX_BYTES) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out.buffer;
}

/** Sends one request and reads its answer; every failure is an answer too. */
async function answer(data: unknown): Promise<FrameAnswer | null> {
  if (!isFrameRequest(data)) return null;
  const id = data.id;
  const sent = requestToSend(data);
  if (!sent) return { type: 'carnet-import-answer', id, failed: 'refused' };
  let res: Response;
  try {
    res = await fetch(sent.url, {
      method: sent.method,
      ...(sent.body !== undefined
        ? { body: sent.body, headers: { 'Content-Type': 'application/json' } }
        : {}),
      // SECURITY: no cookies, no referrer: the server learns only what the protocol sends.
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
  } catch {
    return { type: 'carnet-import-answer', id, failed: 'network' };
  }
  try {
    const bytes = await readBody(res);
    if (!bytes) return { type: 'carnet-import-answer', id, failed: 'too-large' };
    const contentType = res.headers.get('content-type') ?? '';
    return { type: 'carnet-import-answer', id, status: res.status, contentType, body: bytes };
  } catch {
    return { type: 'carnet-import-answer', id, failed: 'network' };
  }
}

// Framed by the app only: alone in a tab the page does nothing, and its policy lets no
// other site frame it.
if (window.parent !== window) {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.origin !== ORIGIN || event.source !== window.parent) return;
    void answer(event.data).then((reply) => {
      if (!reply) return;
      window.parent.postMessage(reply, ORIGIN, 'body' in reply ? [reply.body] : []);
    });
  });
  window.parent.postMessage({ type: 'carnet-import-ready' } satisfies FrameReady, ORIGIN);
}
