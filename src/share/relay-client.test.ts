import { codeOf as failureCode } from '../crypto/test-helpers.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShareError } from './errors.ts';
import type { ShareStatusResponse } from './protocol.ts';
import { revokeShare, shareStatus, uploadShare, verdictOf } from './relay-client.ts';

const ID = 'A'.repeat(43);
const TOKEN = 'T'.repeat(43);

function answer(status: number, body: unknown = {}): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status }))),
  );
}

/** The ShareError code a call fails with ('resolved' when it does not fail). */
const codeOf = (run: Promise<unknown>) => failureCode(run, ShareError);

afterEach(() => {
  vi.unstubAllGlobals();
});

const blocked: ShareStatusResponse = {
  active: false,
  exp: 2_000_000_000,
  remainingAttempts: 0,
  accesses: [{ recipient: 'Dr Martin', at: 10 }],
};

describe('shareStatus', () => {
  it('asks with the management token, never caching, and returns the answer', async () => {
    answer(200, blocked);
    expect(await shareStatus(ID, TOKEN)).toEqual(blocked);
    const [url, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(url).toBe(`/api/shl/${ID}/admin`);
    expect(init).toMatchObject({
      headers: { Authorization: `Bearer ${TOKEN}` },
      cache: 'no-store',
    });
  });

  it('maps relay status codes to ShareError codes', async () => {
    for (const [status, code] of [
      [404, 'inactive'],
      [429, 'rate-limited'],
      [500, 'network'],
    ] as const) {
      answer(status, { error: 'x', message: 'x' });
      expect(await codeOf(shareStatus(ID, TOKEN))).toBe(code);
    }
  });

  it('treats an answer of the wrong shape as a network failure', async () => {
    for (const body of [
      null,
      { ...blocked, accesses: [{ recipient: 1, at: 2 }] },
      { ...blocked, remainingAttempts: 'none' },
      { active: true },
    ]) {
      answer(200, body);
      expect(await codeOf(shareStatus(ID, TOKEN))).toBe('network');
    }
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('not json', { status: 200 }))),
    );
    expect(await codeOf(shareStatus(ID, TOKEN))).toBe('network');
  });
});

describe('verdictOf', () => {
  it('reads no attempt left as blocked; a share without PIN or with attempts left is not', () => {
    expect(verdictOf(blocked)).toEqual({
      blocked: true,
      accesses: [{ recipient: 'Dr Martin', at: 10 }],
    });
    expect(verdictOf({ ...blocked, active: true, remainingAttempts: 3 }).blocked).toBe(false);
    expect(verdictOf({ ...blocked, active: false, remainingAttempts: null }).blocked).toBe(false);
  });
});

describe('revokeShare', () => {
  it('counts a share the relay no longer knows as revoked', async () => {
    answer(404);
    expect(await codeOf(revokeShare(ID, TOKEN))).toBe('resolved');
    answer(429);
    expect(await codeOf(revokeShare(ID, TOKEN))).toBe('rate-limited');
  });
});

/** A stand-in XMLHttpRequest: records each PUT and answers with `status` after progress. */
class FakeXhr {
  static sent: { method: string; url: string; headers: Record<string, string>; body: string }[] =
    [];
  static answer: (n: number) => { status: number; body: unknown } = () => ({
    status: 200,
    body: { complete: true },
  });
  status = 0;
  responseText = '';
  upload: {
    onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
  } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  private request = { method: '', url: '', headers: {} as Record<string, string>, body: '' };
  open(method: string, url: string): void {
    this.request.method = method;
    this.request.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.request.headers[name] = value;
  }
  send(body: string): void {
    const n = FakeXhr.sent.push({ ...this.request, body });
    queueMicrotask(() => {
      this.upload.onprogress?.({
        lengthComputable: true,
        loaded: body.length / 2,
        total: body.length,
      });
      this.upload.onprogress?.({ lengthComputable: true, loaded: body.length, total: body.length });
      const { status, body: answer } = FakeXhr.answer(n);
      this.status = status;
      this.responseText = JSON.stringify(answer);
      this.onload?.();
    });
  }
}

describe('uploadShare', () => {
  const JWES = ['eyJh..aXY.' + 'Q'.repeat(300) + '.dGFn', 'eyJh..aXY.' + 'R'.repeat(100) + '.dGFn'];
  const CREATED = {
    id: ID,
    manifestUrl: `https://relay.test/api/shl/${ID}`,
    managementToken: TOKEN,
    uploads: [`/api/shl/${ID}/files/0`, `/api/shl/${ID}/files/1`],
  };
  const share = {
    files: JWES.map((jwe) => ({ contentType: 'application/fhir+json' as const, jwe })),
    exp: 2_000_000_000,
    passcode: '4821',
  };

  /** fetch answering the create with `status` (201: CREATED) and any DELETE with 204. */
  function relayAnswering(status = 201): void {
    vi.stubGlobal(
      'fetch',
      vi.fn((_: string, init?: RequestInit) =>
        Promise.resolve(
          init?.method === 'DELETE'
            ? new Response(null, { status: 204 })
            : new Response(JSON.stringify(status === 201 ? CREATED : { error: 'x' }), { status }),
        ),
      ),
    );
  }

  afterEach(() => {
    FakeXhr.sent = [];
    FakeXhr.answer = (n) => ({ status: 200, body: { complete: n === JWES.length } });
  });

  it('sends the terms and lengths first, then each JWE by itself, with progress over all bytes', async () => {
    relayAnswering();
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.answer = (n) => ({ status: 200, body: { complete: n === JWES.length } });
    const progress: number[] = [];
    expect(await uploadShare(share, (f) => progress.push(f))).toEqual(CREATED);

    const [url, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(url).toBe('/api/shl');
    expect(JSON.parse(init?.body as string)).toEqual({
      files: JWES.map((jwe) => ({ contentType: 'application/fhir+json', length: jwe.length })),
      exp: 2_000_000_000,
      passcode: '4821',
    });
    expect(init?.body as string).not.toContain('QQQQ');
    expect(FakeXhr.sent).toEqual(
      JWES.map((jwe, i) => ({
        method: 'PUT',
        url: CREATED.uploads[i],
        headers: { 'Content-Type': 'application/jose', Authorization: `Bearer ${TOKEN}` },
        body: jwe,
      })),
    );
    const total = JWES[0]!.length + JWES[1]!.length;
    expect(progress).toEqual([
      JWES[0]!.length / 2 / total,
      JWES[0]!.length / total,
      (JWES[0]!.length + JWES[1]!.length / 2) / total,
      1,
      1,
    ]);
    expect(vi.mocked(fetch).mock.calls).toHaveLength(1); // nothing revoked
  });

  it('gives the reply token hash with the terms, in the one create request', async () => {
    relayAnswering();
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const replyTokenHash = 'H'.repeat(43);
    await uploadShare({ ...share, replyTokenHash });
    const calls = vi.mocked(fetch).mock.calls;
    expect(calls).toHaveLength(1);
    const [url, init] = calls[0]!;
    expect(url).toBe('/api/shl');
    expect(JSON.parse(init?.body as string)).toMatchObject({ replyTokenHash });
    expect(FakeXhr.sent.map((r) => r.url)).toEqual(CREATED.uploads);
  });

  it('revokes the share when an upload fails, and says why', async () => {
    relayAnswering();
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.answer = (n) =>
      n === 2
        ? { status: 413, body: { error: 'body_too_large' } }
        : { status: 200, body: { complete: false } };
    expect(await codeOf(uploadShare(share))).toBe('too-large');
    const revoke = vi.mocked(fetch).mock.calls[1]!;
    expect(revoke[0]).toBe(`/api/shl/${ID}`);
    expect(revoke[1]).toMatchObject({
      method: 'DELETE',
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
  });

  it('revokes a share the relay does not call complete after the last file', async () => {
    relayAnswering();
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.answer = () => ({ status: 200, body: { complete: false } });
    expect(await codeOf(uploadShare(share))).toBe('network');
    expect(vi.mocked(fetch).mock.calls[1]?.[1]).toMatchObject({ method: 'DELETE' });
  });

  it('uploads nothing when the relay refuses the share', async () => {
    relayAnswering(413);
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    expect(await codeOf(uploadShare(share))).toBe('too-large');
    expect(FakeXhr.sent).toEqual([]);
    expect(vi.mocked(fetch).mock.calls).toHaveLength(1);
  });
});
