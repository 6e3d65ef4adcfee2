import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reminder } from '../../record/reminders.ts';
import { unnotified, withShown } from '../../record/reminders.ts';
import { CLINICIAN_LANGUAGE } from '../../i18n/languages.ts';
import { useUnlocked } from '../session/session-context.ts';
import type { NotificationPermissionState } from './notifications.ts';
import {
  askNotificationPermission,
  notificationPermission,
  showNotification,
} from './notifications.ts';

/**
 * While the record is open (so at each unlock), shows one notification when a reminder
 * reached a stage (30, 14, 3 days, ended) not yet notified, if the patient allowed
 * notifications. What was notified is remembered on each person's profile, sealed in the
 * vault, so each stage is notified once. The permission is asked only by `ask`, from the
 * patient's tap.
 */
export function useReminderNotifications(reminders: readonly Reminder[]) {
  const { state, store, refresh } = useUnlocked();
  const { t, i18n } = useTranslation('summary');
  const lng = i18n.resolvedLanguage ?? CLINICIAN_LANGUAGE;
  const [permission, setPermission] = useState<NotificationPermissionState>(notificationPermission);
  const running = useRef(false);

  useEffect(() => {
    if (permission !== 'granted' || running.current) return;
    const due = unnotified(reminders, state.profiles);
    if (due.length === 0) return;
    running.current = true;
    // SECURITY: the words say nothing of which paper, whose, or any health matter: a
    // notification is readable on a locked screen (SECURITY.md, "Reminders").
    const body = due.some((r) => r.entry)
      ? t('reminders.notification.paper')
      : t('reminders.notification.other');
    void (async () => {
      try {
        if (!(await showNotification(t('reminders.notification.title'), body, lng))) return;
        for (const profile of state.profiles) {
          const next = withShown(profile, due, reminders);
          if (next !== profile) await store.saveProfile(next);
        }
        await refresh();
      } catch {
        // Not remembered (storage full, locked meanwhile): at worst the same stage is
        // notified once more at the next opening. The reminder on the summary stays.
      } finally {
        running.current = false;
      }
    })();
  }, [permission, reminders, state.profiles, store, refresh, t, lng]);

  const ask = useCallback(async () => setPermission(await askNotificationPermission()), []);
  return { permission, ask };
}
