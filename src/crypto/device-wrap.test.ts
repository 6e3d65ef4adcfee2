/**
 * Device-bound password wraps (v2): the vault key sealed under Argon2id(PIN) joined with a
 * WebAuthn PRF output from this phone. The PIN alone, or the PIN with another phone's
 * secret, must open nothing; PIN-only wraps (v1) keep working as before.
 */
import { describe, expect, it } from 'vitest';
import { randomBytes, toBase64Url, utf8Decode, utf8Encode } from './encoding.ts';
import { channelVault, codeOf, floorVault } from './test-helpers.ts';
import type {
  DeviceBinding,
  DeviceSeal,
  DeviceSecret,
  Envelope,
  Keyring,
  PasswordWrap,
} from './types.ts';
import frozen from './fixtures/v2-device-wrap-vectors.json';
import { loadSodium } from './sodium.ts';
import { unwrapWithPassword } from './wrap.ts';

/** One phone's authenticator, as the vault sees it: a fixed 32-byte PRF output per binding. */
function phone() {
  const prf = randomBytes(32);
  const binding: DeviceBinding = {
    credentialId: toBase64Url(randomBytes(16)),
    prfSalt: toBase64Url(randomBytes(32)),
  };
  // A fresh copy each time, as each WebAuthn answer is: the vault wipes what it is given.
  const secret = () => prf.slice() as DeviceSecret;
  const seal = (): DeviceSeal => ({ binding, secret: secret() });
  return { binding, secret, seal };
}

const note = (id: string, text: string) => ({ table: 'entries', id, plaintext: utf8Encode(text) });

/** A vault bound to `device` at creation, locked, with one sealed note. */
async function boundVault(device = phone()) {
  const vault = floorVault();
  const { keyring, recoveryCode } = await vault.create('482915', 'pin', device.seal());
  const [env] = await vault.seal([note('n', 'asthme')]);
  await vault.lock();
  return { vault, keyring, recoveryCode, device, env: env as Envelope };
}

/** The keyring as another phone would hold it after copying IndexedDB: its JSON, nothing more. */
const copied = (keyring: Keyring): Keyring => JSON.parse(JSON.stringify(keyring)) as Keyring;

describe('device-bound password wrap', () => {
  it('opens with the PIN and this phone’s secret, and stores only the binding', async () => {
    const { vault, keyring, env, device } = await boundVault();
    expect(keyring.password).toMatchObject({ v: 2, kind: 'pin', device: device.binding });
    expect(Object.keys(keyring.password).sort()).toEqual(
      ['device', 'kdf', 'kind', 'nonce', 'v', 'wrapped'].sort(),
    );
    await vault.unlock('482915', keyring.password, device.secret());
    const [plain] = await vault.open([{ table: 'entries', id: 'n', envelope: env }]);
    expect(utf8Decode(plain ?? new Uint8Array())).toBe('asthme');
  });

  it('refuses the right PIN alone, also when the wrap is relabelled as PIN-only', async () => {
    const { vault, keyring } = await boundVault();
    expect(await codeOf(vault.unlock('482915', keyring.password))).toBe('wrong-secret');
    const { device: _, ...rest } = keyring.password as PasswordWrap & { device: DeviceBinding };
    const relabelled = { ...rest, v: 1 } as PasswordWrap;
    expect(await codeOf(vault.unlock('482915', relabelled))).toBe('wrong-secret');
    expect(await vault.isUnlocked()).toBe(false);
  });

  it('refuses the right PIN with a wrong phone secret', async () => {
    const { vault, keyring } = await boundVault();
    const wrong = randomBytes(32) as DeviceSecret;
    expect(await codeOf(vault.unlock('482915', keyring.password, wrong))).toBe('wrong-secret');
    expect(await vault.isUnlocked()).toBe(false);
  });

  it('a keyring copied to another phone does not open with the PIN there', async () => {
    const { keyring } = await boundVault();
    const otherPhone = phone();
    const elsewhere = floorVault();
    const theCopy = copied(keyring);
    expect(await codeOf(elsewhere.unlock('482915', theCopy.password))).toBe('wrong-secret');
    expect(await codeOf(elsewhere.unlock('482915', theCopy.password, otherPhone.secret()))).toBe(
      'wrong-secret',
    );
    // The recovery wrap is not device-bound: the printed code still opens the copy.
  });

  it('the recovery code still opens a device-bound vault, on any phone', async () => {
    const { keyring, recoveryCode, env } = await boundVault();
    const elsewhere = floorVault();
    await elsewhere.unlockWithRecovery(recoveryCode, copied(keyring).recovery);
    const [plain] = await elsewhere.open([{ table: 'entries', id: 'n', envelope: env }]);
    expect(utf8Decode(plain ?? new Uint8Array())).toBe('asthme');
  });

  it('PIN-only wraps (v1) still unlock without any phone secret, and refuse one', async () => {
    const vault = floorVault();
    const { keyring } = await vault.create('482915', 'pin');
    expect(keyring.password.v).toBe(1);
    await vault.lock();
    expect(await codeOf(vault.unlock('482915', keyring.password, phone().secret()))).toBe(
      'bad-input',
    );
    await vault.unlock('482915', keyring.password);
    expect(await vault.isUnlocked()).toBe(true);
  });

  it('wipes every phone secret it is handed, opened or refused', async () => {
    const { vault, keyring, device } = await boundVault();
    const refused = randomBytes(32) as DeviceSecret;
    await codeOf(vault.unlock('000000', keyring.password, refused));
    const used = device.secret();
    await vault.unlock('482915', keyring.password, used);
    expect([...refused, ...used].every((b) => b === 0)).toBe(true);
  });

  it('refuses a malformed binding or a phone secret of the wrong size', async () => {
    const { vault, keyring, device } = await boundVault();
    const short = randomBytes(16) as DeviceSecret;
    expect(await codeOf(vault.unlock('482915', keyring.password, short))).toBe('bad-input');
    const badSalt = {
      ...keyring.password,
      device: { ...device.binding, prfSalt: toBase64Url(randomBytes(8)) },
    } as PasswordWrap;
    expect(await codeOf(vault.unlock('482915', badSalt, device.secret()))).toBe('bad-envelope');
    const noId = { ...keyring.password, device: { prfSalt: device.binding.prfSalt } };
    expect(await codeOf(vault.unlock('482915', noId as PasswordWrap, device.secret()))).toBe(
      'bad-envelope',
    );
    const future = { ...keyring.password, v: 3 } as unknown as PasswordWrap;
    expect(await codeOf(vault.unlock('482915', future, device.secret()))).toBe(
      'unsupported-version',
    );
  });
});

describe('binding and unbinding an open vault', () => {
  it('binds a PIN-only vault to this phone with the current PIN, keeping its salt', async () => {
    const vault = floorVault();
    const { keyring } = await vault.create('482915', 'pin');
    const device = phone();
    const bound = await vault.rebindDevice(
      { by: 'current', secret: '482915', wrap: keyring.password },
      device.seal(),
    );
    expect(bound).toMatchObject({ v: 2, device: device.binding, kdf: keyring.password.kdf });
    await vault.lock();
    expect(await codeOf(vault.unlock('482915', bound))).toBe('wrong-secret');
    await vault.unlock('482915', bound, device.secret());
    expect(await vault.isUnlocked()).toBe(true);
  });

  it('refuses to bind with a wrong PIN, and wipes the phone secret all the same', async () => {
    const vault = floorVault();
    const { keyring } = await vault.create('482915', 'pin');
    const seal = phone().seal();
    const proof = { by: 'current', secret: '111111', wrap: keyring.password } as const;
    expect(await codeOf(vault.rebindDevice(proof, seal))).toBe('wrong-secret');
    expect(seal.secret.every((b) => b === 0)).toBe(true);
  });

  it('refuses to bind a wrap of another vault, even with its own PIN', async () => {
    const vault = floorVault();
    await vault.create('482915', 'pin');
    const other = await floorVault().create('482915', 'pin');
    const proof = { by: 'current', secret: '482915', wrap: other.keyring.password } as const;
    expect(await codeOf(vault.rebindDevice(proof, phone().seal()))).toBe('wrong-secret');
  });

  it('unbinds with the PIN and this phone’s secret; the PIN alone then opens', async () => {
    const { vault, keyring, device } = await boundVault();
    await vault.unlock('482915', keyring.password, device.secret());
    const proof = { by: 'current', secret: '482915', wrap: keyring.password } as const;
    expect(await codeOf(vault.rebindDevice(proof, null))).toBe('wrong-secret');
    const free = await vault.rebindDevice({ ...proof, device: device.secret() }, null);
    expect(free.v).toBe(1);
    expect(free).not.toHaveProperty('device');
    await vault.lock();
    await vault.unlock('482915', free);
    expect(await vault.isUnlocked()).toBe(true);
  });

  it('a new PIN keeps the phone when asked to; after the recovery code it is PIN-only', async () => {
    const { vault, keyring, recoveryCode, device } = await boundVault();
    await vault.unlock('482915', keyring.password, device.secret());
    const changed = await vault.rewrap(
      '730164',
      'pin',
      { by: 'current', secret: '482915', wrap: keyring.password, device: device.secret() },
      device.seal(),
    );
    expect(changed).toMatchObject({ v: 2, device: device.binding });
    await vault.lock();
    expect(await codeOf(vault.unlock('730164', changed))).toBe('wrong-secret');
    await vault.unlock('730164', changed, device.secret());

    await vault.lock();
    await vault.unlockWithRecovery(recoveryCode, keyring.recovery);
    const afterRecovery = await vault.rewrap('904512', 'pin', { by: 'recovery' });
    expect(afterRecovery.v).toBe(1);
    await vault.lock();
    await vault.unlock('904512', afterRecovery);
    expect(await vault.isUnlocked()).toBe(true);
  });

  it('changing the PIN of a bound vault needs this phone’s secret for the current one', async () => {
    const { vault, keyring, device } = await boundVault();
    await vault.unlock('482915', keyring.password, device.secret());
    const proof = { by: 'current', secret: '482915', wrap: keyring.password } as const;
    expect(await codeOf(vault.rewrap('730164', 'pin', proof))).toBe('wrong-secret');
  });
});

describe('device secrets across the worker boundary', () => {
  it('are transferred, not copied: nothing of them stays with the caller', async () => {
    const client = channelVault();
    try {
      const device = phone();
      const seal = device.seal();
      const { keyring } = await client.create('482915', 'pin', seal);
      expect(seal.secret.byteLength).toBe(0);
      await client.lock();
      const secret = device.secret();
      await client.unlock('482915', keyring.password, secret);
      expect(secret.byteLength).toBe(0);
      expect(await client.isUnlocked()).toBe(true);
    } finally {
      client.terminate();
    }
  });
});

describe('frozen v2 device-bound wrap', () => {
  it('unwraps the vault key with the fixed PIN and phone secret, and not without it', async () => {
    const sodium = await loadSodium();
    const wrap = frozen.wrap as PasswordWrap;
    const secret = () =>
      Uint8Array.from(Buffer.from(frozen.deviceSecretHex, 'hex')) as DeviceSecret;
    const key = unwrapWithPassword(sodium, frozen.pin, wrap, secret());
    expect(Buffer.from(key).toString('hex')).toBe(frozen.vaultKeyHex);
    expect(await codeOf(() => unwrapWithPassword(sodium, frozen.pin, wrap))).toBe('wrong-secret');
  });
});
