import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { label } from './locales.ts';
import { setUpRecord } from './pages/setup.ts';
import { SharePage } from './pages/share-page.ts';
import { SharesPage } from './pages/shares-page.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { UnlockPage } from './pages/unlock-page.ts';
import { ViewerPage } from './pages/viewer-page.ts';

const PIN = '591736';
const NAME = 'Amina';
const DOCTOR = 'Dr Martin, PASS de Lyon';

/** A patient with one allergy who makes a PIN-protected link for a doctor. */
async function patientShares(page: Page): Promise<{ link: string; pin: string }> {
  await setUpRecord(page, PIN, NAME);
  await new SummaryPage(page).addAllergyFromList('penicil', /Pénicillines/);
  const share = new SharePage(page);
  await share.open();
  const { link, pin } = await share.create();
  expect(pin).toMatch(/^\d{4}$/);
  return { link, pin: pin! };
}

/** The doctor, on their own phone, opens the link with the right PIN. */
async function doctorOpens(browser: Browser, link: string, pin: string): Promise<void> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const viewer = new ViewerPage(await context.newPage());
  await viewer.open(link);
  await viewer.giveName(DOCTOR);
  await viewer.givePin(pin);
  await expect(viewer.patientName(NAME)).toBeVisible();
  await context.close();
}

/** Someone else guesses PINs until the relay blocks the link. */
async function strangerGuesses(browser: Browser, link: string, pin: string): Promise<void> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  const viewer = new ViewerPage(page);
  await viewer.open(link);
  await viewer.giveName('Inconnu');
  const wrong = pin === '0000' ? '1111' : '0000';
  // The budget is the relay's business: guess until it answers that none is left.
  for (let guess = 0; guess < 20; guess++) {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/shl/')),
      viewer.givePin(wrong),
    ]);
    expect(response.status()).toBe(401);
    const { remainingAttempts } = (await response.json()) as { remainingAttempts: number };
    if (remainingAttempts === 0) break;
    await expect(viewer.pinProblem).toBeVisible();
  }
  await expect(viewer.messageTitle(label('fr', 'viewer', 'error.locked.title'))).toBeVisible();
  await context.close();
}

/** Reloads (which locks the vault), unlocks and is back on "Mes partages". */
async function reloadToShares(page: Page, shares: SharesPage): Promise<void> {
  await page.reload();
  const unlock = new UnlockPage(page);
  await expect(unlock.heading).toBeVisible();
  await unlock.unlock(PIN);
  // Unlocking returns to the screen that was open; from the summary, one tap.
  const summary = page.getByRole('heading', { name: NAME, level: 1 });
  await expect(shares.heading.or(summary)).toBeVisible();
  if (await summary.isVisible()) await shares.openFromSummary();
}

test('a share the relay blocked after wrong PINs says so, keeps who opened it, after a reload and offline', async ({
  page,
  context,
  browser,
}) => {
  const { link, pin } = await patientShares(page);
  await doctorOpens(browser, link, pin);
  await strangerGuesses(browser, link, pin);

  const shares = new SharesPage(page);
  await shares.openFromQr();
  const item = shares.item();
  await expect(shares.state(item, 'blocked')).toBeVisible();
  await expect(shares.blockedExplanation(item)).toBeVisible();
  await expect(shares.openedBy(item, DOCTOR)).toBeVisible();
  await expect(shares.state(item, 'active')).toHaveCount(0);
  await expect(shares.notOpened(item)).toHaveCount(0);
  await expect(item.getByRole('button', { name: label('fr', 'share', 'list.revoke') })).toHaveCount(
    0,
  );

  // After a reload, from what the phone kept.
  await reloadToShares(page, shares);
  await expect(shares.state(item, 'blocked')).toBeVisible();
  await expect(shares.openedBy(item, DOCTOR)).toBeVisible();

  // Offline: the service worker serves the app, the sealed share says the same.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
  await context.setOffline(true);
  await reloadToShares(page, shares);
  await expect(shares.state(item, 'blocked')).toBeVisible();
  await expect(shares.blockedExplanation(item)).toBeVisible();
  await expect(shares.openedBy(item, DOCTOR)).toBeVisible();
  await expect(shares.checkedAt(item)).toBeVisible();
  await context.setOffline(false);
});

test('a withdrawn share keeps who opened it, even an open just before the withdrawal, after a reload', async ({
  page,
  browser,
}) => {
  const { link, pin } = await patientShares(page);
  const shares = new SharesPage(page);
  await shares.openFromQr();
  const item = shares.item();
  await expect(shares.state(item, 'active')).toBeVisible();
  await expect(shares.notOpened(item)).toBeVisible();

  // The doctor opens it while the list is on screen; withdrawing it looks one last time.
  await doctorOpens(browser, link, pin);
  await shares.revoke(item);
  await expect(shares.state(item, 'revoked')).toBeVisible();
  await expect(shares.openedBy(item, DOCTOR)).toBeVisible();

  await reloadToShares(page, shares);
  await expect(shares.state(item, 'revoked')).toBeVisible();
  await expect(shares.openedBy(item, DOCTOR)).toBeVisible();
  await expect(shares.notOpened(item)).toHaveCount(0);
});
