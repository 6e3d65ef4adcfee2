import { useMemo } from 'react';
import type { Reminder } from '../../record/reminders.ts';
import { calendarDay, paperReminders, sortReminders } from '../../record/reminders.ts';
import { useUnlocked } from '../session/session-context.ts';
import { useNow } from '../shell/useNow.ts';
import { vaccineReminders } from '../vaccines/vaccine-reminders.ts';

/**
 * Every reminder of the record, for every person on the phone (the patient and each
 * child): papers and rights that end within 30 days or have ended, and children's
 * vaccines due. Recomputed when the day changes.
 */
export function useReminders(): readonly Reminder[] {
  const { state } = useUnlocked();
  const today = calendarDay(useNow());
  return useMemo(
    () =>
      sortReminders([
        ...paperReminders(state.entries, today),
        ...vaccineReminders(state.profiles, state.entries, today),
      ]),
    [state.entries, state.profiles, today],
  );
}
