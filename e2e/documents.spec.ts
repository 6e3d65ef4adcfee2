import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { makePdf, photoWithExif } from './document-fixtures.ts';
import { expect, test } from './fixtures.ts';
import { countRows, dumpIndexedDb } from './idb.ts';
import { DocumentsPage } from './pages/documents-page.ts';
import { OnboardingPage } from './pages/onboarding-page.ts';
import { UnlockPage } from './pages/unlock-page.ts';
import { violations } from './axe.ts';

const PIN = '482915';
const NAME = 'Amina Testeuse';
const PDF_MARKER = 'MARQUEUR-PDF-4d1e8b-HIBOU';
const SERIAL = 'SERIAL-CAM-99817';
const PHOTO_NAMES = ['analyse-sang-amina-p1.jpg', 'analyse-sang-amina-p2.jpg'];
const PDF_NAME = 'courrier-hopital-bichat.pdf';

async function setUp(page: Page): Promise<void> {
  const onboarding = new OnboardingPage(page);
  await onboarding.open();
  await onboarding.chooseLanguage();
  await onboarding.createWithPin(PIN);
  await onboarding.confirmRecoveryWritten();
  await onboarding.createProfile(NAME);
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
}

test('photograph two pages and import a PDF, view both, reload, unlock, view again; nothing readable at rest', async ({
  page,
  baseURL,
  requestLog,
}) => {
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  const docs = new DocumentsPage(page);
  await setUp(page);
  const photos = await Promise.all(
    PHOTO_NAMES.map((name, i) => photoWithExif(page, `PAGE ${i + 1}`, SERIAL)),
  );
  expect(photos[0]!.includes('Exif')).toBe(true);
  expect(photos[0]!.includes(SERIAL)).toBe(true);

  await docs.openFromSummary();
  await expect(page.getByText('Aucun document pour l')).toBeVisible();
  await docs.add(
    PHOTO_NAMES.map((name, i) => ({ name, mimeType: 'image/jpeg', buffer: photos[i]! })),
    2,
    'Prise de sang mars',
    "Résultat d'analyse",
  );
  await expect(docs.image()).toBeVisible();
  await page.getByRole('button', { name: 'Page suivante' }).click();
  await expect(page.getByText('Page 2 sur 2')).toBeVisible();
  await page.getByRole('button', { name: 'Agrandir' }).click();
  await expect(page.getByText('150 %')).toBeVisible();
  await docs.backToList();

  await docs.add(
    [{ name: PDF_NAME, mimeType: 'application/pdf', buffer: makePdf(PDF_MARKER) }],
    1,
    'Courrier du cardiologue',
    "Courrier de l'hôpital",
  );
  await docs.expectPdfDrawn(1);
  await docs.backToList();
  await expect(docs.list.getByRole('listitem')).toHaveCount(2);
  await expect(docs.item('Prise de sang mars').locator('img')).toBeVisible();
  await expect(docs.item('Courrier du cardiologue').locator('img')).toBeVisible();

  // A reload forgets the key; after unlocking, both documents open again.
  await page.reload();
  await new UnlockPage(page).unlock(PIN);
  // The app opens where it was: the list.
  await expect(page.getByRole('heading', { name: 'Mes documents' })).toBeVisible();
  await expect(docs.list.getByRole('listitem')).toHaveCount(2);
  await docs.open('Prise de sang mars');
  await expect(docs.image()).toBeVisible();
  await docs.backToList();
  await docs.open('Courrier du cardiologue');
  await docs.expectPdfDrawn(1);

  // Rename and re-date.
  await page.getByRole('button', { name: 'Modifier' }).click();
  await page.getByLabel('Titre').fill('Lettre cardiologie');
  await page.getByLabel('Date sur le papier').fill('2024-02-29');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Lettre cardiologie' })).toBeVisible();

  const counts = await countRows(page, 'carnet');
  expect(counts.documents).toBe(2);
  expect(counts.files).toBe(5); // 2 photos + 1 PDF + 2 thumbnails
  const dump = await dumpIndexedDb(page);
  for (const secret of [
    PDF_MARKER,
    ...PHOTO_NAMES,
    PDF_NAME,
    'bichat',
    'Prise de sang',
    'cardio',
  ]) {
    expect(dump).not.toContain(secret);
  }
  for (const clear of ['lab-result', 'hospital-letter', 'application/pdf', 'image/jpeg', SERIAL]) {
    expect(dump).not.toContain(clear);
  }
  expect(requestLog.foreign(new URL(baseURL!).origin)).toEqual([]);
  expect(requestLog.containing(PDF_MARKER)).toEqual([]);
  // pdf.js ran in its own worker, fetched from our origin, and the CSP blocked nothing.
  expect(requestLog.requests.some((r) => r.url.includes('/assets/pdf.worker'))).toBe(true);
  expect(cspViolations).toEqual([]);

  // Delete: the document and its files go.
  await page.getByRole('button', { name: 'Supprimer' }).click();
  await page.getByRole('button', { name: 'Oui, supprimer' }).click();
  await expect(docs.list.getByRole('listitem')).toHaveCount(1);
  expect((await countRows(page, 'carnet')).files).toBe(3);
});

test('refuses an unsupported, a huge, a corrupt image and a corrupt PDF file, storing nothing', async ({
  page,
}, testInfo) => {
  const docs = new DocumentsPage(page);
  await setUp(page);
  await docs.openFromSummary();
  await docs.startAdd();

  await docs.pick([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') }]);
  await expect(docs.error).toContainText('ne peut pas garder ce type de fichier');
  const huge = testInfo.outputPath('huge.pdf');
  writeFileSync(huge, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(51 * 1024 * 1024)]));
  await docs.pick([huge]);
  await expect(docs.error).toContainText('dépasse 50 Mo');
  const brokenJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
  await docs.pick([{ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: brokenJpeg }]);
  await expect(docs.error).toContainText('Cette photo est abîmée');
  const brokenPdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\nnot a pdf at all');
  await docs.pick([{ name: 'scan.pdf', mimeType: 'application/pdf', buffer: brokenPdf }]);
  await expect(docs.error).toContainText('Ce PDF est abîmé');

  await expect(docs.pages()).toHaveCount(0);
  const counts = await countRows(page, 'carnet');
  expect(counts.fileChunks ?? 0).toBe(0);
  expect(counts.documents ?? 0).toBe(0);
});

test('a full disk mid-import and a tab closed mid-import leave nothing broken', async ({
  page,
  context,
}, testInfo) => {
  // SECURITY/robustness: make IndexedDB refuse file chunks once `carnetDiskFull` is set.
  await context.addInitScript(() => {
    const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')!.value as (
      this: IDBObjectStore,
      ...args: [unknown, IDBValidKey?]
    ) => IDBRequest;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: [unknown, IDBValidKey?]
    ) {
      const w = window as unknown as { carnetDiskFull?: boolean; carnetChunkPuts?: number };
      if (this.name === 'fileChunks' && w.carnetDiskFull) {
        w.carnetChunkPuts = (w.carnetChunkPuts ?? 0) + 1;
        if (w.carnetChunkPuts > 20) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
      }
      return put.apply(this, args) as IDBRequest<IDBValidKey>;
    };
  });
  const docs = new DocumentsPage(page);
  await setUp(page);
  await docs.openFromSummary();

  const big = testInfo.outputPath('big.pdf');
  writeFileSync(big, makePdf(PDF_MARKER, 40 * 1024 * 1024));
  await page.evaluate(() => {
    (window as unknown as { carnetDiskFull: boolean }).carnetDiskFull = true;
  });
  await docs.startAdd();
  await docs.pick([big]);
  await expect(docs.pages()).toHaveCount(1);
  await docs.describe('Gros scanner', "Compte rendu d'imagerie (radio, scanner)");
  await docs.save();
  await expect(docs.error).toContainText("n'a plus de place");
  let counts = await countRows(page, 'carnet');
  expect([counts.fileChunks, counts.files, counts.documents]).toEqual([0, 0, 0]);

  // Space again; the import starts, and the tab dies half way.
  await page.evaluate(() => {
    (window as unknown as { carnetDiskFull: boolean }).carnetDiskFull = false;
  });
  await docs.save();
  await expect
    .poll(async () => (await countRows(page, 'carnet')).fileChunks ?? 0)
    .toBeGreaterThan(0);
  await page.close();

  const again = await context.newPage();
  await again.goto('/');
  await new UnlockPage(again).unlock(PIN);
  const reopened = new DocumentsPage(again);
  await reopened.openFromSummary();
  await expect(again.getByText('Aucun document pour l')).toBeVisible();
  await expect
    .poll(async () => {
      counts = await countRows(again, 'carnet');
      return [counts.fileChunks, counts.files, counts.documents];
    })
    .toEqual([0, 0, 0]);

  // And the same 40 MB PDF now imports whole and opens.
  await reopened.add([big], 1, 'Gros scanner', "Compte rendu d'imagerie (radio, scanner)");
  await reopened.expectPdfDrawn(1);
  counts = await countRows(again, 'carnet');
  expect([counts.files, counts.documents]).toEqual([2, 1]);
});

test.describe('the photo as stored', () => {
  // The page's CSP (rightly) forbids fetch() of blob: URLs; this test reads the decrypted
  // photo the viewer shows, so it alone runs with the CSP bypassed.
  test.use({ bypassCSP: true });

  test('a JPEG carrying GPS EXIF comes out downscaled with no EXIF at all', async ({ page }) => {
    const docs = new DocumentsPage(page);
    await setUp(page);
    const photo = await photoWithExif(page, 'PAGE', SERIAL);
    await docs.openFromSummary();
    await docs.add(
      [{ name: PHOTO_NAMES[0]!, mimeType: 'image/jpeg', buffer: photo }],
      1,
      'Ordonnance',
      'Ordonnance',
    );
    const shown = await docs.shownImageBytes();
    expect(shown.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    for (const gone of ['Exif', SERIAL, 'GPS']) expect(shown.includes(gone)).toBe(false);
    const size = await docs
      .image()
      .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect(size).toEqual([1800, 2400]); // 2,400 x 3,200 taken, long edge 2,400 kept
  });
});

test('every documents screen passes WCAG 2.1 AA checks at 360 px', async ({ page }) => {
  const docs = new DocumentsPage(page);
  await setUp(page);
  const photo = await photoWithExif(page, 'PAGE', SERIAL);
  await docs.openFromSummary();
  expect(await violations(page)).toEqual([]);
  await docs.startAdd();
  await docs.pick([{ name: 'a.jpg', mimeType: 'image/jpeg', buffer: photo }]);
  await expect(docs.pages()).toHaveCount(1);
  expect(await violations(page)).toEqual([]);
  await docs.describe('Ordonnance', 'Ordonnance');
  await docs.save();
  await expect(docs.image()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Modifier' }).click();
  expect(await violations(page)).toEqual([]);
  await docs.backToList();
  await docs.add(
    [{ name: 'b.pdf', mimeType: 'application/pdf', buffer: makePdf(PDF_MARKER) }],
    1,
    'Courrier',
    "Courrier de l'hôpital",
  );
  await docs.expectPdfDrawn(1);
  expect(await violations(page)).toEqual([]);
  await docs.backToList();
  await expect(docs.list.getByRole('listitem')).toHaveCount(2);
  expect(await violations(page)).toEqual([]);
});
