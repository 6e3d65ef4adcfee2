import { describe, expect, it } from 'vitest';
import type { Entry } from '../../record/types.ts';
import { adultPlan, childSchedule, isAdult, scheduleBirthDate } from './schedule.ts';

function vaccination(key: string, date?: string): Entry {
  return {
    id: `${key}-${date ?? 'x'}`,
    profileId: 'p',
    term: { system: 'http://hl7.org/fhir/sid/cvx', code: '0', key },
    details: { kind: 'vaccination', ...(date ? { date } : {}) },
    provenance: 'paper',
    sensitive: false,
    createdAt: 0,
    updatedAt: 0,
  };
}

const statusAt = (schedule: ReturnType<typeof childSchedule>, months: number) =>
  schedule.find((m) => (m.age.months ?? 0) + (m.age.years ?? 0) * 12 === months)!.doses;

describe('a child against the French schedule', () => {
  it('born 14 months ago with only the 2-month vaccine: the 11- and 12-month ones are overdue', () => {
    const schedule = childSchedule(
      '2025-10-04',
      [vaccination('vaccine.hexavalent', '2025-12-05')],
      '2026-12-04',
    );
    const twoMonths = statusAt(schedule, 2);
    expect(twoMonths.find((d) => d.vaccine === 'vaccine.hexavalent')).toMatchObject({
      status: 'done',
      doneOn: '2025-12-05',
    });
    expect(twoMonths.find((d) => d.vaccine === 'vaccine.pneumococcalConjugate')!.status).toBe(
      'overdue',
    );
    for (const d of [...statusAt(schedule, 11), ...statusAt(schedule, 12)]) {
      expect(d.status).toBe('overdue');
    }
    expect(statusAt(schedule, 16)[0]!.status).toBe('later');
    expect(statusAt(schedule, 12)[0]!.dueOn).toBe('2026-10-04');
  });

  it('a dose given a few days after its age is due, not overdue; a combined vaccine counts for each part', () => {
    const schedule = childSchedule(
      '2026-09-20',
      [
        vaccination('vaccine.pentavalent', '2026-11-21'),
        vaccination('vaccine.hepatitisB', '2026-11-21'),
      ],
      '2026-12-04',
    );
    expect(statusAt(schedule, 2).find((d) => d.vaccine === 'vaccine.hexavalent')!.status).toBe(
      'done',
    );
    expect(
      statusAt(schedule, 2).find((d) => d.vaccine === 'vaccine.pneumococcalConjugate')!.status,
    ).toBe('due');
  });

  it('an older meningococcal C dose counts toward ACWY; a vaccine typed by hand does not count', () => {
    const typed: Entry = {
      ...vaccination('vaccine.mmr', '2026-01-01'),
      term: undefined,
      text: 'ROR',
    };
    const schedule = childSchedule(
      '2024-06-01',
      [vaccination('vaccine.meningococcalC', '2024-12-01'), typed],
      '2026-12-04',
    );
    expect(statusAt(schedule, 6)[0]!.status).toBe('done');
    expect(statusAt(schedule, 12).find((d) => d.vaccine === 'vaccine.mmr')!.status).toBe('overdue');
  });
});

describe('an adult', () => {
  it('gets the catch-up for unknown vaccines and the next dTP booster', () => {
    expect(isAdult('1990-03-01', '2026-12-04')).toBe(true);
    const plan = adultPlan('1990-03-01', [vaccination('vaccine.dtp', '2005-05-01')], '2026-12-04');
    expect(plan.catchUp).toEqual([
      { vaccine: 'vaccine.dtcap', given: 1, needed: 3 },
      { vaccine: 'vaccine.mmr', given: 0, needed: 2 },
      { vaccine: 'vaccine.hepatitisB', given: 0, needed: 3 },
    ]);
    expect(plan.lastBooster).toEqual({ age: 25, done: false });
    expect(plan.nextBoosterAge).toBe(45);
  });

  it('born before 1980: no MMR catch-up; a recent dTP counts for the 45-year booster', () => {
    const plan = adultPlan('1978-01-10', [vaccination('vaccine.dtp', '2022-02-01')], '2026-12-04');
    expect(plan.catchUp.map((c) => c.vaccine)).not.toContain('vaccine.mmr');
    expect(plan.lastBooster).toEqual({ age: 45, done: true });
  });
});

describe('birth dates the schedule counts from', () => {
  it('takes a partial date from its first day and refuses what is not a date', () => {
    expect(scheduleBirthDate('2019-05-04')).toBe('2019-05-04');
    expect(scheduleBirthDate('2019-05')).toBe('2019-05-01');
    expect(scheduleBirthDate('2019')).toBe('2019-01-01');
    expect(scheduleBirthDate('mai 2019')).toBeUndefined();
    expect(scheduleBirthDate('2019-13-40')).toBeUndefined();
    expect(scheduleBirthDate(undefined)).toBeUndefined();
  });
});
