import { toBase64Url } from '../crypto/encoding.ts';

/**
 * A share's reply channel (write-back, issue 14): a fresh P-256 key pair and a random
 * 32-byte token, made for one share and for nothing else. The public half and the token
 * travel inside the encrypted bundle (ips-build-reply.ts); the private key stays on the
 * phone, sealed with the share's record; the relay gets only the token's SHA-256.
 *
 * SECURITY: the key pair comes from WebCrypto, not libsodium: jose (which encrypts and
 * decrypts replies in the viewer and the app) runs on WebCrypto, and ECDH-ES on P-256 is
 * what JWE offers. The private JWK is extractable only so it can be sealed in the vault;
 * it is never logged, sent or shown.
 */
export interface ReplyChannel {
  /** 43 base64url characters (32 random bytes): the bearer token of `POST .../replies`. */
  readonly token: string;
  /** SHA-256 of `token` (its ASCII bytes), base64url: all the relay keeps. */
  readonly tokenHash: string;
  /** The public key, a JWK with kty, crv, x, y only. */
  readonly publicJwk: PublicReplyJwk;
  /** The private key as a JWK string. SECURITY: sealed with the share, never leaves the phone. */
  readonly privateJwk: string;
}

/** A P-256 public key as a JWK: the only members a reply key carries. */
export interface PublicReplyJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
}

/** Makes a fresh reply channel for one new share. */
export async function newReplyChannel(): Promise<ReplyChannel> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ]);
  const priv = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const pub = await crypto.subtle.exportKey('jwk', pair.publicKey);
  if (!pub.x || !pub.y || !priv.d) throw new Error('P-256 export failed');
  const token = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  return {
    token,
    tokenHash: await replyTokenHash(token),
    publicJwk: { kty: 'EC', crv: 'P-256', x: pub.x, y: pub.y },
    privateJwk: JSON.stringify({ kty: 'EC', crv: 'P-256', x: pub.x, y: pub.y, d: priv.d }),
  };
}

/** SHA-256 of a reply token as the relay stores it (base64url of the digest of its ASCII). */
async function replyTokenHash(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return toBase64Url(new Uint8Array(digest));
}
