import { stageStarts } from '../../record/reminder-days.ts';
import type { Reminder } from '../../record/reminders.ts';
import { REMINDER_THRESHOLDS, daysBetween, reminderFor } from '../../record/reminders.ts';
import type { Entry, IsoDate, Profile } from '../../record/types.ts';
import { childSchedule, isAdult, scheduleBirthDate } from './schedule.ts';

/** How far ahead a coming dose is reminded: the first reminder stage. */
const AHEAD_DAYS = REMINDER_THRESHOLDS[0];

/**
 * One reminder per child whose vaccines are due: doses due or late now, or due within 30
 * days. Its date is the first such dose's; `doses` counts those to get now (the same count
 * the summary's way to the schedule shows). Adults are not reminded: their catch-up
 * depends on what a doctor finds, and the schedule screen lists it.
 */
export function vaccineReminders(
  profiles: readonly Profile[],
  entries: readonly Entry[],
  today: IsoDate,
): Reminder[] {
  const out: Reminder[] = [];
  for (const profile of profiles) {
    const birthDate = scheduleBirthDate(profile.birthDate);
    if (!birthDate || isAdult(birthDate, today)) continue;
    const given = entries.filter(
      (e) => e.profileId === profile.id && e.details.kind === 'vaccination',
    );
    const pending = childSchedule(birthDate, given, today)
      .flatMap((m) => m.doses)
      .filter(
        (d) =>
          d.status === 'due' ||
          d.status === 'overdue' ||
          (d.status === 'later' && daysBetween(today, d.dueOn) <= AHEAD_DAYS),
      );
    const first = pending.map((d) => d.dueOn).sort()[0];
    if (!first) continue;
    const r = reminderFor(`vaccine:${profile.id}`, profile.id, first, today);
    const doses = pending.filter((d) => d.status !== 'later').length;
    if (r) out.push({ ...r, doses });
  }
  return out;
}

/**
 * The days on which a child's vaccine reminder reaches a new stage, for as long as nothing
 * is recorded meanwhile (the app works them out again at each change): the stage days of
 * the first dose not given. On any later day, the doses vaccineReminders counts are those
 * not given and due within 30 days, so the first of them, the reminder's date, is that one
 * dose's due date from 30 days before it on. Days from the child's coming of age are left
 * out: adults are not reminded.
 */
export function vaccineStageDays(
  profiles: readonly Profile[],
  entries: readonly Entry[],
  today: IsoDate,
): IsoDate[] {
  return profiles.flatMap((profile) => {
    const birthDate = scheduleBirthDate(profile.birthDate);
    if (!birthDate || isAdult(birthDate, today)) return [];
    const given = entries.filter(
      (e) => e.profileId === profile.id && e.details.kind === 'vaccination',
    );
    const first = childSchedule(birthDate, given, today)
      .flatMap((m) => m.doses)
      .filter((d) => d.status !== 'done')
      .map((d) => d.dueOn)
      .sort()[0];
    return first ? stageStarts(first).filter((day) => !isAdult(birthDate, day)) : [];
  });
}
