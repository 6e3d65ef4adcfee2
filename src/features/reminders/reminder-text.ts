import type { TFunction } from 'i18next';
import { formatIsoDate } from '../../i18n/format.ts';
import type { Reminder } from '../../record/reminders.ts';
import type { Profile } from '../../record/types.ts';
import { entryTitle } from '../entries/entry-text.ts';

/** The summary's translations: namespace `summary` first, with `entry` and `vocab`. */
export type SummaryT = TFunction<readonly ['summary', 'entry', 'vocab']>;

/**
 * One reminder as one clear sentence in the patient's language (`lng`): which paper and when
 * it ends, or whose vaccines are due. Never a code: a paper is named by its title or its kind.
 */
export function reminderText(
  r: Reminder,
  t: SummaryT,
  profiles: readonly Profile[],
  lng: string,
): string {
  if (r.entry) {
    const name = entryTitle(r.entry, t);
    if (r.daysLeft < 0) return t('reminders.paper.ended', { name });
    // Known only to the month or the year: that, never a count of days it may not be.
    if (r.until)
      return t('reminders.paper.endsDuring', { name, when: formatIsoDate(r.until, lng) });
    if (r.daysLeft === 0) return t('reminders.paper.endsToday', { name });
    return t('reminders.paper.endsIn', { name, count: r.daysLeft });
  }
  const name = profiles.find((p) => p.id === r.profileId)?.name ?? '';
  return r.daysLeft <= 0
    ? t('reminders.vaccine.dueNow', { name, count: r.doses ?? 1 })
    : t('reminders.vaccine.dueIn', { name, count: r.daysLeft });
}
