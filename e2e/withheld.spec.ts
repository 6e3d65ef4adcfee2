import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { label, phrase } from './locales.ts';
import { setUpRecord, setUpRecordIn } from './pages/setup.ts';
import { SharePage } from './pages/share-page.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { UnlockPage } from './pages/unlock-page.ts';
import { ViewerPage } from './pages/viewer-page.ts';

const fr = (ns: string, key: string) => label('fr', ns, key);
const ar = (ns: string, key: string) => label('ar', ns, key);

/** The doctor opens `link` on their own phone, in French, and sees the summary. */
async function doctorOpens(browser: Browser, link: string, pin: string | null): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const gp = await context.newPage();
  const viewer = new ViewerPage(gp);
  await viewer.open(link);
  await viewer.giveName('Dr Martin, PASS de Lyon');
  if (pin) await viewer.givePin(pin);
  await expect(gp.getByRole('heading', { level: 2 })).toBeVisible();
  return gp;
}

/** Adds a medicine picked from the list, with a structured dose. */
async function addMetformin(page: Page, lng: string, search: string): Promise<void> {
  await page.getByRole('link', { name: label(lng, 'entry', 'add.medication') }).click();
  await page.getByRole('combobox', { name: label(lng, 'entry', 'picker.label') }).fill(search);
  await page.getByRole('option').first().click();
  await new SummaryPage(page).fillDose(
    { amount: '500', unit: 'mg', per: 'day', times: '3', route: 'route.oral' },
    lng,
  );
  await page.getByRole('button', { name: label(lng, 'common', 'save') }).click();
}

test('a penicillin allergy left out of a share reads "not communicated", never "aucune"', async ({
  page,
  browser,
}) => {
  await setUpRecord(page, '591736', 'Amal Haddad');
  const summary = new SummaryPage(page);
  await summary.addAllergyFromList('penicil', /Pénicillines/);
  await addMetformin(page, 'fr', 'metformine');

  const share = new SharePage(page);
  await share.open();
  await share.item(/Pénicillines/).uncheck();
  await expect(share.item(/Metformine/)).toBeChecked();
  const { link, pin } = await share.create();

  const gp = await doctorOpens(browser, link, pin);
  const viewer = new ViewerPage(gp);
  await expect(gp.getByText(label('fr', 'viewer', 'summary.chosen'))).toBeVisible();
  await expect(
    viewer
      .section(label('fr', 'viewer', 'section.allergies'))
      .getByText(label('fr', 'viewer', 'section.notCommunicated')),
  ).toBeVisible();
  await expect(viewer.section(label('fr', 'viewer', 'section.medications'))).toContainText(
    '500 mg, 3 fois par jour',
  );
  await expect(gp.locator('main')).not.toContainText(/aucune? (allergie|traitement|problème)/i);
  await gp.context().close();
});

test('only the patient’s own "I have no known allergies" lets the doctor read "no known allergies"', async ({
  page,
  browser,
}) => {
  await setUpRecord(page, '591736', 'Amal Haddad');
  const allergies = new SummaryPage(page).section(fr('entry', 'kinds.allergy'));
  const make = allergies.getByRole('button', { name: fr('summary', 'declaration.make.allergy') });
  await make.click();
  // Exact: the button's own words ("Je n'ai aucune allergie connue") hold the statement's
  // ("Aucune allergie connue"), so a loose match is met before anything is saved.
  await expect(
    allergies.getByText(fr('summary', 'declaration.made.allergy'), { exact: true }),
  ).toBeVisible();
  await expect(make).toHaveCount(0);
  // It survives a reload (sealed in the profile) and is picked for a doctor by default.
  await page.reload();
  const share = new SharePage(page);
  await new UnlockPage(page).unlock('591736');
  await share.open();
  await expect(share.item(fr('summary', 'declaration.made.allergy'))).toBeChecked();
  const { link, pin } = await share.create();
  const gp = await doctorOpens(browser, link, pin);
  const viewer = new ViewerPage(gp);
  await expect(
    viewer
      .section(fr('viewer', 'section.allergies'))
      .getByText(fr('viewer', 'absent.no-known-allergies')),
  ).toBeVisible();
  // Problems were never stated: not communicated.
  await expect(
    viewer
      .section(fr('viewer', 'section.problems'))
      .getByText(fr('viewer', 'section.notCommunicated')),
  ).toBeVisible();
  await gp.context().close();
});

test('in Arabic: a structured dose, a coded reaction and the Latin-letter name reach the doctor in French', async ({
  page,
  browser,
}) => {
  await setUpRecordIn(page, 'ar', '482915', 'أمينة رحيمي');
  // The patient edits her own profile to add the name on her papers.
  await page
    .getByRole('link', { name: phrase('ar', 'summary', 'profiles.edit', { name: 'أمينة رحيمي' }) })
    .click();
  await page.getByLabel(ar('summary', 'profile.family')).fill('RAHIMI');
  await page.getByLabel(ar('summary', 'profile.given')).fill('Amina');
  await page.getByRole('button', { name: ar('common', 'save') }).click();
  await expect(page.getByRole('heading', { name: 'أمينة رحيمي', level: 1 })).toBeVisible();

  await addMetformin(page, 'ar', ar('vocab', 'medication.metformin').slice(0, 4));
  await page.getByRole('link', { name: ar('entry', 'add.allergy') }).click();
  const penicillins = ar('vocab', 'allergy.penicillins');
  await page
    .getByRole('combobox', { name: ar('entry', 'picker.label') })
    .fill(penicillins.slice(0, 4));
  await page
    .getByRole('option', { name: new RegExp(penicillins.slice(0, 6)) })
    .first()
    .click();
  await page
    .getByLabel(ar('entry', 'field.severity'))
    .selectOption({ label: ar('entry', 'severity.severe') });
  await new SummaryPage(page).pickReactions(['reaction.urticaria'], 'ar');
  await page.getByLabel(ar('entry', 'field.reactionOther')).fill('تورم في الحلق');
  await page.getByRole('button', { name: ar('common', 'save') }).click();
  const allergies = page.getByRole('region', { name: ar('entry', 'kinds.allergy') });
  await expect(allergies.getByText(ar('vocab', 'reaction.urticaria'))).toBeVisible();

  const share = new SharePage(page, 'ar');
  await share.open();
  const { link, pin } = await share.create();
  const gp = await doctorOpens(browser, link, pin);
  const viewer = new ViewerPage(gp);
  await expect(viewer.patientName('Amina RAHIMI')).toBeVisible();
  await expect(gp.getByText('أمينة رحيمي')).toBeVisible();
  await expect(viewer.section(fr('viewer', 'section.medications'))).toContainText(
    '500 mg, 3 fois par jour',
  );
  const gpAllergies = viewer.section(fr('viewer', 'section.allergies'));
  await expect(
    gpAllergies.getByText(fr('vocab', 'reaction.urticaria'), { exact: false }),
  ).toBeVisible();
  await expect(
    gpAllergies.getByText(phrase('fr', 'viewer', 'item.patientTextIn', { language: 'arabe' })),
  ).toBeVisible();
  await expect(gpAllergies.getByText('تورم في الحلق')).toBeVisible();
  await gp.context().close();
});

test('a social worker’s share: administrative title, rights in full, nothing medical', async ({
  page,
  browser,
}) => {
  await setUpRecord(page, '591736', 'Amal Haddad');
  const summary = new SummaryPage(page);
  await summary.addAllergyFromList('penicil', /Pénicillines/);
  // A right needs no description once its scheme is chosen.
  await page.getByRole('link', { name: fr('entry', 'add.right') }).click();
  await page
    .getByLabel(fr('entry', 'field.scheme'))
    .selectOption({ label: fr('entry', 'scheme.AME') });
  await page.getByLabel(fr('entry', 'field.number'), { exact: true }).fill('2 75 12 99 123 456');
  await page.getByLabel(fr('entry', 'field.validUntil')).fill('2027-01-31');
  await page.getByRole('button', { name: fr('common', 'save') }).click();
  const rights = summary.section(fr('entry', 'kinds.right'));
  await expect(rights.getByText(fr('entry', 'scheme.AME'))).toBeVisible();

  const share = new SharePage(page);
  await share.open();
  await share.chooseAudience('social');
  await expect(share.item(/Pénicillines/)).toHaveCount(0);
  await expect(share.item(new RegExp(fr('entry', 'scheme.AME').slice(0, 3)))).toBeChecked();
  const { link, pin } = await share.create();
  await expect(page.getByRole('heading', { name: fr('share', 'qr.titleSocial') })).toBeVisible();

  const gp = await doctorOpens(browser, link, pin);
  await expect(gp.getByRole('heading', { level: 1 })).toHaveText(
    fr('viewer', 'summary.headingAdmin'),
  );
  const coverage = new ViewerPage(gp).section(fr('viewer', 'section.coverage'));
  await expect(coverage).toContainText('2 75 12 99 123 456');
  await expect(coverage).toContainText('31 janv. 2027');
  await expect(gp.getByRole('region', { name: fr('viewer', 'section.allergies') })).toHaveCount(0);
  await expect(gp.locator('main')).not.toContainText('Pénicillines');
  await gp.context().close();
});
