import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { STORED_PROFILE } from './profile.test-helper.ts';
import { EntrySchema, ProfileSchema } from './schemas.ts';

/**
 * Records written by earlier versions must open unchanged: a schema only ever gains
 * optional fields and picklist values. These are stored shapes as earlier versions wrote them.
 */
describe('records saved before papers had an issuer and a start date', () => {
  const oldRight = {
    id: 'e1',
    profileId: 'p1',
    details: { kind: 'right', scheme: 'AME', number: '123 456', validUntil: '2025-06-30' },
    provenance: 'paper',
    sensitive: false,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };

  it('opens an old AME, PUMa, CSS or other right as it was', () => {
    for (const scheme of ['AME', 'PUMa', 'CSS', 'other']) {
      const stored = { ...oldRight, details: { ...oldRight.details, scheme } };
      expect(v.parse(EntrySchema, stored)).toEqual(stored);
    }
  });

  it('opens an old profile without remembered reminders', () => {
    const stored = { ...STORED_PROFILE, name: 'أمينة' };
    expect(v.parse(ProfileSchema, stored)).toEqual(stored);
  });

  it('takes the new papers and fields', () => {
    const paper = {
      ...oldRight,
      details: {
        kind: 'right',
        scheme: 'residence-receipt',
        number: 'R-7',
        issuer: 'Préfecture de la Gironde',
        validFrom: '2026-01-02',
        validUntil: '2026-07-01',
      },
    };
    expect(v.parse(EntrySchema, paper)).toEqual(paper);
  });

  it('still refuses a scheme it does not know', () => {
    const bad = { ...oldRight, details: { ...oldRight.details, scheme: 'passport' } };
    expect(v.safeParse(EntrySchema, bad).success).toBe(false);
  });
});
