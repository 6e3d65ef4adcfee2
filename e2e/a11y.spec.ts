import { expect, test } from './fixtures.ts';
import { OnboardingPage } from './pages/onboarding-page.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { UnlockPage } from './pages/unlock-page.ts';
import { violations } from './axe.ts';
import { setUpRecord } from './pages/setup.ts';

test('every patient screen passes WCAG 2.1 AA checks at 360 px', async ({ page }) => {
  const onboarding = new OnboardingPage(page);
  await onboarding.open();
  await onboarding.languageButton().waitFor();
  expect(await violations(page)).toEqual([]);
  await onboarding.chooseLanguage();
  expect(await violations(page)).toEqual([]);
  await onboarding.createWithPin('482915');
  expect(await violations(page)).toEqual([]);
  await onboarding.confirmRecoveryWritten();
  expect(await violations(page)).toEqual([]);
  await onboarding.createProfile('Amina');
  const summary = new SummaryPage(page);
  await summary.addAllergyFromList('penicil', /Pénicillines/);
  await expect(page.getByRole('heading', { name: 'Amina', level: 1 })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Ajouter un médicament' }).click();
  await page.getByRole('combobox', { name: 'Chercher dans la liste' }).fill('para');
  expect(await violations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Retour' }).click();

  await page.getByRole('link', { name: 'Réglages' }).click();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Retour' }).click();

  await page.getByRole('link', { name: 'Montrer à un médecin' }).click();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Créer le lien' }).click();
  await expect(page.getByRole('img', { name: 'Code QR du lien de partage' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.reload();
  await expect(new UnlockPage(page).heading).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('works with the keyboard alone: unlock, open an entry, come back', async ({ page }) => {
  await setUpRecord(page, '482915', 'Amina');
  const summary = new SummaryPage(page);
  await summary.addNote('Note au clavier');
  await expect(summary.section('Notes').getByText('Note au clavier')).toBeVisible();
  await page.reload();
  // The PIN field takes the focus by itself: no tap needed.
  await expect(page.getByLabel('Code', { exact: true })).toBeFocused();
  await page.keyboard.type('482915');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Amina', level: 1 })).toBeVisible();
  const note = page.getByRole('link', { name: /Note au clavier/ });
  for (let i = 0; i < 40 && !(await note.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Modifier la note' })).toBeVisible();
});

test('stays usable at 200 % zoom: nothing wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 180, height: 370 });
  await setUpRecord(page, '482915', 'Amina');
  await expect(page.getByRole('heading', { name: 'Amina', level: 1 })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
