import { expect, test } from './fixtures.ts';
import { violations } from './axe.ts';
import { dumpIndexedDb } from './idb.ts';
import { label } from './locales.ts';
import { EmergencyPage, dumpLocalStorage, emergencyLabel } from './pages/emergency-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { setUpRecordIn } from './pages/setup.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { UnlockPage } from './pages/unlock-page.ts';

// The emergency card, in Arabic: chosen from the record, sealed in the vault, on the locked
// screen only while the patient wants it there (in French and Arabic), and on paper at
// bank-card size.

const PIN = '482915';
const CONTACT = 'Karim Rahimi';
const PHONE = '06 12 34 56 78';

test('in Arabic: the card shows on the locked screen only after opting in, and leaves no trace after opting out', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const ar = (ns: string, path: string) => label('ar', ns, path);
  const fr = (ns: string, path: string) => label('fr', ns, path);
  const card = new EmergencyPage(page, 'ar');
  const summary = new SummaryPage(page, 'ar');
  await setUpRecordIn(page, 'ar', PIN, 'أمينة رحيمي');

  // A severe penicillin allergy, epilepsy and warfarin, from the lists.
  const penicillins = ar('vocab', 'allergy.penicillins');
  await card.addFromList('allergy', penicillins.slice(0, 4), new RegExp(penicillins.slice(0, 6)));
  await page
    .getByLabel(ar('entry', 'field.severity'))
    .selectOption({ label: ar('entry', 'severity.severe') });
  await summary.save();
  const epilepsy = ar('vocab', 'condition.epilepsy');
  await card.addFromList('condition', epilepsy, epilepsy);
  await summary.save();
  const warfarin = ar('vocab', 'medication.warfarin');
  await card.addFromList('medication', warfarin.slice(0, 4), new RegExp(warfarin.slice(0, 4)));
  await summary.save();

  // The blood group, on the profile form.
  await card.open();
  await page.getByRole('link', { name: emergencyLabel('ar', 'profile.edit') }).click();
  await page.getByLabel(emergencyLabel('ar', 'bloodGroup.label')).selectOption('A-');
  await page.getByRole('button', { name: ar('common', 'save') }).click();
  await card.open();

  // The severe allergy starts ticked; problems and medicines are the patient's pick.
  await expect(card.item(new RegExp(penicillins.slice(0, 6)))).toBeChecked();
  await expect(card.item(epilepsy)).not.toBeChecked();
  await expect(card.item(new RegExp(warfarin.slice(0, 4)))).not.toBeChecked();
  await card.item(epilepsy).check();
  await card.item(new RegExp(warfarin.slice(0, 4))).check();
  await card.fillContact(CONTACT, PHONE, 'partner');
  await card.save();

  // Saved but not on the locked screen: nothing of it outside the vault.
  for (const dump of [await dumpLocalStorage(page), await dumpIndexedDb(page)]) {
    expect(dump).not.toContain(CONTACT);
    expect(dump).not.toContain('allergy.penicillins');
  }

  // Opting in, after the plain warning.
  await expect(card.warning()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await card.showOnLockScreen();
  const stored = await dumpLocalStorage(page);
  expect(stored).toContain(CONTACT);
  expect(stored).toContain('allergy.penicillins');
  expect(stored).not.toContain('أمينة');
  // The vault itself still holds ciphertext only.
  expect(await dumpIndexedDb(page)).not.toContain(CONTACT);

  // The wallet card prints in Arabic and French, and nothing else prints.
  await page.emulateMedia({ media: 'print' });
  const wallet = card.wallet();
  await expect(wallet).toBeVisible();
  const arabicFace = card.face(wallet, 'ar');
  const frenchFace = card.face(wallet, 'fr');
  await expect(arabicFace.getByText(penicillins)).toBeVisible();
  await expect(frenchFace.getByText(fr('vocab', 'allergy.penicillins'))).toBeVisible();
  await expect(frenchFace.getByText(fr('vocab', 'condition.epilepsy'))).toBeVisible();
  await expect(frenchFace.getByText(/A-/)).toBeVisible();
  await expect(frenchFace.getByText(PHONE)).toBeVisible();
  await expect(arabicFace).toHaveAttribute('dir', 'rtl');
  // Right to left: the Arabic face comes first, on the right.
  const [a, f] = [await arabicFace.boundingBox(), await frenchFace.boundingBox()];
  expect(a!.x).toBeGreaterThan(f!.x);
  // Bank-card size: 85.6 x 54 mm at 96 px to the inch.
  expect(Math.round(f!.width)).toBe(Math.round((85.6 / 25.4) * 96));
  expect(Math.round(f!.height)).toBe(Math.round((54 / 25.4) * 96));
  await expect(page.getByRole('button', { name: emergencyLabel('ar', 'save') })).toBeHidden();
  await expect(page.getByLabel(emergencyLabel('ar', 'contact.name'))).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });

  // Locked: the card is one tap away, without the PIN, in French and in Arabic.
  await card.backHome();
  await summary.lock();
  const unlock = new UnlockPage(page, 'ar');
  await expect(unlock.heading).toBeVisible();
  await card.lockButton().click();
  const frenchOnLock = card.face(page, 'fr');
  const arabicOnLock = card.face(page, 'ar');
  await expect(frenchOnLock.getByText(fr('vocab', 'allergy.penicillins'))).toBeVisible();
  await expect(frenchOnLock.getByText(fr('vocab', 'medication.warfarin'))).toBeVisible();
  await expect(frenchOnLock.getByText(/A-/)).toBeVisible();
  await expect(frenchOnLock.getByText(new RegExp(CONTACT))).toBeVisible();
  await expect(arabicOnLock.getByText(penicillins)).toBeVisible();
  await expect(arabicOnLock.getByText(epilepsy)).toBeVisible();
  expect(await violations(page)).toEqual([]);
  // The patient's name is not on the locked screen.
  await expect(page.getByText('أمينة رحيمي')).toHaveCount(0);
  await page.getByRole('button', { name: emergencyLabel('ar', 'lock.close') }).click();

  // Opting out: the card leaves the locked screen and nothing of it stays readable.
  await unlock.unlock(PIN);
  await card.open();
  await card.stopShowingOnLockScreen();
  await card.backHome();
  await summary.lock();
  await expect(unlock.heading).toBeVisible();
  await expect(card.lockButton()).toHaveCount(0);
  const after = [await dumpLocalStorage(page), await dumpIndexedDb(page)];
  for (const dump of after) {
    for (const trace of [
      CONTACT,
      PHONE,
      'allergy.penicillins',
      'condition.epilepsy',
      'medication.warfarin',
      penicillins,
      fr('vocab', 'allergy.penicillins'),
    ])
      expect(dump).not.toContain(trace);
  }
  expect(after[0]).not.toContain('carnet.emergency');
});

test('in Arabic: a severe allergy added after the card is saved goes on it and on the locked screen; a sensitive one is said to wait', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const ar = (ns: string, path: string) => label('ar', ns, path);
  const fr = (ns: string, path: string) => label('fr', ns, path);
  const card = new EmergencyPage(page, 'ar');
  const summary = new SummaryPage(page, 'ar');
  await setUpRecordIn(page, 'ar', PIN, 'أمينة رحيمي');
  const severe = () =>
    page
      .getByLabel(ar('entry', 'field.severity'))
      .selectOption({ label: ar('entry', 'severity.severe') });

  // The card is saved, and shown on the locked screen, with one severe allergy.
  const penicillins = ar('vocab', 'allergy.penicillins');
  await card.addFromList('allergy', penicillins.slice(0, 4), new RegExp(penicillins.slice(0, 6)));
  await severe();
  await summary.save();
  await card.open();
  await card.save();
  await card.showOnLockScreen();
  await card.backHome();

  // Later, a severe latex allergy: the summary says it is on the card, to print again.
  const latex = ar('vocab', 'allergy.latex');
  await card.addFromList('allergy', latex, latex);
  await severe();
  await summary.save();
  await expect(page.getByText(emergencyLabel('ar', 'news.added'))).toBeVisible();
  expect(await violations(page)).toEqual([]);

  // Marked sensitive, another severe one stays off the card, and the summary says so.
  const egg = ar('vocab', 'allergy.egg');
  await card.addFromList('allergy', egg, egg);
  await severe();
  await page.getByLabel(ar('entry', 'field.sensitive')).check();
  await summary.save();
  await expect(page.getByText(emergencyLabel('ar', 'news.sensitive'))).toBeVisible();
  await expect(page.getByText(emergencyLabel('ar', 'news.added'))).toHaveCount(0);

  // The card's editor has latex ticked and the egg not.
  await page.getByRole('link', { name: emergencyLabel('ar', 'settings.open') }).click();
  await expect(card.item(latex)).toBeChecked();
  await expect(card.item(new RegExp(egg))).not.toBeChecked();
  await card.backHome();
  // Said once: back on the summary, the notice is gone.
  await expect(page.getByText(emergencyLabel('ar', 'news.sensitive'))).toHaveCount(0);

  // Locked: the card a stranger reads has both penicillin and latex, in French too.
  await summary.lock();
  await expect(new UnlockPage(page, 'ar').heading).toBeVisible();
  await card.lockButton().click();
  const frenchOnLock = card.face(page, 'fr');
  await expect(frenchOnLock.getByText(fr('vocab', 'allergy.penicillins'))).toBeVisible();
  await expect(frenchOnLock.getByText(fr('vocab', 'allergy.latex'))).toBeVisible();
  await expect(frenchOnLock.getByText(fr('vocab', 'allergy.egg'))).toHaveCount(0);
});

test('in Arabic: a severe allergy kept from a hospital’s file goes on the saved card, and the import says so', async ({
  page,
}) => {
  const ar = (ns: string, path: string) => label('ar', ns, path);
  const card = new EmergencyPage(page, 'ar');
  await setUpRecordIn(page, 'ar', PIN, 'أمينة رحيمي');
  await card.open();
  await card.save();
  await card.backHome();

  // A hospital's file: a peanut allergy it rates high-risk (criticality high: severe).
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        fullUrl: 'urn:uuid:a1',
        resource: {
          resourceType: 'AllergyIntolerance',
          criticality: 'high',
          code: {
            coding: [{ system: 'http://snomed.info/sct', code: '762952008', display: 'Peanut' }],
          },
        },
      },
    ],
  };
  const importing = new ImportPage(page, 'ar');
  await importing.openFromSummary();
  await importing.pickFile('hopital.json', Buffer.from(JSON.stringify(bundle)));
  const peanut = new RegExp(ar('vocab', 'allergy.peanut'));
  await expect(importing.item(peanut)).toBeChecked();
  await importing.keepAndStay(1);
  await expect(page.getByText(emergencyLabel('ar', 'news.addedKept'))).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('link', { name: emergencyLabel('ar', 'settings.open') }).click();
  await expect(card.item(peanut)).toBeChecked();
});
