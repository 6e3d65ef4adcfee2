import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { floorVault } from '../crypto/test-helpers.ts';
import { openCarnetDb } from '../db/index.ts';
import { freshDbName } from '../db/test-db.ts';
import { startingCard } from './emergency-card.ts';
import { LOCK_SCREEN_KEY, readLockScreenCopy } from './emergency-copy.ts';
import { memoryStorage } from './emergency-test-storage.ts';
import { RecordError } from './errors.ts';
import { createLocalStore } from './local-store.ts';
import { STORED_PROFILE } from './profile.test-helper.ts';
import type { Entry, Profile } from './types.ts';

const self: Profile = STORED_PROFILE;
const child: Profile = { ...self, id: 'p2', name: 'Yusuf', relation: 'child' };
const entry = (id: string, text: string, profileId = 'p1'): Entry => ({
  id,
  profileId,
  text,
  textLang: 'ar',
  details: { kind: 'allergy', severity: 'severe' },
  provenance: 'patient',
  sensitive: false,
  createdAt: 1,
  updatedAt: 1,
});
const CONTACT = { name: 'Karim', phone: '0612345678', relation: 'partner' } as const;

let storage: Storage;
beforeEach(() => {
  storage = memoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

/** A store with the patient, a child, one allergy each, and a saved card (off the lock screen). */
async function withCard() {
  const name = freshDbName('emergency');
  const store = createLocalStore(floorVault(), () => openCarnetDb(name));
  const code = await store.create('123456', 'pin');
  await store.saveProfile(self);
  await store.saveProfile(child);
  await store.saveEntry(entry('e1', 'penicilline'));
  await store.saveEntry(entry('e2', 'arachide', 'p2'));
  const { entries } = await store.load();
  await store.emergency.save({ ...startingCard(self, entries), contact: CONTACT, updatedAt: 2 });
  return { store, code };
}

const texts = () => readLockScreenCopy(storage)?.items.map((i) => i.text);

describe('the emergency card and its lock-screen copy', () => {
  it('is sealed in the vault, and nothing of it is outside until the patient opts in', async () => {
    const { store } = await withCard();
    expect(await store.emergency.card()).toMatchObject({ entryIds: ['e1'], contact: CONTACT });
    expect(storage.getItem(LOCK_SCREEN_KEY)).toBeNull();
    expect(await store.emergency.onLockScreen()).toBe(false);
    // Changes to the record write nothing outside while the card is off the lock screen.
    await store.saveProfile({ ...self, bloodGroup: 'O+', updatedAt: 3 });
    await store.saveEntry({ ...entry('e1', 'pénicilline G'), updatedAt: 3 });
    expect(storage.getItem(LOCK_SCREEN_KEY)).toBeNull();
  });

  it('opting in writes the copy; changes to the card, its entries and its profile follow', async () => {
    const { store } = await withCard();
    await store.emergency.showOnLockScreen(true);
    expect(await store.emergency.onLockScreen()).toBe(true);
    expect(readLockScreenCopy(storage)).toEqual({
      v: 1,
      language: 'ar',
      interpreter: true,
      items: [{ kind: 'allergy', text: 'penicilline', textLang: 'ar' }],
      contact: CONTACT,
    });

    await store.saveEntry({ ...entry('e1', 'pénicilline G'), updatedAt: 3 });
    expect(texts()).toEqual(['pénicilline G']);
    await store.saveProfile({ ...self, bloodGroup: 'B+', interpreterNeeded: false, updatedAt: 3 });
    expect(readLockScreenCopy(storage)).toMatchObject({ bloodGroup: 'B+', interpreter: false });

    // An entry the card does not name stays off it; one the patient adds to the card goes on.
    const mild = (id: string, text: string): Entry => ({
      ...entry(id, text),
      details: { kind: 'allergy', severity: 'mild' },
    });
    await store.saveEntry(mild('e3', 'latex'));
    expect(texts()).toEqual(['pénicilline G']);
    const card = (await store.emergency.card())!;
    await store.emergency.save({ ...card, entryIds: ['e1', 'e3'], updatedAt: 4 });
    expect(texts()).toEqual(['pénicilline G', 'latex']);

    // A child's changes leave it alone; a deleted entry leaves the card.
    await store.deleteProfile('p2');
    await store.deleteEntry('e1');
    expect(texts()).toEqual(['latex']);
  });

  it('an allergy that becomes severe after the card is saved goes on it, and on the lock screen', async () => {
    const { store } = await withCard();
    await store.emergency.showOnLockScreen(true);
    // New and severe: on the card at once, whoever writes it.
    await store.saveEntry(entry('e3', 'latex'));
    expect((await store.emergency.card())?.entryIds).toEqual(['e1', 'e3']);
    expect(texts()).toEqual(['penicilline', 'latex']);
    // Raised from unknown to severe: on too.
    const unsure: Entry = {
      ...entry('e4', 'noix'),
      details: { kind: 'allergy', severity: 'unknown' },
    };
    await store.saveEntry(unsure);
    expect(texts()).toEqual(['penicilline', 'latex']);
    await store.saveEntry({ ...entry('e4', 'noix'), updatedAt: 5 });
    expect(texts()).toEqual(['penicilline', 'latex', 'noix']);
  });

  it('a severe allergy the patient took off the card stays off when edited', async () => {
    const { store } = await withCard();
    await store.saveEntry(entry('e3', 'latex'));
    const card = (await store.emergency.card())!;
    await store.emergency.save({ ...card, entryIds: ['e1'], updatedAt: 6 });
    await store.saveEntry({ ...entry('e3', 'latex (gants)'), updatedAt: 7 });
    expect((await store.emergency.card())?.entryIds).toEqual(['e1']);
  });

  it('a sensitive severe allergy, a child’s, or one before any card waits for the patient', async () => {
    const { store } = await withCard();
    await store.saveEntry({ ...entry('e3', 'latex'), sensitive: true });
    await store.saveEntry(entry('e4', 'oeuf', 'p2'));
    expect((await store.emergency.card())?.entryIds).toEqual(['e1']);

    const bare = createLocalStore(floorVault(), () => openCarnetDb(freshDbName('emergency')));
    await bare.create('123456', 'pin');
    await bare.saveProfile(self);
    await bare.saveEntry(entry('e1', 'penicilline'));
    expect(await bare.emergency.card()).toBeNull();
  });

  it('opting out removes the copy: nothing of the card is left in localStorage', async () => {
    const { store } = await withCard();
    await store.emergency.showOnLockScreen(true);
    await store.emergency.showOnLockScreen(false);
    expect(storage.getItem(LOCK_SCREEN_KEY)).toBeNull();
    expect(await store.emergency.onLockScreen()).toBe(false);
    for (let i = 0; i < storage.length; i++) {
      const value = storage.getItem(storage.key(i)!) ?? '';
      expect(value).not.toContain('penicilline');
      expect(value).not.toContain('Karim');
    }
    // And later changes do not bring it back.
    await store.saveEntry({ ...entry('e1', 'pénicilline G'), updatedAt: 3 });
    expect(storage.getItem(LOCK_SCREEN_KEY)).toBeNull();
  });

  it('deleting the card’s profile removes the copy', async () => {
    const { store } = await withCard();
    await store.emergency.showOnLockScreen(true);
    await store.deleteProfile('p1');
    expect(storage.getItem(LOCK_SCREEN_KEY)).toBeNull();
  });

  it('cannot be shown on the lock screen before a card is saved', async () => {
    const store = createLocalStore(floorVault(), () => openCarnetDb(freshDbName('emergency')));
    await store.create('123456', 'pin');
    await store.saveProfile(self);
    const failure = await store.emergency.showOnLockScreen(true).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RecordError);
    expect((failure as RecordError).code).toBe('not-found');
    expect(storage.getItem(LOCK_SCREEN_KEY)).toBeNull();
  });

  it('a restore that replaces the record removes the copy; the restored card starts off it', async () => {
    const { store, code } = await withCard();
    await store.emergency.showOnLockScreen(true);
    const file = await store.backup.save();
    const pending = await store.backup.restore(file, code);
    expect(storage.getItem(LOCK_SCREEN_KEY)).not.toBeNull();
    await pending.commit('654321', 'pin');
    expect(storage.getItem(LOCK_SCREEN_KEY)).toBeNull();
    expect(await store.emergency.card()).toMatchObject({ entryIds: ['e1'], contact: CONTACT });
    expect(await store.emergency.onLockScreen()).toBe(false);
  });
});
