import { describe, expect, it } from 'vitest';
import { KDF_FLOOR } from './kdf.ts';
import { Vault } from './vault.ts';
import type { OpenRequest } from './types.ts';
import { CryptoError } from './types.ts';
import { utf8Decode, utf8Encode } from './encoding.ts';

/** Test-only: the floor cost, fast enough for tests, refused below by the Vault itself. */
const fastVault = (): Vault => new Vault({ kdf: KDF_FLOOR });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('Vault', () => {
  it('creates, seals, locks, unlocks and opens', async () => {
    const vault = fastVault();
    const { keyring, recoveryCode } = await vault.create('123456', 'pin');
    expect(await vault.isUnlocked()).toBe(true);
    expect(recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    const [env] = await vault.seal([
      { table: 'entries', id: 'a', plaintext: utf8Encode('pénicilline') },
    ]);
    if (!env) throw new Error('no envelope');
    await vault.lock();
    expect(await vault.isUnlocked()).toBe(false);
    await vault.unlock('123456', keyring.password);
    const [plain] = await vault.open([{ table: 'entries', id: 'a', envelope: env }]);
    expect(utf8Decode(plain ?? new Uint8Array())).toBe('pénicilline');
  });

  it('refuses a wrong PIN with wrong-secret', async () => {
    const vault = fastVault();
    const { keyring } = await vault.create('123456', 'pin');
    await vault.lock();
    expect(await codeOf(vault.unlock('654321', keyring.password))).toBe('wrong-secret');
    expect(await vault.isUnlocked()).toBe(false);
  });

  it('seal and open throw locked when locked', async () => {
    const vault = fastVault();
    await vault.create('123456', 'pin');
    const envs = await vault.seal([{ table: 'entries', id: 'x', plaintext: new Uint8Array([1]) }]);
    await vault.lock();
    expect(
      await codeOf(vault.seal([{ table: 'entries', id: 'x', plaintext: new Uint8Array() }])),
    ).toBe('locked');
    const req: OpenRequest[] = envs.map((envelope) => ({ table: 'entries', id: 'x', envelope }));
    expect(await codeOf(vault.open(req))).toBe('locked');
    expect(await codeOf(vault.rewrap('999999', 'pin'))).toBe('locked');
  });
});
