import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatRecoveryCode,
  isWellFormedRecoveryCode,
  parseRecoveryCode,
} from './recovery-code.ts';
import { randomBytes } from './encoding.ts';
import { codeOf, floorVault } from './test-helpers.ts';

const SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A recovery key: 16 bytes. */
const key16 = fc.uint8Array({ minLength: 16, maxLength: 16 });

describe('recovery code', () => {
  it('round-trips random keys through seven groups of four (property)', { timeout: 30_000 }, () => {
    // Seeded: a failure prints its seed and shrunk key, and replays as is.
    fc.assert(
      fc.property(key16, (key) => {
        const code = formatRecoveryCode(key);
        expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
        expect(parseRecoveryCode(code)).toEqual(key);
      }),
      {
        seed: 0x2ec0_0001,
        numRuns: 500,
        examples: [[new Uint8Array(16)], [new Uint8Array(16).fill(255)]],
      },
    );
  });

  it('forgives case, spaces, dashes and O/0, I/1, L/1 confusion', () => {
    const key = randomBytes(16);
    const code = formatRecoveryCode(key);
    const sloppy = ` ${code.toLowerCase().replace(/-/g, ' – ')} `
      .replace(/0/g, 'o')
      .replace(/1/g, 'l');
    expect(parseRecoveryCode(sloppy)).toEqual(key);
    expect(parseRecoveryCode(code.replace(/-/g, ''))).toEqual(key);
    expect(parseRecoveryCode(code.replace(/1/g, 'I'))).toEqual(key);
  });

  it(
    'detects every single mistyped symbol and every swap of two different symbols (property)',
    { timeout: 30_000 },
    () => {
      fc.assert(
        fc.property(key16, (key) => {
          const code = formatRecoveryCode(key).replace(/-/g, '');
          for (let i = 0; i < code.length; i++) {
            for (const s of SYMBOLS) {
              if (s === code[i]) continue;
              const typo = code.slice(0, i) + s + code.slice(i + 1);
              expect(isWellFormedRecoveryCode(typo), typo).toBe(false);
            }
            for (let j = i + 1; j < 26; j++) {
              if (code[i] === code[j]) continue;
              const chars = [...code];
              [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
              expect(isWellFormedRecoveryCode(chars.join('')), chars.join('')).toBe(false);
            }
          }
        }),
        { seed: 0x2ec0_0002, numRuns: 20 },
      );
    },
  );

  it('rejects wrong lengths and foreign symbols', async () => {
    const code = formatRecoveryCode(randomBytes(16));
    expect(await codeOf(() => parseRecoveryCode(code.slice(0, -1)))).toBe('bad-recovery-code');
    expect(await codeOf(() => parseRecoveryCode(`${code}0`))).toBe('bad-recovery-code');
    expect(await codeOf(() => parseRecoveryCode(code.replace(/^./, 'U')))).toBe(
      'bad-recovery-code',
    );
    expect(await codeOf(() => parseRecoveryCode(''))).toBe('bad-recovery-code');
  });

  it('unlocks a vault; a typo is bad-recovery-code and another valid code is wrong-secret', async () => {
    const vault = floorVault();
    const { keyring, recoveryCode } = await vault.create('123456', 'pin');
    await vault.lock();

    const last = recoveryCode.at(-1) === 'A' ? 'B' : 'A';
    const typo = recoveryCode.slice(0, -1) + last;
    expect(await codeOf(vault.unlockWithRecovery(typo, keyring.recovery))).toBe(
      'bad-recovery-code',
    );
    const other = formatRecoveryCode(randomBytes(16));
    expect(await codeOf(vault.unlockWithRecovery(other, keyring.recovery))).toBe('wrong-secret');
    expect(await vault.isUnlocked()).toBe(false);

    await vault.unlockWithRecovery(recoveryCode.toLowerCase(), keyring.recovery);
    expect(await vault.isUnlocked()).toBe(true);
  });

  it('a renewed recovery code opens the vault and the old one opens only the old wrap', async () => {
    const vault = floorVault();
    const { keyring, recoveryCode } = await vault.create('123456', 'pin');
    const renewed = await vault.renewRecovery();
    expect(renewed.recoveryCode).not.toBe(recoveryCode);
    await vault.lock();
    expect(await codeOf(vault.unlockWithRecovery(recoveryCode, renewed.wrap))).toBe('wrong-secret');
    await vault.unlockWithRecovery(renewed.recoveryCode, renewed.wrap);
    expect(await vault.isUnlocked()).toBe(true);
    await vault.lock();
    await vault.unlockWithRecovery(recoveryCode, keyring.recovery);
    expect(await vault.isUnlocked()).toBe(true);
  });
});
