import { describe, expect, it } from 'vitest';
import { ShareError } from './errors.ts';
import { encryptJwe } from './jwe.ts';
import { openShareLink } from './open-link.ts';
import type { ShlPayload } from './shlink.ts';

const rawKey = new Uint8Array(32).fill(3);
const key = Buffer.from(rawKey).toString('base64url');
const MANIFEST = 'https://relay.test/api/shl/abc';
const text = new TextEncoder().encode('{"resourceType":"Bundle"}');

type Seen = { url: string; init: RequestInit };

/** A relay stand-in that answers `respond(url, init)` and records every call. */
function fakeFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = input instanceof Request ? input.url : input.toString();
    seen.push({ url, init });
    return respond(url, init);
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

/** The ShareError code a call fails with, and the passcode attempts it says are left. */
async function failureOf(run: Promise<unknown>): Promise<[string, number | undefined]> {
  try {
    await run;
    return ['none', undefined];
  } catch (err) {
    return err instanceof ShareError
      ? [err.code, err.details.remainingAttempts]
      : ['other', undefined];
  }
}

describe('opening a SMART Health Link', () => {
  it('posts the manifest request, reads embedded and location files, decrypts both', async () => {
    const jwe = await encryptJwe(text, rawKey, 'application/fhir+json');
    const relay = fakeFetch((url) =>
      url === MANIFEST
        ? Response.json({
            files: [
              { contentType: 'application/fhir+json', embedded: jwe },
              { contentType: 'application/fhir+json', location: 'https://relay.test/api/files/t1' },
            ],
          })
        : new Response(jwe, { headers: { 'Content-Type': 'application/jose' } }),
    );
    const files = await openShareLink(
      { url: MANIFEST, key, flag: 'P' },
      { recipient: 'Dr Martin', passcode: '1234', fetch: relay.fetch },
    );
    expect(files.map((f) => new TextDecoder().decode(f.plaintext))).toEqual([
      '{"resourceType":"Bundle"}',
      '{"resourceType":"Bundle"}',
    ]);
    expect(relay.seen.map((s) => [s.url, s.init.method])).toEqual([
      [MANIFEST, 'POST'],
      ['https://relay.test/api/files/t1', 'GET'],
    ]);
    expect(JSON.parse(relay.seen[0]!.init.body as string)).toEqual({
      recipient: 'Dr Martin',
      passcode: '1234',
      embeddedLengthMax: 1_000_000,
    });
    // SECURITY: the key is in no URL, header or body; no cookies, no referrer.
    for (const s of relay.seen) {
      expect(s.url + JSON.stringify(s.init)).not.toContain(key);
      expect(s.init.credentials).toBe('omit');
      expect(s.init.referrerPolicy).toBe('no-referrer');
    }
  });

  it('uses a direct GET with the recipient for U links', async () => {
    const jwe = await encryptJwe(text, rawKey, 'application/fhir+json');
    const relay = fakeFetch(() => new Response(jwe));
    const files = await openShareLink(
      { url: MANIFEST, key, flag: 'U' },
      { recipient: 'Dr É', fetch: relay.fetch },
    );
    expect(files[0]?.contentType).toBe('application/fhir+json');
    expect(relay.seen[0]?.url).toBe(`${MANIFEST}?recipient=Dr+%C3%89`);
    expect(relay.seen[0]?.init.method).toBe('GET');
  });

  it('maps relay answers to error codes', async () => {
    const payload: ShlPayload = { url: MANIFEST, key, flag: 'P' };
    const cases: [Response | Error, string | undefined, [string, number | undefined]][] = [
      [
        Response.json({ error: 'wrong_passcode', remainingAttempts: 3 }, { status: 401 }),
        '0000',
        ['wrong-passcode', 3],
      ],
      [
        Response.json({ error: 'passcode_required', remainingAttempts: 5 }, { status: 401 }),
        undefined,
        ['passcode-required', 5],
      ],
      [new Response('nope', { status: 401 }), '0000', ['wrong-passcode', undefined]],
      [Response.json({ error: 'not_found' }, { status: 404 }), undefined, ['inactive', undefined]],
      [
        Response.json({ error: 'rate_limited' }, { status: 429 }),
        undefined,
        ['rate-limited', undefined],
      ],
      [new Response('oops', { status: 500 }), undefined, ['network', undefined]],
      [new Response('not json'), undefined, ['network', undefined]],
      [
        Response.json({ files: [{ contentType: 'x', location: 'javascript:alert(1)' }] }),
        undefined,
        ['network', undefined],
      ],
      [Response.json({ files: 'x' }), undefined, ['network', undefined]],
      [new TypeError('Failed to fetch'), undefined, ['network', undefined]],
    ];
    for (const [answer, passcode, expected] of cases) {
      const relay = fakeFetch(() => {
        if (answer instanceof Error) throw answer;
        return answer;
      });
      const options = { recipient: 'Dr M', fetch: relay.fetch, ...(passcode ? { passcode } : {}) };
      expect(await failureOf(openShareLink(payload, options))).toEqual(expected);
    }
  });

  it('says undecryptable when the key does not open the files', async () => {
    const other = await encryptJwe(text, new Uint8Array(32).fill(9), 'application/fhir+json');
    const relay = fakeFetch(() =>
      Response.json({ files: [{ contentType: 'application/fhir+json', embedded: other }] }),
    );
    expect(
      await failureOf(
        openShareLink({ url: MANIFEST, key }, { recipient: 'Dr M', fetch: relay.fetch }),
      ),
    ).toEqual(['undecryptable', undefined]);
  });
});
