/**
 * Imported by the service worker (vite.config.ts, workbox.importScripts): a tap on one of
 * Carnet's reminders (src/features/reminders/notifications.ts) brings the open app to the
 * front, or opens it. The notification says nothing of the record; the app, once unlocked,
 * shows the reminder itself.
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
