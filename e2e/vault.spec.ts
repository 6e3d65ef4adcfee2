import { expect, test } from './fixtures.ts';
import { countRows, dumpIndexedDb } from './idb.ts';
import { OnboardingPage } from './pages/onboarding-page.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { NewSecretPage, UnlockPage } from './pages/unlock-page.ts';
import { setUpRecord } from './pages/setup.ts';

const PIN = '482915';
const MARKER = 'MARQUEUR-7f3a9c-ZEBRE';
const NAME = 'Amina Testeuse';

test('set up, add, reload, refuse a wrong PIN, unlock, find nothing readable, work offline', async ({
  page,
  context,
  baseURL,
  requestLog,
}) => {
  const onboarding = new OnboardingPage(page);
  const unlock = new UnlockPage(page);
  const summary = new SummaryPage(page);

  await onboarding.open();
  await onboarding.chooseLanguage();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const recovery = await onboarding.createWithPin(PIN);
  expect(recovery).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{2,4})+$/);
  await onboarding.confirmRecoveryWritten();
  await onboarding.createProfile(NAME);
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();

  await summary.addAllergyFromList('penicil', /Pénicillines/);
  await expect(summary.section('Allergies').getByText(/Pénicillines/)).toBeVisible();
  await summary.addNote(MARKER);
  await expect(summary.section('Notes').getByText(MARKER)).toBeVisible();

  // A reload forgets the vault key: the app opens locked.
  await page.reload();
  await expect(unlock.heading).toBeVisible();
  await unlock.unlock('000000');
  await expect(unlock.error).toContainText("Ce code n'est pas le bon");
  await expect(page.getByText(MARKER)).toHaveCount(0);

  await unlock.unlock(PIN);
  await expect(summary.section('Allergies').getByText(/Pénicillines/)).toBeVisible();
  await expect(summary.section('Notes').getByText(MARKER)).toBeVisible();

  // Nothing readable at rest: not the note, not the name, not the allergy.
  const counts = await countRows(page, 'carnet');
  expect(counts.entries).toBe(2);
  expect(counts.profiles).toBe(1);
  const dump = await dumpIndexedDb(page);
  for (const secret of [MARKER, NAME, 'Amina', 'nicilline', 'allergy', PIN, recovery]) {
    expect(dump).not.toContain(secret);
  }

  // Offline after one online visit: the service worker serves the app, unlock still works.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect(unlock.heading).toBeVisible();
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(unlock.heading).toBeVisible();
  await unlock.unlock(PIN);
  await expect(summary.section('Notes').getByText(MARKER)).toBeVisible();
  await context.setOffline(false);

  // Every request went to our own origin, and none carried the PIN or the note.
  expect(requestLog.foreign(new URL(baseURL!).origin)).toEqual([]);
  expect(requestLog.containing(PIN)).toEqual([]);
  expect(requestLog.containing(MARKER)).toEqual([]);
});

test('locks on demand and after the recovery code opens it, asks for a new PIN', async ({
  page,
}) => {
  const unlock = new UnlockPage(page);
  const summary = new SummaryPage(page);
  const recovery = await setUpRecord(page, PIN, NAME);

  await summary.lock();
  await expect(unlock.heading).toBeVisible();
  await unlock.unlockWithRecovery(recovery.toLowerCase().replace(/-/g, ' '));
  // The recovery code leads to a new PIN first (e2e/secret.spec.ts covers that screen).
  const newSecret = new NewSecretPage(page);
  await expect(newSecret.heading).toBeVisible();
  await newSecret.form.change('135790');
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();

  await page.reload();
  await unlock.unlock(PIN);
  await expect(unlock.error).toContainText("Ce code n'est pas le bon");
  await unlock.unlock('135790');
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
});

test('on the very first visit, once the app is cached, every screen opens offline without a reload', async ({
  page,
  context,
}) => {
  await setUpRecord(page, PIN, NAME);
  // The first service worker takes control by itself once everything is precached.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Réglages' }).click();
  await expect(page.getByRole('heading', { name: 'Réglages', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Retour' }).click();
  await page.getByRole('link', { name: 'Montrer à un médecin' }).click();
  await expect(page.getByText(/Partager demande une connexion Internet/)).toBeVisible();
  await context.setOffline(false);
});
