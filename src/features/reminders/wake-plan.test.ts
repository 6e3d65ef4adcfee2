import { describe, expect, it } from 'vitest';
import type { Entry, Profile } from '../../record/types.ts';
import { wakePlan } from './wake-plan.ts';

const person = (id: string, relation: Profile['relation'], birthDate: string): Profile => ({
  id,
  name: id,
  relation,
  birthDate,
  sex: 'unknown',
  language: 'prs',
  interpreterNeeded: true,
  createdAt: 1,
  updatedAt: 1,
});

const receipt = (id: string, profileId: string, validUntil: string): Entry => ({
  id,
  profileId,
  details: { kind: 'right', scheme: 'residence-receipt', number: 'R-33-0012', validUntil },
  provenance: 'patient',
  sensitive: false,
  createdAt: 1,
  updatedAt: 1,
});

const mother = person('mother', 'self', '1990-05-01');
// Born 2026-01-10: the 2-month doses fall due on 2026-03-10.
const baby = person('baby', 'child', '2026-01-10');

describe('the days left for the service worker', () => {
  it('papers only: their stage days, and the paper’s words', () => {
    const plan = wakePlan([mother], [receipt('e1', 'mother', '2026-03-31')], '2026-02-01');
    expect(plan).toEqual({
      days: ['2026-03-01', '2026-03-17', '2026-03-28', '2026-04-01'],
      papersOnly: true,
    });
  });

  it('papers and a child’s vaccines, every person’s, merged; then the general words', () => {
    const entries = [
      receipt('e1', 'mother', '2026-03-31'),
      // The same day's stages from two papers are one day.
      receipt('e2', 'baby', '2026-03-31'),
    ];
    const plan = wakePlan([mother, baby], entries, '2026-02-01');
    expect(plan.days).toEqual([
      '2026-02-08',
      '2026-02-24',
      '2026-03-01',
      '2026-03-07',
      '2026-03-11',
      '2026-03-17',
      '2026-03-28',
      '2026-04-01',
    ]);
    expect(plan.papersOnly).toBe(false);
  });

  it('nothing coming: no day at all', () => {
    expect(wakePlan([mother], [receipt('e1', 'mother', '2026-01-15')], '2026-02-01').days).toEqual(
      [],
    );
  });

  it('holds days only: no id, number, name or date of the paper itself', () => {
    const plan = wakePlan([mother, baby], [receipt('e1', 'mother', '2026-03-31')], '2026-02-01');
    const text = JSON.stringify(plan);
    for (const secret of ['e1', 'R-33-0012', 'mother', 'baby', '2026-03-31', '2026-03-10']) {
      expect(text).not.toContain(secret);
    }
  });
});
