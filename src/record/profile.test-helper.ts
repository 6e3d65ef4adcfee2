import type { Profile } from './types.ts';

/**
 * For tests: the patient's own profile as Carnet has stored it since its first version.
 * A schema only ever gains optional fields, so this stays a valid `Profile` and must always
 * open unchanged (schemas.test.ts); other tests save it as the patient's profile.
 */
export const STORED_PROFILE = {
  id: 'p1',
  name: 'Amina',
  relation: 'self',
  sex: 'female',
  language: 'ar',
  interpreterNeeded: true,
  createdAt: 1,
  updatedAt: 1,
} as const satisfies Profile;
