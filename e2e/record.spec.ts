import { expect, test } from './fixtures.ts';
import { label } from './locales.ts';
import { setUpRecord } from './pages/setup.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { UnlockPage } from './pages/unlock-page.ts';

const PIN = '739164';

test('a child has a record of its own; entries are edited and deleted', async ({ page }) => {
  await setUpRecord(page, PIN, 'Mariam');
  const summary = new SummaryPage(page);

  await page.getByRole('link', { name: 'Ajouter un enfant' }).click();
  await page.getByLabel('Nom et prénom').fill('Yusuf');
  await page.getByLabel('Date de naissance').fill('2019-05-04');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: 'Yusuf', level: 1 })).toBeVisible();

  // The child's vaccination, picked from the list by its French name.
  await page.getByRole('link', { name: 'Ajouter un vaccin' }).click();
  await page.getByRole('combobox', { name: 'Chercher dans la liste' }).fill('ROR');
  await page.getByRole('option').first().click();
  await page.getByLabel('Date', { exact: true }).fill('2020-06-01');
  await page.getByLabel('Numéro de la dose').fill('1');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const vaccines = summary.section('Vaccins');
  await expect(vaccines.getByText(/dose 1/)).toBeVisible();

  // The mother's record does not show the child's vaccine.
  await page.getByRole('button', { name: 'Mariam' }).click();
  await expect(page.getByRole('heading', { name: 'Mariam', level: 1 })).toBeVisible();
  await expect(summary.section('Vaccins').getByText('Aucun vaccin enregistré.')).toBeVisible();

  // A medicine typed as free text, then edited, then deleted.
  await page.getByRole('link', { name: 'Ajouter un médicament' }).click();
  await page.getByLabel('Ou écrivez-le vous-même').fill('Sirop maison');
  await summary.fillDose({ amount: '5', unit: 'mL' });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await summary.section('Médicaments').getByText('Sirop maison').click();
  await summary.fillDose({ amount: '10' });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(summary.section('Médicaments').getByText(/10 mL/)).toBeVisible();
  await summary.section('Médicaments').getByText('Sirop maison').click();
  await page.getByRole('button', { name: 'Supprimer' }).click();
  await page.getByRole('button', { name: 'Oui, supprimer' }).click();
  await expect(
    summary.section('Médicaments').getByText('Aucun médicament enregistré.'),
  ).toBeVisible();
});

test('a bad field is explained, and what was typed is kept', async ({ page }) => {
  await setUpRecord(page, PIN, 'Mariam');
  await page.getByRole('link', { name: 'Ajouter un médicament' }).click();
  await new SummaryPage(page).fillDose({ amount: '500', unit: 'mg' });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Ce champ est obligatoire.')).toBeVisible();
  await expect(page.getByText(/Rien n'a été enregistré/)).toBeVisible();
  await expect(page.getByLabel(label('fr', 'entry', 'field.amount'), { exact: true })).toHaveValue(
    '500',
  );
  await page.getByLabel('Ou écrivez-le vous-même').fill('Paracétamol');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(new SummaryPage(page).section('Médicaments').getByText('Paracétamol')).toBeVisible();
});

test('locks itself after five idle minutes and after a minute hidden', async ({ page }) => {
  await page.clock.install();
  await setUpRecord(page, PIN, 'Mariam');
  const unlock = new UnlockPage(page);

  await page.clock.runFor(4 * 60_000);
  await expect(page.getByRole('heading', { name: 'Mariam', level: 1 })).toBeVisible();
  await page.clock.runFor(61_000);
  await expect(unlock.heading).toBeVisible();
  await expect(page.getByText('Mariam')).toHaveCount(0);

  await unlock.unlock(PIN);
  await expect(page.getByRole('heading', { name: 'Mariam', level: 1 })).toBeVisible();
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  // The hidden-for-a-minute timer locks, and locking reloads the page (a fresh realm).
  await page.clock.runFor(61_000);
  await expect(unlock.heading).toBeVisible();
  await expect(page.getByText('Mariam')).toHaveCount(0);
});

test('settings show whether the browser keeps the data, and the lock delay', async ({ page }) => {
  await setUpRecord(page, PIN, 'Mariam');
  await page.getByRole('link', { name: 'Réglages' }).click();
  await expect(page.getByTestId('persisted')).toHaveText(/navigateur/);
  await expect(page.getByText(/Utilisé :/)).toBeVisible();
  await page.getByLabel('Verrouiller après').selectOption('2');
  await page.reload();
  await new UnlockPage(page).unlock(PIN);
  await expect(page.getByLabel('Verrouiller après')).toHaveValue('2');
});
