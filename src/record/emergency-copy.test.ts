import { describe, expect, it } from 'vitest';
import type { EmergencyCard } from './emergency-card.ts';
import { lockScreenCopy, startingCard } from './emergency-card.ts';
import {
  LOCK_SCREEN_KEY,
  hasLockScreenCopy,
  parseLockScreenCopy,
  readLockScreenCopy,
  removeLockScreenCopy,
  writeLockScreenCopy,
} from './emergency-copy.ts';
import { memoryStorage } from './emergency-test-storage.ts';
import type { Entry, Profile } from './types.ts';

const self: Profile = {
  id: 'p1',
  name: 'آمنه رحیمی',
  officialName: { family: 'RAHIMI', given: 'Amina' },
  relation: 'self',
  birthDate: '1990-04-02',
  sex: 'female',
  language: 'prs',
  interpreterNeeded: true,
  bloodGroup: 'A-',
  createdAt: 1,
  updatedAt: 1,
};

const base = {
  profileId: 'p1',
  provenance: 'patient',
  sensitive: false,
  createdAt: 1,
  updatedAt: 1,
} as const;
const penicillin: Entry = {
  ...base,
  id: 'e-pen',
  term: { system: 'atc', code: 'J01C', key: 'allergy.penicillins' },
  details: { kind: 'allergy', severity: 'severe', reaction: 'گلو ورم کرد' },
};
const pollen: Entry = {
  ...base,
  id: 'e-pol',
  text: 'گرده',
  textLang: 'prs',
  details: { kind: 'allergy', severity: 'mild' },
};
const epilepsy: Entry = {
  ...base,
  id: 'e-epi',
  term: { system: 'icd10', code: 'G40', key: 'condition.epilepsy' },
  details: { kind: 'condition', active: true, since: '2010' },
  sensitive: true,
};
const oldProblem: Entry = {
  ...base,
  id: 'e-old',
  text: 'old',
  details: { kind: 'condition', active: false },
};
const warfarin: Entry = {
  ...base,
  id: 'e-war',
  term: { system: 'atc', code: 'B01AA03', key: 'medication.warfarin' },
  details: {
    kind: 'medication',
    current: true,
    prescriber: 'Dr X',
    dosage: { amount: 5, unit: 'mg' },
  },
};
const stopped: Entry = {
  ...base,
  id: 'e-stop',
  text: 'stopped',
  details: { kind: 'medication', current: false },
};
const childAllergy: Entry = {
  ...base,
  id: 'e-child',
  profileId: 'p2',
  text: 'arachide',
  details: { kind: 'allergy', severity: 'severe' },
};
const all = [warfarin, penicillin, pollen, epilepsy, oldProblem, stopped, childAllergy];

const card: EmergencyCard = {
  id: 'emergency',
  profileId: 'p1',
  entryIds: all.map((e) => e.id),
  contact: { name: 'Karim Rahimi', phone: '+33 6 12 34 56 78', relation: 'partner' },
  updatedAt: 5,
};

describe('the lock-screen copy', () => {
  it('holds exactly the fields listed in SECURITY.md, and nothing else', () => {
    const copy = lockScreenCopy(card, self, all);
    expect(copy).toEqual({
      v: 1,
      language: 'prs',
      interpreter: true,
      bloodGroup: 'A-',
      items: [
        { kind: 'allergy', key: 'allergy.penicillins' },
        { kind: 'allergy', text: 'گرده', textLang: 'prs' },
        { kind: 'condition', key: 'condition.epilepsy' },
        { kind: 'medication', key: 'medication.warfarin' },
      ],
      contact: { name: 'Karim Rahimi', phone: '+33 6 12 34 56 78', relation: 'partner' },
    });
    // No name, birth date, ids, codes, reactions, doses or prescribers anywhere in it.
    const text = JSON.stringify(copy);
    for (const absent of [
      'RAHIMI',
      'آمنه',
      '1990',
      'p1',
      'e-pen',
      'J01C',
      'G40',
      'B01AA03',
      'گلو',
      'Dr X',
      '2010',
    ])
      expect(text).not.toContain(absent);
  });

  it('leaves out what the card does not name, a child’s entries, resolved problems and stopped medicines', () => {
    const copy = lockScreenCopy(
      { ...card, entryIds: ['e-pen', 'e-old', 'e-stop', 'e-child', 'gone'] },
      self,
      all,
    );
    expect(copy.items).toEqual([{ kind: 'allergy', key: 'allergy.penicillins' }]);
  });

  it('says nothing of a blood group or a contact it does not have', () => {
    const { bloodGroup: _b, ...noGroup } = self;
    const { contact: _c, ...noContact } = card;
    const copy = lockScreenCopy({ ...noContact, entryIds: [] }, noGroup, all);
    expect(Object.keys(copy).sort()).toEqual(['interpreter', 'items', 'language', 'v']);
  });

  it('is stored under one key, read back, and removed without a trace', () => {
    const storage = memoryStorage();
    expect(readLockScreenCopy(storage)).toBeNull();
    expect(hasLockScreenCopy(storage)).toBe(false);
    const copy = lockScreenCopy(card, self, all);
    writeLockScreenCopy(copy, storage);
    expect(storage.length).toBe(1);
    expect(storage.key(0)).toBe(LOCK_SCREEN_KEY);
    expect(readLockScreenCopy(storage)).toEqual(copy);
    removeLockScreenCopy(storage);
    expect(storage.length).toBe(0);
    expect(hasLockScreenCopy(storage)).toBe(false);
  });

  it('reads nothing from a stored value that is not a copy this version knows', () => {
    for (const bad of [
      'not json',
      '[]',
      JSON.stringify({ v: 2, language: 'fr', interpreter: false, items: [] }),
      JSON.stringify({
        v: 1,
        language: 'fr',
        interpreter: false,
        items: [{ kind: 'note', text: 'x' }],
      }),
      JSON.stringify({ v: 1, language: 'fr', interpreter: false, items: [{ kind: 'allergy' }] }),
      JSON.stringify({ v: 1, language: 'fr', interpreter: false, bloodGroup: 'Z', items: [] }),
      JSON.stringify({
        v: 1,
        language: 'fr',
        interpreter: false,
        items: [],
        contact: { name: 'x' },
      }),
    ])
      expect(parseLockScreenCopy(bad)).toBeNull();
  });
});

describe('the card a patient starts from', () => {
  it('has the severe allergies of the patient ticked, and nothing else', () => {
    expect(startingCard(self, all).entryIds).toEqual(['e-pen']);
  });
});
