/**
 * The phone's notifications, behind one seam: whether Carnet may show them, asking (only
 * ever from the patient's own tap), and showing one through the service worker, which is
 * the one way a web app installed on Android can show a notification.
 */

export type NotificationPermissionState = 'unsupported' | NotificationPermission;

export function notificationPermission(): NotificationPermissionState {
  if (typeof Notification === 'undefined' || !('serviceWorker' in navigator)) return 'unsupported';
  return Notification.permission;
}

/** Asks the phone; call it only from a tap on an explicit button, never on load. */
export async function askNotificationPermission(): Promise<NotificationPermissionState> {
  if (notificationPermission() === 'unsupported') return 'unsupported';
  return Notification.requestPermission();
}

/** How long to wait for the service worker before giving up until the next opening. */
const READY_TIMEOUT_MS = 10_000;

/**
 * Shows one notification through the service worker registration. Resolves true once
 * shown; false when there is no service worker yet or the phone refused (then the caller
 * tries again at the next opening). SECURITY: `body` must be generic: a notification is
 * readable on a locked screen.
 */
export async function showNotification(
  title: string,
  body: string,
  lang: string,
): Promise<boolean> {
  if (notificationPermission() !== 'granted') return false;
  const registration = await Promise.race([
    navigator.serviceWorker.ready,
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), READY_TIMEOUT_MS)),
  ]);
  if (!registration) return false;
  try {
    await registration.showNotification(title, {
      body,
      lang,
      // One at a time: a newer reminder replaces the one still on the screen.
      tag: 'carnet-reminder',
      icon: '/icons/icon-192.png',
    });
    return true;
  } catch {
    return false;
  }
}
