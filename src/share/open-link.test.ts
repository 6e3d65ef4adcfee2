import { encryptSHLFile } from 'kill-the-clipboard';
import { describe, expect, it } from 'vitest';
import { ShareError } from './errors.ts';
import { encryptJwe } from './jwe.ts';
import { MAX_FILES, UnreachableServer, openShareLink } from './open-link.ts';
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
    const { files } = await openShareLink(
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
    const { files } = await openShareLink(
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
      [
        new Response('x', { headers: { 'Content-Length': String(80 * 1024 * 1024) } }),
        undefined,
        ['too-large', undefined],
      ],
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

describe('a share from another server', () => {
  const shlKey = key;
  /** A file encrypted by kill-the-clipboard, another SMART Health Links implementation. */
  const theirs = (content: string, enableCompression: boolean) =>
    encryptSHLFile({
      content,
      key: shlKey,
      contentType: 'application/fhir+json',
      enableCompression,
    });

  it('reads the manifest status, and counts the files past MAX_FILES it leaves out', async () => {
    const jwe = await theirs('{"resourceType":"Bundle"}', true);
    const files = Array.from({ length: MAX_FILES + 3 }, () => ({
      contentType: 'application/fhir+json',
      embedded: jwe,
    }));
    const server = fakeFetch(() => Response.json({ status: 'can-change', files }));
    const opened = await openShareLink(
      { url: MANIFEST, key },
      { recipient: 'Dr M', fetch: server.fetch },
    );
    expect([opened.files.length, opened.omittedFiles, opened.status]).toEqual([
      MAX_FILES,
      3,
      'can-change',
    ]);
    const odd = fakeFetch(() => Response.json({ status: 'whatever', files: [] }));
    const none = await openShareLink(
      { url: MANIFEST, key },
      { recipient: 'Dr M', fetch: odd.fetch },
    );
    expect(none).toEqual({ files: [], omittedFiles: 0 });
  });

  it('names the server that does not answer: the manifest one, or the one holding a file', async () => {
    const jwe = await theirs('{}', false);
    const down = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const manifestDown = await openShareLink(
      { url: 'https://shl.example.org/m/1', key },
      { recipient: 'Dr M', fetch: down.fetch },
    ).catch((e: unknown) => e);
    expect(manifestDown).toBeInstanceOf(UnreachableServer);
    expect((manifestDown as UnreachableServer).host).toBe('shl.example.org');
    const filesDown = fakeFetch((url) => {
      if (url === MANIFEST)
        return Response.json({
          files: [
            { contentType: 'application/fhir+json', embedded: jwe },
            { contentType: 'application/fhir+json', location: 'https://files.example.net:8443/f' },
          ],
        });
      throw new TypeError('Failed to fetch');
    });
    const fileDown = await openShareLink(
      { url: MANIFEST, key },
      { recipient: 'Dr M', fetch: filesDown.fetch },
    ).catch((e: unknown) => e);
    expect((fileDown as UnreachableServer).host).toBe('files.example.net:8443');
  });

  it('opens a 2 MB compressed file, past jose’s default 250,000-byte limit', async () => {
    const big = JSON.stringify({ resourceType: 'Bundle', note: 'x'.repeat(2_000_000) });
    const jwe = await theirs(big, true);
    expect(jwe.length).toBeLessThan(100_000);
    const server = fakeFetch(() =>
      Response.json({ files: [{ contentType: 'application/fhir+json', embedded: jwe }] }),
    );
    const { files } = await openShareLink(
      { url: MANIFEST, key },
      { recipient: 'Dr M', fetch: server.fetch },
    );
    expect(files[0]?.plaintext.byteLength).toBe(big.length);
  });

  /** A lower ceiling than MAX_PLAINTEXT_BYTES, so the tests inflate megabytes, not 64 MiB. */
  const LIMIT = 3_000_000;

  it('refuses files that inflate past the limit, alone or added up', async () => {
    const bomb = await theirs(' '.repeat(LIMIT + 1), true);
    const half = await theirs(' '.repeat(LIMIT / 2 + 1), true);
    expect(bomb.length).toBeLessThan(50_000);
    for (const jwes of [[bomb], [half, half]]) {
      const server = fakeFetch(() =>
        Response.json({
          files: jwes.map((embedded) => ({ contentType: 'application/fhir+json', embedded })),
        }),
      );
      const options = { recipient: 'Dr M', fetch: server.fetch, maxBytes: LIMIT };
      expect(await failureOf(openShareLink({ url: MANIFEST, key }, options))).toEqual([
        'too-large',
        undefined,
      ]);
    }
  });

  it('stops reading a server that sends more than a share may hold', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(32);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        controller.enqueue(chunk);
      },
    });
    const server = fakeFetch(() => new Response(endless));
    const options = { recipient: 'Dr M', fetch: server.fetch, maxBytes: LIMIT };
    expect(await failureOf(openShareLink({ url: MANIFEST, key }, options))).toEqual([
      'too-large',
      undefined,
    ]);
    // The limit and 1 MiB for the manifest's JSON, and not much more.
    expect(sent * chunk.length).toBeLessThan(LIMIT + 1024 * 1024 + 4 * chunk.length);
  });
});
