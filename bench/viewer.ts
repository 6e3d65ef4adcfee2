import type { Browser } from '@playwright/test';
import { createShare, ipsExample } from '../e2e/shl-direct.ts';
import { initialJsGzipKb } from './browser.ts';

/**
 * The doctor's viewer: gzipped JS the /v page downloads, and the time from opening a link
 * (no PIN, reader's name already known on the device) to the summary on screen, measured
 * from the navigation's start in a fresh browser context each round (cold cache, like a
 * doctor scanning a QR code), median of `rounds`.
 */
export async function viewerFigures(browser: Browser, origin: string, rounds = 5) {
  const share = await createShare(origin, ipsExample());
  const js = await initialJsGzipKb(browser, share.link, async (page) => {
    // The name field: the page's language follows the browser's, so no label is matched.
    await page.locator('#v-name').waitFor();
  });
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'fr-FR' });
    await context.addInitScript(() =>
      localStorage.setItem('carnet.viewer.recipient', 'Dr Banc d’essai'),
    );
    const page = await context.newPage();
    await page.goto(share.link, { waitUntil: 'commit' });
    const ms = await page.waitForFunction(
      () =>
        document.querySelector('.v-patient-name') && document.querySelector('.v-section')
          ? performance.now()
          : false,
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    times.push((await ms.jsonValue()) as number);
    await context.close();
  }
  times.sort((a, b) => a - b);
  return {
    viewer_js_gzip_kb: js.kb,
    viewer_js_files: js.files,
    viewer_open_ms: times[Math.floor(times.length / 2)]!,
  };
}
