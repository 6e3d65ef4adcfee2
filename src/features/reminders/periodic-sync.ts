import { readyRegistration } from './notifications.ts';

/**
 * Periodic Background Sync, behind one seam: asks the browser to wake the service worker
 * now and then while Carnet is closed, so that it can notify the reminder days the app left
 * for it (record/reminder-wake.ts, public/sw-notifications.js). Only Chromium has it, and
 * only for an installed web app the browser allows (it decides how often, from how much the
 * phone's owner uses it); everywhere else this does nothing, without an error. No network:
 * the service worker only reads local storage and shows a notification.
 */

/** The tag the service worker answers to (public/sw-notifications.js). */
const REMINDER_SYNC_TAG = 'carnet-reminders';

/** At most twice a day: a stage day is then notified within half a day of its start. */
const MIN_INTERVAL_MS = 12 * 60 * 60 * 1000;

/** The part of the API used here (not in TypeScript's DOM types yet). */
interface PeriodicSyncManager {
  register(tag: string, options?: { minInterval?: number }): Promise<void>;
  unregister(tag: string): Promise<void>;
}

const managerOf = (registration: ServiceWorkerRegistration | undefined) =>
  (registration as { periodicSync?: PeriodicSyncManager } | undefined)?.periodicSync;

/** Whether the browser lets this origin use it (a name older TypeScript types do not list). */
async function allowed(): Promise<boolean> {
  const name = 'periodic-background-sync' as PermissionName;
  const status = await navigator.permissions?.query({ name });
  return status?.state === 'granted';
}

/** Asks for the wake-ups, when the browser has the API and allows it; else nothing. */
export async function registerReminderSync(): Promise<void> {
  try {
    if (!('serviceWorker' in navigator) || !(await allowed())) return;
    await managerOf(await readyRegistration())?.register(REMINDER_SYNC_TAG, {
      minInterval: MIN_INTERVAL_MS,
    });
  } catch {
    // Not offered here (browser, permission, not installed): the open app still notifies.
  }
}

/** Stops the wake-ups: there is nothing left for the service worker to notify. */
export async function unregisterReminderSync(): Promise<void> {
  try {
    if (!('serviceWorker' in navigator)) return;
    // getRegistration, not ready: with no service worker there is nothing to stop, and
    // nothing to wait for.
    await managerOf(await navigator.serviceWorker.getRegistration())?.unregister(REMINDER_SYNC_TAG);
  } catch {
    // Nothing was registered, or the API is missing: nothing to stop.
  }
}
