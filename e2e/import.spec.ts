import type { BrowserContext } from '@playwright/test';
import { SHL, SHLManifestBuilder } from 'kill-the-clipboard';
import { violations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { label } from './locales.ts';
import { ImportPage } from './pages/import-page.ts';
import { SummaryPage } from './pages/summary-page.ts';
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

/**
 * A SMART Health Link made by kill-the-clipboard (an independent implementation), with a
 * PIN, its manifest and files answered at `base` by the test (kill-the-clipboard leaves the
 * server to the application). `base` is on the app's own origin: the patient app's CSP
 * (`connect-src 'self'`) lets it through. Another origin needs the import policy described
 * in the README (see the second test).
 */
async function killTheClipboardLink(context: BrowserContext, base: string, pin: string) {
  const files = new Map<string, string>();
  const uploadFile = (content: string) => {
    const path = `file-${files.size + 1}`;
    files.set(path, content);
    return Promise.resolve(path);
  };
  const getFileURL = (path: string) => Promise.resolve(`${base}/files/${path}`);
  const loadFile = (path: string) => Promise.resolve(files.get(path) ?? '');
  const shl = SHL.generate({
    baseManifestURL: `${base}/`,
    manifestPath: 'manifest.json',
    flag: 'P',
    label: 'Hôpital Avicenne',
  });
  const builder = new SHLManifestBuilder({ shl, uploadFile, getFileURL, loadFile });
  await builder.addFHIRResource({ content: hospitalBundle as never });
  let attemptsLeft = 5;
  await context.route(`${base}/**`, async (route) => {
    const request = route.request();
    if (request.method() === 'POST' && request.url() === shl.url) {
      const body = request.postDataJSON() as { passcode?: string; embeddedLengthMax?: number };
      if (body.passcode !== pin) {
        attemptsLeft--;
        return route.fulfill({ status: 401, json: { remainingAttempts: attemptsLeft } });
      }
      const manifest = await builder.buildManifest({
        embeddedLengthMax: body.embeddedLengthMax ?? 0,
      });
      return route.fulfill({ status: 200, json: manifest });
    }
    const path = request.url().split('/files/')[1];
    const file = path ? files.get(path) : undefined;
    if (request.method() === 'GET' && file) {
      return route.fulfill({ status: 200, contentType: 'application/jose', body: file });
    }
    return route.fulfill({ status: 404, body: '' });
  });
  return `https://viewer.example/#${shl.toURI()}`;
}

test('in Arabic the patient imports a kill-the-clipboard link with a PIN and keeps two of its three items', async ({
  page,
  context,
  baseURL,
  requestLog,
}) => {
  const ar = (ns: string, path: string) => label('ar', ns, path);
  await setUpRecordIn(page, 'ar', '482915', 'أمينة');
  const link = await killTheClipboardLink(context, `${baseURL}/elsewhere/shl`, '2468');

  const importing = new ImportPage(page, 'ar');
  await importing.openFromSummary();
  await importing.pasteLink(link);
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
  await expect(page.getByText(/Hôpital Avicenne/)).toBeVisible();
  await expect(importing.item(within(diabetes))).toBeChecked();
  await expect(importing.item(within(metformin))).toBeChecked();
  await importing.item(within(peanut)).uncheck();
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
  await expect(conditions.getByText(label('fr', 'vocab', 'condition.diabetesType2'))).toBeVisible();

  // Nothing went to another origin; the PIN and key went nowhere but the link's own server.
  expect(requestLog.foreign(new URL(baseURL!).origin)).toEqual([]);
});

test('a link on another server, a damaged link and a wrong file each say so and change nothing', async ({
  page,
}) => {
  await setUpRecordIn(page, 'fr', '482915', 'Amina');
  const importing = new ImportPage(page, 'fr');
  await importing.openFromSummary();
  expect(await violations(page)).toEqual([]);

  // The patient app's CSP allows only its own origin until the import policy ships (README):
  // the other server's name is said, nothing is written.
  const foreign = SHL.generate({ baseManifestURL: 'https://shl.example.org/', label: 'Clinique' });
  await importing.pasteLink(`https://viewer.example/#${foreign.toURI()}`);
  await expect(
    page.getByText(importing.l('error.unreachable').replace('{{host}}', 'shl.example.org')),
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
  await other.close();
});
