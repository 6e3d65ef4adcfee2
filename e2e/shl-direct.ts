import { CompactEncrypt, base64url } from 'jose';

// The IPS example lives with the unit tests' fixtures; bench/viewer.ts takes it from here.
export { ipsExample } from '../src/share/fixtures/ips-example.ts';

/**
 * A share made straight on the relay's API, as any SMART Health Links server's client
 * could: a FHIR bundle (usually the shared IPS example, src/share/fixtures/ips-example.ts,
 * never Carnet's builder) encrypted with jose on WebCrypto, then `POST /api/shl` with the
 * file's length and `PUT` of the JWE to the upload path the relay answers.
 */

export interface DirectShare {
  /** `<origin>/v#shlink:/...` */
  readonly link: string;
  /** The `shlink:/` payload's base64url part. */
  readonly payload: string;
  /** The content key, base64url. */
  readonly key: string;
  readonly id: string;
  readonly managementToken: string;
}

/**
 * Encrypts `bundle` with a fresh key and stores it on the relay at `origin`. `exp` is the
 * relay's expiry; `linkExp` what the link says (the same unless a test wants them apart);
 * `direct` makes a `U` link (one file, fetched with a GET, no manifest).
 */
export async function createShare(
  origin: string,
  bundle: unknown,
  options: { passcode?: string; exp?: number; linkExp?: number; direct?: boolean } = {},
): Promise<DirectShare> {
  const rawKey = crypto.getRandomValues(new Uint8Array(32));
  const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(bundle)))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: 'application/fhir+json' })
    .encrypt(rawKey);
  const exp = options.exp ?? Math.floor(Date.now() / 1000) + 3600;
  const res = await fetch(`${origin}/api/shl`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      files: [{ contentType: 'application/fhir+json', length: jwe.length }],
      exp,
      ...(options.passcode ? { passcode: options.passcode } : {}),
    }),
  });
  if (res.status !== 201) throw new Error(`create answered ${res.status}`);
  const created = (await res.json()) as {
    id: string;
    manifestUrl: string;
    managementToken: string;
    uploads: string[];
  };
  const put = await fetch(new URL(created.uploads[0]!, origin), {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/jose',
      Authorization: `Bearer ${created.managementToken}`,
    },
    body: jwe,
  });
  if (put.status !== 200) throw new Error(`upload answered ${put.status}`);
  const key = base64url.encode(rawKey);
  const payload = base64url.encode(
    JSON.stringify({
      url: created.manifestUrl,
      key,
      exp: options.linkExp ?? exp,
      ...(options.passcode ? { flag: 'P' } : options.direct ? { flag: 'U' } : {}),
      label: 'Synthèse',
      v: 1,
    }),
  );
  return {
    link: `${origin}/v#shlink:/${payload}`,
    payload,
    key,
    id: created.id,
    managementToken: created.managementToken,
  };
}

/** Revokes a share with its management token. */
export async function revokeShare(origin: string, share: DirectShare): Promise<void> {
  const res = await fetch(`${origin}/api/shl/${share.id}`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${share.managementToken}` },
  });
  if (!res.ok) throw new Error(`revoke answered ${res.status}`);
}

/**
 * What the relay answers the share's owner about it (`GET /api/shl/:id/admin`): 200 while
 * it lives, 404 once expired or revoked. Reading it opens nothing and records no access.
 */
export async function statusOnRelay(origin: string, share: DirectShare): Promise<number> {
  const res = await fetch(`${origin}/api/shl/${share.id}/admin`, {
    headers: { Authorization: `Bearer ${share.managementToken}` },
  });
  await res.arrayBuffer();
  return res.status;
}
