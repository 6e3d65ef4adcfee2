import { makePdf } from './document-fixtures.ts';
import { expect, test } from './fixtures.ts';
import { ViewerPage } from './pages/viewer-page.ts';
import { ipsExample } from '../src/share/fixtures/ips-example.ts';
import { createShare, revokeShare, statusOnRelay } from './shl-direct.ts';
import { violations } from './axe.ts';

// The doctor's side, against shares made straight on the relay's API with the IPS example
// the unit tests read too (written from the IPS specification): no patient app involved.

test.use({ locale: 'fr-FR' });

const ORIGIN_OF = (baseURL: string | undefined) =>
  new URL(baseURL ?? 'http://localhost:8181').origin;

test('a PIN link: wrong PIN, right PIN, French summary, patient language, document, nothing kept', async ({
  page,
  context,
  requestLog,
  baseURL,
}) => {
  const origin = ORIGIN_OF(baseURL);
  const share = await createShare(origin, ipsExample(), { passcode: '482915' });
  const viewer = new ViewerPage(page);
  await viewer.open(share.link);
  await expect(page).toHaveURL(`${origin}/v`);
  await viewer.giveName('Dr Martin, centre de santé');
  await viewer.givePin('000000');
  await expect(viewer.pinProblem).toHaveText('Code incorrect. Il reste 4 essais.');
  await viewer.givePin('482915');

  await expect(viewer.patientName('Amal Haddad')).toBeVisible();
  await expect(page.getByText('Interprète nécessaire')).toBeVisible();
  await expect(page.getByText('Langue parlée : arabe')).toBeVisible();
  const allergies = viewer.section('Allergies et intolérances');
  await expect(allergies.getByText('Allergie à la pénicilline')).toBeVisible();
  await expect(allergies.getByText('Réaction grave')).toBeVisible();
  await expect(allergies.getByText('حساسية من البنسلين')).toHaveCount(0);
  const medicines = viewer.section('Traitements en cours');
  await expect(medicines.getByText('Metformine')).toBeVisible();
  await expect(medicines.getByText(/500 mg, Voie orale, 2 fois par jour/)).toBeVisible();
  await expect(viewer.section('Problèmes de santé').getByText('Diabète de type 2')).toBeVisible();
  await expect(viewer.section('Résultats récents').getByText(/7,2 %/)).toBeVisible();
  await expect(page.getByText(/Accès ouvert jusqu’à/)).toBeVisible();

  await viewer.toggle.click();
  await expect(viewer.toggle).toHaveAttribute('aria-pressed', 'true');
  const arabic = allergies.getByText('حساسية من البنسلين');
  await expect(arabic).toBeVisible();
  await expect(arabic).toHaveAttribute('lang', 'ar');
  await expect(arabic).toHaveAttribute('dir', 'rtl');

  await viewer.openDocument('Lettre de l’hôpital');
  const image = viewer.documentDialog.getByRole('img', { name: 'Lettre de l’hôpital' });
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute('src', /^blob:/);
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
  await viewer.documentDialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(viewer.documentDialog).toHaveCount(0);

  // Nothing but the reader's name is kept on the doctor's phone.
  const stored = await page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
  }));
  expect(stored).toEqual({
    local: ['carnet.viewer.recipient'],
    session: 0,
    databases: 0,
    caches: 0,
  });
  expect(await page.evaluate(() => window.location.href)).toBe(`${origin}/v`);

  // The key and the link never travel; nothing leaves the origin.
  expect(requestLog.foreign(origin)).toEqual([]);
  for (const secret of [share.key, share.payload, 'shlink:/']) {
    expect(requestLog.containing(secret)).toEqual([]);
  }
  const manifest = requestLog.requests.find((r) => r.url.includes(`/api/shl/${share.id}`));
  expect(JSON.parse(manifest?.body ?? '{}')).toMatchObject({
    recipient: 'Dr Martin, centre de santé',
  });
  await context.close();
});

test('a link without PIN opens at once for a known reader; leaving drops it; revoked, it says so', async ({
  page,
  baseURL,
}) => {
  const origin = ORIGIN_OF(baseURL);
  const bundle = ipsExample() as { entry: unknown[] };
  bundle.entry.push({
    fullUrl: 'urn:uuid:0f5e7d52-8c1a-4f0e-9a57-2b1f4f0c9d21',
    resource: {
      resourceType: 'DocumentReference',
      status: 'current',
      description: 'Ordonnance',
      content: [
        {
          attachment: {
            contentType: 'application/pdf',
            data: makePdf('ORDONNANCE').toString('base64'),
          },
        },
      ],
    },
  });
  const share = await createShare(origin, bundle);
  const viewer = new ViewerPage(page);
  await viewer.open(share.link);
  await viewer.giveName('Dr Martin');
  await expect(viewer.patientName('Amal Haddad')).toBeVisible();

  // A PDF is drawn inside the page by pdf.js, under the CSP.
  await viewer.openDocument('Ordonnance');
  await expect(viewer.documentDialog.getByRole('img', { name: 'Page 1 sur 1' })).toBeVisible();
  await viewer.documentDialog.getByRole('button', { name: 'Fermer' }).click();

  // Leaving the page drops what was shown; coming back shows "closed".
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
  await expect(viewer.messageTitle('Dossier refermé')).toBeVisible();
  await expect(viewer.patientName('Amal Haddad')).toHaveCount(0);

  await revokeShare(origin, share);
  await viewer.open(share.link);
  await expect(viewer.messageTitle('Lien plus valable')).toBeVisible();
  await expect(viewer.message).toContainText('Demandez-lui un nouveau lien');
  await expect(viewer.nameInput).toHaveCount(0);
});

test('a U link is fetched directly, without a manifest', async ({ page, requestLog, baseURL }) => {
  const origin = ORIGIN_OF(baseURL);
  const share = await createShare(origin, ipsExample(), { direct: true });
  const viewer = new ViewerPage(page);
  await viewer.open(share.link);
  await viewer.giveName('Dr Martin');
  await expect(viewer.patientName('Amal Haddad')).toBeVisible();
  const calls = requestLog.requests.filter((r) => r.url.includes('/api/'));
  expect(calls.map((r) => r.url)).toEqual([`${origin}/api/shl/${share.id}?recipient=Dr+Martin`]);
});

test('expired links: by their own date without asking the relay, and by the relay', async ({
  page,
  requestLog,
  baseURL,
}) => {
  const origin = ORIGIN_OF(baseURL);
  const now = Math.floor(Date.now() / 1000);
  const viewer = new ViewerPage(page);

  const past = await createShare(origin, ipsExample(), { linkExp: now - 60 });
  await viewer.open(past.link);
  await expect(viewer.messageTitle('Lien expiré')).toBeVisible();
  await expect(viewer.message).toContainText('Demandez au patient un nouveau lien');
  expect(requestLog.requests.filter((r) => r.url.includes('/api/shl/'))).toEqual([]);

  // The relay's expiry comes first: the link still claims an hour.
  // Its life counts from now, not from the test's start (a busy machine takes seconds).
  const soon = Math.floor(Date.now() / 1000) + 3;
  const short = await createShare(origin, ipsExample(), { exp: soon, linkExp: soon + 3600 });
  await page.evaluate(() => localStorage.setItem('carnet.viewer.recipient', 'Dr Martin'));
  // Real time must pass on the relay: wait until it answers the share's owner "gone".
  await expect.poll(() => statusOnRelay(origin, short), { timeout: 15_000 }).toBe(404);
  await viewer.open(short.link);
  await expect(viewer.messageTitle('Lien plus valable')).toBeVisible();
});

test('no network: a clear message and a retry that works once back online', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = ORIGIN_OF(baseURL);
  const share = await createShare(origin, ipsExample());
  const viewer = new ViewerPage(page);
  await viewer.open(share.link);
  await viewer.nameInput.waitFor();
  await context.setOffline(true);
  await viewer.giveName('Dr Martin');
  await expect(viewer.messageTitle('Pas de connexion Internet')).toBeVisible();
  await context.setOffline(false);

  // The relay unreachable while the phone thinks it is online.
  await context.route('**/api/shl/**', (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(viewer.messageTitle('Connexion impossible')).toBeVisible();
  await context.unroute('**/api/shl/**');
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(viewer.patientName('Amal Haddad')).toBeVisible();
});

test('content it cannot show, and a link whose key does not open the share', async ({
  page,
  baseURL,
}) => {
  const origin = ORIGIN_OF(baseURL);
  const viewer = new ViewerPage(page);
  // JSON that is not FHIR at all (a lone FHIR resource is shown, as its own bundle).
  const notBundle = await createShare(origin, { hello: 'world' });
  await viewer.open(notBundle.link);
  await viewer.giveName('Dr Martin');
  await expect(viewer.messageTitle('Contenu impossible à afficher')).toBeVisible();

  const share = await createShare(origin, ipsExample());
  const payload = JSON.parse(Buffer.from(share.payload, 'base64url').toString()) as object;
  const wrongKey = Buffer.from(
    JSON.stringify({ ...payload, key: Buffer.alloc(32, 7).toString('base64url') }),
  ).toString('base64url');
  await viewer.open(`${origin}/v#shlink:/${wrongKey}`);
  await expect(viewer.messageTitle('Lien endommagé')).toBeVisible();
});

test('a malformed link and a bare /v say what to do', async ({ page, baseURL }) => {
  const origin = ORIGIN_OF(baseURL);
  const viewer = new ViewerPage(page);
  await viewer.open(`${origin}/v#shlink:/not-a-payload`);
  await expect(viewer.messageTitle('Lien illisible')).toBeVisible();
  await expect(page).toHaveURL(`${origin}/v`);
  await viewer.open(`${origin}/v`);
  await expect(viewer.messageTitle('Aucun dossier ouvert')).toBeVisible();
});

test.describe('in a browser set to English', () => {
  test.use({ locale: 'en-GB' });
  test('the viewer speaks English', async ({ page, baseURL }) => {
    await page.goto(`${ORIGIN_OF(baseURL)}/v#shlink:/not-a-payload`);
    await expect(
      page.getByRole('alert').getByRole('heading', { name: 'Unreadable link' }),
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test('every viewer screen passes WCAG 2.1 AA checks at 360 px', async ({ page, baseURL }) => {
  const origin = ORIGIN_OF(baseURL);
  const share = await createShare(origin, ipsExample(), { passcode: '482915' });
  const viewer = new ViewerPage(page);
  await viewer.open(share.link);
  await viewer.nameInput.waitFor();
  expect(await violations(page)).toEqual([]);
  await viewer.giveName('Dr Martin');
  await viewer.givePin('000000');
  await expect(viewer.pinProblem).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await viewer.givePin('482915');
  await viewer.toggle.click();
  await expect(viewer.patientName('Amal Haddad')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await viewer.openDocument('Lettre de l’hôpital');
  await expect(viewer.documentDialog.getByRole('img')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await viewer.open(`${origin}/v#shlink:/broken`);
  await expect(viewer.messageTitle('Lien illisible')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
