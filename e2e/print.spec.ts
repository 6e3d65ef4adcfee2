import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { label, phrase } from './locales.ts';
import { setUpRecordIn } from './pages/setup.ts';
import { SummaryPage } from './pages/summary-page.ts';

// The summary on paper, for a doctor without a smartphone: the patient's language facing
// French, sensitive items left off unless ticked, printable offline.

const SECRET = 'Suivi psychologique XYZ';

/** A penicillin allergy from the list and a sensitive problem typed by hand, in `lng`. */
async function allergyAndSecret(page: Page, lng: string): Promise<void> {
  const l = (ns: string, key: string) => label(lng, ns, key);
  const summary = new SummaryPage(page, lng);
  const penicillins = l('vocab', 'allergy.penicillins');
  await summary.addAllergyFromList(penicillins.slice(0, 4), new RegExp(penicillins.slice(0, 6)));
  await page.getByRole('link', { name: l('entry', 'add.condition') }).click();
  await page.getByLabel(l('entry', 'field.freeText')).fill(SECRET);
  await page.getByLabel(l('entry', 'field.sensitive')).check();
  await summary.save();
  await expect(page.getByText(SECRET)).toBeVisible();
}

test('in Arabic: the paper faces Arabic with French, right to left, without the sensitive problem', async ({
  page,
}) => {
  const ar = (ns: string, key: string) => label('ar', ns, key);
  await setUpRecordIn(page, 'ar', '482915', 'أمينة رحيمي');
  await allergyAndSecret(page, 'ar');
  await page.getByRole('link', { name: ar('share', 'print.open') }).click();
  const sheet = page.getByRole('article', { name: ar('share', 'print.preview') });
  await expect(sheet).toBeVisible();

  // Sensitive items start unticked: the problem typed by hand is not on the paper.
  await expect(sheet.getByText(SECRET)).toHaveCount(0);
  await expect(sheet.getByText(ar('vocab', 'allergy.penicillins'))).toBeVisible();
  await expect(sheet.getByText(label('fr', 'vocab', 'allergy.penicillins'))).toBeVisible();
  await expect(
    sheet.getByText(phrase('fr', 'share', 'print.disclaimer', { date: '' }).slice(0, 30)),
  ).toBeVisible();

  // Right to left: the Arabic column is on the right, the French one on the left.
  const arabic = sheet.getByText(ar('vocab', 'allergy.penicillins'));
  const french = sheet.getByText(label('fr', 'vocab', 'allergy.penicillins'));
  await expect(arabic.locator('xpath=ancestor::td[1]')).toHaveAttribute('dir', 'rtl');
  const [a, f] = [await arabic.boundingBox(), await french.boundingBox()];
  expect(a!.x).toBeGreaterThan(f!.x);

  // Printed, only the sheet shows: no choices, no buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(page.getByRole('button', { name: ar('share', 'print.print') })).toBeHidden();
  await expect(page.getByRole('checkbox').first()).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

test('in French, offline: ticking the sensitive problem puts it on the paper, and it still prints', async ({
  page,
  context,
}) => {
  await setUpRecordIn(page, 'fr', '482915', 'Amal Haddad');
  await allergyAndSecret(page, 'fr');
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Imprimer ou enregistrer en PDF' }).click();
  const sheet = page.getByRole('article', { name: 'Aperçu de la feuille' });
  await expect(sheet.getByText(SECRET)).toHaveCount(0);
  await page.getByRole('checkbox', { name: new RegExp(SECRET) }).check();
  await expect(sheet.getByText(SECRET)).toBeVisible();
  // Offline, the QR code cannot be made: the option is off and says why.
  await expect(page.getByRole('checkbox', { name: /QR code/ })).toBeDisabled();
  await expect(page.getByText('Sans internet, la feuille s’imprime sans QR code.')).toBeVisible();
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
});
