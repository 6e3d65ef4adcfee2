/**
 * Imported by the service worker (vite.config.ts, workbox.importScripts). Plain JavaScript,
 * served as it is.
 *
 * 1. A tap on one of Carnet's reminders (src/features/reminders/notifications.ts) brings the
 *    open app to the front, or opens it. The notification says nothing of the record; the
 *    app, once unlocked, shows the reminder itself.
 * 2. While Carnet is closed, the browser may wake this worker now and then (Periodic
 *    Background Sync, tag `carnet-reminders`, src/features/reminders/periodic-sync.ts). The
 *    worker cannot read the record (its keys exist only while the app is open): it reads the
 *    days the app left it (src/record/reminder-wake.ts: database `carnet-wake`, store `wake`,
 *    record `reminders`, format `v: 1`; keep the names the same in both files), and when one
 *    has come, shows one notification with the generic words stored beside them. No request
 *    leaves the phone.
 */

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      return open ? open.focus() : self.clients.openWindow('/');
    }),
  );
});

const WAKE_DB = 'carnet-wake';
const WAKE_STORE = 'wake';
const WAKE_KEY = 'reminders';
const REMINDER_SYNC_TAG = 'carnet-reminders';

/** The phone's calendar day now, local time: `YYYY-MM-DD` (as calendarDay in reminders.ts). */
function today() {
  const d = new Date(Date.now());
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function done(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The wake database, or null when the app has left none: this never creates it. */
function openWake() {
  return new Promise((resolve) => {
    const req = indexedDB.open(WAKE_DB);
    // No database yet: abort its creation, so that nothing is left behind.
    req.onupgradeneeded = () => req.transaction.abort();
    req.onsuccess = () => {
      const db = req.result;
      // The app deletes the database when there is nothing to remind: never hold it up.
      db.onversionchange = () => db.close();
      resolve(db.objectStoreNames.contains(WAKE_STORE) ? db : (db.close(), null));
    };
    req.onerror = () => resolve(null);
  });
}

const isDay = (x) => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x);
const isWakeList = (w) =>
  !!w &&
  w.v === 1 &&
  Array.isArray(w.days) &&
  w.days.every(isDay) &&
  typeof w.title === 'string' &&
  typeof w.body === 'string' &&
  typeof w.lang === 'string';

/** Nothing left to notify: the database goes, and so do the wake-ups. */
async function forget() {
  await new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(WAKE_DB);
    req.onsuccess = req.onerror = req.onblocked = resolve;
  });
  await self.registration.periodicSync?.unregister(REMINDER_SYNC_TAG).catch(() => undefined);
}

/**
 * Shows one notification when a stored day is today or has gone by (a phone switched off on
 * the day is told at its next wake-up), then drops those days, so the same stage is not
 * notified twice from here. The open app notifies its own stages too, with the same tag: a
 * stage notified by both shows once, the later replacing the earlier.
 */
async function remindIfDue() {
  const db = await openWake();
  if (!db) return;
  let rest;
  try {
    const list = await done(db.transaction(WAKE_STORE).objectStore(WAKE_STORE).get(WAKE_KEY));
    if (!isWakeList(list)) return;
    // Notifications turned off since: keep nothing outside the vault for nothing.
    if (self.Notification && self.Notification.permission !== 'granted') rest = [];
    else {
      const now = today();
      if (!list.days.some((day) => day <= now)) return;
      // The icon, tag and words as the open app shows them (notifications.ts).
      await self.registration.showNotification(list.title, {
        body: list.body,
        lang: list.lang,
        tag: 'carnet-reminder',
        icon: '/icons/icon-192.png',
      });
      rest = list.days.filter((day) => day > now);
    }
    if (rest.length > 0) {
      const tx = db.transaction(WAKE_STORE, 'readwrite');
      tx.objectStore(WAKE_STORE).put({ ...list, days: rest }, WAKE_KEY);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = tx.onabort = () => reject(tx.error);
      });
    }
  } finally {
    db.close();
  }
  if (rest && rest.length === 0) await forget();
}

self.addEventListener('periodicsync', (event) => {
  if (event.tag !== REMINDER_SYNC_TAG) return;
  // A failure (storage refused) leaves the days as they were: tried again at the next wake-up.
  event.waitUntil(remindIfDue().catch(() => undefined));
});
