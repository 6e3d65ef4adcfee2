import { describe, expect, it } from 'vitest';
import { delayAfter, retryAfterMs } from './throttle.ts';

describe('unlock throttle', () => {
  it('lets the first two mistakes through, then grows', () => {
    expect([0, 1, 2, 3, 4, 5].map(delayAfter)).toEqual([0, 0, 0, 5_000, 10_000, 20_000]);
  });

  it('never waits longer than fifteen minutes', () => {
    expect(delayAfter(50)).toBe(15 * 60_000);
  });

  it('counts down from the last failure', () => {
    expect(retryAfterMs({ count: 3, lastAt: 1_000 }, 3_000)).toBe(3_000);
    expect(retryAfterMs({ count: 3, lastAt: 1_000 }, 9_000)).toBe(0);
    expect(retryAfterMs(undefined, 9_000)).toBe(0);
  });

  it('is bounded when the clock went backwards', () => {
    expect(retryAfterMs({ count: 4, lastAt: 10 ** 13 }, 0)).toBe(10_000);
  });
});
