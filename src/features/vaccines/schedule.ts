import type { Entry } from '../../record/types.ts';
import data from './schedule-fr-2025.json';

/**
 * The French vaccination schedule (schedule-fr-2025.json: data with its source and year,
 * not code) against the vaccinations a profile has recorded. Only coded vaccinations count:
 * a vaccine typed by hand cannot be matched to what it protects against.
 */

type DoseStatus = 'done' | 'due' | 'overdue' | 'later';

/** One dose the schedule asks for, and where the child stands. */
export interface ScheduledDose {
  readonly vaccine: string;
  readonly dose: number;
  readonly mandatory: boolean;
  readonly status: DoseStatus;
  /** When it is due (YYYY-MM-DD). */
  readonly dueOn: string;
  /** When the dose that counts for it was given, when recorded with a date. */
  readonly doneOn?: string | undefined;
}

/** The doses due at one age. */
export interface Milestone {
  readonly age: { readonly months?: number; readonly years?: number };
  readonly dueOn: string;
  readonly doses: readonly ScheduledDose[];
}

/** An adult's catch-up (unknown or incomplete vaccines) and boosters. */
export interface AdultPlan {
  readonly catchUp: readonly { vaccine: string; given: number; needed: number }[];
  /** The booster age already reached, and whether a dose counts for it. */
  readonly lastBooster?: { readonly age: number; readonly done: boolean } | undefined;
  readonly nextBoosterAge?: number | undefined;
}

export const SCHEDULE_SOURCE = { source: data.source, year: data.year, version: data.version };

/**
 * A birth date the schedule can count from: YYYY-MM-DD as is; a partial date (YYYY or
 * YYYY-MM, when the day or month is unknown) from its first day; anything else, none.
 */
export function scheduleBirthDate(raw: string | undefined): string | undefined {
  const m = raw ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(raw) : null;
  if (!m) return undefined;
  const date = `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
  return Number.isNaN(Date.parse(date)) ? undefined : date;
}

/** A dose is late a month after its age: the schedule's own tolerance for a visit. */
const GRACE_MONTHS = 1;

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(d, last));
  return date.toISOString().slice(0, 10);
}

function monthsOf(age: Milestone['age']): number {
  return (age.months ?? 0) + (age.years ?? 0) * 12;
}

/** For each antigen, the dates of the recorded doses that protect against it, oldest first. */
function dosesByAntigen(vaccinations: readonly Entry[]): Map<string, string[]> {
  const covers = data.covers as Record<string, readonly string[] | undefined>;
  const byAntigen = new Map<string, string[]>();
  for (const entry of vaccinations) {
    if (entry.details.kind !== 'vaccination' || !entry.term) continue;
    // An undated dose still counts; it sorts last.
    const date = entry.details.date ?? '9999-12-31';
    for (const antigen of covers[entry.term.key] ?? []) {
      byAntigen.set(antigen, [...(byAntigen.get(antigen) ?? []), date]);
    }
  }
  for (const dates of byAntigen.values()) dates.sort();
  return byAntigen;
}

function statusOf(done: boolean, dueOn: string, today: string): DoseStatus {
  if (done) return 'done';
  if (today < dueOn) return 'later';
  return today < addMonths(dueOn, GRACE_MONTHS) ? 'due' : 'overdue';
}

/** A child's schedule from birth: every milestone, each dose done, due, overdue or later. */
export function childSchedule(
  birthDate: string,
  vaccinations: readonly Entry[],
  today: string,
): Milestone[] {
  const given = dosesByAntigen(vaccinations);
  return data.children.map((milestone) => {
    const dueOn = addMonths(birthDate, monthsOf(milestone.age));
    return {
      age: milestone.age,
      dueOn,
      doses: milestone.doses.map((d): ScheduledDose => {
        const dates = d.antigens.map((a) => given.get(a)?.[d.dose - 1]);
        const done = dates.every((x) => x !== undefined);
        const last = done ? dates.sort().at(-1) : undefined;
        return {
          vaccine: d.vaccine,
          dose: d.dose,
          mandatory: d.mandatory,
          status: statusOf(done, dueOn, today),
          dueOn,
          doneOn: last && last !== '9999-12-31' ? last : undefined,
        };
      }),
    };
  });
}

/** Whole years between two ISO dates. */
function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** Whether a profile of this age follows the adults' plan rather than the children's. */
export function isAdult(birthDate: string, today: string): boolean {
  return yearsBetween(birthDate, today) >= data.adults.fromYears;
}

/** An adult's catch-up doses and boosters (dTP at 25, 45, 65, then every ten years). */
export function adultPlan(
  birthDate: string,
  vaccinations: readonly Entry[],
  today: string,
): AdultPlan {
  const given = dosesByAntigen(vaccinations);
  const age = yearsBetween(birthDate, today);
  const born = Number(birthDate.slice(0, 4));
  const catchUp = data.adults.catchUp
    .filter((c) => !('bornFrom' in c) || born >= (c.bornFrom ?? 0))
    .map((c) => ({
      vaccine: c.vaccine,
      given: Math.min(c.doses, Math.min(...c.antigens.map((a) => given.get(a)?.length ?? 0))),
      needed: c.doses,
    }));
  const ages = data.adults.boosters.atYears;
  const reached = ages.filter((a) => a <= age).at(-1);
  // A dose in the five years before a booster age counts for it.
  const since = reached !== undefined ? addMonths(birthDate, (reached - 5) * 12) : undefined;
  const lastBooster =
    reached !== undefined && since !== undefined
      ? {
          age: reached,
          done: data.adults.boosters.antigens.every((a) =>
            (given.get(a) ?? []).some((date) => date >= since && date !== '9999-12-31'),
          ),
        }
      : undefined;
  return { catchUp, lastBooster, nextBoosterAge: ages.find((a) => a > age) };
}
