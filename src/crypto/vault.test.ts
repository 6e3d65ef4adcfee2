import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Envelope, OpenRequest, PasswordWrap } from './types.ts';
import { isCryptoError } from './types.ts';
import { utf8Decode, utf8Encode } from './encoding.ts';
import { codeOf, floorVault } from './test-helpers.ts';

const note = (id: string, text: string) => ({ table: 'entries', id, plaintext: utf8Encode(text) });

describe('Vault', () => {
  it('creates unlocked, seals, locks, unlocks with the PIN and opens', async () => {
    const vault = floorVault();
    expect(await vault.isUnlocked()).toBe(false);
    const { keyring, recoveryCode } = await vault.create('123456', 'pin');
    expect(await vault.isUnlocked()).toBe(true);
    expect(keyring.password.kind).toBe('pin');
    expect(JSON.stringify(keyring)).not.toContain('123456');
    expect(recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    const [env] = await vault.seal([note('a', 'pénicilline')]);
    await vault.lock();
    expect(await vault.isUnlocked()).toBe(false);
    await vault.unlock('123456', keyring.password);
    const [plain] = await vault.open([{ table: 'entries', id: 'a', envelope: env as Envelope }]);
    expect(utf8Decode(plain ?? new Uint8Array())).toBe('pénicilline');
  });

  it('seals and opens a batch of 1,000 records', async () => {
    const vault = floorVault();
    await vault.create('123456', 'pin');
    const items = Array.from({ length: 1000 }, (_, i) => note(`id${i}`, `entry ${i}`));
    const envelopes = await vault.seal(items);
    const opened = await vault.open(
      envelopes.map((envelope, i) => ({ table: 'entries', id: `id${i}`, envelope })),
    );
    expect(opened.map(utf8Decode)).toEqual(items.map((_, i) => `entry ${i}`));
  });

  it('seals texts as UTF-8 with digests: each the SHA-256 of its envelope', async () => {
    const vault = floorVault();
    await vault.create('123456', 'pin');
    const ids = Array.from({ length: 50 }, (_, i) => `id${i}`);
    const texts = ids.map((_, i) => `{"note":"pénicilline ${'x'.repeat(i)}","script":"دارو"}`);
    const { envelopes, digests } = await vault.sealTexts('entries', ids, texts);
    expect(envelopes).toHaveLength(50);
    expect(digests).toHaveLength(50 * 32);
    envelopes.forEach((env, i) => {
      const expected = createHash('sha256').update(env).digest();
      expect(Buffer.from(digests.subarray(i * 32, (i + 1) * 32)).equals(expected)).toBe(true);
    });
    // The same plaintext bytes as sealing the text's UTF-8 with `seal`.
    const opened = await vault.open(
      envelopes.map((envelope, i) => ({ table: 'entries', id: ids[i]!, envelope })),
    );
    expect(opened.map(utf8Decode)).toEqual(texts);
    // Bound to its table and id like any envelope.
    expect(
      await codeOf(vault.open([{ table: 'entries', id: 'id1', envelope: envelopes[0]! }])),
    ).toBe('bad-envelope');
    expect(await vault.sealTexts('entries', [], [])).toEqual({
      envelopes: [],
      digests: new Uint8Array(0),
    });
    expect(await codeOf(vault.sealTexts('entries', ['a', 'b'], ['x']))).toBe('bad-input');
    expect(await codeOf(vault.sealTexts('entries', ['a'], [new Uint8Array(1) as never]))).toBe(
      'bad-input',
    );
    expect(await codeOf(vault.sealTexts('a/b', ['a'], ['x']))).toBe('bad-input');
    await vault.lock();
    expect(await codeOf(vault.sealTexts('entries', ['x'], ['y']))).toBe('locked');
  });

  it('refuses a wrong PIN or passphrase with wrong-secret and stays locked', async () => {
    const vault = floorVault();
    const { keyring } = await vault.create('correct horse battery', 'passphrase');
    await vault.lock();
    const error = await vault
      .unlock('correct horse batterie', keyring.password)
      .catch((e: unknown) => e);
    expect(isCryptoError(error, 'wrong-secret')).toBe(true);
    expect(await vault.isUnlocked()).toBe(false);
  });

  it('seal, open, rewrap and renewRecovery throw locked when locked', async () => {
    const vault = floorVault();
    await vault.create('123456', 'pin');
    const envelopes = await vault.seal([note('x', 'x')]);
    await vault.lock();
    const req: OpenRequest[] = envelopes.map((envelope) => ({
      table: 'entries',
      id: 'x',
      envelope,
    }));
    expect(await codeOf(vault.seal([note('x', 'y')]))).toBe('locked');
    expect(await codeOf(vault.open(req))).toBe('locked');
    expect(await codeOf(vault.openSettled(req))).toBe('locked');
    expect(await codeOf(vault.rewrap('999999', 'pin', { by: 'recovery' }))).toBe('locked');
    expect(await codeOf(vault.renewRecovery())).toBe('locked');
  });

  it('rewrap keeps data readable with the new secret and not the old one', async () => {
    const vault = floorVault();
    const { keyring } = await vault.create('123456', 'pin');
    const [env] = await vault.seal([note('r', 'kept')]);
    const newWrap = await vault.rewrap('une phrase secrète', 'passphrase', {
      by: 'current',
      secret: '123456',
      wrap: keyring.password,
    });
    expect(newWrap.kdf.salt).not.toBe(keyring.password.kdf.salt);
    await vault.lock();
    expect(await codeOf(vault.unlock('123456', newWrap))).toBe('wrong-secret');
    await vault.unlock('une phrase secrète', newWrap);
    const [plain] = await vault.open([{ table: 'entries', id: 'r', envelope: env as Envelope }]);
    expect(utf8Decode(plain ?? new Uint8Array())).toBe('kept');
  });

  it('rewrap asks for the current secret, in any digit set, and refuses a wrong one', async () => {
    const vault = floorVault();
    const { keyring } = await vault.create('٢٤٦٨١٣', 'pin');
    const current = (secret: string) =>
      ({ by: 'current', secret, wrap: keyring.password }) as const;
    expect(await codeOf(vault.rewrap('135790', 'pin', current('000000')))).toBe('wrong-secret');
    expect(await codeOf(vault.rewrap('135790', 'pin', { by: 'recovery' }))).toBe('secret-required');
    // A garbled proof from the other side of the worker boundary is a programming error.
    expect(await codeOf(vault.rewrap('135790', 'pin', null as never))).toBe('bad-input');
    expect(await vault.isUnlocked()).toBe(true);
    const newWrap = await vault.rewrap('135790', 'pin', current('246813'));
    await vault.lock();
    await vault.unlock('١٣٥٧٩٠', newWrap);
    expect(await vault.isUnlocked()).toBe(true);
  });

  it('rewrap refuses the wrap of another vault even when the secret opens it', async () => {
    const vault = floorVault();
    const other = floorVault();
    const { keyring: theirs } = await other.create('123456', 'pin');
    await vault.create('123456', 'pin');
    const proof = { by: 'current', secret: '123456', wrap: theirs.password } as const;
    expect(await codeOf(vault.rewrap('654321', 'pin', proof))).toBe('wrong-secret');
  });

  it('after the recovery code, rewrap needs no current secret, until the vault locks', async () => {
    const vault = floorVault();
    const { keyring, recoveryCode } = await vault.create('123456', 'pin');
    await vault.lock();
    await vault.unlockWithRecovery(recoveryCode, keyring.recovery);
    const newWrap = await vault.rewrap('135790', 'pin', { by: 'recovery' });
    await vault.lock();
    await vault.unlock('135790', newWrap);
    // Opened with the PIN now: the exemption is gone.
    expect(await codeOf(vault.rewrap('246813', 'pin', { by: 'recovery' }))).toBe('secret-required');
    await vault.lock();
    await vault.unlockWithRecovery(recoveryCode, keyring.recovery);
    await vault.lock();
    await vault.unlock('135790', newWrap);
    expect(await codeOf(vault.rewrap('246813', 'pin', { by: 'recovery' }))).toBe('secret-required');
  });

  it('openSettled reports a bad row without hiding the good ones', async () => {
    const vault = floorVault();
    await vault.create('123456', 'pin');
    const [a, b] = await vault.seal([note('a', 'A'), note('b', 'B')]);
    const results = await vault.openSettled([
      { table: 'entries', id: 'a', envelope: a as Envelope },
      { table: 'entries', id: 'a', envelope: b as Envelope },
    ]);
    expect(results[0]).toEqual({ ok: true, plaintext: utf8Encode('A') });
    expect(results[1]).toEqual({ ok: false, code: 'bad-envelope' });
    expect(await codeOf(vault.open([{ table: 'entries', id: 'a', envelope: b as Envelope }]))).toBe(
      'bad-envelope',
    );
  });

  it('refuses a relabelled, malformed or future wrap', async () => {
    const vault = floorVault();
    const { keyring } = await vault.create('12345678', 'pin');
    await vault.lock();
    const relabelled: PasswordWrap = { ...keyring.password, kind: 'passphrase' };
    expect(await codeOf(vault.unlock('12345678', relabelled))).toBe('wrong-secret');
    // v2 is the device-bound wrap (device-wrap.test.ts): v3 is the first unknown one.
    const future = { ...keyring.password, v: 3 } as unknown as PasswordWrap;
    expect(await codeOf(vault.unlock('12345678', future))).toBe('unsupported-version');
    const boundWithoutBinding = { ...keyring.password, v: 2 } as unknown as PasswordWrap;
    expect(await codeOf(vault.unlock('12345678', boundWithoutBinding))).toBe('bad-envelope');
    const broken = { ...keyring.password, wrapped: 'not*base64' } as unknown as PasswordWrap;
    expect(await codeOf(vault.unlock('12345678', broken))).toBe('bad-envelope');
    expect(await codeOf(vault.unlock('12345678', null as unknown as PasswordWrap))).toBe(
      'bad-envelope',
    );
    const recoveryAsPassword = { ...keyring.password, ...keyring.recovery } as PasswordWrap;
    expect(await codeOf(vault.unlock('12345678', recoveryAsPassword))).toBe('wrong-secret');
  });

  it('lock zeroes the key it held', async () => {
    const vault = floorVault();
    let seen: Uint8Array | undefined;
    await vault.create('123456', 'pin');
    await vault.withKey((_sodium, key) => {
      seen = key;
    });
    expect(seen?.some((b) => b !== 0)).toBe(true);
    await vault.lock();
    expect(seen?.every((b) => b === 0)).toBe(true);
  });
});
