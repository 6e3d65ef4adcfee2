import { codeOf as failureCode } from '../crypto/test-helpers.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShareError } from './errors.ts';
import type { ShareStatusResponse } from './protocol.ts';
import { revokeShare, shareStatus, verdictOf } from './relay-client.ts';

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
