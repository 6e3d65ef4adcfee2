import { FULL_DATE, REMINDER_THRESHOLDS, addDays, partialDateSpan } from './reminders.ts';
import type { Entry, IsoDate } from './types.ts';

/**
 * The calendar days on which a reminder reaches a new stage, worked out ahead so that a
 * phone on which Carnet stays closed can still be told (record/reminder-wake.ts keeps them
 * for the service worker). The inverse of the rules in reminders.ts (stageOf and
 * partialReminder): a test walks day by day and checks that these are exactly the days on
 * which paperReminders gives a stage it did not give the day before. They hold while the
 * record stays as it is; the app works them out again at each unlock and each change.
 * Days are the patient's calendar days, `YYYY-MM-DD`.
 */

/** How far ahead days are kept: far enough for the first stage of a paper renewed for a year. */
export const WAKE_HORIZON_DAYS = 400;

/** At most this many days are kept, the soonest: four stages for each of 16 papers or children. */
export const WAKE_MAX_DAYS = 64;

/**
 * The stage days of a reminder whose date falls between `first` and `last` (the same day
 * for a full date): 30, 14 and 3 days before the first, and the day after the last.
 */
function startsBetween(first: IsoDate, last: IsoDate): IsoDate[] {
  return [...REMINDER_THRESHOLDS.map((t) => addDays(first, -t)), addDays(last, 1)];
}

/**
 * The days a reminder about `date` (a full date) starts each stage: 30, 14 and 3 days before
 * it, and the day after it (`past`). Empty when `date` is not a date reminderFor accepts.
 */
export function stageStarts(date: IsoDate): IsoDate[] {
  if (!FULL_DATE.test(date) || Number.isNaN(Date.parse(date))) return [];
  return startsBetween(date, date);
}

/**
 * The days a paper's reminder starts each stage, from its end as written. A full date as
 * stageStarts; an end known only to the month or the year as partialReminder reminds it:
 * 30, 14 and 3 days before the first day it may end, and `past` the day after the last.
 */
export function paperStageStarts(validUntil: string): IsoDate[] {
  if (FULL_DATE.test(validUntil)) return stageStarts(validUntil);
  const span = partialDateSpan(validUntil);
  return span ? startsBetween(span.first, span.last) : [];
}

/** Every stage day of every paper or right with an end (any day, past ones too). */
export function paperStageDays(entries: readonly Entry[]): IsoDate[] {
  return entries.flatMap((e) =>
    e.details.kind === 'right' && e.details.validUntil
      ? paperStageStarts(e.details.validUntil)
      : [],
  );
}

/**
 * The days strictly after `today` and at most WAKE_HORIZON_DAYS after it, soonest first,
 * each once, at most WAKE_MAX_DAYS of them. Today itself is left out: the app, open now,
 * notifies today's stage itself.
 */
export function upcomingDays(days: Iterable<IsoDate>, today: IsoDate): IsoDate[] {
  const last = addDays(today, WAKE_HORIZON_DAYS);
  const kept = new Set<IsoDate>();
  for (const day of days) if (day > today && day <= last) kept.add(day);
  return [...kept].sort().slice(0, WAKE_MAX_DAYS);
}
