import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes, toBase64Url } from '../crypto/encoding.ts';
import { channelVault, codeOf, floorVault } from '../crypto/test-helpers.ts';
import type {
  DeviceBinding,
  DeviceSecret,
  FileVault,
  Keyring,
  VaultService,
} from '../crypto/types.ts';
import { getAttempts, getKeyring, openCarnetDb, putKeyring } from '../db/index.ts';
import { freshDbName } from '../db/test-db.ts';
import type { DeviceKeys } from './device-unlock.ts';
import { DeviceUnlockError } from './device-unlock.ts';
import { RecordError } from './errors.ts';
import { createVaultAccess } from './vault-access.ts';

/**
 * A phone's authenticator: credentials it made, each with its own PRF key. `gone()` is the
 * phone reset, or another phone: it answers like a browser whose credential is missing.
 */
function fakePhone(options: { prf?: boolean } = {}) {
  const credentials = new Map<string, Uint8Array>();
  const asked: string[] = [];
  const forgotten: string[] = [];
  let present = true;
  const secretOf = (b: DeviceBinding): DeviceSecret => {
    const key = credentials.get(b.credentialId);
    if (!present || !key) throw new DeviceUnlockError('refused');
    // Stands for HMAC(credential key, salt): the same binding always gives the same bytes.
    return Uint8Array.from(
      key,
      (k, i) => k ^ b.prfSalt.charCodeAt(i % b.prfSalt.length),
    ) as DeviceSecret;
  };
  const keys: DeviceKeys = {
    available: () => Promise.resolve(present),
    register: () => {
      if (!present) return Promise.reject(new DeviceUnlockError('refused'));
      if (options.prf === false) return Promise.reject(new DeviceUnlockError('unsupported'));
      const binding: DeviceBinding = {
        credentialId: toBase64Url(randomBytes(16)),
        prfSalt: toBase64Url(randomBytes(32)),
      };
      credentials.set(binding.credentialId, randomBytes(32));
      return Promise.resolve({ binding, secret: secretOf(binding) });
    },
    secret: (binding) => {
      asked.push(binding.credentialId);
      return Promise.resolve().then(() => secretOf(binding));
    },
    forget: (binding) => {
      forgotten.push(binding.credentialId);
      return Promise.resolve();
    },
  };
  return { keys, asked, forgotten, gone: () => (present = false), back: () => (present = true) };
}

const ended: (() => void)[] = [];
afterEach(() => {
  for (const end of ended.splice(0)) end();
});

/** The vault behind a real MessageChannel, as the app's worker: device secrets are transferred. */
function workerVault() {
  const client = channelVault();
  ended.push(() => client.terminate());
  return client;
}

/** A store's vault access on a fresh database, with `phone` as this phone's authenticator. */
function access(
  phone = fakePhone(),
  name = freshDbName('device'),
  vault: VaultService & FileVault & { terminate?(): void } = floorVault(),
) {
  let opened: ReturnType<typeof openCarnetDb> | undefined;
  const db = () => (opened ??= openCarnetDb(name));
  const store = createVaultAccess(vault, db, { deviceKeys: phone.keys });
  return { store, phone, db, name };
}

/** The code a call fails with: a RecordError's or a DeviceUnlockError's. */
async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return 'resolved';
  } catch (err) {
    if (err instanceof DeviceUnlockError) return `device:${err.code}`;
    if (err instanceof RecordError) return err.code;
    throw err;
  }
}

const storedKeyring = async (db: () => ReturnType<typeof openCarnetDb>) =>
  (await getKeyring(await db())) as Keyring;

describe('device unlock in the store', () => {
  it('links an open vault with the current PIN; then the phone is asked at each unlock', async () => {
    const { store, phone, db } = access();
    await store.create('482915', 'pin');
    expect(await store.device.state()).toBe('off');
    await store.device.link('482915');
    expect(await store.device.state()).toBe('on');
    const keyring = await storedKeyring(db);
    expect(keyring.password.v).toBe(2);
    await store.lock();
    await store.unlock('482915');
    expect(await store.isUnlocked()).toBe(true);
    expect(phone.asked).toHaveLength(1);
  });

  it('refuses to link with a wrong PIN, counts it, keeps the vault PIN-only and tidies the credential', async () => {
    const { store, phone, db } = access();
    await store.create('482915', 'pin');
    expect(await failure(store.device.link('000000'))).toBe('wrong-secret');
    expect(await getAttempts(await db())).toBe(1);
    expect(await store.device.state()).toBe('off');
    expect(phone.forgotten).toHaveLength(1);
  });

  it('without the phone the right PIN fails as the phone’s refusal, not as a wrong PIN', async () => {
    const { store, phone, db } = access();
    await store.create('482915', 'pin');
    await store.device.link('482915');
    await store.lock();
    phone.gone();
    expect(await failure(store.unlock('482915'))).toBe('device:refused');
    expect(await store.isUnlocked()).toBe(false);
    // Not a wrong attempt: the PIN was never tried.
    expect(await getAttempts(await db())).toBe(0);
  });

  it('a keyring copied to another phone does not open with the PIN; the recovery code does', async () => {
    const first = access();
    const code = await first.store.create('482915', 'pin');
    await first.store.device.link('482915');
    const copy = await storedKeyring(first.db);

    const other = access(fakePhone());
    await putKeyring(await other.db(), copy);
    expect(await failure(other.store.unlock('482915'))).toBe('device:refused');
    await other.store.unlockWithRecovery(code);
    expect(await other.store.unlockedWith()).toBe('recovery');
  });

  it('a wrong phone secret reads as a wrong attempt, counted like a wrong PIN', async () => {
    const first = access();
    await first.store.create('482915', 'pin');
    await first.store.device.link('482915');
    const copy = await storedKeyring(first.db);
    // A phone that answers for the credential id, with its own key: the copy's attacker.
    const impostor = fakePhone();
    const forged = await impostor.keys.register();
    const theirs: DeviceKeys = { ...impostor.keys, secret: () => Promise.resolve(forged.secret) };
    const other = access({ ...impostor, keys: theirs });
    await putKeyring(await other.db(), copy);
    expect(await failure(other.store.unlock('482915'))).toBe('wrong-secret');
    expect(await getAttempts(await other.db())).toBe(1);
  });

  it('old keyrings without device binding still unlock, and never ask the phone', async () => {
    const { store, phone } = access();
    await store.create('482915', 'pin');
    await store.lock();
    phone.gone();
    await store.unlock('482915');
    expect(await store.isUnlocked()).toBe(true);
    expect(phone.asked).toHaveLength(0);
  });

  it('changing the PIN keeps the phone; after the recovery code the new PIN is PIN-only', async () => {
    const { store, phone, db } = access();
    const code = await store.create('482915', 'pin');
    await store.device.link('482915');
    await store.changeSecret({ current: '482915', next: '730164', kind: 'pin' });
    expect((await storedKeyring(db)).password.v).toBe(2);
    await store.lock();
    await store.unlock('730164');

    await store.lock();
    phone.gone();
    await store.unlockWithRecovery(code);
    await store.changeSecret({ current: null, next: '904512', kind: 'pin' });
    expect(await store.device.state()).toBe('off');
    expect(phone.forgotten).toHaveLength(1);
    await store.lock();
    await store.unlock('904512');
    expect(await store.isUnlocked()).toBe(true);

    // The patient may link again, on this phone once it answers.
    phone.back();
    await store.device.link('904512');
    expect(await store.device.state()).toBe('on');
  });

  it('sets up a vault bound from the start; a phone that refuses leaves nothing behind', async () => {
    const refusing = access(fakePhone({ prf: false }));
    expect(await failure(refusing.store.device.create('482915', 'pin'))).toBe('device:unsupported');
    expect(await refusing.store.presence()).toEqual({ exists: false });
    // The PIN alone still sets it up.
    await refusing.store.create('482915', 'pin');
    expect(await refusing.store.device.state()).toBe('off');

    const { store } = access();
    const code = await store.device.create('482915', 'pin');
    expect(code.length).toBeGreaterThan(20);
    expect(await store.device.state()).toBe('on');
  });

  it('unlinks with the PIN and the phone; the PIN alone opens after', async () => {
    const { store, phone } = access();
    await store.create('482915', 'pin');
    await store.device.link('482915');
    expect(await failure(store.device.unlink('111111'))).toBe('wrong-secret');
    expect(await store.device.state()).toBe('on');
    await store.device.unlink('482915');
    expect(await store.device.state()).toBe('off');
    expect(phone.forgotten).toHaveLength(1);
    await store.lock();
    phone.gone();
    await store.unlock('482915');
    expect(await store.isUnlocked()).toBe(true);
  });

  it('works with the crypto worker between, where the phone’s secrets are transferred', async () => {
    const { store, phone } = access(fakePhone(), freshDbName('device'), workerVault());
    await store.device.create('482915', 'pin');
    await store.changeSecret({ current: '482915', next: '730164', kind: 'pin' });
    await store.lock();
    await store.unlock('730164');
    await store.device.unlink('730164');
    await store.device.link('730164');
    expect(await store.device.state()).toBe('on');
    expect(phone.asked.length).toBeGreaterThan(0);
  });

  it('does not ask the phone while a wrong-attempt wait runs', async () => {
    const { store, phone } = access();
    await store.create('482915', 'pin');
    await store.device.link('482915');
    await store.lock();
    for (let i = 0; i < 3; i++) expect(await failure(store.unlock('000000'))).toBe('wrong-secret');
    const asked = phone.asked.length;
    expect(await codeOf(store.unlock('482915'), RecordError)).toBe('throttled');
    expect(phone.asked).toHaveLength(asked);
  });
});
