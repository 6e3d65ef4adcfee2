import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { floorVault } from '../crypto/test-helpers.ts';
import { openCarnetDb } from '../db/index.ts';
import { freshDbName } from '../db/test-db.ts';
import { createLocalStore } from './local-store.ts';
import type { WakeList } from './reminder-wake.ts';
import { WAKE_DB, readWakeList, removeWakeList, writeWakeList } from './reminder-wake.ts';

const LIST: WakeList = {
  v: 1,
  days: ['2026-03-17', '2026-03-28', '2026-04-01'],
  title: 'Carnet',
  body: 'A paper needs attention. Open Carnet to see it.',
  lang: 'en',
};

const names = async (idb: IDBFactory) => (await idb.databases()).map((d) => d.name);

let idb: IDBFactory;
beforeEach(() => {
  idb = new IDBFactory();
});

describe('the reminder days kept for the service worker', () => {
  it('stores exactly the list’s fields, in place of the one before', async () => {
    await writeWakeList({ ...LIST, days: ['2026-03-02'] }, idb);
    await writeWakeList({ ...LIST, secret: 'R-33-0012' } as WakeList, idb);
    expect(await readWakeList(idb)).toEqual(LIST);
    expect(await names(idb)).toEqual([WAKE_DB]);
  });

  it('removal deletes the whole database; reading creates nothing', async () => {
    expect(await readWakeList(idb)).toBeNull();
    expect(await names(idb)).toEqual([]);
    await writeWakeList(LIST, idb);
    await removeWakeList(idb);
    expect(await names(idb)).toEqual([]);
    // Nothing to remove: nothing happens, nothing fails.
    await removeWakeList(idb);
  });

  it('without IndexedDB: a write fails with a RecordError, a removal has nothing to do', async () => {
    vi.stubGlobal('indexedDB', undefined);
    try {
      await expect(writeWakeList(LIST)).rejects.toMatchObject({ code: 'unavailable' });
      await removeWakeList();
      expect(await readWakeList()).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

/**
 * The service worker's part (public/sw-notifications.js, plain JavaScript served as it is)
 * run as it is in a stand-in worker scope: it reads what writeWakeList wrote.
 */
function serviceWorker(factory: IDBFactory) {
  const listeners = new Map<string, (event: unknown) => void>();
  const shown: { title: string; options: NotificationOptions }[] = [];
  const unregistered: string[] = [];
  const self = {
    addEventListener: (type: string, listener: (event: unknown) => void) =>
      listeners.set(type, listener),
    registration: {
      showNotification: (title: string, options: NotificationOptions) => {
        shown.push({ title, options });
        return Promise.resolve();
      },
      periodicSync: {
        unregister: (tag: string) => {
          unregistered.push(tag);
          return Promise.resolve();
        },
      },
    },
    Notification: { permission: 'granted' as NotificationPermission },
  };
  const code = readFileSync('public/sw-notifications.js', 'utf8');
  // The worker's own file, run as the browser runs it, with `self` and `indexedDB` given.
  const run = runInThisContext(`(function (self, indexedDB) {\n${code}\n})`, {
    filename: 'public/sw-notifications.js',
    lineOffset: -1,
  }) as (scope: typeof self, idb: IDBFactory) => void;
  run(self, factory);
  /** Fires a `periodicsync` event with `tag` on `day` (local time) and waits for its work. */
  const wake = async (day: string, tag = 'carnet-reminders') => {
    vi.setSystemTime(new Date(`${day}T10:00:00`));
    let work: Promise<unknown> = Promise.resolve();
    listeners.get('periodicsync')?.({ tag, waitUntil: (p: Promise<unknown>) => (work = p) });
    await work;
  };
  return { self, shown, unregistered, wake };
}

describe('the service worker’s wake-up (public/sw-notifications.js)', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('shows one generic notification on a stored day, then forgets that day', async () => {
    await writeWakeList(LIST, idb);
    const sw = serviceWorker(idb);
    await sw.wake('2026-03-16');
    expect(sw.shown).toEqual([]);
    await sw.wake('2026-03-17');
    expect(sw.shown).toEqual([
      {
        title: 'Carnet',
        options: {
          body: LIST.body,
          lang: 'en',
          tag: 'carnet-reminder',
          icon: '/icons/icon-192.png',
        },
      },
    ]);
    expect((await readWakeList(idb))?.days).toEqual(['2026-03-28', '2026-04-01']);
    // Woken again the same day: that stage was told already.
    await sw.wake('2026-03-17');
    expect(sw.shown).toHaveLength(1);
  });

  it('a phone off on the day is told at the next wake-up, once for every day gone by', async () => {
    await writeWakeList(LIST, idb);
    const sw = serviceWorker(idb);
    await sw.wake('2026-03-30');
    expect(sw.shown).toHaveLength(1);
    expect((await readWakeList(idb))?.days).toEqual(['2026-04-01']);
    // The last day told: nothing is left outside the vault, and the wake-ups stop.
    await sw.wake('2026-04-02');
    expect(sw.shown).toHaveLength(2);
    expect(await names(idb)).toEqual([]);
    expect(sw.unregistered).toEqual(['carnet-reminders']);
  });

  it('does nothing for another tag, or without a list, and creates no database', async () => {
    const sw = serviceWorker(idb);
    await sw.wake('2026-03-17');
    expect(await names(idb)).toEqual([]);
    await writeWakeList(LIST, idb);
    await sw.wake('2026-03-17', 'something-else');
    expect(sw.shown).toEqual([]);
    expect(await readWakeList(idb)).toEqual(LIST);
  });

  it('notifications turned off since: shows nothing, and removes the list', async () => {
    await writeWakeList(LIST, idb);
    const sw = serviceWorker(idb);
    sw.self.Notification.permission = 'denied';
    await sw.wake('2026-03-17');
    expect(sw.shown).toEqual([]);
    expect(await names(idb)).toEqual([]);
  });
});

describe('a restore that replaces the record', () => {
  afterEach(() => removeWakeList());

  it('removes the replaced record’s reminder days', async () => {
    const store = createLocalStore(floorVault(), () => openCarnetDb(freshDbName('wake')));
    const code = await store.create('123456', 'pin');
    const file = await store.backup.save();
    await writeWakeList(LIST);
    const pending = await store.backup.restore(file, code);
    // Checked, not yet the phone's record: nothing changes.
    expect(await readWakeList()).toEqual(LIST);
    await pending.commit('654321', 'pin');
    expect(await readWakeList()).toBeNull();
  });
});
