import type { FhirBundle, FhirResource } from './fhir-types.ts';
import type { PublicReplyJwk } from './reply-keys.ts';

/**
 * The Carnet reply channel as a FHIR extension on the share's Composition: where and how
 * a clinician who opened the share may write back (issue 14). One complex extension at
 * REPLY_EXTENSION_URL with three sub-extensions:
 *
 * - `endpoint` (valueUrl): `<relay>/api/shl/<id>/replies`;
 * - `token` (valueString): the 43-character bearer token for that endpoint;
 * - `key` (valueString): the share's P-256 public key, a JWK (kty, crv, x, y) as JSON.
 *
 * It is an ordinary `extension`, never a `modifierExtension`: viewers that do not know it
 * ignore it and show the summary as before. SECURITY: it lives only inside the encrypted
 * bundle, so only someone who opened the share (link, plus PIN when there is one) can
 * reply; the token lets them post, and nothing else.
 */
export const REPLY_EXTENSION_URL = 'https://carnet.app/fhir/StructureDefinition/reply-channel';

/** What the reply extension says. */
export interface ReplyTarget {
  readonly endpoint: string;
  readonly token: string;
  readonly key: PublicReplyJwk;
}

/** `bundle` with the reply extension added to its Composition (the first entry); a copy. */
export function withReplyExtension(bundle: FhirBundle, target: ReplyTarget): FhirBundle {
  const extension = {
    url: REPLY_EXTENSION_URL,
    extension: [
      { url: 'endpoint', valueUrl: target.endpoint },
      { url: 'token', valueString: target.token },
      { url: 'key', valueString: JSON.stringify(target.key) },
    ],
  };
  return {
    ...bundle,
    entry: bundle.entry.map((e) => {
      if (e.resource.resourceType !== 'Composition') return e;
      const own = Array.isArray(e.resource.extension) ? (e.resource.extension as unknown[]) : [];
      const resource: FhirResource = { ...e.resource, extension: [...own, extension] };
      return { ...e, resource };
    }),
  };
}

/**
 * The reply channel a bundle offers, or null when it offers none or one that is not
 * whole and well formed. SECURITY: the endpoint must be on the same origin as the share's
 * manifest (`manifestUrl`), and be that share's replies path, so a hostile bundle cannot
 * make the doctor post to a third party.
 */
export function readReplyTarget(json: unknown, manifestUrl: string): ReplyTarget | null {
  const entries = (json as { entry?: unknown } | null)?.entry;
  if (!Array.isArray(entries)) return null;
  const composition = entries
    .map((e: unknown) => (e as { resource?: unknown } | null)?.resource)
    .find((r) => (r as { resourceType?: unknown } | null)?.resourceType === 'Composition');
  const ext = listOf((composition as { extension?: unknown } | undefined)?.extension).find(
    (e) => e.url === REPLY_EXTENSION_URL,
  );
  if (!ext) return null;
  const parts = listOf(ext.extension);
  const part = (name: string, type: 'valueUrl' | 'valueString') => {
    const value = parts.find((p) => p.url === name)?.[type];
    return typeof value === 'string' ? value : null;
  };
  const endpoint = part('endpoint', 'valueUrl');
  const token = part('token', 'valueString');
  const key = parseKey(part('key', 'valueString'));
  if (endpoint === null || token === null || key === null) return null;
  if (!/^[A-Za-z0-9_-]{43}$/.test(token) || !sameShare(endpoint, manifestUrl)) return null;
  return { endpoint, token, key };
}

function listOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    : [];
}

function parseKey(text: string | null): PublicReplyJwk | null {
  if (text === null || text.length > 512) return null;
  try {
    const jwk = JSON.parse(text) as Record<string, unknown>;
    const coord = (v: unknown): v is string =>
      typeof v === 'string' && /^[A-Za-z0-9_-]{43}$/.test(v);
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !coord(jwk.x) || !coord(jwk.y)) return null;
    return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
  } catch {
    return null;
  }
}

/** True when `endpoint` is `<manifestUrl>/replies`, over https (or http on localhost). */
function sameShare(endpoint: string, manifestUrl: string): boolean {
  try {
    const url = new URL(endpoint);
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) return false;
    return endpoint === `${manifestUrl.replace(/\/+$/, '')}/replies`;
  } catch {
    return false;
  }
}
