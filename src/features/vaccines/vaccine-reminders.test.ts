import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { upcomingDays, WAKE_HORIZON_DAYS } from '../../record/reminder-days.ts';
import { reminderKey, unnotified, withShown } from '../../record/reminders.ts';
import type { Entry, Profile } from '../../record/types.ts';
import { vaccineReminders, vaccineStageDays } from './vaccine-reminders.ts';

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

const addDays = (day: string, k: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10);

/** The days after `today` on which vaccineReminders gives a stage it did not give the day before. */
function simulated(profiles: Profile[], entries: Entry[], today: string): string[] {
  const days: string[] = [];
  let before = new Set(vaccineReminders(profiles, entries, today).map(reminderKey));
  for (let k = 1; k <= WAKE_HORIZON_DAYS; k++) {
    const day = addDays(today, k);
    const keys = new Set(vaccineReminders(profiles, entries, day).map(reminderKey));
    if ([...keys].some((key) => !before.has(key))) days.push(day);
    before = keys;
  }
  return days;
}

const TWO_MONTHS = ['vaccine.hexavalent', 'vaccine.pneumococcalConjugate', 'vaccine.rotavirus'];

describe('the coming days a child’s vaccine reminder reaches a stage', () => {
  it('the stages of the first dose not given: 30, 14, 3 days before its due date, and the day after', () => {
    // Born 2026-01-10: the 2-month doses fall due on 2026-03-10.
    const baby = child('baby', '2026-01-10');
    expect(upcomingDays(vaccineStageDays([baby], [], '2026-01-20'), '2026-01-20')).toEqual([
      '2026-02-08',
      '2026-02-24',
      '2026-03-07',
      '2026-03-11',
    ]);
    // Once given, the 3-month doses (2026-04-10) are next.
    const entries = TWO_MONTHS.map((key) => given('baby', key, '2026-03-10'));
    expect(upcomingDays(vaccineStageDays([baby], entries, '2026-03-10'), '2026-03-10')).toEqual([
      '2026-03-11',
      '2026-03-27',
      '2026-04-07',
      '2026-04-11',
    ]);
  });

  it('none for a dose already late, an adult, or a child without a birth date', () => {
    const late = child('late', '2025-06-01');
    const adult: Profile = { ...child('me', '1990-05-01'), relation: 'self' };
    const { birthDate: _none, ...undated } = child('undated', '2026-01-01');
    expect(
      upcomingDays(vaccineStageDays([late, adult, undated], [], '2026-03-01'), '2026-03-01'),
    ).toEqual([]);
  });

  it('are exactly the days the summary would show a new stage, while nothing is recorded', () => {
    const day = fc.integer({ min: 0, max: 2 * 365 }).map((k) => addDays('2025-01-01', k));
    fc.assert(
      fc.property(day, day, fc.boolean(), (born, today, vaccinated) => {
        const baby = child('baby', born);
        const entries = vaccinated ? TWO_MONTHS.map((key) => given('baby', key, born)) : [];
        expect(upcomingDays(vaccineStageDays([baby], entries, today), today)).toEqual(
          simulated([baby], entries, today),
        );
      }),
      { numRuns: 20 },
    );
  });
});
