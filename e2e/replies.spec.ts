import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
const LOT = 'LOT-AB123-9f2e';

/**
 * Every file the relay keeps under its DATA_DIR (playwright.config.ts gives it a fresh folder
 * per run in E2E_DATA_DIR: the SQLite database, its WAL, the backups folder), as name and
 * bytes.
 */
function relayFiles(): { name: string; bytes: Buffer }[] {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error('E2E_DATA_DIR is not set: run through playwright.config.ts');
  const found: { name: string; bytes: Buffer }[] = [];
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const path = join(d, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  for (const path of existsSync(dir) ? walk(dir) : []) {
    found.push({ name: path, bytes: readFileSync(path) });
  }
  return found;
}

/**
 * Checks what the relay holds on disk after a reply: the reply's ciphertext is there (so
 * the search does see it), and none of `clear` (the reply's words, as raw UTF-8 bytes).
 */
function expectOnlyCiphertextOnDisk(jwe: string, clear: readonly string[]) {
  const files = relayFiles();
  expect(files.some((f) => /relay\.sqlite$/.test(f.name))).toBe(true);
  // Pieces of the ciphertext at eight places: the database splits rows across pages, so
  // one piece may straddle a page boundary, never all of them.
  const ciphertext = jwe.split('.')[3]!;
  const samples = Array.from({ length: 8 }, (_, i) => {
    const at = Math.floor(((ciphertext.length - 32) * i) / 8);
    return Buffer.from(ciphertext.slice(at, at + 32));
  });
  expect(files.some((f) => samples.some((piece) => f.bytes.includes(piece)))).toBe(true);
  for (const { name, bytes } of files) {
    expect({ name, found: clear.filter((c) => bytes.includes(Buffer.from(c))) }).toEqual({
      name,
      found: [],
    });
  }
}

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
  await form.vaccinate('tétanos', /^Tétanos seul/, LOT);
  await form.attach(
    { name: 'courrier.pdf', mimeType: 'application/pdf', buffer: makePdf(LETTER) },
    'Courrier du généraliste',
  );
  const posted = gp.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/replies'));
  await form.previewAndSend();
  await expect(form.sent).toBeVisible();

  // The relay received ciphertext only, which another key does not open, and keeps only
  // that on its disk.
  const jwe = (await posted).postData()!;
  expect(jwe.split('.')).toHaveLength(5);
  const clear = ['Claire Martin', '10101010101', 'J01CA04', LOT, LETTER];
  for (const words of clear) expect(jwe).not.toContain(words);
  const { privateKey: wrong } = await generateKeyPair('ECDH-ES+A256KW', { crv: 'P-256' });
  await expect(compactDecrypt(jwe, wrong)).rejects.toThrow();
  expectOnlyCiphertextOnDisk(jwe, clear);
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

test('a social worker adds an AME decision, a prefecture appointment and a note through an administrative share; the patient keeps them', async ({
  page,
  browser,
}) => {
  const fr = (ns: string, path: string) => label('fr', ns, path);
  await setUpRecordIn(page, 'fr', '591736', 'Amal Haddad');
  const share = new SharePage(page);
  await share.open();
  await share.chooseAudience('social');
  const { link, pin } = await share.create();

  // The social worker, on their own phone, opens the administrative share.
  const swContext = await browser.newContext({ locale: 'fr-FR' });
  const sw = await swContext.newPage();
  const viewer = new ViewerPage(sw);
  await viewer.open(link);
  await viewer.giveName('S. Durand');
  if (pin) await viewer.givePin(pin);
  await expect(sw.getByRole('heading', { level: 1 })).toHaveText(
    fr('viewer', 'summary.headingAdmin'),
  );
  const form = new ReplyFormPage(sw);
  await form.open(true);
  await form.author('Sophie Durand, CADA de Bobigny');
  await form.paper('AME', { number: '2 75 12 99 123 456', validUntil: '2027-12-03' });
  const visit = 'Préfecture de Bobigny, guichet 4, avec le récépissé';
  await form.appointment(visit, '2026-12-15');
  await form.note('Dossier CSS envoyé à la CPAM le 2 décembre.');
  const posted = sw.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/replies'));
  await form.previewAndSend();
  await expect(form.sent).toBeVisible();
  const jwe = (await posted).postData()!;
  // (The name given to open the share, "S. Durand", is in the access list, by design.)
  expectOnlyCiphertextOnDisk(jwe, ['CADA de Bobigny', '2 75 12 99 123 456', visit]);
  await swContext.close();

  // The patient reviews the three items and keeps them all.
  await goInApp(page, '/replies');
  const card = page.getByRole('region', {
    name: phrase('fr', 'replies', 'from', { name: 'Sophie Durand, CADA de Bobigny' }),
  });
  await expect(card).toBeVisible({ timeout: 30_000 });
  const items = card.getByRole('listitem');
  await expect(items).toHaveCount(3);
  const ame = items.filter({ hasText: fr('entry', 'scheme.AME') });
  await expect(ame).toContainText(
    phrase('fr', 'replies', 'number', { number: '2 75 12 99 123 456' }),
  );
  await expect(ame).toContainText(fr('replies', 'kind.paper'));
  await expect(items.filter({ hasText: visit })).toBeVisible();
  for (const item of await items.all()) {
    await item.getByRole('button', { name: fr('replies', 'accept'), exact: true }).click();
  }
  await card.getByRole('button', { name: fr('replies', 'save') }).click();
  await expect(
    page.getByText(
      phrase('fr', 'replies', `saved_${new Intl.PluralRules('fr').select(3)}`, { count: 3 }),
    ),
  ).toBeVisible();

  // The AME decision is among the patient's papers and rights, sent by the social worker.
  await goInApp(page, '/');
  const rights = page.getByRole('region', { name: fr('entry', 'kinds.right') });
  const kept = rights.getByRole('listitem').filter({ hasText: fr('entry', 'scheme.AME') });
  await expect(kept).toBeVisible();
  await expect(kept).toContainText('Sophie Durand, CADA de Bobigny');
  await expect(page.getByText(visit)).toBeVisible();
});
