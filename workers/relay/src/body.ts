import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * Reading request bodies without letting a client hold the relay: JSON bodies are small
 * and must arrive whole within a deadline; file bodies (uploads.ts, backup/files.ts) are
 * streamed and dropped after BODY_IDLE_MS without a byte.
 */

/** How long a body may send nothing (a file) or take in all (a small JSON body), ms. */
export const BODY_IDLE_MS = 30_000;

type Chunk = Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>;

/** The next chunk, or 'timeout' after `idleMs` without one, or 'aborted' if the stream failed. */
export async function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  idleMs: number,
): Promise<Chunk | 'timeout' | 'aborted'> {
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), idleMs);
  });
  try {
    return await Promise.race([reader.read(), idle]);
  } catch {
    return 'aborted';
  } finally {
    clearTimeout(timer);
  }
}

/** A small JSON body as read: its value (undefined when it is not JSON), or why it was not. */
export type JsonBody = { ok: true; value: unknown } | { ok: false; why: 'too_large' | 'timeout' };

/**
 * Reads a JSON body of at most `maxBytes` that must arrive whole within `timeoutMs`.
 * SECURITY: nothing larger is ever read or parsed. A declared Content-Length over the
 * limit is refused from the header alone (Node's parser never reads past it, so a body
 * within it is parsed by the adapter's own fast path); a chunked body is counted as it
 * streams in and refused at the first byte past the limit. A body still arriving at the
 * deadline is dropped (a trickle of bytes keeps no connection for long); the adapter then
 * drains what follows briefly and closes the connection.
 */
export async function readJsonBody(
  c: Context,
  maxBytes: number,
  timeoutMs: number,
): Promise<JsonBody> {
  const declared = c.req.header('Content-Length');
  const streamed = declared === undefined || c.req.header('Transfer-Encoding') !== undefined;
  if (!streamed && Number(declared) > maxBytes) return { ok: false, why: 'too_large' };
  const deadline = Date.now() + timeoutMs;
  if (!streamed) {
    const parsed = c.req.json().then(
      (value: unknown) => ({ ok: true, value }) as const,
      () => ({ ok: true, value: undefined }) as const,
    );
    // Usually the whole (small) body came with the headers: no deadline to arm.
    return arrived(c) ? parsed : within(parsed, timeoutMs);
  }
  const body = c.req.raw.body;
  if (body === null) return { ok: true, value: undefined };
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  let why: 'too_large' | 'timeout' | null = null;
  for (;;) {
    const next = await readWithin(reader, Math.max(0, deadline - Date.now()));
    if (next === 'timeout') why = 'timeout';
    if (next === 'timeout' || next === 'aborted' || next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      why = 'too_large';
      break;
    }
    parts.push(next.value);
  }
  if (why !== null) {
    reader.cancel().catch(() => undefined);
    return { ok: false, why };
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(parts, size).toString('utf8')) };
  } catch {
    return { ok: true, value: undefined };
  }
}

/** True when the request's whole body has been received (served by @hono/node-server). */
function arrived(c: Context): boolean {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.complete === true;
}

/** `work`'s result, or a timeout refusal when it takes longer than `ms`. */
async function within(work: Promise<JsonBody>, ms: number): Promise<JsonBody> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<JsonBody>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, why: 'timeout' }), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
