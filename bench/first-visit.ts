import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { label } from '../e2e/locales.ts';
import { wireCounter } from './wire.ts';

/** The first screen in Arabic: the onboarding's language list, with its "continue". */
async function arabicFirstScreen(page: Page): Promise<void> {
  await page
    .getByRole('button', { name: label('ar', 'common', 'continue') })
    .waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.documentElement.lang === 'ar');
}

/** Brotli size of what the precache leaves for later (pdf.js, the QR decoder), in KB. */
function deferredKb(staticDir: string): number {
  const list = join(staticDir, 'deferred-assets.json');
  if (!existsSync(list)) return 0;
  const { assets } = JSON.parse(readFileSync(list, 'utf8')) as { assets: string[] };
  let bytes = 0;
  for (const path of assets) {
    const file = join(staticDir, path);
    bytes += statSync(existsSync(`${file}.br`) ? `${file}.br` : file).size;
  }
  return bytes / 1024;
}

/**
 * What installing Carnet costs a patient on a data plan, counted on the wire by a proxy in
 * front of the relay (bench/wire.ts): every byte the page and its service worker received,
 * headers included, in a fresh browser whose language is Arabic, at 360 px.
 * - first visit: from the first request until the app works offline (the service worker
 *   controls the page and the network has been quiet for a while); then checked: offline,
 *   a reload still shows the app, in Arabic;
 * - repeat visit: the same app opened again in a new tab.
 * `first_visit_deferred_kb` is what the app fetches later, in the background, once a record
 * is open (pdf.js, the QR decoder): not part of the first visit, listed so it is not hidden.
 */
export async function visitFigures(browser: Browser, appOrigin: string, staticDir: string) {
  const wire = await wireCounter(Number(new URL(appOrigin).port));
  const context = await browser.newContext({
    locale: 'ar',
    viewport: { width: 360, height: 740 },
    serviceWorkers: 'allow',
  });
  try {
    const page = await context.newPage();
    wire.reset();
    await page.goto(`${wire.origin}/`);
    await arabicFirstScreen(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 120_000,
    });
    await wire.quiet();
    const first = { ...wire.count };

    await context.setOffline(true);
    await page.reload();
    const offlineReady = await arabicFirstScreen(page).then(
      () => true,
      () => false,
    );
    await context.setOffline(false);
    await page.close();

    const again = await context.newPage();
    wire.reset();
    await again.goto(`${wire.origin}/`);
    await arabicFirstScreen(again);
    // Long enough for the browser's own check for a new service worker, which it makes a
    // little after the page has loaded.
    await wire.quiet(5_000);
    const repeat = { ...wire.count };

    return {
      first_visit_kb: first.down / 1024,
      first_visit_sent_kb: first.up / 1024,
      first_visit_offline_ready: offlineReady ? 'yes' : 'no',
      first_visit_deferred_kb: deferredKb(staticDir),
      repeat_visit_kb: repeat.down / 1024,
    };
  } finally {
    await context.close();
    await wire.close();
  }
}
