import { readFileSync } from 'node:fs';
import { violations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { foreignOrigin } from './foreign-origin.ts';
import { ForeignShlServer } from './foreign-shl-server.ts';
import { phrase } from './locales.ts';
import { ViewerPage } from './pages/viewer-page.ts';
import { ipsExample } from './shl-direct.ts';
import { testIssuer, vaccinationBundle } from '../src/share/health-card.test-helper.ts';

// The doctor's viewer opens links made by another SMART Health Links implementation
// (kill-the-clipboard), whose manifest and files are on another origin than Carnet's:
// the relay serves /v with connect-src 'self' https: (and, here, the plain-http test
// server named in VIEWER_CONNECT_SRC by playwright.config.ts).

test.use({ locale: 'fr-FR' });

const FOREIGN = foreignOrigin();
const HOST = new URL(FOREIGN).host;
let server: ForeignShlServer;

test.beforeAll(async () => {
  server = await ForeignShlServer.start(FOREIGN);
});
test.afterAll(async () => {
  await server.close();
});

const originOf = (baseURL: string | undefined) =>
  new URL(baseURL ?? 'http://localhost:8181').origin;
const t = (path: string, vars: Record<string, string> = {}) => phrase('fr', 'viewer', path, vars);

/**
 * The IPS example with a 1.6 MB letter (plain text) among its documents: a bundle of over
 * 2 MB. Text that long is offered as a download rather than drawn (attachment-kind.ts).
 */
function twoMegabyteBundle() {
  const bundle = ipsExample() as { entry: unknown[] };
  const line = 'Compte rendu de suivi : glycémie stable, traitement inchangé. ';
  bundle.entry.push({
    fullUrl: 'urn:uuid:7c0e7f4e-2f0b-4bd6-9d8e-6e3f0f1f2a10',
    resource: {
      resourceType: 'DocumentReference',
      status: 'current',
      description: 'Dossier de suivi complet',
      content: [
        {
          attachment: {
            contentType: 'text/plain',
            data: Buffer.from(line.repeat(Math.ceil(1_600_000 / line.length))).toString('base64'),
          },
        },
      ],
    },
  });
  return bundle;
}

test('a compressed, embedded link from another server opens, and only that server is asked', async ({
  page,
  requestLog,
  baseURL,
}) => {
  const origin = originOf(baseURL);
  const share = await server.share({ files: [{ fhir: ipsExample() }] });
  const viewer = new ViewerPage(page);
  await viewer.open(share.link(origin));
  await viewer.giveName('Dr Martin, centre de santé');
  await expect(viewer.patientName('Amal Haddad')).toBeVisible();
  const allergies = viewer.section('Allergies et intolérances');
  await expect(allergies.getByText('Allergie à la pénicilline')).toBeVisible();
  await expect(viewer.section('Traitements en cours').getByText('Metformine')).toBeVisible();

  // The other origin is the only one besides Carnet's; the key and the link reach no one.
  expect(new Set(requestLog.foreign(origin).map((u) => new URL(u).origin))).toEqual(
    new Set([FOREIGN]),
  );
  for (const secret of [share.key, share.payload, 'shlink:/']) {
    expect(requestLog.containing(secret)).toEqual([]);
    expect(server.requests.filter((r) => (r.url + r.body).includes(secret))).toEqual([]);
  }
  const manifest = server.requests.find((r) => r.method === 'POST');
  expect(JSON.parse(manifest?.body ?? '{}')).toMatchObject({
    recipient: 'Dr Martin, centre de santé',
  });
});

test('files by location, a PIN link (P) and a direct file (U) from another server', async ({
  page,
  baseURL,
}) => {
  const origin = originOf(baseURL);
  await page.addInitScript(() => localStorage.setItem('carnet.viewer.recipient', 'Dr Martin'));
  const viewer = new ViewerPage(page);

  const located = await server.share({ files: [{ fhir: ipsExample() }], byLocation: true });
  await viewer.open(located.link(origin));
  await expect(viewer.patientName('Amal Haddad')).toBeVisible();

  const pin = await server.share({
    files: [{ fhir: ipsExample(), compress: false }],
    flag: 'P',
    passcode: '482915',
  });
  await viewer.open(pin.link(origin));
  await viewer.givePin('000000');
  await expect(viewer.pinProblem).toHaveText('Code incorrect. Il reste 4 essais.');
  await viewer.givePin('482915');
  await expect(viewer.patientName('Amal Haddad')).toBeVisible();

  const direct = await server.share({ files: [{ fhir: ipsExample() }], flag: 'U' });
  await viewer.open(direct.link(origin));
  await expect(viewer.patientName('Amal Haddad')).toBeVisible();
  expect(
    server.requests.some((r) => r.method === 'GET' && r.url.includes('recipient=Dr+Martin')),
  ).toBe(true);
});

test('a 2 MB compressed bundle opens, its long letter included', async ({ page, baseURL }) => {
  const origin = originOf(baseURL);
  const bundle = twoMegabyteBundle();
  expect(JSON.stringify(bundle).length).toBeGreaterThan(2_000_000);
  const share = await server.share({ files: [{ fhir: bundle }] });
  await page.addInitScript(() => localStorage.setItem('carnet.viewer.recipient', 'Dr Martin'));
  const viewer = new ViewerPage(page);
  await viewer.open(share.link(origin));
  await expect(viewer.patientName('Amal Haddad')).toBeVisible();
  await expect(viewer.section('Allergies et intolérances')).toContainText('pénicilline');
  await viewer.openDocument('Dossier de suivi complet');
  // The whole letter came through: downloaded, it is every byte of it.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    viewer.documentDialog.getByRole('link', { name: t('doc.download') }).click(),
  ]);
  const text = readFileSync(await file.path(), 'utf8');
  expect(text.length).toBeGreaterThan(1_600_000);
  expect(text.startsWith('Compte rendu de suivi : glycémie stable')).toBe(true);
});

test('health cards and lone resources: what they hold, whose signature is verified, and a share that can change', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = originOf(baseURL);
  // A card signed by an issuer whose keys this server publishes, and one whose issuer's
  // server does not answer (routed to a refused connection: nothing leaves the machine).
  const issuer = await testIssuer(FOREIGN);
  server.jwks = issuer.jwks;
  const elsewhere = await testIssuer('https://shc.example.org');
  await context.route('https://shc.example.org/**', (route) => route.abort('connectionrefused'));
  const share = await server.share({
    files: [
      { card: await issuer.issue(vaccinationBundle()) },
      { card: await elsewhere.issue(vaccinationBundle('Sara Haddad')) },
      { fhir: { resourceType: 'AllergyIntolerance', code: { text: 'Arachide' } } },
      { fhir: { resourceType: 'Patient', name: [{ text: 'Amal Haddad' }] } },
    ],
    status: 'can-change',
  });
  await page.addInitScript(() => localStorage.setItem('carnet.viewer.recipient', 'Dr Martin'));
  const viewer = new ViewerPage(page);
  await viewer.open(share.link(origin));

  await expect(viewer.patientName('Amal Haddad')).toBeVisible();
  await expect(viewer.section('Allergies et intolérances').getByText('Arachide')).toBeVisible();

  const verified = viewer.section(t('card.title', { issuer: HOST }));
  await expect(verified.getByText(t('card.signature.verified', { issuer: HOST }))).toBeVisible();
  await expect(
    verified.getByText(t('card.for', { name: 'Amal Haddad' }), { exact: false }),
  ).toBeVisible();
  const doses = verified.getByRole('region', { name: 'Vaccins reçus' }).getByRole('listitem');
  await expect(doses).toHaveCount(2);
  await expect(doses.first()).toContainText('CVX 207');
  await expect(verified.getByRole('region', { name: 'Résultats récents' })).toContainText(
    'LOINC 94558-4',
  );

  const unverified = viewer.section(t('card.title', { issuer: 'shc.example.org' }));
  await expect(unverified.getByText(t('card.signature.unreachable'))).toBeVisible();
  await expect(unverified).toContainText('Sara Haddad');
  expect(await violations(page)).toEqual([]);

  // The server says the share may change: the doctor can load it again.
  const manifests = () => server.requests.filter((r) => r.method === 'POST').length;
  const asked = manifests();
  await page
    .getByText(t('status.canChange'))
    .getByRole('button', { name: t('status.refresh') })
    .click();
  await expect.poll(manifests).toBe(asked + 1);
  await expect(viewer.patientName('Amal Haddad')).toBeVisible();
});

test('a share its server says is no longer valid says so', async ({ page, baseURL }) => {
  const origin = originOf(baseURL);
  await page.addInitScript(() => localStorage.setItem('carnet.viewer.recipient', 'Dr Martin'));
  const viewer = new ViewerPage(page);
  const withdrawn = await server.share({
    files: [{ fhir: ipsExample() }],
    status: 'no-longer-valid',
  });
  await viewer.open(withdrawn.link(origin));
  await expect(viewer.patientName('Amal Haddad')).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: t('status.noLongerValid') })).toBeVisible();

  const emptied = await server.share({ files: [], status: 'no-longer-valid' });
  await viewer.open(emptied.link(origin));
  await expect(viewer.messageTitle('Lien plus valable')).toBeVisible();
});

test('a server that does not answer is named, not the doctor’s connection', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = originOf(baseURL);
  await context.route('https://shl.example.org/**', (route) => route.abort('connectionrefused'));
  const payload = Buffer.from(
    JSON.stringify({
      url: 'https://shl.example.org/manifests/ZpYHw3N9wwXlrHQDF2Zc7sTVAfMZhd0YJMCnKXM5vPo/m',
      key: Buffer.alloc(32, 5).toString('base64url'),
      label: 'Clinique',
      v: 1,
    }),
  ).toString('base64url');
  const viewer = new ViewerPage(page);
  await viewer.open(`${origin}/v#shlink:/${payload}`);
  await viewer.giveName('Dr Martin');
  await expect(viewer.messageTitle(t('error.unreachable.title'))).toBeVisible();
  await expect(viewer.message).toContainText(
    t('error.unreachable.body', { host: 'shl.example.org' }),
  );
  await expect(viewer.message).not.toContainText('Vérifiez la connexion');
  await expect(viewer.message.getByRole('button', { name: t('error.retry') })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
