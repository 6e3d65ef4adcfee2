import type { Entry, IsoDate, Profile } from './types.ts';

/**
 * Reminders: papers and rights that end (AME, CSS, PUMa, asylum claim receipt, residence
 * permit, domiciliation...) and vaccines that fall due. One rule for both: a reminder
 * starts 30 days before the date, and moves through four stages, each notified once.
 * Dates are the patient's calendar days (`YYYY-MM-DD`, local time); callers pass `today`.
 */

/** Days before the date at which each stage starts, latest first. */
export const REMINDER_THRESHOLDS = [30, 14, 3] as const;

/** `30`, `14`, `3`: that many days or fewer left; `past`: the date has gone by. */
export type ReminderStage = `${(typeof REMINDER_THRESHOLDS)[number]}` | 'past';

export interface Reminder {
  /** What it is about: `paper:<entry id>` or `vaccine:<profile id>`. */
  readonly about: string;
  readonly profileId: string;
  /**
   * The day the paper ends, or the day the (first) vaccine dose is due. For a paper whose
   * end is known only to the month or the year, the first day it may end.
   */
  readonly date: IsoDate;
  /** A paper's end as written, when it is only a month (`YYYY-MM`) or a year (`YYYY`). */
  readonly until?: string;
  /** Whole days from today to `date`; negative once it has gone by, 0 on the day. */
  readonly daysLeft: number;
  readonly stage: ReminderStage;
  /** The paper, for a paper's reminder. */
  readonly entry?: Entry;
  /** How many doses are due, for a vaccine reminder. */
  readonly doses?: number;
}

const DAY_MS = 86_400_000;
/** A whole date, `YYYY-MM-DD` (a record's dates may also be `YYYY-MM` or `YYYY`). */
export const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `day` moved by `n` calendar days (UTC arithmetic, as `daysBetween` counts them). */
export function addDays(day: IsoDate, n: number): IsoDate {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The patient's calendar day at `now` (epoch ms), in the phone's time zone: `YYYY-MM-DD`. */
export function calendarDay(now: number): IsoDate {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD`. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The stage a reminder is at with `daysLeft` days to go, or none yet (more than 30 days). */
export function stageOf(daysLeft: number): ReminderStage | undefined {
  if (daysLeft < 0) return 'past';
  const reached = REMINDER_THRESHOLDS.filter((t) => daysLeft <= t).at(-1);
  return reached === undefined ? undefined : `${reached}`;
}

/** A reminder about `about` for `date`, when `date` is within the reminder window. */
export function reminderFor(
  about: string,
  profileId: string,
  date: IsoDate,
  today: IsoDate,
): Omit<Reminder, 'entry' | 'doses'> | undefined {
  if (!FULL_DATE.test(date) || Number.isNaN(Date.parse(date))) return undefined;
  const daysLeft = daysBetween(today, date);
  const stage = stageOf(daysLeft);
  return stage ? { about, profileId, date, daysLeft, stage } : undefined;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2}))?$/;

/**
 * The first and last day a paper may end when only its month or year is written; undefined
 * for anything else.
 */
export function partialDateSpan(until: string): { first: IsoDate; last: IsoDate } | undefined {
  const match = PARTIAL_DATE.exec(until);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  const day = (y: number, m: number, d: number) =>
    new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
  return month === undefined
    ? { first: day(year, 0, 1), last: day(year, 11, 31) }
    : { first: day(year, month - 1, 1), last: day(year, month, 0) };
}

/**
 * The reminder of a paper whose end is known only to the month or the year. SAFETY: the
 * patient must not lose a right for want of a day. It starts 30 days before the first day
 * the paper may end, is at its last stage (3) from that day to the last one it may end
 * (the text then names the month or the year, never a count of days), and is `past` after.
 */
function partialReminder(
  about: string,
  profileId: string,
  until: string,
  today: IsoDate,
): Omit<Reminder, 'entry' | 'doses'> | undefined {
  const span = partialDateSpan(until);
  if (!span) return undefined;
  const { first, last } = span;
  const daysLeft = daysBetween(today, first);
  if (today > last)
    return {
      about,
      profileId,
      date: first,
      until,
      daysLeft: daysBetween(today, last),
      stage: 'past',
    };
  if (daysLeft <= 0) return { about, profileId, date: first, until, daysLeft: 0, stage: '3' };
  const stage = stageOf(daysLeft);
  return stage ? { about, profileId, date: first, until, daysLeft, stage } : undefined;
}

/**
 * Every paper or right that ends within 30 days or has ended, for every profile, soonest
 * first. An end known only to the month or the year is reminded from 30 days before the
 * first day it may fall on (partialReminder).
 */
export function paperReminders(entries: readonly Entry[], today: IsoDate): Reminder[] {
  const out: Reminder[] = [];
  for (const entry of entries) {
    const d = entry.details;
    if (d.kind !== 'right' || !d.validUntil) continue;
    const about = `paper:${entry.id}`;
    const r = FULL_DATE.test(d.validUntil)
      ? reminderFor(about, entry.profileId, d.validUntil, today)
      : partialReminder(about, entry.profileId, d.validUntil, today);
    if (r) out.push({ ...r, entry });
  }
  return sortReminders(out);
}

/** Soonest (or longest gone by) first. */
export function sortReminders<R extends Reminder>(reminders: readonly R[]): R[] {
  return [...reminders].sort((a, b) => a.daysLeft - b.daysLeft || a.about.localeCompare(b.about));
}

/**
 * The key remembered once a reminder was notified. It holds the date, so a renewed paper
 * (a new end date) or a next vaccine dose is reminded again from its first stage.
 */
export function reminderKey(r: Pick<Reminder, 'about' | 'date' | 'stage'>): string {
  return `${r.about}@${r.date}#${r.stage}`;
}

/** The reminders not yet notified: at most one notification per stage per item. */
export function unnotified<R extends Reminder>(
  reminders: readonly R[],
  profiles: readonly Profile[],
): R[] {
  const shown = new Map(profiles.map((p) => [p.id, new Set(p.remindersShown ?? [])]));
  return reminders.filter((r) => !shown.get(r.profileId)?.has(reminderKey(r)));
}

/**
 * The profile once `notified` were shown: their keys added, and keys of items that are no
 * longer reminded (renewed, deleted, vaccinated) dropped so the list does not grow forever.
 * Returns the profile itself when nothing changes.
 */
export function withShown(
  profile: Profile,
  notified: readonly Reminder[],
  current: readonly Reminder[],
): Profile {
  const live = new Set(
    current.filter((r) => r.profileId === profile.id).map((r) => `${r.about}@${r.date}#`),
  );
  const before = profile.remindersShown ?? [];
  const kept = before.filter((k) => live.has(k.slice(0, k.indexOf('#') + 1)));
  const added = notified
    .filter((r) => r.profileId === profile.id)
    .map(reminderKey)
    .filter((k) => !kept.includes(k));
  const next = [...kept, ...added];
  if (next.length === before.length && next.every((k, i) => k === before[i])) return profile;
  const { remindersShown: _old, ...rest } = profile;
  // Bookkeeping, not an edit by the patient: updatedAt stays.
  return { ...rest, ...(next.length > 0 ? { remindersShown: next } : {}) };
}
