// Carnet's links open in an independent SMART Health Links implementation:
// kill-the-clipboard's SHLViewer (npm, by Vinta Software), over real HTTP, against shares
// made on the relay the way Carnet's patient app makes them (src/share/create.ts).
import { CompactEncrypt, base64url } from 'jose';
import { SHLInvalidPasscodeError, SHLManifestNotFoundError, SHLViewer } from 'kill-the-clipboard';
import { describe, expect, it } from 'vitest';
import { setUpRelay } from './testing/setup.ts';

const relay = setUpRelay('SQLite');

/** A small IPS-like bundle; `pad` characters of narrative make it as large as a test needs. */
function bundle(pad = 0) {
  return {
    resourceType: 'Bundle',
    type: 'document',
    entry: [
      {
        fullUrl: 'urn:uuid:patient',
        resource: { resourceType: 'Patient', name: [{ text: 'Amal Haddad' }] },
      },
      {
        fullUrl: 'urn:uuid:allergy',
        resource: {
          resourceType: 'AllergyIntolerance',
          code: { text: 'Pénicilline' },
          note: [{ text: 'x'.repeat(pad) }],
        },
      },
    ],
  };
}

interface CarnetLink {
  /** `<origin>/v#shlink:/...`, as the QR code holds it. */
  readonly link: string;
  readonly manifestUrl: string;
}

/**
 * A share as Carnet's patient app makes it: each FHIR file a compact JWE (`dir`,
 * `A256GCM`, `cty`) under a fresh 256-bit key, the share created with the files' lengths,
 * each file PUT, and the link `<origin>/v#shlink:/` + base64url(JSON payload).
 */
async function carnetShare(
  origin: string,
  files: readonly object[],
  options: { passcode?: string; direct?: boolean } = {},
): Promise<CarnetLink> {
  const key = crypto.getRandomValues(new Uint8Array(32));
  const jwes = await Promise.all(
    files.map((f) =>
      new CompactEncrypt(new TextEncoder().encode(JSON.stringify(f)))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: 'application/fhir+json' })
        .encrypt(key),
    ),
  );
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const res = await fetch(`${origin}/api/shl`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      files: jwes.map((jwe) => ({ contentType: 'application/fhir+json', length: jwe.length })),
      exp,
      ...(options.passcode ? { passcode: options.passcode } : {}),
    }),
  });
  expect(res.status).toBe(201);
  const created = (await res.json()) as {
    manifestUrl: string;
    managementToken: string;
    uploads: string[];
  };
  for (const [i, jwe] of jwes.entries()) {
    const put = await fetch(new URL(created.uploads[i]!, origin), {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/jose',
        Authorization: `Bearer ${created.managementToken}`,
      },
      body: jwe,
    });
    expect(put.status).toBe(200);
  }
  const flag = options.passcode ? 'P' : options.direct ? 'U' : undefined;
  const payload = {
    url: created.manifestUrl,
    key: base64url.encode(key),
    exp,
    ...(flag ? { flag } : {}),
    label: 'Carnet',
    v: 1,
  };
  return {
    link: `${origin}/v#shlink:/${base64url.encode(JSON.stringify(payload))}`,
    manifestUrl: created.manifestUrl,
  };
}

/** The names of the patients and allergies kill-the-clipboard read. */
function namesIn(resources: readonly unknown[]): string[] {
  return resources.flatMap((r) => {
    const entries = (r as { entry?: { resource: Record<string, unknown> }[] }).entry ?? [];
    return entries.map(({ resource }) =>
      resource.resourceType === 'Patient'
        ? ((resource.name as { text: string }[])[0]?.text ?? '')
        : ((resource.code as { text: string }).text ?? ''),
    );
  });
}

describe("Carnet's links in kill-the-clipboard's viewer", () => {
  it('resolve with their files embedded in the manifest, or fetched from their location', async () => {
    const { url } = await relay.serve();
    const { link } = await carnetShare(url, [bundle(), bundle(20_000)]);
    const viewer = new SHLViewer({ shlinkURI: link });
    const embedded = await viewer.resolveSHL({ recipient: 'Dr Martin', embeddedLengthMax: 5_000 });
    expect(
      embedded.manifest?.files.map((f) => ('embedded' in f ? 'embedded' : 'location')),
    ).toEqual(['embedded', 'location']);
    expect(namesIn(embedded.fhirResources)).toEqual([
      'Amal Haddad',
      'Pénicilline',
      'Amal Haddad',
      'Pénicilline',
    ]);
    const located = await viewer.resolveSHL({ recipient: 'Dr Martin', embeddedLengthMax: 0 });
    expect(located.manifest?.files.every((f) => 'location' in f)).toBe(true);
    expect(namesIn(located.fhirResources)).toHaveLength(4);
  });

  it('resolve with a PIN (P), and refuse a wrong one', async () => {
    const { url } = await relay.serve();
    const { link } = await carnetShare(url, [bundle()], { passcode: '482915' });
    const viewer = new SHLViewer({ shlinkURI: link });
    await expect(viewer.resolveSHL({ recipient: 'Dr M', passcode: '000000' })).rejects.toThrow(
      SHLInvalidPasscodeError,
    );
    const resolved = await viewer.resolveSHL({ recipient: 'Dr M', passcode: '482915' });
    expect(namesIn(resolved.fhirResources)).toEqual(['Amal Haddad', 'Pénicilline']);
  });

  it('resolve as a direct file (U), without a manifest', async () => {
    const { url } = await relay.serve();
    const { link } = await carnetShare(url, [bundle()], { direct: true });
    const resolved = await new SHLViewer({ shlinkURI: link }).resolveSHL({ recipient: 'Dr M' });
    expect(resolved.manifest).toBeUndefined();
    expect(namesIn(resolved.fhirResources)).toEqual(['Amal Haddad', 'Pénicilline']);
  });

  it('say "not found" for a manifest the relay does not hold', async () => {
    const { url } = await relay.serve();
    const { link } = await carnetShare(url, [bundle()]);
    const payload = JSON.parse(
      new TextDecoder().decode(base64url.decode(link.split('#shlink:/')[1]!)),
    ) as Record<string, unknown>;
    const unknown = { ...payload, url: `${url}/api/shl/${'A'.repeat(43)}` };
    const gone = `${url}/v#shlink:/${base64url.encode(JSON.stringify(unknown))}`;
    await expect(
      new SHLViewer({ shlinkURI: gone }).resolveSHL({ recipient: 'Dr M' }),
    ).rejects.toThrow(SHLManifestNotFoundError);
  });
});
