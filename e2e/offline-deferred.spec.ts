import type { Page } from '@playwright/test';
import { makePdf } from './document-fixtures.ts';
import { expect, test } from './fixtures.ts';
import { DocumentsPage } from './pages/documents-page.ts';
import { setUpRecord } from './pages/setup.ts';

/** What the first visit leaves out of the precache (pdf.js, the QR decoder), as listed. */
function deferredAssets(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const list = (await (await fetch('/deferred-assets.json')).json()) as { assets: string[] };
    return list.assets;
  });
}

/** Which of `paths` Cache Storage holds. */
function cached(page: Page, paths: string[]): Promise<string[]> {
  return page.evaluate(async (all) => {
    const found: string[] = [];
    for (const path of all) if (await caches.match(path)) found.push(path);
    return found;
  }, paths);
}

test('pdf.js and the QR decoder wait until a record is open, then PDFs work offline', async ({
  page,
  context,
  requestLog,
}) => {
  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 60_000,
  });
  const deferred = await deferredAssets(page);
  expect(deferred.some((path) => path.includes('pdf.worker'))).toBe(true);
  // Offline-ready without them: never downloaded for the first screen.
  expect(await cached(page, deferred)).toEqual([]);
  const fetchedEarly = requestLog.requests.filter((r) =>
    deferred.some((path) => r.url.endsWith(path)),
  );
  expect(fetchedEarly).toEqual([]);

  // Once the patient has a record, they come in the background.
  await setUpRecord(page, '482915', 'Amina Testeuse');
  await expect.poll(() => cached(page, deferred), { timeout: 60_000 }).toEqual(deferred);

  await context.setOffline(true);
  const docs = new DocumentsPage(page);
  await docs.openFromSummary();
  await docs.add(
    [{ name: 'lettre.pdf', mimeType: 'application/pdf', buffer: makePdf('HORS LIGNE') }],
    1,
    'Lettre hors ligne',
    "Courrier de l'hôpital",
  );
  await docs.expectPdfDrawn(1);
  await context.setOffline(false);
});
