import type { Locator } from '@playwright/test';
import { makePdf } from './document-fixtures.ts';
import { expect, test } from './fixtures.ts';
import { label } from './locales.ts';
import { DocumentsPage } from './pages/documents-page.ts';
import { setUpRecord } from './pages/setup.ts';
import { SummaryPage } from './pages/summary-page.ts';

const fr = (ns: string, key: string) => label('fr', ns, key);

/** The PNG of a pdf.js page canvas, once drawn. */
async function canvasImage(canvas: Locator): Promise<string> {
  await expect
    .poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width > 0), { timeout: 30_000 })
    .toBe(true);
  // Two reads in a row that agree: the drawing has finished.
  let previous = '';
  for (;;) {
    const now = await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
    if (now === previous) return now;
    previous = now;
    await canvas
      .page()
      .waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
  }
}

test('a PDF draws the same in Arabic as in French: letters are not scattered right to left', async ({
  page,
}) => {
  await setUpRecord(page, '482915', 'Amina');
  const docs = new DocumentsPage(page);
  await docs.openFromSummary();
  await docs.add(
    [{ name: 'lettre.pdf', mimeType: 'application/pdf', buffer: makePdf('LETTRE Wallace') }],
    1,
    'Lettre',
    "Courrier de l'hôpital",
  );
  await docs.expectPdfDrawn(1);
  const page1 = page.locator('canvas.doc-pdf-page').first();
  const inFrench = await canvasImage(page1);

  // The same paper, after the patient switches Carnet to Arabic (in the app: a reload locks).
  await docs.backToList();
  await page.getByRole('link', { name: fr('common', 'back') }).click();
  await page.getByRole('link', { name: fr('common', 'settings') }).click();
  await page.getByRole('button', { name: 'العربية', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('link', { name: label('ar', 'common', 'back') }).click();
  await page.getByRole('link', { name: label('ar', 'documents', 'open') }).click();
  await page.getByText('Lettre', { exact: true }).click();
  await docs.expectPdfDrawn(1);
  expect(await canvasImage(page.locator('canvas.doc-pdf-page').first())).toBe(inFrench);
});

test('after saving a long form the summary starts at its top; the main buttons do not touch', async ({
  page,
}) => {
  await setUpRecord(page, '482915', 'Amina');
  await page.getByRole('link', { name: fr('entry', 'add.medication') }).click();
  await page.getByLabel(fr('entry', 'field.freeText')).fill('Sirop');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  // The scroll position at the first moment the summary is in the page, before anything
  // else can run: the summary must never be drawn, even once, at the form's scroll.
  await page.evaluate(() => {
    const seen = new MutationObserver(() => {
      if (document.querySelector('form') || !document.querySelector('section[aria-labelledby]'))
        return;
      seen.disconnect();
      (window as unknown as { scrollAtSummary: number }).scrollAtSummary = window.scrollY;
    });
    seen.observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole('button', { name: fr('common', 'save') }).click();
  await expect(new SummaryPage(page).section(fr('entry', 'kinds.medication'))).toContainText(
    'Sirop',
  );
  expect(
    await page.evaluate(() => (window as unknown as { scrollAtSummary: number }).scrollAtSummary),
  ).toBe(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  const shares = await page.getByRole('link', { name: fr('share', 'list.title') }).boundingBox();
  const papers = await page.getByRole('link', { name: fr('documents', 'open') }).boundingBox();
  const gap = papers!.y - (shares!.y + shares!.height);
  expect(gap).toBeGreaterThanOrEqual(8);
});
