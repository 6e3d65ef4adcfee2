import { describe, expect, it } from 'vitest';
import { KDF_DEFAULT, KDF_FLOOR, acceptNewSecret } from './kdf.ts';
import { normaliseSecret } from './secret-rules.ts';
import { Vault } from './vault.ts';
import type { PasswordWrap } from './types.ts';
import { codeOf, floorVault } from './test-helpers.ts';

const MiB = 1024 * 1024;

describe('Argon2id floor', () => {
  it('uses 3 passes over 64 MiB by default', () => {
    expect(KDF_DEFAULT).toEqual({ opsLimit: 3, memLimit: 64 * MiB });
    expect(KDF_FLOOR).toEqual({ opsLimit: 2, memLimit: 19 * MiB });
  });

  it('refuses to create wraps below the floor', async () => {
    expect(await codeOf(() => new Vault({ kdf: { opsLimit: 2, memLimit: 19 * MiB - 1 } }))).toBe(
      'kdf-below-floor',
    );
    expect(await codeOf(() => new Vault({ kdf: { opsLimit: 1, memLimit: 64 * MiB } }))).toBe(
      'kdf-below-floor',
    );
  });

  it('refuses to unlock a wrap whose parameters were lowered below the floor', async () => {
    const vault = floorVault();
    const { keyring } = await vault.create('123456', 'pin');
    await vault.lock();
    const lowered = (kdf: Partial<PasswordWrap['kdf']>): PasswordWrap => ({
      ...keyring.password,
      kdf: { ...keyring.password.kdf, ...kdf },
    });
    expect(await codeOf(vault.unlock('123456', lowered({ memLimit: 8 * MiB })))).toBe(
      'kdf-below-floor',
    );
    expect(await codeOf(vault.unlock('123456', lowered({ opsLimit: 1 })))).toBe('kdf-below-floor');
    expect(await codeOf(vault.unlock('123456', lowered({ memLimit: 4 * 1024 * MiB })))).toBe(
      'bad-envelope',
    );
    // Raised but valid parameters just derive another key: the PIN no longer matches.
    expect(await codeOf(vault.unlock('123456', lowered({ opsLimit: 3 })))).toBe('wrong-secret');
    expect(await vault.isUnlocked()).toBe(false);
    await vault.unlock('123456', keyring.password);
    expect(await vault.isUnlocked()).toBe(true);
  });
});

describe('secrets', () => {
  it('accepts PINs of 6 or more digits and passphrases of 8 or more characters', () => {
    expect(acceptNewSecret('123456', 'pin')).toBe('123456');
    expect(acceptNewSecret('12 34 56 78', 'pin')).toBe('12345678');
    expect(acceptNewSecret('huit car', 'passphrase')).toBe('huit car');
    for (const weak of ['12345', '12345a', '', 'abcdef']) {
      expect(() => acceptNewSecret(weak, 'pin')).toThrow('weak-secret');
    }
    for (const weak of ['1234567', '  short  ', '']) {
      expect(() => acceptNewSecret(weak, 'passphrase')).toThrow('weak-secret');
    }
  });

  it('reads Arabic, Persian and other digit sets as the same PIN', () => {
    for (const typed of ['١٢٣٤٥٦', '۱۲۳۴۵۶', '১২৩৪৫৬', '１２３４５６', '123456']) {
      expect(normaliseSecret(typed, 'pin')).toBe('123456');
    }
  });

  it('normalises passphrases to NFC and collapses spaces', () => {
    const composed = 'Crème brûlée';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(normaliseSecret(` ${decomposed}  `, 'passphrase')).toBe(composed);
    expect(normaliseSecret('a  b\tc', 'passphrase')).toBe('a b c');
  });

  it('unlocks with the same PIN typed on another keyboard', async () => {
    const vault = floorVault();
    const { keyring } = await vault.create('۱۲۳۴۵۶', 'pin');
    await vault.lock();
    await vault.unlock('123456', keyring.password);
    expect(await vault.isUnlocked()).toBe(true);
  });

  it('refuses a weak secret on create and rewrap', async () => {
    const vault = floorVault();
    expect(await codeOf(vault.create('12345', 'pin'))).toBe('weak-secret');
    expect(await vault.isUnlocked()).toBe(false);
    const { keyring } = await vault.create('passe-partout', 'passphrase');
    const proof = { by: 'current', secret: 'passe-partout', wrap: keyring.password } as const;
    expect(await codeOf(vault.rewrap('court', 'passphrase', proof))).toBe('weak-secret');
  });
});
