import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShareError } from '../share/errors.ts';
import { parseShlink } from '../share/shlink.ts';

const fetchFails = vi.hoisted(() => ({ now: true }));
vi.mock('./open-share.ts', () => {
  // As a browser says when a chunk cannot be fetched.
  if (fetchFails.now) throw new TypeError('Failed to fetch dynamically imported module');
  return { openAndRead: () => Promise.resolve({ summary: null, cards: [], notShown: 0 }) };
});

const payload = parseShlink(
  `shlink:/${Buffer.from(
    JSON.stringify({ url: 'https://relay.example/m/x', key: 'A'.repeat(43), v: 1 }),
  ).toString('base64url')}`,
);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the share reader, loaded apart from the page', () => {
  it('turns a reader that cannot be fetched into a network problem, then loads it on retry', async () => {
    const { openAndRead } = await import('./reader.ts');
    vi.stubGlobal('navigator', { onLine: false });
    await expect(openAndRead(payload, { recipient: 'Dr A' })).rejects.toEqual(
      new ShareError('offline'),
    );
    vi.stubGlobal('navigator', { onLine: true });
    await expect(openAndRead(payload, { recipient: 'Dr A' })).rejects.toEqual(
      new ShareError('network'),
    );
    fetchFails.now = false;
    await expect(openAndRead(payload, { recipient: 'Dr A' })).resolves.toMatchObject({
      notShown: 0,
    });
  });
});
