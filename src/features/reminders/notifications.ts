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

const askedListeners = new Set<() => void>();

/** Asks the phone; call it only from a tap on an explicit button, never on load. */
export async function askNotificationPermission(): Promise<NotificationPermissionState> {
  if (notificationPermission() === 'unsupported') return 'unsupported';
  const answer = await Notification.requestPermission();
  for (const listener of askedListeners) listener();
  return answer;
}

/**
 * Calls `onChange` when the permission may have changed: the patient answered Carnet's
 * question, changed it in the phone's settings (where the browser reports it), or came back
 * to Carnet (where it does not). Returns the way to stop.
 */
export function watchNotificationPermission(onChange: () => void): () => void {
  let stopped = false;
  let status: PermissionStatus | undefined;
  askedListeners.add(onChange);
  document.addEventListener('visibilitychange', onChange);
  // Not every browser can be queried for it; those only tell through the other two ways.
  navigator.permissions
    ?.query({ name: 'notifications' })
    .then((s) => {
      if (stopped) return;
      status = s;
      s.addEventListener('change', onChange);
    })
    .catch(() => undefined);
  return () => {
    stopped = true;
    askedListeners.delete(onChange);
    document.removeEventListener('visibilitychange', onChange);
    status?.removeEventListener('change', onChange);
  };
}

/** How long to wait for the service worker before giving up until the next opening. */
const READY_TIMEOUT_MS = 10_000;

/** The active service worker's registration; undefined when there is none in time. */
export function readyRegistration(): Promise<ServiceWorkerRegistration | undefined> {
  return Promise.race([
    navigator.serviceWorker.ready,
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), READY_TIMEOUT_MS)),
  ]);
}

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
  const registration = await readyRegistration();
  if (!registration) return false;
  try {
    await registration.showNotification(title, {
      body,
      lang,
      // One at a time: a newer reminder replaces the one still on the screen, and one the
      // service worker showed while Carnet was closed (public/sw-notifications.js, same
      // tag), so a stage notified by both shows once.
      tag: 'carnet-reminder',
      icon: '/icons/icon-192.png',
    });
    return true;
  } catch {
    return false;
  }
}
