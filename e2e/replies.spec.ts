import { compactDecrypt, generateKeyPair } from 'jose';
import type { Page } from '@playwright/test';
import { makePdf } from './document-fixtures.ts';
import { expect, test } from './fixtures.ts';
import { label, phrase } from './locales.ts';
import { DocumentsPage } from './pages/documents-page.ts';
import { ReplyFormPage } from './pages/reply-form-page.ts';
import { setUpRecordIn } from './pages/setup.ts';
import { SharePage } from './pages/share-page.ts';
import { ViewerPage } from './pages/viewer-page.ts';

const ar = (ns: string, path: string) => label('ar', ns, path);
const replies = (path: string, vars: Record<string, string | number> = {}) =>
  phrase('ar', 'replies', path, vars);
const LETTER = 'LETTRE-DU-GENERALISTE-7c1e';

/** An Arabic-speaking patient with one allergy, sharing it with a PIN. */
async function patientShares(page: Page): Promise<{ link: string; pin: string }> {
  await setUpRecordIn(page, 'ar', '591736', 'أمينة');
  await page.getByRole('link', { name: ar('entry', 'add.allergy') }).click();
  const penicillins = ar('vocab', 'allergy.penicillins');
  await page
    .getByRole('combobox', { name: ar('entry', 'picker.label') })
    .fill(penicillins.slice(0, 4));
  await page
    .getByRole('option', { name: new RegExp(penicillins.slice(0, 6)) })
    .first()
    .click();
  await page.getByRole('button', { name: ar('common', 'save') }).click();
  const share = new SharePage(page, 'ar');
  await share.open();
  const { link, pin } = await share.create();
  expect(pin).toMatch(/^\d{4}$/);
  return { link, pin: pin! };
}

/** Moves the app to `path` the way its own links do (no reload: the vault stays open). */
async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

test('a GP writes back through a PIN share; the patient, in Arabic, keeps two items of three', async ({
  page,
  browser,
}) => {
  const { link, pin } = await patientShares(page);

  // The GP, on their own phone, opens the share and writes back.
  const gpContext = await browser.newContext({ locale: 'fr-FR' });
  const gp = await gpContext.newPage();
  const viewer = new ViewerPage(gp);
  await viewer.open(link);
  await viewer.giveName('Dr Martin');
  await viewer.givePin(pin);
  await expect(viewer.patientName('أمينة')).toBeVisible();
  const form = new ReplyFormPage(gp);
  await form.open();
  await form.author('Dr Claire Martin', '10101010101');
  await form.prescribe('amoxi', /^Amoxicilline \(Clamoxyl\)/, {
    amount: '1',
    unit: 'g',
    times: '3',
    days: '7',
  });
  await form.vaccinate('tétanos', /^Tétanos seul/, 'AB123');
  await form.attach(
    { name: 'courrier.pdf', mimeType: 'application/pdf', buffer: makePdf(LETTER) },
    'Courrier du généraliste',
  );
  const posted = gp.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/replies'));
  await form.previewAndSend();
  await expect(form.sent).toBeVisible();

  // The relay received ciphertext only, which another key does not open.
  const jwe = (await posted).postData()!;
  expect(jwe.split('.')).toHaveLength(5);
  for (const clear of ['Martin', 'J01CA04', 'AB123', LETTER]) expect(jwe).not.toContain(clear);
  const { privateKey: wrong } = await generateKeyPair('ECDH-ES+A256KW', { crv: 'P-256' });
  await expect(compactDecrypt(jwe, wrong)).rejects.toThrow();
  await gpContext.close();

  // The patient reviews, in Arabic: codes translated, the sender named as self-declared.
  await goInApp(page, '/replies');
  const card = page.getByRole('region', {
    name: replies('fromRpps', { name: 'Dr Claire Martin', rpps: '10101010101' }),
  });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText(replies('selfDeclared'))).toBeVisible();
  const items = card.getByRole('listitem');
  await expect(items).toHaveCount(3);
  const medicine = items.filter({ hasText: ar('vocab', 'medication.amoxicillin') });
  await expect(medicine).toContainText(phrase('ar', 'entry', 'dosage.perDay_few', { count: 3 }));
  const vaccine = items.filter({ hasText: ar('vocab', 'vaccine.tetanus') });
  await expect(vaccine).toBeVisible();
  const letter = items.filter({ hasText: 'Courrier du généraliste' });
  await medicine.getByRole('button', { name: replies('accept'), exact: true }).click();
  await vaccine.getByRole('button', { name: replies('reject'), exact: true }).click();
  await letter.getByRole('button', { name: replies('accept'), exact: true }).click();
  await card.getByRole('button', { name: replies('save') }).click();
  await expect(
    page.getByText(replies(`saved_${new Intl.PluralRules('ar').select(2)}`, { count: 2 })),
  ).toBeVisible();
  await expect(page.getByText(replies('none'))).toBeVisible();
  // Imported, the reply was deleted from the relay: a new check finds nothing.
  await page.getByRole('button', { name: replies('refresh') }).click();
  await expect(page.getByText(replies('none'))).toBeVisible();
  await expect(card).toHaveCount(0);

  // The kept medicine is in the summary, given by a clinician; the vaccine is not.
  await goInApp(page, '/');
  const medicines = page.getByRole('region', { name: ar('entry', 'kinds.medication') });
  const kept = medicines
    .getByRole('listitem')
    .filter({ hasText: ar('vocab', 'medication.amoxicillin') });
  await expect(kept).toBeVisible();
  await expect(kept.getByText(ar('entry', 'provenance.clinician'))).toBeAttached();
  // Who sent it, as the doctor typed it (the summary says it is not verified).
  await expect(kept).toContainText('Dr Claire Martin');
  await expect(page.getByText(ar('vocab', 'vaccine.tetanus'))).toHaveCount(0);

  // The letter is a document, and it opens.
  const docs = new DocumentsPage(page, 'ar');
  await docs.openFromSummary();
  await docs.open('Courrier du généraliste');
  await docs.expectPdfDrawn(1);
});
