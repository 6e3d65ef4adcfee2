import { makePdf } from './document-fixtures.ts';
import { expect, test } from './fixtures.ts';
import { DocumentsPage } from './pages/documents-page.ts';
import { setUpRecord } from './pages/setup.ts';

test('a paper linked to a health problem is one tap away from it, both ways', async ({ page }) => {
  await setUpRecord(page, '482915', 'Amina');
  await page.getByRole('link', { name: 'Ajouter un problème de santé' }).click();
  await page.getByLabel('Ou écrivez-le vous-même').fill('Diabète de type 2');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  const docs = new DocumentsPage(page);
  await docs.openFromSummary();
  await docs.add(
    [{ name: 'hba1c.pdf', mimeType: 'application/pdf', buffer: makePdf('HBA1C') }],
    1,
    'HbA1c octobre',
    "Résultat d'analyse",
  );
  await page.getByRole('button', { name: 'Modifier' }).click();
  await page
    .getByRole('group', { name: 'Lié à' })
    .getByLabel(/Diabète de type 2/)
    .check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await page.getByRole('link', { name: 'Diabète de type 2' }).click();
  const linked = page.getByRole('region', { name: 'Lié à' });
  await linked.getByRole('link', { name: 'HbA1c octobre' }).click();
  await expect(page.getByRole('heading', { name: 'HbA1c octobre' })).toBeVisible();
});
