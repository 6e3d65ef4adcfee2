import { readFileSync } from 'node:fs';
import { SHL } from 'kill-the-clipboard';
import { violations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { foreignOrigin } from './foreign-origin.ts';
import { ForeignShlServer } from './foreign-shl-server.ts';
import { label } from './locales.ts';
import { DocumentsPage } from './pages/documents-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { testIssuer, vaccinationBundle } from '../src/share/health-card.test-helper.ts';
import { setUpRecordIn } from './pages/setup.ts';

/** A label as a pattern that matches it inside a longer accessible name. */
const within = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const ATC = 'http://www.whocc.no/atc';
const SNOMED = 'http://snomed.info/sct';

/** What a hospital's system gives the patient: three coded items, written in English. */
const hospitalBundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      fullUrl: 'urn:uuid:c1',
      resource: {
        resourceType: 'Condition',
        clinicalStatus: { coding: [{ code: 'active' }] },
        code: { coding: [{ system: ICD10, code: 'E11', display: 'Type 2 diabetes mellitus' }] },
      },
    },
    {
      fullUrl: 'urn:uuid:m1',
      resource: {
        resourceType: 'MedicationStatement',
        status: 'active',
        medicationCodeableConcept: {
          coding: [{ system: ATC, code: 'A10BA02', display: 'metformin' }],
        },
      },
    },
    {
      fullUrl: 'urn:uuid:a1',
      resource: {
        resourceType: 'AllergyIntolerance',
        criticality: 'high',
        code: { coding: [{ system: SNOMED, code: '762952008', display: 'Peanut' }] },
      },
    },
  ],
};

const FOREIGN = foreignOrigin();

test('in Arabic the patient imports a kill-the-clipboard link with a PIN from another server and keeps two of its three items', async ({
  page,
  baseURL,
  requestLog,
}) => {
  const ar = (ns: string, path: string) => label('ar', ns, path);
  await setUpRecordIn(page, 'ar', '482915', 'أمينة');
  // A clinic's server on another origin than Carnet's, built on kill-the-clipboard.
  const server = await ForeignShlServer.start(FOREIGN);
  try {
    const share = await server.share({
      files: [{ fhir: hospitalBundle }],
      flag: 'P',
      passcode: '2468',
    });
    const importing = new ImportPage(page, 'ar');
    await importing.openFromSummary();
    await importing.pasteLink(share.link('https://viewer.example'));
    await importing.enterPin('1111');
    await expect(
      page.getByText(
        importing
          .l(`error.wrong-passcode-left_${new Intl.PluralRules('ar').select(4)}`)
          .replace('{{count}}', '4'),
      ),
    ).toBeVisible();
    await importing.enterPin('2468');

    // Every item is shown by its code in Arabic, and comes from the link's label.
    const diabetes = ar('vocab', 'condition.diabetesType2');
    const metformin = ar('vocab', 'medication.metformin');
    const peanut = ar('vocab', 'allergy.peanut');
    await expect(page.getByText(/Dossier de la clinique/)).toBeVisible();
    await expect(importing.item(within(diabetes))).toBeChecked();
    await expect(importing.item(within(metformin))).toBeChecked();
    await importing.item(within(peanut)).uncheck();
    // The page that fetched the link is gone once the link is read.
    await expect(page.locator('iframe')).toHaveCount(0);
    await importing.keep(2);

    // The two kept items are in the record, in Arabic, marked as not typed by the patient.
    const conditions = page.getByRole('region', { name: ar('entry', 'kinds.condition') });
    const medications = page.getByRole('region', { name: ar('entry', 'kinds.medication') });
    await expect(conditions.getByText(diabetes)).toBeVisible();
    await expect(medications.getByText(metformin)).toBeVisible();
    for (const region of [conditions, medications]) {
      await expect(region.getByText(ar('entry', 'provenance.clinician'))).toBeAttached();
    }
    await expect(page.getByText(peanut)).toHaveCount(0);

    // The French column shows the same codes in French for the doctor.
    await page.getByRole('button', { name: ar('summary', 'bilingual') }).click();
    await expect(
      conditions.getByText(label('fr', 'vocab', 'condition.diabetesType2')),
    ).toBeVisible();

    // Only the link's own server was asked; the key and the link reached no server; the PIN
    // went only to the link's manifest URL, as SMART Health Links require.
    const app = new URL(baseURL!).origin;
    expect(new Set(requestLog.foreign(app).map((u) => new URL(u).origin))).toEqual(
      new Set([FOREIGN]),
    );
    for (const secret of [share.key, share.payload, 'shlink:/']) {
      expect(requestLog.containing(secret)).toEqual([]);
      expect(server.requests.filter((r) => (r.url + r.body).includes(secret))).toEqual([]);
    }
    const withPin = server.requests.filter((r) => (r.url + r.body).includes('2468'));
    expect(withPin.map((r) => r.method)).toEqual(['POST']);
    expect(new URL(withPin[0]!.url).pathname).toMatch(/^\/shl\//);
    // Nothing of the record went there: only the protocol's requests.
    for (const r of server.requests) {
      expect(r.body).not.toContain('أمينة');
      if (r.body)
        expect(Object.keys(JSON.parse(r.body) as object).sort()).toEqual([
          'embeddedLengthMax',
          'passcode',
          'recipient',
        ]);
    }
  } finally {
    await server.close();
  }
});

test('a link whose server is down, a damaged link and a wrong file each say so and change nothing', async ({
  page,
  context,
}) => {
  await setUpRecordIn(page, 'fr', '482915', 'Amina');
  const importing = new ImportPage(page, 'fr');
  await importing.openFromSummary();
  expect(await violations(page)).toEqual([]);

  // Offline, the link waits for the Internet; nothing listens at the link's server: its name
  // is said. Nothing is written either way.
  const down = SHL.generate({ baseManifestURL: `${FOREIGN}/shl/`, label: 'Clinique' });
  await context.setOffline(true);
  await importing.pasteLink(`https://viewer.example/#${down.toURI()}`);
  await expect(page.getByText(importing.l('error.offline'))).toBeVisible();
  await context.setOffline(false);
  await importing.pasteLink(`https://viewer.example/#${down.toURI()}`);
  await expect(
    page.getByText(importing.l('error.unreachable').replace('{{host}}', new URL(FOREIGN).host)),
  ).toBeVisible();

  await importing.pasteLink('https://example.org/#shlink:/not-a-link');
  await expect(page.getByText(importing.l('error.malformed-link'))).toBeVisible();

  await importing.pickFile('photo.json', Buffer.from('{"not": "fhir"'), 'application/json');
  await expect(page.getByText(importing.l('error.unsupported-content'))).toBeVisible();

  await page.getByRole('link', { name: label('fr', 'common', 'back') }).click();
  for (const kind of ['allergy', 'medication', 'condition']) {
    await expect(
      page
        .getByRole('region', { name: label('fr', 'entry', `kinds.${kind}`) })
        .getByRole('listitem'),
    ).toHaveCount(0);
  }
  await page.getByRole('link', { name: label('fr', 'documents', 'open') }).click();
  await expect(page.getByText(label('fr', 'documents', 'empty'))).toBeVisible();
});

test('a health card file is checked against its issuer’s keys on another server', async ({
  page,
  baseURL,
  requestLog,
}) => {
  await setUpRecordIn(page, 'fr', '482915', 'Amina');
  const server = await ForeignShlServer.start(FOREIGN);
  try {
    const issuer = await testIssuer(FOREIGN);
    server.jwks = issuer.jwks;
    const card = JSON.stringify({
      verifiableCredential: [await issuer.issue(vaccinationBundle())],
    });
    const importing = new ImportPage(page, 'fr');
    await importing.openFromSummary();
    await importing.pickFile('vaccins.smart-health-card', Buffer.from(card));
    await expect(
      page.getByText(importing.l('preview.cardVerified').replace('{{issuer}}', FOREIGN)),
    ).toBeVisible();
    // Only the issuer's published keys were asked for, nothing of the card.
    const app = new URL(baseURL!).origin;
    expect(requestLog.foreign(app)).toEqual([`${FOREIGN}/.well-known/jwks.json`]);
    expect(server.requests.map((r) => [r.method, r.body])).toEqual([['GET', '']]);
  } finally {
    await server.close();
  }
});

test('the summary exported as an IPS file comes back into a fresh Carnet with the same items and codes', async ({
  page,
  browser,
}) => {
  const fr = (ns: string, path: string) => label('fr', ns, path);
  await setUpRecordIn(page, 'fr', '482915', 'Amina');
  const summary = new SummaryPage(page);
  await summary.addAllergyFromList('penicil', within(fr('vocab', 'allergy.penicillins')));
  await page.getByRole('link', { name: fr('entry', 'add.condition') }).click();
  await page.getByRole('combobox', { name: fr('entry', 'picker.label') }).fill('diab');
  await page.getByRole('option', { name: within(fr('vocab', 'condition.diabetesType2')) }).click();
  await summary.save();

  const exporting = new ImportPage(page, 'fr');
  await exporting.openFromSummary();
  const file = await exporting.exportFile();
  expect(file.name).toMatch(/^carnet-ips-\d{4}-\d{2}-\d{2}\.json$/);
  const text = JSON.stringify(file.json);
  expect((file.json as { resourceType: string }).resourceType).toBe('Bundle');
  expect(text).toContain('"code":"J01C"');
  expect(text).toContain('"code":"E11"');
  // The file's name holds the date only; the patient's name is inside, as the Patient.
  expect(file.name).not.toContain('Amina');

  // A fresh Carnet, on another phone, reads the file back.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await setUpRecordIn(fresh, 'fr', '135790', 'Amina');
  const importing = new ImportPage(fresh, 'fr');
  await importing.openFromSummary();
  await importing.pickFile(file.name, Buffer.from(JSON.stringify(file.json)));
  await expect(importing.item(within(fr('vocab', 'allergy.penicillins')))).toBeChecked();
  await expect(importing.item(within(fr('vocab', 'condition.diabetesType2')))).toBeChecked();
  await expect(importing.items.getByRole('checkbox')).toHaveCount(2);
  expect(await violations(fresh)).toEqual([]);
  await importing.keep(2);
  await expect(
    fresh
      .getByRole('region', { name: fr('entry', 'kinds.allergy') })
      .getByText(fr('vocab', 'allergy.penicillins')),
  ).toBeVisible();
  await expect(
    fresh
      .getByRole('region', { name: fr('entry', 'kinds.condition') })
      .getByText(fr('vocab', 'condition.diabetesType2')),
  ).toBeVisible();

  // The file itself is kept whole, encrypted, as a paper of its own kind, and a copy of it
  // can be saved again, byte for byte.
  const papers = new DocumentsPage(fresh, 'fr');
  await papers.openFromSummary();
  await papers.list.getByRole('link', { name: within(fr('documents', 'record.file')) }).click();
  await expect(fresh.getByText(fr('documents', 'record.about'))).toBeVisible();
  await expect(fresh.getByText(fr('documents', 'record.plain'))).toBeVisible();
  const saveLabel = fr('documents', 'record.save').split(' (')[0]!;
  const download = fresh.waitForEvent('download');
  await fresh.getByRole('button', { name: within(saveLabel) }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^carnet-import-\d{4}-\d{2}-\d{2}\.json$/);
  expect(readFileSync(await saved.path(), 'utf8')).toBe(JSON.stringify(file.json));
  expect(await violations(fresh)).toEqual([]);
  await other.close();
});
