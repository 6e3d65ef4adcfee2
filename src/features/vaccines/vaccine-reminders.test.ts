import { describe, expect, it } from 'vitest';
import { unnotified, withShown } from '../../record/reminders.ts';
import type { Entry, Profile } from '../../record/types.ts';
import { vaccineReminders } from './vaccine-reminders.ts';

const child = (id: string, birthDate: string): Profile => ({
  id,
  name: id,
  relation: 'child',
  birthDate,
  sex: 'unknown',
  language: 'prs',
  interpreterNeeded: true,
  createdAt: 1,
  updatedAt: 1,
});

const given = (profileId: string, key: string, date: string): Entry => ({
  id: `${profileId}-${key}-${date}`,
  profileId,
  term: { system: 'http://hl7.org/fhir/sid/cvx', code: '0', key },
  details: { kind: 'vaccination', date },
  provenance: 'paper',
  sensitive: false,
  createdAt: 0,
  updatedAt: 0,
});

describe('vaccine reminders', () => {
  it('reminds each child on their own profile: one due now, one due within 30 days', () => {
    // Born 2026-01-10: the 2-month doses fell due on 2026-03-10.
    const baby = child('baby', '2026-01-10');
    // Born 2025-12-15: every dose up to 2 months given; the 3-month ones fall due 2026-03-15.
    const older = child('older', '2025-12-15');
    const entries = [
      given('older', 'vaccine.hexavalent', '2026-02-15'),
      given('older', 'vaccine.pneumococcalConjugate', '2026-02-15'),
      given('older', 'vaccine.rotavirus', '2026-02-15'),
    ];
    const reminders = vaccineReminders([baby, older], entries, '2026-03-12');
    expect(reminders.map((r) => [r.profileId, r.date, r.daysLeft, r.stage, r.doses])).toEqual([
      ['baby', '2026-03-10', -2, 'past', 3],
      ['older', '2026-03-15', 3, '3', 0],
    ]);
  });

  it('says nothing for a child up to date, an adult, or a child without a birth date', () => {
    const adult: Profile = { ...child('me', '1990-05-01'), relation: 'self' };
    const { birthDate: _none, ...undated } = child('undated', '2026-01-01');
    const upToDate = child('ok', '2026-01-10');
    expect(vaccineReminders([adult, undated, upToDate], [], '2026-02-01')).toEqual([]);
  });

  it('notifies once per stage for each child, and again for the next dose', () => {
    let baby = child('baby', '2026-01-10');
    const seen: string[] = [];
    let entries: Entry[] = [];
    for (const [day, vaccinated] of [
      ['2026-02-08', false], // 2-month doses in 30 days
      ['2026-02-09', false],
      ['2026-02-24', false], // 14 days
      ['2026-03-09', false], // 1 day: the 3-day stage
      ['2026-03-10', true], // vaccinated that day: the 3-month doses are 31 days away
      ['2026-03-11', false],
    ] as const) {
      if (vaccinated) {
        entries = ['vaccine.hexavalent', 'vaccine.pneumococcalConjugate', 'vaccine.rotavirus'].map(
          (key) => given('baby', key, day),
        );
      }
      const current = vaccineReminders([baby], entries, day);
      const due = unnotified(current, [baby]);
      seen.push(...due.map((r) => `${day}:${r.date}:${r.stage}`));
      baby = withShown(baby, due, current);
    }
    expect(seen).toEqual([
      '2026-02-08:2026-03-10:30',
      '2026-02-24:2026-03-10:14',
      '2026-03-09:2026-03-10:3',
      // The 3-month doses (2026-04-10) are 31 days away on the day of the 2-month ones.
      '2026-03-11:2026-04-10:30',
    ]);
  });
});
