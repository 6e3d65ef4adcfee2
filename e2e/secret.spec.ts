import { expect, test } from './fixtures.ts';
import { OnboardingPage } from './pages/onboarding-page.ts';
import { setUpRecord } from './pages/setup.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { NewSecretPage, SecretChangeForm, UnlockPage } from './pages/unlock-page.ts';

const NAME = 'Amina Testeuse';
const PIN = '482915';
const NEW_PIN = '135790';

test('a PIN created in Arabic-Indic digits opens with the same PIN in Latin digits', async ({
  page,
  requestLog,
}) => {
  const onboarding = new OnboardingPage(page);
  const unlock = new UnlockPage(page);
  const summary = new SummaryPage(page);

  await onboarding.open();
  await onboarding.chooseLanguage();
  // Typed once in Arabic-Indic digits and once in Persian ones: the same PIN, 246813.
  await onboarding.typePin('٢٤٦٨١٣', '۲۴۶۸۱۳');
  await expect(onboarding.invalidPinFields()).toHaveCount(0);
  const recovery = await onboarding.submitPin();
  expect(recovery).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{2,4})+$/);
  await onboarding.confirmRecoveryWritten();
  await onboarding.createProfile(NAME);
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();

  await summary.lock();
  await expect(unlock.heading).toBeVisible();
  await unlock.unlock('246813');
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
  for (const pin of ['٢٤٦٨١٣', '246813']) expect(requestLog.containing(pin)).toEqual([]);
});

test('after the recovery code, a new PIN comes first, even after a reload', async ({ page }) => {
  const unlock = new UnlockPage(page);
  const summary = new SummaryPage(page);
  const newSecret = new NewSecretPage(page);
  const recovery = await setUpRecord(page, PIN, NAME);
  const record = page.getByRole('heading', { name: NAME, level: 1 });

  await summary.lock();
  await unlock.unlockWithRecovery(recovery.toLowerCase().replace(/-/g, ' '));
  await expect(newSecret.heading).toBeVisible();
  await expect(newSecret.why).toBeVisible();
  // The patient has forgotten the PIN: it is not asked. Nothing of the record shows.
  await expect(newSecret.form.current).toHaveCount(0);
  await expect(record).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Réglages' })).toHaveCount(0);

  // A reload locks, as always; opening again still leads here, not to the record.
  await page.reload();
  await expect(unlock.heading).toBeVisible();
  await unlock.unlockWithRecovery(recovery);
  await expect(newSecret.heading).toBeVisible();
  await expect(record).toHaveCount(0);

  // Opened with the old PIN after a reload, the screen still comes first, and asks for it.
  await page.reload();
  await unlock.unlock(PIN);
  await expect(newSecret.heading).toBeVisible();
  await expect(newSecret.form.current).toBeVisible();

  await page.reload();
  await unlock.unlockWithRecovery(recovery);
  await expect(newSecret.heading).toBeVisible();
  await newSecret.form.change(NEW_PIN);
  await expect(record).toBeVisible();

  await summary.lock();
  await unlock.unlock(PIN);
  await expect(unlock.error).toContainText("Ce code n'est pas le bon");
  await unlock.unlock(NEW_PIN);
  await expect(record).toBeVisible();
  // Saved: the flag is gone, a reload and the new PIN open the record itself.
  await page.reload();
  await unlock.unlock(NEW_PIN);
  await expect(record).toBeVisible();
});

test('changing the PIN in the settings asks for the current one', async ({ page }) => {
  const unlock = new UnlockPage(page);
  const summary = new SummaryPage(page);
  const form = new SecretChangeForm(page);
  await setUpRecord(page, PIN, NAME);
  const record = page.getByRole('heading', { name: NAME, level: 1 });

  await page.getByRole('link', { name: 'Réglages' }).click();
  await form.change(NEW_PIN, '000000');
  await expect(form.currentError).toBeVisible();
  await expect(form.done).toHaveCount(0);

  // Nothing changed: the old PIN still opens Carnet, the new one does not.
  await page.getByRole('link', { name: 'Retour' }).click();
  await summary.lock();
  await unlock.unlock(NEW_PIN);
  await expect(unlock.error).toContainText("Ce code n'est pas le bon");
  await unlock.unlock(PIN);
  await expect(record).toBeVisible();

  await page.getByRole('link', { name: 'Réglages' }).click();
  await form.change(NEW_PIN, PIN);
  await expect(form.done).toBeVisible();
  await page.getByRole('link', { name: 'Retour' }).click();
  await summary.lock();
  await unlock.unlock(PIN);
  await expect(unlock.error).toContainText("Ce code n'est pas le bon");
  await unlock.unlock(NEW_PIN);
  await expect(record).toBeVisible();
});
