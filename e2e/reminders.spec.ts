import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { PapersPage, shown } from './pages/papers-page.ts';
import { setUpRecordIn } from './pages/setup.ts';
import { UnlockPage } from './pages/unlock-page.ts';

// Reminders in Dari: papers that end and children's vaccines, on the summary and, when the
// patient allowed it, as one notification per stage whose words say nothing on a lock screen.

const PIN = '482915';

interface Shown {
  title: string;
  body: string;
  lang: string;
  tag: string;
}

/**
 * Records every notification the app shows through its service worker, across reloads of
 * the tab (sessionStorage), instead of showing it. With `permission` 'default', the phone's
 * question is recorded too and answered "allow".
 */
async function watchNotifications(page: Page, permission: 'granted' | 'default'): Promise<void> {
  await page.addInitScript((start: NotificationPermission) => {
    const read = (key: string) => JSON.parse(sessionStorage.getItem(key) ?? '[]') as unknown[];
    const push = (key: string, value: unknown) =>
      sessionStorage.setItem(key, JSON.stringify([...read(key), value]));
    let state = (sessionStorage.getItem('permission') as NotificationPermission | null) ?? start;
    Object.defineProperty(Notification, 'permission', { configurable: true, get: () => state });
    Notification.requestPermission = () => {
      push('asked', Date.now());
      state = 'granted';
      sessionStorage.setItem('permission', state);
      return Promise.resolve(state);
    };
    ServiceWorkerRegistration.prototype.showNotification = function (title, options) {
      push('shown', { title, body: options?.body, lang: options?.lang, tag: options?.tag });
      return Promise.resolve();
    };
  }, permission);
}

const notifications = (page: Page) =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem('shown') ?? '[]') as Shown[]);
const asked = (page: Page) =>
  page.evaluate(() => (JSON.parse(sessionStorage.getItem('asked') ?? '[]') as unknown[]).length);
/** Resolves once the service worker is active: a notification due by then has been shown. */
const workerReady = (page: Page) =>
  page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

/** Reloads the app on `day` (local time) and unlocks it with the PIN. */
async function openOn(page: Page, day: string): Promise<void> {
  await page.clock.setFixedTime(new Date(`${day}T10:00:00`));
  await page.reload();
  await new UnlockPage(page, 'prs').unlock(PIN);
}

test('in Dari: a residence permit receipt is notified at 30 and 14 days, once each, in words that reveal nothing', async ({
  page,
}) => {
  await watchNotifications(page, 'granted');
  await page.clock.setFixedTime(new Date('2027-03-01T10:00:00'));
  await setUpRecordIn(page, 'prs', PIN, 'فریبا');
  const papers = new PapersPage(page, 'prs');
  await papers.addPaper({
    scheme: 'residence-receipt',
    number: 'R-33-0012',
    issuer: 'Préfecture de la Gironde',
    validUntil: '2027-03-31',
  });
  const receipt = papers.t('entry', 'scheme.residence-receipt');
  await expect(papers.paperReminder(receipt, 30)).toBeVisible();
  // Its end date in the calendar of the paper in hand: 2027, not the Solar Hijri 1406.
  await expect(papers.admin).toContainText(/۲۰۲۷|2027/);
  await expect(papers.admin).not.toContainText(/۱۴۰۵|۱۴۰۶|1405|1406/);

  // One notification, generic, in Dari (or its fallback while the Dari words are drafted).
  await expect.poll(() => notifications(page)).toHaveLength(1);
  const [first] = await notifications(page);
  expect(first).toEqual({
    title: shown('prs', 'summary', 'reminders.notification.title'),
    body: shown('prs', 'summary', 'reminders.notification.paper'),
    lang: 'prs',
    tag: 'carnet-reminder',
  });
  for (const secret of ['R-33-0012', 'Gironde', receipt, 'فریبا']) {
    expect(JSON.stringify(first)).not.toContain(secret);
  }

  // Opened again the next day: same stage, the reminder stays on the summary, no notification.
  await openOn(page, '2027-03-02');
  await expect(papers.paperReminder(receipt, 29)).toBeVisible();
  await workerReady(page);

  // Fourteen days before: one more.
  await openOn(page, '2027-03-17');
  await expect(papers.paperReminder(receipt, 14)).toBeVisible();
  await expect.poll(async () => (await notifications(page)).length).toBe(2);
  await openOn(page, '2027-03-18');
  await expect(papers.paperReminder(receipt, 13)).toBeVisible();
  await workerReady(page);
  expect(await notifications(page)).toHaveLength(2);
  expect(await asked(page)).toBe(0);
});

test('in Dari: notifications are asked for only from the button, never on opening', async ({
  page,
}) => {
  await watchNotifications(page, 'default');
  await page.clock.setFixedTime(new Date('2027-03-01T10:00:00'));
  await setUpRecordIn(page, 'prs', PIN, 'فریبا');
  const papers = new PapersPage(page, 'prs');
  const ask = page.getByRole('button', { name: papers.t('summary', 'reminders.notify.ask') });
  // No reminder yet: the choice sits with the administrative papers.
  await expect(
    papers.admin.getByRole('button', { name: papers.t('summary', 'reminders.notify.ask') }),
  ).toBeVisible();
  await papers.addPaper({ scheme: 'domiciliation', validUntil: '2027-03-04' });
  const domiciliation = papers.t('entry', 'scheme.domiciliation');
  await expect(papers.paperReminder(domiciliation, 3)).toBeVisible();
  await expect(
    papers.reminders.getByRole('button', { name: papers.t('summary', 'reminders.notify.ask') }),
  ).toBeVisible();
  await workerReady(page);
  expect(await asked(page)).toBe(0);
  expect(await notifications(page)).toEqual([]);

  await ask.click();
  await expect(page.getByText(papers.t('summary', 'reminders.notify.on'))).toBeVisible();
  expect(await asked(page)).toBe(1);
  await expect.poll(async () => (await notifications(page)).length).toBe(1);
});

test('in Dari: a child’s vaccines due are reminded on the child’s summary, not the parent’s', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2027-03-01T10:00:00'));
  await setUpRecordIn(page, 'prs', PIN, 'فریبا');
  const papers = new PapersPage(page, 'prs');
  await page.getByRole('link', { name: papers.t('summary', 'profiles.addChild') }).click();
  await page.getByLabel(papers.t('summary', 'profile.name')).fill('یوسف');
  // Two months old today: the 2-month vaccines (three doses) are due.
  await page.getByLabel(papers.t('summary', 'profile.birthDate')).fill('2027-01-01');
  await page.getByRole('button', { name: papers.t('common', 'save') }).click();
  await expect(page.getByRole('heading', { name: 'یوسف', level: 1 })).toBeVisible();

  const due = papers.reminders.getByRole('link', {
    name: papers.t('summary', 'reminders.vaccine.dueNow', { name: 'یوسف', count: 3 }),
  });
  await expect(due).toBeVisible();

  await page.getByRole('button', { name: 'فریبا', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'فریبا', level: 1 })).toBeVisible();
  await expect(papers.reminders).toHaveCount(0);

  await page.getByRole('button', { name: 'یوسف', exact: true }).click();
  await due.click();
  await expect(
    page.getByRole('heading', { name: papers.t('entry', 'schedule.title'), level: 1 }),
  ).toBeVisible();
});
