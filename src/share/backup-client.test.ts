import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeOf as failureCode } from '../crypto/test-helpers.ts';
import { deleteRelayBackup, getRelayBackup, headRelayBackup } from './backup-client.ts';
import { ShareError } from './errors.ts';

const access = { locator: 'L'.repeat(43), token: 'T'.repeat(43) };
const codeOf = (run: Promise<unknown>) => failureCode(run, ShareError);

function answer(status: number, body: BodyInit | null, headers: Record<string, string> = {}) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(new Response(body, { status, headers }))),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the relay backup client', () => {
  it('fetches the copy with the token in a header, never in the URL, and reports progress', async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    answer(200, bytes, { 'Content-Length': String(bytes.length) });
    const seen: number[] = [];
    const blob = await getRelayBackup(access, (f) => seen.push(f));
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    expect(seen.at(-1)).toBe(1);
    const [url, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(url).toBe(`/api/backup/${access.locator}`);
    expect(url as string).not.toContain(access.token);
    expect(init).toMatchObject({
      method: 'GET',
      headers: { Authorization: `Bearer ${access.token}` },
      cache: 'no-store',
    });
  });

  it('reads the size and date, and says when there is no copy for this code', async () => {
    answer(200, null, {
      'Content-Length': '1234',
      'Last-Modified': 'Thu, 03 Dec 2026 10:00:00 GMT',
    });
    expect(await headRelayBackup(access)).toEqual({
      size: 1234,
      modifiedAt: Date.UTC(2026, 11, 3, 10),
    });
    answer(404, null);
    expect(await codeOf(headRelayBackup(access))).toBe('inactive');
    expect(await codeOf(getRelayBackup(access))).toBe('inactive');
    answer(429, null);
    expect(await codeOf(getRelayBackup(access))).toBe('rate-limited');
  });

  it('counts a copy already gone as deleted', async () => {
    answer(404, null);
    await deleteRelayBackup(access);
    answer(500, null);
    expect(await codeOf(deleteRelayBackup(access))).toBe('network');
  });
});
