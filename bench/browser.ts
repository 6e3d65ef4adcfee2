import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import type { OpenContext } from './disk-contexts.ts';
import { withRenderersThrottled } from './cpu-throttle.ts';

/**
 * Gzipped KB of every script a fresh visit downloads until `ready` resolves. With `mark`,
 * only the scripts requested before the page set that performance mark (the patient app sets
 * `carnet:first-screen` once its first screen is on screen): what that screen needed, not
 * what the app starts fetching just after it (the service worker's registration).
 */
export async function initialJsGzipKb(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<void>,
  mark?: string,
) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const bodies: { url: string; size: Promise<number> }[] = [];
  context.on('response', (response) => {
    const type = response.request().resourceType();
    const isScript =
      type === 'script' || response.url().endsWith('.js') || response.url().endsWith('.mjs');
    if (isScript)
      bodies.push({
        url: response.url(),
        size: response.body().then(
          (b) => gzipSync(b, { level: 9 }).length,
          () => 0,
        ),
      });
  });
  await page.goto(url);
  await ready(page);
  const seen = bodies.slice();
  const before = mark
    ? await page.evaluate((name) => {
        const at = performance.getEntriesByName(name)[0]?.startTime;
        if (at === undefined) return null;
        return performance
          .getEntriesByType('resource')
          .filter((r) => r.startTime < at)
          .map((r) => r.name);
      }, mark)
    : null;
  const counted = before ? seen.filter((b) => before.includes(b.url)) : seen;
  const sizes = await Promise.all(counted.map((b) => b.size));
  await context.close();
  return { kb: sizes.reduce((a, b) => a + b, 0) / 1024, files: sizes.length };
}

const PIN = '482915';

/** A fresh context (no service worker) with the harness page loaded and ready. */
async function openHarness(open: OpenContext, origin: string) {
  const context = await open({ serviceWorkers: 'block', locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(`${origin}/bench/harness/index.html`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  return { context, page };
}

/** Seeds the app through the harness, opens `path` and unlocks through the UI. */
async function seededAndUnlocked(
  open: OpenContext,
  origin: string,
  path: string,
  seed: (page: Page) => Promise<unknown>,
) {
  const opened = await openHarness(open, origin);
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

/** Milliseconds from `carnet:unlocked` to the summary's first frame, and to the whole record. */
function untilSummaryDrawn(page: Page) {
  return page
    .waitForFunction(
      () => {
        if (!performance.getEntriesByName('carnet:summary-drawn').length) return false;
        if (!document.querySelector('.entry-item')) return false;
        const mark = performance.getEntriesByName('carnet:unlocked')[0];
        return mark ? performance.now() - mark.startTime : false;
      },
      undefined,
      { polling: 'raf', timeout: 120_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

/** Milliseconds from `carnet:unlocked` to the `carnet:summary-drawn` mark itself. */
function markedAt(page: Page) {
  return page.evaluate(() => {
    const unlocked = performance.getEntriesByName('carnet:unlocked')[0];
    const drawn = performance.getEntriesByName('carnet:summary-drawn')[0];
    return unlocked && drawn ? drawn.startTime - unlocked.startTime : -1;
  });
}

/** Milliseconds from `carnet:unlocked` to `carnet:record-read` (the whole record read). */
function untilRecordRead(page: Page) {
  return page
    .waitForFunction(
      () => {
        const unlocked = performance.getEntriesByName('carnet:unlocked')[0];
        const read = performance.getEntriesByName('carnet:record-read')[0];
        return unlocked && read ? read.startTime - unlocked.startTime : false;
      },
      undefined,
      { timeout: 120_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

/** Whether the app's database holds a summary snapshot (record/summary-snapshot.ts). */
function hasSnapshot(page: Page) {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const req = indexedDB.open(localStorage.getItem('carnet.db') ?? 'carnet');
        req.onerror = () => resolve(false);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction('prefs').objectStore('prefs').getKey('summary');
          get.onsuccess = () => {
            db.close();
            resolve(get.result !== undefined);
          };
          get.onerror = () => {
            db.close();
            resolve(false);
          };
        };
      }),
  );
}

/** Resolves once the app has written its summary snapshot (it does, in the background). */
async function snapshotKept(page: Page) {
  const until = Date.now() + 120_000;
  while (!(await hasSnapshot(page))) {
    if (Date.now() > until) throw new Error('no summary snapshot was written');
    await page.waitForTimeout(200);
  }
}

/**
 * What the patient waits for with a record of n entries, median of `rounds`, each on a fresh
 * profile: seeded through the harness, unlocked through the UI, timed from the
 * `carnet:unlocked` mark (the vault key is open) until the summary is drawn (the summary sets
 * `carnet:summary-drawn` once every section's first page is committed, and at least one
 * `.entry-item` is on screen), measured at the next animation frame.
 * - `first`: the first unlock after seeding. No summary snapshot exists yet: every entry is
 *   read and decrypted before the first draw; this unlock then writes the snapshot.
 * - `second`: the unlock after that (a lock, which reloads the page, then the PIN): the
 *   summary draws from the snapshot, and the whole record is read after it. This is the
 *   figure `summary_render_ms_*` reports: every unlock but the first after a change made
 *   outside this tab (the snapshot is kept after each change the app makes).
 * - `recordFirst`, `recordSecond`: from `carnet:unlocked` to `carnet:record-read` (the whole
 *   record read and decrypted), so the cost that grows with the record stays visible.
 * - `markSecond`: from `carnet:unlocked` to the `carnet:summary-drawn` mark itself, at the
 *   second unlock (the frame `second` waits for comes after it).
 */
async function summaryRenderFigures(open: OpenContext, origin: string, n: number, rounds = 3) {
  const first: number[] = [];
  const second: number[] = [];
  const recordFirst: number[] = [];
  const recordSecond: number[] = [];
  const markSecond: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const { context, page } = await seededAndUnlocked(open, origin, '/', (p) =>
      p.evaluate(([pin, count]) => window.carnetBench.seedApp(pin, count), [PIN, n] as const),
    );
    first.push(await untilSummaryDrawn(page));
    recordFirst.push(await untilRecordRead(page));
    await snapshotKept(page);
    await page.reload();
    await page.getByLabel('Code', { exact: true }).fill(PIN);
    await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
    second.push(await untilSummaryDrawn(page));
    markSecond.push(await markedAt(page));
    recordSecond.push(await untilRecordRead(page));
    await context.close();
  }
  return {
    first: middle(first),
    second: middle(second),
    recordFirst: middle(recordFirst),
    recordSecond: middle(recordSecond),
    markSecond: middle(markSecond),
    runs: { first, second, recordFirst, recordSecond, markSecond },
  };
}

/**
 * The summary's figures for 1,000 and 10,000 entries. Issue 16: the summary's cost must not
 * grow with the record (summary_render_ratio, from `summary_render_ms_*`: the unlock that
 * draws from the snapshot). Beside them, the first unlock after a change made outside the
 * app (no snapshot to draw from) and the whole record's read, which still grows with the
 * record, behind the first draw.
 */
export async function summaryFigures(open: OpenContext, origin: string) {
  const small = await summaryRenderFigures(open, origin, 1000);
  const big = await summaryRenderFigures(open, origin, 10000, 1);
  const ms = (n: number) => Math.round(n);
  return {
    summary_render_ms_1000: ms(small.second),
    summary_render_ms_10000: ms(big.second),
    summary_render_first_ms_1000: ms(small.first),
    summary_render_first_ms_10000: ms(big.first),
    summary_record_read_ms_1000: ms(small.recordSecond),
    summary_record_read_ms_10000: ms(big.recordSecond),
  };
}

/**
 * Unlock time on a CPU `rate` times slower, as on a cheap phone: the harness's unlock
 * (Argon2id in the crypto worker), median of `rounds`, with the Argon2id parameters used.
 * - `cdp`: Chromium's own throttling (CDP Emulation.setCPUThrottlingRate), which slows the
 *   page's main thread only; Chromium refuses it for workers, where Argon2id runs;
 * - `whole`: the page's whole renderer process slowed (bench/cpu-throttle.ts), the crypto
 *   worker included; null where that cannot be done (not Linux).
 */
export async function unlockMsThrottled(open: OpenContext, origin: string, rate = 4, rounds = 3) {
  const cdp = await harness(open, origin, async (page) => {
    const session = await page.context().newCDPSession(page);
    await session.send('Emulation.setCPUThrottlingRate', { rate });
    return page.evaluate((n) => window.carnetBench.unlockMs(n), rounds);
  });
  const whole = await harness(open, origin, (page) =>
    withRenderersThrottled(rate, () =>
      page.evaluate((n) => window.carnetBench.unlockMs(n), rounds),
    ),
  );
  return { cdp, whole };
}

/** Runs a harness function in a fresh page and returns its figures. */
export async function harness<T>(
  open: OpenContext,
  origin: string,
  run: (page: Page) => Promise<T>,
): Promise<T> {
  const { context, page } = await openHarness(open, origin);
  const result = await run(page);
  await context.close();
  return result;
}

/**
 * Seeds the app with n documents through the harness, opens the documents list, unlocks
 * through the UI and times until all n rows are listed and every row in the viewport shows
 * its decrypted thumbnail (the list decrypts thumbnails only near the viewport).
 */
export async function docListMs(open: OpenContext, origin: string, n: number, rounds = 3) {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const { context, page } = await seededAndUnlocked(open, origin, '/documents', (p) =>
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
