import { compactVerify, importJWK, type JWK } from 'jose';
import type { HealthCard } from './health-card.ts';
import { obj, objs, str } from './json.ts';
import { readCapped } from './open-link.ts';
import { isHttpUrl } from './shlink.ts';

/**
 * Checks a health card's ES256 signature against its issuer's published keys,
 * `<iss>/.well-known/jwks.json` (SMART Health Cards: issuers publish them there, with
 * CORS). Loaded on demand, only when a share holds a card.
 *
 * SECURITY: the request is a plain GET of a fixed path on the issuer's server, without
 * cookies or referrer: it carries nothing of the card or the share. It does tell the
 * issuer that one of its cards is being read, from this address, now.
 */

/** What the screen says of a card's signature. */
export type CardCheck =
  | { readonly state: 'verified' }
  /** The keys could not be had: the issuer's server did not answer, or answered badly. */
  | { readonly state: 'unverified'; readonly reason: 'unreachable' }
  /** The issuer publishes keys, but not the one that signed this card. */
  | { readonly state: 'unverified'; readonly reason: 'unknown-key' }
  /** The issuer is not an https address: its keys cannot be trusted. */
  | { readonly state: 'unverified'; readonly reason: 'bad-issuer' }
  /** The issuer's key does not match the signature: the card was altered, or forged. */
  | { readonly state: 'invalid' };

/** Largest JWKS read, bytes; an issuer publishes a handful of keys. */
const JWKS_MAX_BYTES = 64 * 1024;

/** Checks `card`'s signature; never throws. `fetchImpl` is injected in tests. */
export async function verifyHealthCard(
  card: Pick<HealthCard, 'jws' | 'issuer' | 'kid'>,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<CardCheck> {
  if (!isHttpUrl(card.issuer)) return { state: 'unverified', reason: 'bad-issuer' };
  const keys = await issuerKeys(card.issuer, fetchImpl);
  if (!keys) return { state: 'unverified', reason: 'unreachable' };
  const jwk = keys.find((k) => card.kid !== undefined && str(k.kid) === card.kid);
  if (!jwk) return { state: 'unverified', reason: 'unknown-key' };
  try {
    const key = await importJWK(jwk as JWK, 'ES256');
    await compactVerify(card.jws, key, { algorithms: ['ES256'] });
    return { state: 'verified' };
  } catch {
    return { state: 'invalid' };
  }
}

/** The issuer's published keys, or null when they cannot be had. */
async function issuerKeys(
  issuer: string,
  fetchImpl: typeof fetch,
): Promise<Record<string, unknown>[] | null> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/jwks.json`;
  try {
    const res = await fetchImpl(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
    if (!res.ok) return null;
    const text = await readCapped(res, { left: JWKS_MAX_BYTES }, url);
    return objs(obj(JSON.parse(text))?.keys);
  } catch {
    return null;
  }
}
