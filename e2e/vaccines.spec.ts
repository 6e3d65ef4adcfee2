import { expect, test } from './fixtures.ts';
import { label, phrase } from './locales.ts';
import { setUpRecordIn } from './pages/setup.ts';

// A child's vaccinations against the French schedule, read by a parent in Arabic.

/** The date `months` months before today, as YYYY-MM-DD. */
function monthsAgo(months: number): string {
  const d = new Date();
  d.setMonth(d.getMonth() - months);
  return d.toLocaleDateString('sv-SE');
}

test('in Arabic: a child born 14 months ago with only the 2-month vaccine has the 11- and 12-month ones overdue', async ({
  page,
}) => {
  const ar = (ns: string, key: string) => label('ar', ns, key);
  await setUpRecordIn(page, 'ar', '482915', 'مريم');
  await page.getByRole('link', { name: ar('summary', 'profiles.addChild') }).click();
  await page.getByLabel(ar('summary', 'profile.name')).fill('يوسف');
  await page.getByLabel(ar('summary', 'profile.birthDate')).fill(monthsAgo(14));
  await page.getByRole('button', { name: ar('common', 'save') }).click();
  await expect(page.getByRole('heading', { name: 'يوسف', level: 1 })).toBeVisible();

  // The 2-month dose, picked from the list by its French name.
  await page.getByRole('link', { name: ar('entry', 'add.vaccination') }).click();
  await page.getByRole('combobox', { name: ar('entry', 'picker.label') }).fill('Hexavalent');
  await page.getByRole('option').first().click();
  await page.getByLabel(ar('entry', 'field.date'), { exact: true }).fill(monthsAgo(12));
  await page.getByRole('button', { name: ar('common', 'save') }).click();

  // The summary says vaccines are late and leads to the schedule.
  const vaccines = page.getByRole('region', { name: ar('entry', 'kinds.vaccination') });
  // 13 doses from 2 to 12 months are late: all but the 2-month hexavalent one.
  const late = vaccines.getByRole('link', {
    name: phrase('ar', 'entry', 'schedule.late_many', { count: 13 }),
  });
  await expect(late).toBeVisible();
  await late.click();
  await expect(
    page.getByRole('heading', { name: ar('entry', 'schedule.title'), level: 1 }),
  ).toBeVisible();

  const milestone = (key: string, count: number) =>
    page.getByRole('listitem').filter({
      has: page.getByRole('heading', {
        name: phrase('ar', 'entry', `${key}_${new Intl.PluralRules('ar').select(count)}`, {
          count,
        }),
        exact: true,
      }),
    });
  const done = milestone('schedule.atMonths', 2).locator('.vaccine-dose.is-done');
  await expect(done).toHaveCount(1);
  await expect(done).toContainText(ar('vocab', 'vaccine.hexavalent'));
  for (const months of [11, 12]) {
    const doses = milestone('schedule.atMonths', months).locator('.vaccine-dose');
    const count = await doses.count();
    expect(count).toBeGreaterThan(0);
    await expect(
      milestone('schedule.atMonths', months).locator('.vaccine-dose.is-overdue'),
    ).toHaveCount(count);
  }
  await expect(milestone('schedule.atMonths', 16).locator('.vaccine-dose.is-later')).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});
