import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLINICIAN_LANGUAGE } from '../../i18n/languages.ts';
import { calendarDay } from '../../record/reminders.ts';
import type { WakeList } from '../../record/reminder-wake.ts';
import { removeWakeList, writeWakeList } from '../../record/reminder-wake.ts';
import { useUnlocked } from '../session/session-context.ts';
import { useNow } from '../shell/useNow.ts';
import { notificationPermission, watchNotificationPermission } from './notifications.ts';
import { registerReminderSync, unregisterReminderSync } from './periodic-sync.ts';
import { wakePlan } from './wake-plan.ts';

/** Each write or removal runs after the one before, so the last state of the record wins. */
let queue: Promise<void> = Promise.resolve();
const queued = (work: () => Promise<void>) => {
  // Best effort: a list that could not be written is written again at the next change or
  // unlock; until then the open app still notifies, and the summary still shows.
  queue = queue.then(work).catch(() => undefined);
};

const keep = (list: WakeList) =>
  queued(async () => {
    await writeWakeList(list);
    await registerReminderSync();
  });
const forget = () =>
  queued(async () => {
    await removeWakeList();
    await unregisterReminderSync();
  });

/**
 * While the record is open: leaves the service worker the coming days on which a reminder
 * reaches a stage, with the notification's generic words, so that a patient who does not
 * open Carnet for weeks is still told (record/reminder-wake.ts). Written at each unlock (this
 * mounts with the record's screens) and whenever the days, the words or their language
 * change; removed while notifications are not allowed or no day is coming. Never while only
 * the summary snapshot's part of the record is read: its days would be missing some papers.
 * Draws nothing.
 */
export function ReminderWake() {
  const { state } = useUnlocked();
  const { t, i18n } = useTranslation('summary');
  const lang = i18n.resolvedLanguage ?? CLINICIAN_LANGUAGE;
  const today = calendarDay(useNow());
  const [permission, setPermission] = useState(notificationPermission);
  useEffect(() => watchNotificationPermission(() => setPermission(notificationPermission())), []);

  const whole = !state.partial;
  const plan = useMemo(
    () => (whole ? wakePlan(state.profiles, state.entries, today) : null),
    [whole, state.profiles, state.entries, today],
  );
  // SECURITY: the words the open app's notification uses; they name no paper, person or
  // health matter (SECURITY.md, "Reminders").
  const title = t('reminders.notification.title');
  const body = t(
    plan?.papersOnly ? 'reminders.notification.paper' : 'reminders.notification.other',
  );
  // The days as one string, so the effect runs when they change, not at each new array.
  const days = plan?.days.join(' ');

  useEffect(() => {
    if (days === undefined) return;
    if (permission !== 'granted' || days === '') forget();
    else keep({ v: 1, days: days.split(' '), title, body, lang });
  }, [days, permission, title, body, lang]);

  return null;
}
