import { describe, expect, it } from 'vitest';
import { codeOf as failureCode, floorVault } from '../crypto/test-helpers.ts';
import {
  getAllSealed,
  getKeyring,
  getAttempts,
  openCarnetDb,
  peekKeyring,
  putSealed,
} from '../db/index.ts';
import { freshDbName } from '../db/test-db.ts';
import { RecordError } from './errors.ts';
import { createLocalStore } from './local-store.ts';
import type { Entry, Profile } from './types.ts';

function setup() {
  const name = freshDbName('store-test');
  const vault = floorVault();
  const store = createLocalStore(vault, () => openCarnetDb(name));
  return { store, vault, db: () => openCarnetDb(name) };
}

const profile = (id = 'p1'): Profile => ({
  id,
  name: 'Amina',
  relation: 'self',
  sex: 'female',
  language: 'prs',
  interpreterNeeded: true,
  createdAt: 1,
  updatedAt: 1,
});

const allergy = (id = 'e1', profileId = 'p1'): Entry => ({
  id,
  profileId,
  term: { system: 'atc', code: 'J01C', key: 'allergy.penicillins' },
  details: { kind: 'allergy', severity: 'severe' },
  provenance: 'paper',
  sensitive: false,
  createdAt: 1,
  updatedAt: 2,
});

/** The RecordError code a call fails with (any other error fails the test). */
const codeOf = (run: Promise<unknown>) => failureCode(run, RecordError);

describe('local store', () => {
  it('reports no vault, creates one, and opens with the PIN after a lock', async () => {
    const { store } = setup();
    expect(await store.presence()).toEqual({ exists: false });
    expect(await codeOf(store.unlock('123456'))).toBe('no-vault');
    const code = await store.create('123456', 'pin');
    expect(code.length).toBeGreaterThan(20);
    expect(await store.presence()).toEqual({ exists: true, kind: 'pin' });
    await store.saveProfile(profile());
    await store.saveEntry(allergy());
    await store.lock();
    expect(await codeOf(store.load())).toBe('locked');
    await store.unlock('123456');
    const loaded = await store.load();
    expect(loaded.profiles).toEqual([profile()]);
    expect(loaded.entries).toEqual([allergy()]);
    expect(loaded.unreadable).toBe(0);
  });

  it('answers presence by peeking, without opening the database, until it is needed', async () => {
    const name = freshDbName('store-test');
    let opens = 0;
    const openDb = () => {
      opens++;
      return openCarnetDb(name);
    };
    const fresh = () => createLocalStore(floorVault(), openDb, () => peekKeyring(name));
    const first = fresh();
    expect(await first.presence()).toEqual({ exists: false });
    expect(opens).toBe(0);
    await first.create('123456', 'pin');
    expect(await first.presence()).toEqual({ exists: true, kind: 'pin' });
    // A reload: the first screen knows what opens the vault before Dexie is loaded.
    const opensBefore = opens;
    expect(await fresh().presence()).toEqual({ exists: true, kind: 'pin' });
    expect(opens).toBe(opensBefore);
  });

  it('refuses to create a second vault over the first', async () => {
    const { store } = setup();
    await store.create('123456', 'pin');
    expect(await codeOf(store.create('654321', 'pin'))).toBe('unavailable');
  });

  it('counts wrong PINs across instances and makes the patient wait after the third', async () => {
    const { store, db } = setup();
    await store.create('123456', 'pin');
    await store.lock();
    for (let i = 0; i < 2; i++) expect(await codeOf(store.unlock('000000'))).toBe('wrong-secret');
    const third = await store.unlock('000000').catch((e: unknown) => e);
    expect(third).toBeInstanceOf(RecordError);
    expect((third as RecordError).details.retryAfterMs).toBe(5_000);
    // A reload (a new store over the same database) still has to wait.
    const again = createLocalStore(floorVault(), db);
    expect(await again.retryAfterMs()).toBeGreaterThan(0);
    expect(await codeOf(again.unlock('123456'))).toBe('throttled');
  });

  it('forgets the failures after a successful unlock', async () => {
    const { store } = setup();
    await store.create('123456', 'pin');
    await store.lock();
    await codeOf(store.unlock('000000'));
    await store.unlock('123456');
    expect(await store.retryAfterMs()).toBe(0);
  });

  it('opens with the recovery code and then with a new PIN only', async () => {
    const { store } = setup();
    const code = await store.create('123456', 'pin');
    await store.lock();
    expect(await store.unlockedWith()).toBeNull();
    expect(await codeOf(store.unlockWithRecovery('AAAA-BBBB'))).toBe('bad-recovery-code');
    await store.unlockWithRecovery(code.toLowerCase());
    expect(await store.unlockedWith()).toBe('recovery');
    // The patient has forgotten the PIN: no current one is asked.
    await store.changeSecret({ current: null, next: 'correct horse battery', kind: 'passphrase' });
    await store.lock();
    expect(await codeOf(store.unlock('123456'))).toBe('wrong-secret');
    await store.unlock('correct horse battery');
    expect(await store.unlockedWith()).toBe('secret');
    expect(await store.presence()).toEqual({ exists: true, kind: 'passphrase' });
  });

  it('changes the PIN only with the current one, and a wrong one changes nothing', async () => {
    const { store, db } = setup();
    await store.create('١٢٣٤٥٦', 'pin');
    expect(await store.unlockedWith()).toBe('secret');
    const before = await getKeyring(await db());
    expect(await codeOf(store.changeSecret({ current: null, next: '654321', kind: 'pin' }))).toBe(
      'wrong-secret',
    );
    const wrong = await store
      .changeSecret({ current: '000000', next: '654321', kind: 'pin' })
      .catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(RecordError);
    expect((wrong as RecordError).code).toBe('wrong-secret');
    expect(await getKeyring(await db())).toEqual(before);
    // A weak new PIN is refused before the current one is checked, and is not counted.
    expect(await codeOf(store.changeSecret({ current: '000000', next: '1234', kind: 'pin' }))).toBe(
      'weak-secret',
    );
    expect(await getAttempts(await db())).toBe(1);
    // The current PIN typed in Latin digits is the one created in Arabic-Indic digits.
    await store.changeSecret({ current: '123456', next: '۶۵۴۳۲۱', kind: 'pin' });
    expect(await getAttempts(await db())).toBe(0);
    await store.lock();
    expect(await codeOf(store.unlock('123456'))).toBe('wrong-secret');
    await store.unlock('654321');
    expect(await store.isUnlocked()).toBe(true);
  });

  it('counts wrong current PINs with the unlock attempts and makes the patient wait', async () => {
    const { store } = setup();
    await store.create('123456', 'pin');
    const change = (current: string) =>
      store.changeSecret({ current, next: '654321', kind: 'pin' });
    expect(await codeOf(change('000000'))).toBe('wrong-secret');
    expect(await codeOf(change('000000'))).toBe('wrong-secret');
    const third = await change('000000').catch((e: unknown) => e);
    expect((third as RecordError).details.retryAfterMs).toBe(5_000);
    // Even the right PIN waits, as at the unlock screen; and the wait outlives a lock.
    expect(await codeOf(change('123456'))).toBe('throttled');
    await store.lock();
    expect(await codeOf(store.unlock('123456'))).toBe('throttled');
    expect(await store.retryAfterMs()).toBeGreaterThan(0);
  });

  it('never writes plaintext: no name, term or profile id in the stored rows', async () => {
    const { store, db } = setup();
    await store.create('123456', 'pin');
    await store.saveProfile(profile());
    await store.saveEntry(allergy());
    const rows = [
      ...(await getAllSealed(await db(), 'profiles')),
      ...(await getAllSealed(await db(), 'entries')),
    ];
    const text = rows.map((r) => `${r.id} ${Buffer.from(r.env).toString('latin1')}`).join(' ');
    for (const clear of ['Amina', 'J01C', 'penicillin', 'p1"', 'allergy', 'severe']) {
      expect(text).not.toContain(clear);
    }
  });

  it('refuses an invalid entry and stores nothing', async () => {
    const { store, db } = setup();
    await store.create('123456', 'pin');
    const bad = { ...allergy(), term: undefined, text: '   ' };
    const err = await store.saveEntry(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordError);
    expect((err as RecordError).details.fields).toEqual({ text: 'required' });
    expect(await getAllSealed(await db(), 'entries')).toEqual([]);
  });

  it('counts a tampered or moved row as unreadable and shows the rest', async () => {
    const { store, db } = setup();
    await store.create('123456', 'pin');
    await store.saveEntry(allergy('e1'));
    await store.saveEntry(allergy('e2'));
    const d = await db();
    const [first, second] = await getAllSealed(d, 'entries');
    // Copy one row's ciphertext over the other: AEAD binds the row id, so it must fail.
    await putSealed(d, 'entries', [{ ...second!, env: first!.env }]);
    const loaded = await store.load();
    expect(loaded.entries.map((e) => e.id)).toEqual([first!.id]);
    expect(loaded.unreadable).toBe(1);
  });

  it('deletes a profile with all of its entries, and nothing else', async () => {
    const { store } = setup();
    await store.create('123456', 'pin');
    await store.saveProfile(profile('p1'));
    await store.saveProfile({ ...profile('p2'), relation: 'child', name: 'Child' });
    await store.saveEntry(allergy('e1', 'p1'));
    await store.saveEntry(allergy('e2', 'p2'));
    await store.deleteProfile('p2');
    const loaded = await store.load();
    expect(loaded.profiles.map((p) => p.id)).toEqual(['p1']);
    expect(loaded.entries.map((e) => e.id)).toEqual(['e1']);
  });

  it('keeps the lock setting in clear, readable before unlock', async () => {
    const { store } = setup();
    expect(await store.settings()).toEqual({ lockAfterMinutes: 5 });
    await store.saveSettings({ lockAfterMinutes: 2 });
    expect(await store.settings()).toEqual({ lockAfterMinutes: 2 });
  });
});
