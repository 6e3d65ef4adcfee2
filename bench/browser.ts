import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';

/** Gzipped KB of every script a fresh visit downloads until `ready` resolves. */
export async function initialJsGzipKb(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const bodies: Promise<number>[] = [];
  context.on('response', (response) => {
    const type = response.request().resourceType();
    const isScript =
      type === 'script' || response.url().endsWith('.js') || response.url().endsWith('.mjs');
    if (isScript)
      bodies.push(
        response.body().then(
          (b) => gzipSync(b, { level: 9 }).length,
          () => 0,
        ),
      );
  });
  await page.goto(url);
  await ready(page);
  const sizes = await Promise.all(bodies);
  await context.close();
  return { kb: sizes.reduce((a, b) => a + b, 0) / 1024, files: sizes.length };
}

const PIN = '482915';

/** A fresh context (no service worker) with the harness page loaded and ready. */
async function openHarness(browser: Browser, origin: string) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(`${origin}/bench/harness/index.html`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  return { context, page };
}

/** Seeds the app through the harness, opens `path` and unlocks through the UI. */
async function seededAndUnlocked(
  browser: Browser,
  origin: string,
  path: string,
  seed: (page: Page) => Promise<unknown>,
) {
  const opened = await openHarness(browser, origin);
  await seed(opened.page);
  await opened.page.goto(`${origin}${path}`);
  await opened.page.getByLabel('Code', { exact: true }).fill(PIN);
  await opened.page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
  return opened;
}

function middle(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Seeds the app with n entries through the harness, unlocks through the UI, times the render. */
export async function summaryRenderMs(browser: Browser, origin: string, n: number, rounds = 3) {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const { context, page } = await seededAndUnlocked(browser, origin, '/', (p) =>
      p.evaluate(([pin, count]) => window.carnetBench.seedApp(pin, count), [PIN, n] as const),
    );
    const ms = await page.waitForFunction(
      (count) => {
        if (document.querySelectorAll('.entry-item').length < count) return false;
        const mark = performance.getEntriesByName('carnet:unlocked')[0];
        return mark ? performance.now() - mark.startTime : false;
      },
      n,
      { polling: 'raf', timeout: 120_000 },
    );
    times.push((await ms.jsonValue()) as number);
    await context.close();
  }
  return middle(times);
}

/** Runs a harness function in a fresh page and returns its figures. */
export async function harness<T>(
  browser: Browser,
  origin: string,
  run: (page: Page) => Promise<T>,
): Promise<T> {
  const { context, page } = await openHarness(browser, origin);
  const result = await run(page);
  await context.close();
  return result;
}

/**
 * Seeds the app with n documents through the harness, opens the documents list, unlocks
 * through the UI and times until all n rows are listed and every row in the viewport shows
 * its decrypted thumbnail (the list decrypts thumbnails only near the viewport).
 */
export async function docListMs(browser: Browser, origin: string, n: number, rounds = 3) {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const { context, page } = await seededAndUnlocked(browser, origin, '/documents', (p) =>
      p.evaluate(([pin, count]) => window.carnetBench.seedDocuments(pin, count), [PIN, n] as const),
    );
    const ms = await page.waitForFunction(
      (count) => {
        const rows = Array.from(document.querySelectorAll('.doc-item'));
        if (rows.length < count) return false;
        const inView = rows.filter((row) => {
          const box = row.getBoundingClientRect();
          return box.bottom > 0 && box.top < window.innerHeight;
        });
        // No named function in here: tsx would wrap it in a helper the page does not have.
        const allDrawn = inView.every((row) => {
          const image = row.querySelector<HTMLImageElement>('.doc-thumb img');
          return image !== null && image.complete && image.naturalWidth > 0;
        });
        if (inView.length === 0 || !allDrawn) return false;
        const mark = performance.getEntriesByName('carnet:unlocked')[0];
        return mark ? performance.now() - mark.startTime : false;
      },
      n,
      { polling: 'raf', timeout: 120_000 },
    );
    times.push((await ms.jsonValue()) as number);
    await context.close();
  }
  return middle(times);
}
