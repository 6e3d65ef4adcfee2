import { FRAME_MAX_URL, type FrameRequest } from './protocol.ts';

/**
 * What the import page agrees to send (main.ts): the two requests of the SMART Health Links
 * protocol and nothing else. SECURITY: a manifest POST's JSON is rebuilt from the fields the
 * protocol names, so nothing else rides along; a GET has no body; URLs are absolute
 * http(s) of a bounded length (the page's policy then allows https and the operator's
 * test origins only).
 */

/** A request as the page sends it. */
export interface RequestToSend {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  /** POST only: the rebuilt manifest request. */
  readonly body?: string;
}

/** The longest recipient or PIN passed on, characters. */
const MAX_FIELD = 512;

/** Whether a message is a request to the page (its fields are checked by requestToSend). */
export function isFrameRequest(data: unknown): data is FrameRequest {
  const r = data as Partial<FrameRequest> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.type === 'carnet-import-fetch' &&
    typeof r.id === 'number'
  );
}

/** The request to send for `request`, or null when it is not one the page sends. */
export function requestToSend(request: FrameRequest): RequestToSend | null {
  if (!allowedUrl(request.url)) return null;
  if (request.method === 'GET') {
    return request.body === undefined ? { url: request.url, method: 'GET' } : null;
  }
  if (request.method !== 'POST') return null;
  const body = manifestBody(request.body);
  return body === null ? null : { url: request.url, method: 'POST', body };
}

/** The manifest request's fields, rebuilt; null if malformed. */
function manifestBody(text: unknown): string | null {
  if (typeof text !== 'string' || text.length > 4096) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const { recipient, passcode, embeddedLengthMax } = json as Record<string, unknown>;
  if (typeof recipient !== 'string' || recipient.length > MAX_FIELD) return null;
  if (passcode !== undefined && (typeof passcode !== 'string' || passcode.length > MAX_FIELD)) {
    return null;
  }
  if (embeddedLengthMax !== undefined && !Number.isSafeInteger(embeddedLengthMax)) return null;
  return JSON.stringify({ recipient, passcode, embeddedLengthMax });
}

/** Whether `url` is absolute http(s), of a sane length. */
function allowedUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > FRAME_MAX_URL) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
