import { describe, expect, it } from 'vitest';
import {
  bytesEqual,
  fromBase64Url,
  randomBytes,
  randomId,
  toBase64Url,
  utf8Decode,
} from './encoding.ts';
import { codeOf } from './test-helpers.ts';

describe('encoding', () => {
  it('matches Node base64url for every length up to 70', () => {
    for (let n = 0; n <= 70; n++) {
      const bytes = randomBytes(n);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it('decodes strictly', async () => {
    for (const bad of ['A', 'AB=', 'A+B/', 'AB C', 'AF']) {
      expect(await codeOf(() => fromBase64Url(bad))).toBe('bad-envelope');
    }
  });

  it('rejects invalid UTF-8', async () => {
    expect(await codeOf(() => utf8Decode(new Uint8Array([0xff, 0xfe])))).toBe('bad-envelope');
  });

  it('makes random 22-character ids that do not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, randomId));
    expect(ids.size).toBe(10_000);
    for (const id of [...ids].slice(0, 100)) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('fills more than 64 KiB of random bytes and compares in constant time', () => {
    const big = randomBytes(200_000);
    expect(big.subarray(150_000).some((b) => b !== 0)).toBe(true);
    expect(bytesEqual(big, big.slice())).toBe(true);
    expect(bytesEqual(big, big.subarray(1))).toBe(false);
  });
});
