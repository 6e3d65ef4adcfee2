import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  WAKE_HORIZON_DAYS,
  WAKE_MAX_DAYS,
  paperStageDays,
  paperStageStarts,
  upcomingDays,
} from './reminder-days.ts';
import { paperReminders, reminderKey } from './reminders.ts';
import type { Entry } from './types.ts';

let n = 0;
const paper = (validUntil?: string): Entry => ({
  id: `e${++n}`,
  profileId: 'p',
  details: { kind: 'right', scheme: 'AME', ...(validUntil ? { validUntil } : {}) },
  provenance: 'patient',
  sensitive: false,
  createdAt: n,
  updatedAt: n,
});

const addDays = (day: string, k: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10);

/**
 * The days after `today`, up to the horizon, on which the summary opened that day would show
 * a paper's reminder stage it did not show the day before: what the open app would notify.
 */
function simulated(entries: Entry[], today: string): string[] {
  const days: string[] = [];
  let before = new Set(paperReminders(entries, today).map(reminderKey));
  for (let k = 1; k <= WAKE_HORIZON_DAYS; k++) {
    const day = addDays(today, k);
    const keys = new Set(paperReminders(entries, day).map(reminderKey));
    if ([...keys].some((key) => !before.has(key))) days.push(day);
    before = keys;
  }
  return days;
}

const upcoming = (entries: Entry[], today: string) => upcomingDays(paperStageDays(entries), today);

describe('the coming days a paper’s reminder reaches a stage', () => {
  it('a full end date: 30, 14 and 3 days before, and the day after', () => {
    expect(paperStageStarts('2026-04-30')).toEqual([
      '2026-03-31',
      '2026-04-16',
      '2026-04-27',
      '2026-05-01',
    ]);
    expect(upcoming([paper('2026-04-30')], '2026-03-01')).toEqual(paperStageStarts('2026-04-30'));
  });

  it('an end known only to the month: stages before its first day, past after its last', () => {
    expect(paperStageStarts('2026-04')).toEqual([
      '2026-03-02',
      '2026-03-18',
      '2026-03-29',
      '2026-05-01',
    ]);
    // February of a leap year ends on the 29th.
    expect(paperStageStarts('2028-02').at(-1)).toBe('2028-03-01');
  });

  it('an end known only to the year: from 30 days before 1 January, past on the next 1 January', () => {
    expect(paperStageStarts('2027')).toEqual([
      '2026-12-02',
      '2026-12-18',
      '2026-12-29',
      '2028-01-01',
    ]);
  });

  it('no day for a paper without an end, or an end that is not a date', () => {
    expect(paperStageDays([paper(), paper('soon'), paper('2026-13'), paper('2026-4-1')])).toEqual(
      [],
    );
  });

  it('a reminder under way: only its stages still to come; once ended, none', () => {
    // 10 days left: at the 14-day stage already; next the 3-day stage and the day after.
    expect(upcoming([paper('2026-03-11')], '2026-03-01')).toEqual(['2026-03-08', '2026-03-12']);
    // 2 days left: only the day it has ended.
    expect(upcoming([paper('2026-03-03')], '2026-03-01')).toEqual(['2026-03-04']);
    // Ends today: past tomorrow.
    expect(upcoming([paper('2026-03-01')], '2026-03-01')).toEqual(['2026-03-02']);
    // Ended: nothing more, ever.
    expect(upcoming([paper('2026-02-27'), paper('2025-12')], '2026-03-01')).toEqual([]);
    // A month under way: still at its last stage until its end; past after it.
    expect(upcoming([paper('2026-03')], '2026-03-10')).toEqual(['2026-04-01']);
  });

  it('never today nor a day before it; each day once, soonest first', () => {
    // Today is the 30-day stage of one and the 14-day stage of the other: left to the open app.
    const days = upcoming(
      [paper('2026-03-31'), paper('2026-03-15'), paper('2026-03-31')],
      '2026-03-01',
    );
    expect(days).toEqual(['2026-03-12', '2026-03-16', '2026-03-17', '2026-03-28', '2026-04-01']);
    expect(days.every((d) => d > '2026-03-01')).toBe(true);
  });

  it('keeps the next 400 days only, and at most WAKE_MAX_DAYS of them', () => {
    // The 30-day stage of a paper ending in 430 days is day 400: kept; one more day is not.
    expect(upcoming([paper(addDays('2026-03-01', 430))], '2026-03-01')).toEqual([
      addDays('2026-03-01', 400),
    ]);
    expect(upcoming([paper(addDays('2026-03-01', 431))], '2026-03-01')).toEqual([]);
    const many = Array.from({ length: 40 }, (_, k) => paper(addDays('2026-04-01', 3 * k)));
    const days = upcoming(many, '2026-03-01');
    expect(days).toHaveLength(WAKE_MAX_DAYS);
    expect(days).toEqual([...new Set(days)].sort());
    expect(days[0]).toBe('2026-03-02');
  });

  it('are exactly the days the summary would show a new stage (any end, any day)', () => {
    const day = fc.integer({ min: 0, max: 3 * 365 }).map((k) => addDays('2025-01-01', k));
    const end = fc.oneof(
      day,
      day.map((d) => d.slice(0, 7)),
      day.map((d) => d.slice(0, 4)),
    );
    fc.assert(
      fc.property(fc.array(end, { minLength: 1, maxLength: 3 }), day, (ends, today) => {
        const entries = ends.map((e) => paper(e));
        expect(upcoming(entries, today)).toEqual(simulated(entries, today));
      }),
      { numRuns: 60 },
    );
  });
});
