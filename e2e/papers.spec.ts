import { violations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { PapersPage, fakeVoice, spoken } from './pages/papers-page.ts';
import { setUpRecordIn } from './pages/setup.ts';

// Administrative papers, read by a patient in Arabic: their own part of the summary, apart
// from health, and a reminder in the patient's language when one is about to end.

test('in Arabic: an AME card ending in 10 days sits under administrative papers, apart from health, with a reminder read aloud', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2027-03-01T10:00:00'));
  await fakeVoice(page, 'ar');
  await setUpRecordIn(page, 'ar', '482915', 'أمينة');
  const papers = new PapersPage(page, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  await papers.addPaper({
    scheme: 'AME',
    number: '2 75 12 99 123 456',
    issuer: 'CPAM de la Gironde',
    validFrom: '2026-03-12',
    validUntil: '2027-03-11',
  });

  // In the administrative part, with its number and who issued it; not under health.
  const ame = papers.t('entry', 'scheme.AME');
  const rights = papers.admin.getByRole('region', { name: papers.t('entry', 'kinds.right') });
  await expect(rights.getByText(ame, { exact: true })).toBeVisible();
  await expect(rights.getByText(/2 75 12 99 123 456/)).toBeVisible();
  await expect(rights.getByText(/CPAM de la Gironde/)).toBeVisible();
  await expect(papers.health.getByText(ame)).toHaveCount(0);
  await expect(papers.health.getByRole('region')).toHaveCount(6);
  // Health first, the papers below it.
  const healthBox = await papers.health.boundingBox();
  const adminBox = await papers.admin.boundingBox();
  expect(adminBox!.y).toBeGreaterThan(healthBox!.y + healthBox!.height - 1);

  // The reminder, in the patient's language, one line that leads to the card.
  const reminder = papers.paperReminder(ame, 10);
  await expect(reminder).toBeVisible();
  expect(await violations(page)).toEqual([]);
  const line = papers.t('summary', 'reminders.paper.endsIn', { name: ame, count: 10 });
  await papers.reminders
    .getByRole('button', { name: papers.t('summary', 'readAloud', { name: line }) })
    .click();
  // The administrative part's heading is read aloud too.
  const adminTitle = papers.t('summary', 'groups.admin');
  await papers.admin
    .getByRole('button', { name: papers.t('summary', 'readAloud', { name: adminTitle }) })
    .first()
    .click();
  const said = await spoken(page);
  expect(said).toHaveLength(2);
  expect(said[0]).toBe(line);
  expect(said[1]).toContain(adminTitle);

  await reminder.click();
  await expect(
    page.getByRole('heading', { name: papers.t('entry', 'edit.right'), level: 1 }),
  ).toBeVisible();
  await expect(page.getByLabel(papers.t('entry', 'field.issuer'), { exact: true })).toHaveValue(
    'CPAM de la Gironde',
  );
});

test('in Arabic: an asylum claim certificate starts sensitive, and a paper far from its end has no reminder', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2027-03-01T10:00:00'));
  await setUpRecordIn(page, 'ar', '482915', 'أمينة');
  const papers = new PapersPage(page, 'ar');
  await papers.admin.getByRole('link', { name: papers.t('entry', 'add.right') }).click();
  await page
    .getByLabel(papers.t('entry', 'field.scheme'), { exact: true })
    .selectOption({ label: papers.t('entry', 'scheme.asylum-claim') });
  await expect(
    page.getByRole('checkbox', { name: papers.t('entry', 'field.sensitive') }),
  ).toBeChecked();
  await page.getByLabel(papers.t('entry', 'field.validUntil'), { exact: true }).fill('2027-09-01');
  await page.getByRole('button', { name: papers.t('common', 'save') }).click();

  const rights = papers.admin.getByRole('region', { name: papers.t('entry', 'kinds.right') });
  await expect(
    rights.getByText(papers.t('entry', 'scheme.asylum-claim'), { exact: true }),
  ).toBeVisible();
  await expect(papers.reminders).toHaveCount(0);
});
