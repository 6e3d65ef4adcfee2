import { expect, test } from './fixtures.ts';
import { label } from './locales.ts';

const ar = (ns: string, path: string) => label('ar', ns, path);

test('in Arabic the whole app runs right to left, with Arabic search and French beside', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'العربية', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await page.getByRole('button', { name: ar('common', 'continue') }).click();

  await page.getByLabel(ar('onboarding', 'secret.new.pin')).fill('482915');
  await page.getByLabel(ar('onboarding', 'secret.confirm.pin')).fill('482915');
  await page.getByRole('button', { name: ar('onboarding', 'secret.create') }).click();
  await page.getByLabel(ar('onboarding', 'recovery.confirm')).check();
  await page.getByRole('button', { name: ar('common', 'continue') }).click();
  await page.getByLabel(ar('summary', 'profile.name')).fill('أمينة');
  await page.getByRole('button', { name: ar('common', 'save') }).click();
  await expect(page.getByRole('heading', { name: 'أمينة', level: 1 })).toBeVisible();

  // The allergy is found by typing its first Arabic letters.
  await page.getByRole('link', { name: ar('entry', 'add.allergy') }).click();
  const penicillins = ar('vocab', 'allergy.penicillins');
  await page
    .getByRole('combobox', { name: ar('entry', 'picker.label') })
    .fill(penicillins.slice(0, 4));
  await page
    .getByRole('option', { name: new RegExp(penicillins.slice(0, 6)) })
    .first()
    .click();

  // The back arrow points right in a right-to-left language.
  const back = page.getByRole('link', { name: ar('common', 'back') }).locator('svg');
  expect(await back.evaluate((el) => getComputedStyle(el).transform)).toBe(
    'matrix(-1, 0, 0, 1, 0, 0)',
  );
  // Logical properties: the header starts on the right.
  const header = await page.locator('.app-header-start').boundingBox();
  expect(header!.x).toBeGreaterThan(180);
  await page.getByRole('button', { name: ar('common', 'save') }).click();

  const allergies = page.getByRole('region', { name: ar('entry', 'kinds.allergy') });
  await expect(allergies.getByText(penicillins)).toBeVisible();
  await page.getByRole('button', { name: ar('summary', 'bilingual') }).click();
  await expect(allergies.getByText(label('fr', 'vocab', 'allergy.penicillins'))).toBeVisible();
  await expect(allergies.locator('[lang="fr"]')).toHaveAttribute('dir', 'ltr');

  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
