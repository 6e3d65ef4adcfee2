import { describe, expect, it } from 'vitest';
import { declareNone, standingDeclarations, withdrawNone } from './declarations.ts';
import type { Entry, Profile } from './types.ts';

const profile: Profile = {
  id: 'p',
  name: 'Amal',
  relation: 'self',
  sex: 'female',
  language: 'ar',
  interpreterNeeded: true,
  createdAt: 0,
  updatedAt: 0,
};
const allergy = (profileId: string): Entry => ({
  id: `a-${profileId}`,
  profileId,
  text: 'pollen',
  details: { kind: 'allergy', severity: 'unknown' },
  provenance: 'patient',
  sensitive: false,
  createdAt: 0,
  updatedAt: 0,
});

describe('"no known ..." statements', () => {
  it('exist only when the patient made them', () => {
    expect(standingDeclarations(profile, [])).toEqual([]);
    const declared = declareNone(profile, 'allergy', 5);
    expect(declared.declaredNone).toEqual({ allergy: 5 });
    expect(standingDeclarations(declared, [])).toEqual(['allergy']);
  });

  it('stop counting as soon as the profile has an entry of that kind', () => {
    const declared = declareNone(declareNone(profile, 'allergy', 5), 'condition', 6);
    expect(standingDeclarations(declared, [allergy('p')])).toEqual(['condition']);
    // Another person's allergy (a child's) does not cancel the patient's statement.
    expect(standingDeclarations(declared, [allergy('child')])).toEqual(['allergy', 'condition']);
  });

  it('can be taken back, leaving the others', () => {
    const declared = declareNone(declareNone(profile, 'allergy', 5), 'medication', 6);
    const back = withdrawNone(declared, 'allergy', 7);
    expect(back.declaredNone).toEqual({ medication: 6 });
    expect(back.updatedAt).toBe(7);
    expect(withdrawNone(withdrawNone(back, 'medication', 8), 'medication', 9).declaredNone).toBe(
      undefined,
    );
    expect(withdrawNone(profile, 'allergy', 7)).toBe(profile);
  });
});
