import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { dumpIndexedDb } from './idb.ts';
import { PapersPage, shown } from './pages/papers-page.ts';
import { ServiceWorkerDriver } from './pages/service-worker.ts';
import { setUpRecordIn } from './pages/setup.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { UnlockPage } from './pages/unlock-page.ts';

// Reminders while Carnet is closed, in Dari: the open app leaves the service worker the days
// a reminder reaches a stage (dates and generic words only, never which paper or whose), and
// the worker, woken by Periodic Background Sync, notifies on those days.
//
// The page's clock can be set (page.clock), the service worker's cannot: its "today" is the
// machine's. So the page is set some days before the real today, and the paper's end is
// chosen so that a stage falls, or does not fall, on the real today.

const PIN = '482915';
const RECEIPT = {
  scheme: 'residence-receipt',
  number: 'R-33-0012',
  issuer: 'Préfecture de la Gironde',
};

/** The machine's calendar day `k` days from today, local time: `YYYY-MM-DD`. */
function day(k: number): string {
  const d = new Date();
  d.setDate(d.getDate() + k);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const TITLE = shown('prs', 'summary', 'reminders.notification.title');
const PAPER_BODY = shown('prs', 'summary', 'reminders.notification.paper');

/** What IndexedDB holds in the reminders' own database, one line per object store. */
const wakeDump = async (page: Page) =>
  (await dumpIndexedDb(page)).split('\n').filter((line) => line.startsWith('carnet-wake/'));

const wakeLine = (days: string[]) =>
  `carnet-wake/wake: ${JSON.stringify([{ v: 1, days, title: TITLE, body: PAPER_BODY, lang: 'prs' }])}`;

/**
 * Sets up a record in Dari on the page's `today` (days from the real today), with
 * notifications allowed, adds the residence receipt ending on `until`, and waits for its
 * reminder days to be stored.
 */
async function receiptThenLock(page: Page, today: number, until: string, days: string[]) {
  await page.context().grantPermissions(['notifications']);
  await page.clock.setFixedTime(new Date(`${day(today)}T10:00:00`));
  await setUpRecordIn(page, 'prs', PIN, 'فریبا');
  const papers = new PapersPage(page, 'prs');
  await papers.addPaper({ ...RECEIPT, validUntil: until });
  await expect(papers.admin.getByText(papers.t('entry', 'scheme.residence-receipt'))).toBeVisible();
  await expect.poll(() => wakeDump(page)).toEqual([wakeLine(days)]);
  // Locked: the record's keys are gone; only the service worker is left to remind.
  await new SummaryPage(page, 'prs').lock();
  await expect(new UnlockPage(page, 'prs').heading).toBeVisible();
}

test('in Dari: with Carnet locked, the service worker tells the 30-day stage once, in words that reveal nothing', async ({
  page,
  requestLog,
}) => {
  // The page's today is 40 days before the end; the real today is the 30-day stage.
  const stages = [day(0), day(16), day(27), day(31)];
  await receiptThenLock(page, -10, day(30), stages);
  const origin = new URL(page.url()).origin;
  const sw = await ServiceWorkerDriver.of(page);
  // Nothing was notified while the app was open: 40 days ahead is no stage yet.
  expect(await sw.notifications('carnet-reminder')).toEqual([]);
  const requestsBefore = requestLog.requests.length;

  await sw.periodicSync('carnet-reminders');
  const notified = await sw.notifications('carnet-reminder');
  expect(notified).toEqual([
    {
      title: TITLE,
      body: PAPER_BODY,
      lang: 'prs',
      tag: 'carnet-reminder',
      icon: `${origin}/icons/icon-192.png`,
    },
  ]);
  const receipt = shown('prs', 'entry', 'scheme.residence-receipt');
  // The words shown (not the icon's address, whose port may hold any digits).
  const words = notified.map((n) => `${n.title} ${n.body}`).join('\n');
  for (const secret of ['R-33-0012', 'Gironde', receipt, 'فریبا', day(30), '30']) {
    expect(words).not.toContain(secret);
  }
  // The day told is dropped; the stages to come stay, dates and generic words only.
  expect(await wakeDump(page)).toEqual([wakeLine(stages.slice(1))]);
  const dump = (await wakeDump(page)).join('\n');
  for (const secret of ['R-33-0012', 'Gironde', receipt, 'فریبا', day(30)]) {
    expect(dump).not.toContain(secret);
  }
  // Woken again the same day: that stage was told already.
  await sw.clearNotifications();
  await sw.periodicSync('carnet-reminders');
  expect(await sw.notifications('carnet-reminder')).toEqual([]);
  // The worker reads local storage only: the one request is the browser drawing the
  // notification's icon, from Carnet's own origin (and its cache).
  for (const r of requestLog.requests.slice(requestsBefore)) {
    expect(r.url).toBe(`${origin}/icons/icon-192.png`);
  }
});

test('in Dari: on a day with no stage, the service worker shows nothing and keeps the days', async ({
  page,
}) => {
  // The receipt ends in 31 days: its 30-day stage is tomorrow, nothing falls today.
  const stages = [day(1), day(17), day(28), day(32)];
  await receiptThenLock(page, -9, day(31), stages);
  const sw = await ServiceWorkerDriver.of(page);
  await sw.periodicSync('carnet-reminders');
  expect(await sw.notifications('carnet-reminder')).toEqual([]);
  expect(await wakeDump(page)).toEqual([wakeLine(stages)]);
});

test('in Dari: turning notifications off removes the days and stops the wake-ups', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['notifications']);
  await page.clock.setFixedTime(new Date(`${day(-10)}T10:00:00`));
  await setUpRecordIn(page, 'prs', PIN, 'فریبا');
  const sw = await ServiceWorkerDriver.of(page);
  await sw.permissions(['notifications', 'periodicBackgroundSync']);
  const papers = new PapersPage(page, 'prs');
  await papers.addPaper({ ...RECEIPT, validUntil: day(30) });
  await expect.poll(() => wakeDump(page)).toEqual([wakeLine([day(0), day(16), day(27), day(31)])]);
  // Asked at most twice a day (Chrome decides when, from how much the phone's owner uses it).
  await expect.poll(() => sw.periodicSyncTags()).toEqual(['carnet-reminders']);

  // Notifications turned off in the phone's settings, while Carnet is open.
  await sw.permissions(['periodicBackgroundSync']);
  // The whole database goes (polled by name: opening it to look would make it anew).
  const databases = () =>
    page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  await expect.poll(databases).not.toContain('carnet-wake');
  expect(await wakeDump(page)).toEqual([]);
  await expect.poll(() => sw.periodicSyncTags()).toEqual([]);
});
