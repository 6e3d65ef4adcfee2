import { afterEach, describe, expect, it, vi } from 'vitest';
import { CryptoError } from '../crypto/types.ts';
import { openCarnetDb, putKeyring, setAttempts } from '../db/index.ts';
import type { Keyring } from '../crypto/types.ts';
import { freshDbName } from '../db/test-db.ts';
import { RecordError } from './errors.ts';
import { attemptGate, delayAfter } from './throttle.ts';

const keyring = {
  password: { v: 1, kind: 'pin', kdf: {}, nonce: 'n', wrapped: 'w' },
  recovery: { v: 1, nonce: 'n', wrapped: 'w' },
} as unknown as Keyring;

const wrong = () => Promise.reject(new CryptoError('wrong-secret'));
const right = () => Promise.resolve('open');

async function gateOnVault() {
  const name = freshDbName('throttle');
  const db = await openCarnetDb(name);
  await putKeyring(db, keyring);
  return { db, gate: attemptGate(() => Promise.resolve(db)) };
}

/** The code a gate attempt fails with (the gate passes other failures on as they are). */
async function verdict(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return 'open';
  } catch (err) {
    if (err instanceof RecordError || err instanceof CryptoError) return err.code;
    throw err;
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('unlock throttle', () => {
  it('lets the first two mistakes through, then grows', () => {
    expect([0, 1, 2, 3, 4, 5].map(delayAfter)).toEqual([0, 0, 0, 5_000, 10_000, 20_000]);
  });

  it('never waits longer than fifteen minutes', () => {
    expect(delayAfter(50)).toBe(15 * 60_000);
  });

  it('counts down on the monotonic clock: setting the phone’s clock forward skips nothing', async () => {
    const { gate } = await gateOnVault();
    let monotonic = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => monotonic);
    for (let i = 0; i < 3; i++) expect(await verdict(gate.attempt(wrong))).toBe('wrong-secret');
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 24 * 3_600_000);
    expect(await verdict(gate.attempt(right))).toBe('throttled');
    monotonic += 4_999;
    expect(await verdict(gate.attempt(right))).toBe('throttled');
    monotonic += 1;
    expect(await verdict(gate.attempt(right))).toBe('open');
    expect(await gate.retryAfterMs()).toBe(0);
  });

  it('counts parallel attempts each (several tabs), before the secret is checked', async () => {
    const { db } = await gateOnVault();
    const tabs = [1, 2, 3, 4].map(() => attemptGate(() => Promise.resolve(db)));
    const outcomes = await Promise.all(tabs.map((tab) => verdict(tab.attempt(wrong))));
    // Four tabs, one wrong PIN each: four counted, and at most the free ones got through
    // without being counted first.
    expect(outcomes.filter((o) => o === 'wrong-secret').length).toBeGreaterThan(0);
    expect(await verdict(tabs[0]!.attempt(right))).toBe('throttled');
  });

  it('reads a keyring without a count as the free attempts used up, never as zero', async () => {
    const { db, gate } = await gateOnVault();
    // Someone rewrote the keyring row without its count.
    await db.keyring.put({ key: 'main', keyring });
    expect(await verdict(gate.attempt(wrong))).toBe('wrong-secret');
    expect(await verdict(gate.attempt(right))).toBe('throttled');
  });

  it('does not count a check that could not run', async () => {
    const { gate } = await gateOnVault();
    const broken = () => Promise.reject(new CryptoError('crypto-unavailable'));
    for (let i = 0; i < 5; i++) await verdict(gate.attempt(broken));
    expect(await verdict(gate.attempt(right))).toBe('open');
  });

  it('forgets the count after a success', async () => {
    const { db, gate } = await gateOnVault();
    await setAttempts(db, () => 7);
    await setAttempts(db, () => 0);
    expect(await verdict(gate.attempt(right))).toBe('open');
  });
});
