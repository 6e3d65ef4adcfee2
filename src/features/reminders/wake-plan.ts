import { paperStageDays, upcomingDays } from '../../record/reminder-days.ts';
import type { Entry, IsoDate, Profile } from '../../record/types.ts';
import { vaccineStageDays } from '../vaccines/vaccine-reminders.ts';

/** What the service worker is given to notify while Carnet is closed (record/reminder-wake.ts). */
export interface WakePlan {
  /** The coming days on which a paper's or a child's reminder reaches a new stage. */
  readonly days: readonly IsoDate[];
  /**
   * Every one of those days is a paper's: the notification may say "A paper needs
   * attention", as the open app does; otherwise it says "A reminder is waiting".
   */
  readonly papersOnly: boolean;
}

/**
 * The coming stage days of every reminder of the record, every person's: papers and rights
 * that end (reminder-days.ts), children's vaccines (vaccine-reminders.ts). Which paper or
 * child a day belongs to is not kept: the days go outside the vault.
 */
export function wakePlan(
  profiles: readonly Profile[],
  entries: readonly Entry[],
  today: IsoDate,
): WakePlan {
  const papers = new Set(paperStageDays(entries));
  const days = upcomingDays([...papers, ...vaccineStageDays(profiles, entries, today)], today);
  return { days, papersOnly: days.every((d) => papers.has(d)) };
}
