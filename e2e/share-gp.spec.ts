import { compactDecrypt } from 'jose';
import type { Page } from '@playwright/test';
import { makePdf } from './document-fixtures.ts';
import { expect, test, RequestLog } from './fixtures.ts';
import { label } from './locales.ts';
import { DocumentsPage } from './pages/documents-page.ts';
import { OnboardingPage } from './pages/onboarding-page.ts';
import { SharePage } from './pages/share-page.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { ViewerPage } from './pages/viewer-page.ts';
import { createShare, statusOnRelay } from './shl-direct.ts';

const SECRET_CONDITION = 'SECRET-SENSIBLE-93af';

/** A patient who speaks Arabic, with an allergy, a medicine, a sensitive problem and a paper. */
async function patientWithRecord(page: Page): Promise<void> {
  const onboarding = new OnboardingPage(page);
  await onboarding.open();
  await onboarding.chooseLanguage();
  await onboarding.createWithPin('591736');
  await onboarding.confirmRecoveryWritten();
  await page.getByLabel('Nom et prénom').fill('Amal Haddad');
  await page.getByLabel('Langue parlée').selectOption('ar');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: 'Amal Haddad', level: 1 })).toBeVisible();

  const summary = new SummaryPage(page);
  await summary.addAllergyFromList('penicil', /Pénicillines/);
  await page.getByRole('link', { name: 'Ajouter un médicament' }).click();
  await page.getByRole('combobox', { name: 'Chercher dans la liste' }).fill('metformine');
  await page.getByRole('option').first().click();
  await summary.fillDose({ amount: '500', unit: 'mg', per: 'day', times: '2' });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('link', { name: 'Ajouter un problème de santé' }).click();
  await page.getByLabel('Ou écrivez-le vous-même').fill(SECRET_CONDITION);
  await page.getByLabel('Information sensible').check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(summary.section('Problèmes de santé').getByText(SECRET_CONDITION)).toBeVisible();

  const docs = new DocumentsPage(page);
  await docs.openFromSummary();
  await docs.add(
    [{ name: 'lettre.pdf', mimeType: 'application/pdf', buffer: makePdf('LETTRE-MARQUEUR') }],
    1,
    'Courrier du cardiologue',
    "Courrier de l'hôpital",
  );
  await docs.backToList();
  await page.getByRole('link', { name: 'Retour' }).click();
  await expect(page.getByRole('heading', { name: 'Amal Haddad', level: 1 })).toBeVisible();
}

test('a doctor opens the patient’s link on another phone: PIN, French, Arabic beside, the paper; revoke ends it', async ({
  page,
  browser,
  baseURL,
  requestLog,
}) => {
  const origin = new URL(baseURL!).origin;
  await patientWithRecord(page);
  const share = new SharePage(page);
  await share.open();
  await expect(share.item(/Pénicillines/)).toBeChecked();
  await expect(share.item(/Metformine/)).toBeChecked();
  await expect(share.item(SECRET_CONDITION)).not.toBeChecked();
  await expect(share.item('Courrier du cardiologue')).toBeChecked();
  const { link, pin } = await share.create();

  // The relay holds only ciphertext, and the unpicked sensitive problem is not in it.
  const payload = JSON.parse(Buffer.from(link.split('#shlink:/')[1]!, 'base64url').toString()) as {
    url: string;
    key: string;
  };
  const manifest = (await (
    await fetch(payload.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ recipient: 'test', passcode: pin }),
    })
  ).json()) as { files: { location?: string; embedded?: string }[] };
  const file = manifest.files[0]!;
  const jwe = file.embedded ?? (await (await fetch(file.location!)).text());
  expect(jwe).not.toContain('Amal');
  const { plaintext } = await compactDecrypt(jwe, Buffer.from(payload.key, 'base64url'));
  const bundle = new TextDecoder().decode(plaintext);
  expect(bundle).toContain('Metformine');
  expect(bundle).not.toContain(SECRET_CONDITION);

  // The doctor, on their own phone: no app, no account.
  const gpContext = await browser.newContext({ locale: 'fr-FR' });
  const gpLog = new RequestLog(gpContext);
  const gp = await gpContext.newPage();
  const viewer = new ViewerPage(gp);
  await viewer.open(link);
  await viewer.giveName('Dr Martin, PASS de Lyon');
  await viewer.givePin(pin === '0000' ? '1111' : '0000');
  await expect(viewer.pinProblem).toContainText('Il reste 4 essais');
  await viewer.givePin(pin!);
  await expect(viewer.patientName('Amal Haddad')).toBeVisible();
  await expect(gp.getByText('Interprète nécessaire')).toBeVisible();
  const allergies = viewer.section('Allergies et intolérances');
  await expect(allergies.getByText(/Pénicillines/)).toBeVisible();
  await viewer.toggle.click();
  await expect(allergies.getByText(label('ar', 'vocab', 'allergy.penicillins'))).toBeVisible();
  await expect(gp.getByText(SECRET_CONDITION)).toHaveCount(0);
  await viewer.openDocument('Courrier du cardiologue');
  await expect(viewer.documentDialog).toBeVisible();
  await viewer.documentDialog.getByRole('button', { name: 'Fermer' }).click();

  // The patient sees who opened it, then withdraws it.
  await page.getByRole('link', { name: 'Retour' }).click();
  await expect(page.getByRole('heading', { name: 'Mes partages' })).toBeVisible();
  await expect(page.getByText(/Ouvert par Dr Martin, PASS de Lyon/)).toBeVisible();
  await page.getByRole('button', { name: 'Retirer' }).click();
  await page.getByRole('button', { name: 'Oui, retirer' }).click();
  await expect(page.getByText('Retiré', { exact: true })).toBeVisible();

  // The doctor opens the same link again (the QR code photographed earlier).
  await viewer.open(link);
  await viewer.givePin(pin!);
  await expect(viewer.message).toContainText(/plus valable|n’est plus|nouveau/);
  await expect(gp.getByText('Amal Haddad')).toHaveCount(0);

  // Neither phone sent the key or the link anywhere, and nothing left the origin.
  const key = payload.key;
  const shlink = link.split('#')[1]!;
  for (const log of [requestLog, gpLog]) {
    expect(log.foreign(origin)).toEqual([]);
    expect(log.containing(key)).toEqual([]);
    expect(log.containing(shlink)).toEqual([]);
    expect(log.containing('shlink:/')).toEqual([]);
  }
  await gpContext.close();
});

test('a link the relay has expired shows "no longer valid" even if the link says otherwise', async ({
  browser,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  // Made on the relay with a two-second life, behind a link whose own `exp` is a day ahead:
  // only the relay's clock can refuse it.
  const now = Math.floor(Date.now() / 1000);
  const share = await createShare(
    origin,
    { resourceType: 'Bundle', type: 'collection', entry: [] },
    { exp: now + 3, linkExp: now + 86_400 },
  );
  // Real time must pass on the relay: wait until it answers the share's owner "gone".
  await expect.poll(() => statusOnRelay(origin, share), { timeout: 15_000 }).toBe(404);

  const context = await browser.newContext({ locale: 'fr-FR' });
  const viewer = new ViewerPage(await context.newPage());
  await viewer.open(share.link);
  await viewer.giveName('Dr Martin');
  await expect(viewer.message).toContainText(/plus valable|n’est plus|nouveau/);
  await context.close();
});
