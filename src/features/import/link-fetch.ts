import {
  IMPORT_FETCH_PATH,
  type FrameAnswer,
  type FrameRequest,
} from '../../import-fetch/protocol.ts';

/**
 * The `fetch` an import uses: requests to Carnet's own origin go as they are; requests to
 * another server go through the import page (`/import-fetch.html`, src/import-fetch/), in a
 * hidden frame made for this import and removed after it. The app's own policy stays
 * `connect-src 'self'`; only that page, whose policy allows https servers, talks to them.
 *
 * SECURITY: the page gets the request's URL and, for a manifest, the protocol's JSON
 * (recipient, PIN): never the link's key, never anything of the record. Its answers are
 * accepted only from that frame, on this origin.
 */

/** How long the page may take to load before the server counts as unreachable, ms. */
const READY_TIMEOUT_MS = 20_000;
/**
 * How long after the frame's load event its "ready" may still arrive, ms. The page posts it
 * from its script, before its load event; a frame that loaded without it is an error page.
 */
const AFTER_LOAD_MS = 1_000;

export interface LinkFetch {
  readonly fetch: typeof fetch;
  /** Removes the frame; pending requests fail. */
  close(): void;
}

/** A fetch for one import; `close()` it when the import is read. */
export function linkFetch(): LinkFetch {
  let frame: Promise<FrameChannel> | undefined;
  let closed = false;
  const viaFrame = async (url: string, init: RequestInit | undefined) => {
    if (closed) throw new TypeError('import closed');
    // Offline, the page cannot load: fail at once, as fetch would (said as "offline").
    if (navigator.onLine === false) throw new TypeError('offline');
    frame ??= openFrame();
    return (await frame).send(url, init);
  };
  return {
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (url.origin === location.origin) return globalThis.fetch(input, init);
      return viaFrame(url.href, init);
    },
    close: () => {
      closed = true;
      void frame?.then((c) => c.close()).catch(() => undefined);
    },
  };
}

interface FrameChannel {
  send(url: string, init: RequestInit | undefined): Promise<Response>;
  close(): void;
}

/**
 * Loads the import page in a hidden frame and waits for it to say it is ready. A page that
 * does not load (offline, the app's server down) rejects like a failed fetch.
 */
function openFrame(): Promise<FrameChannel> {
  const iframe = document.createElement('iframe');
  iframe.hidden = true;
  iframe.setAttribute('aria-hidden', 'true');
  iframe.tabIndex = -1;
  iframe.src = IMPORT_FETCH_PATH;
  const pending = new Map<number, (answer: FrameAnswer) => void>();
  let nextId = 1;
  let onReady: (() => void) | undefined;
  const listener = (event: MessageEvent<unknown>) => {
    // SECURITY: only our frame, on our origin, answers.
    if (event.origin !== location.origin || event.source !== iframe.contentWindow) return;
    const data = event.data as { type?: unknown; id?: unknown } | null;
    if (data?.type === 'carnet-import-ready') onReady?.();
    if (data?.type === 'carnet-import-answer' && typeof data.id === 'number') {
      pending.get(data.id)?.(data as FrameAnswer);
      pending.delete(data.id);
    }
  };
  const close = () => {
    window.removeEventListener('message', listener);
    iframe.remove();
    for (const resolve of pending.values())
      resolve({ type: 'carnet-import-answer', id: 0, failed: 'network' });
    pending.clear();
  };
  const channel: FrameChannel = {
    close,
    async send(url, init) {
      const method = (init?.method ?? 'GET').toUpperCase();
      if (
        (method !== 'GET' && method !== 'POST') ||
        (init?.body != null && typeof init.body !== 'string')
      ) {
        throw new TypeError('unsupported request');
      }
      const id = nextId++;
      const request: FrameRequest = {
        type: 'carnet-import-fetch',
        id,
        url,
        method,
        ...(typeof init?.body === 'string' ? { body: init.body } : {}),
      };
      const answer = await new Promise<FrameAnswer>((resolve) => {
        pending.set(id, resolve);
        iframe.contentWindow?.postMessage(request, location.origin);
      });
      return responseOf(answer);
    },
  };
  return new Promise((resolve, reject) => {
    const fail = () => {
      close();
      reject(new TypeError('import page did not load'));
    };
    let timer = setTimeout(fail, READY_TIMEOUT_MS);
    iframe.addEventListener('load', () => {
      if (!onReady) return;
      clearTimeout(timer);
      timer = setTimeout(fail, AFTER_LOAD_MS);
    });
    onReady = () => {
      clearTimeout(timer);
      onReady = undefined;
      resolve(channel);
    };
    window.addEventListener('message', listener);
    document.body.append(iframe);
  });
}

/**
 * The page's answer as a Response for open-link.ts. No answer is a network failure (a
 * TypeError, as fetch rejects); a body past the page's cap is declared too long, so the
 * reader refuses it as too large.
 */
function responseOf(answer: FrameAnswer): Response {
  if ('failed' in answer) {
    if (answer.failed !== 'too-large') throw new TypeError(`import page: ${answer.failed}`);
    return new Response(null, { headers: { 'content-length': String(Number.MAX_SAFE_INTEGER) } });
  }
  if (answer.status < 200 || answer.status > 599) throw new TypeError('import page: status');
  const nullBody = [204, 205, 304].includes(answer.status);
  return new Response(nullBody ? null : answer.body, {
    status: answer.status,
    headers: {
      'content-type': answer.contentType,
      'content-length': String(answer.body.byteLength),
    },
  });
}
