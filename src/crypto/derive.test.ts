import { describe, expect, it } from 'vitest';
import { codeOf, floorVault } from './test-helpers.ts';

describe('MACs keyed from the vault key', () => {
  it('are deterministic per vault and context, and differ across both', async () => {
    const a = floorVault();
    await a.create('123456', 'pin');
    const b = floorVault();
    await b.create('123456', 'pin');
    const data = new TextEncoder().encode('index');
    const mac = await a.mac('backup-index', data);
    expect(mac).toHaveLength(32);
    expect(await a.mac('backup-index', data)).toEqual(mac);
    expect(await a.mac('vault-index', data)).not.toEqual(mac);
    expect(await b.mac('backup-index', data)).not.toEqual(mac);
    expect(await a.mac('backup-index', new TextEncoder().encode('indey'))).not.toEqual(mac);
  });

  it('need the vault open and a known context', async () => {
    const vault = floorVault();
    expect(await codeOf(vault.mac('backup-index', new Uint8Array(1)))).toBe('locked');
    await vault.create('123456', 'pin');
    expect(await codeOf(vault.mac('other' as 'backup-index', new Uint8Array(1)))).toBe('bad-input');
  });
});

describe('the relay backup’s locator and token', () => {
  it('come from the recovery code alone, the same on any phone, and differ from each other', async () => {
    const phoneA = floorVault();
    const { recoveryCode, keyring } = await phoneA.create('123456', 'pin');
    const onA = await phoneA.backupAccess(recoveryCode, keyring.recovery);
    const phoneB = floorVault();
    // A new phone, locked, typed in lower case with spaces: the same locator and token.
    const onB = await phoneB.backupAccess(recoveryCode.toLowerCase().replace(/-/g, ' '));
    expect(onB).toEqual(onA);
    expect(onA.locator).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(onA.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(onA.token).not.toBe(onA.locator);
  });

  it('refuse a code that does not open this vault’s recovery wrap', async () => {
    const mine = floorVault();
    const { keyring } = await mine.create('123456', 'pin');
    const other = floorVault();
    const { recoveryCode: otherCode } = await other.create('123456', 'pin');
    expect(await codeOf(mine.backupAccess(otherCode, keyring.recovery))).toBe('wrong-secret');
    expect(await codeOf(mine.backupAccess('not a code'))).toBe('bad-recovery-code');
  });
});
