import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { label } from './locales.ts';
import type { LongBackup } from './long-record.ts';
import {
  LONG_RECORD_PIN as PIN,
  longBackup,
  longRecord,
  restoreLongRecord,
  two,
} from './long-record.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { SummarySectionsPage } from './pages/summary-sections-page.ts';
import { UnlockPage } from './pages/unlock-page.ts';

/**
 * The summary snapshot: a long record reopened draws its summary from the sealed snapshot of
 * its first view, then reads the whole record. Meanwhile nothing may act on the part read:
 * other screens wait, "show more" waits. A record changed since the snapshot (another tab)
 * is never drawn from it. The whole record's read is held back deterministically by a second
 * tab that keeps a read-write transaction open on the entries (IndexedDB runs the app's read
 * of them only after it ends); the profiles, the snapshot and the vault index stay readable.
 */

const { profile: awa, entry } = longRecord('snap');

const SEVERE = Array.from({ length: 12 }, (_, i) =>
  entry(`Allergie grave ${two(i + 1)}`, { kind: 'allergy', severity: 'severe' }),
);
const MILD = Array.from({ length: 8 }, (_, i) =>
  entry(`Allergie légère ${two(i + 1)}`, { kind: 'allergy', severity: 'mild' }),
);
const MEDICINES = Array.from({ length: 45 }, (_, i) =>
  entry(`Médicament ${two(i + 1)}`, {
    kind: 'medication',
    current: true,
    since: `20${two(25 - Math.floor(i / 12))}-${two(12 - (i % 12))}`,
  }),
);
const ENTRIES = [...SEVERE, ...MILD, ...MEDICINES];
const ALLERGIES = SEVERE.length + MILD.length;

let backup: LongBackup;

test.beforeAll(async () => {
  backup = await longBackup(awa, ENTRIES, `e2e-snap-${process.pid}`);
});

/** Resolves once the vault's database holds a summary snapshot written at or after `since`. */
async function snapshotKept(page: Page, since = 0): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async (after) => {
          const name = localStorage.getItem('carnet.db') ?? 'carnet';
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const req = indexedDB.open(name);
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error ?? new Error('open failed'));
          });
          const row = await new Promise<{ updatedAt: number } | undefined>((resolve, reject) => {
            const req = db.transaction('prefs').objectStore('prefs').get('summary');
            req.onsuccess = () => resolve(req.result as { updatedAt: number } | undefined);
            req.onerror = () => reject(req.error ?? new Error('get failed'));
          });
          db.close();
          return row !== undefined && row.updatedAt >= after;
        }, since),
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** Locks by reloading (as the lock does) and unlocks with the PIN. */
async function reopen(page: Page): Promise<void> {
  await page.reload();
  await new UnlockPage(page, 'fr').unlock(PIN);
}

/** What the page keeps for holding the entries (see reopenHeld). */
interface Hold {
  holdDb?: IDBDatabase;
  releaseEntries?: boolean;
}

/**
 * Locks, then unlocks with the vault's entries held until the returned function releases
 * them: when the summary says its first view is drawn (the `carnet:summary-drawn` mark, set
 * just before the whole record's read starts), a read-write transaction on the entries starts
 * on a connection of its own and stays open. Reads of the entries wait behind it; what the
 * first view needed (the snapshot, the vault index) was read before. (Not earlier: IndexedDB
 * runs read-write transactions one at a time, and unlocking writes the wrong-attempt count.)
 */
async function reopenHeld(page: Page): Promise<() => Promise<void>> {
  await page.addInitScript(() => {
    const hold = window as unknown as Hold;
    const mark = performance.mark.bind(performance);
    performance.mark = (name: string, options?: PerformanceMarkOptions) => {
      const made = mark(name, options);
      if (name === 'carnet:summary-drawn' && hold.holdDb) {
        const entries = hold.holdDb.transaction('entries', 'readwrite').objectStore('entries');
        const spin = () => {
          if (!hold.releaseEntries) entries.get('none').onsuccess = spin;
        };
        spin();
      }
      return made;
    };
  });
  await page.reload();
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(localStorage.getItem('carnet.db') ?? 'carnet');
        req.onerror = () => reject(req.error ?? new Error('open failed'));
        req.onsuccess = () => {
          (window as unknown as Hold).holdDb = req.result;
          resolve();
        };
      }),
  );
  await new UnlockPage(page, 'fr').unlock(PIN);
  return async () => {
    await page.evaluate(() => {
      (window as unknown as Hold).releaseEntries = true;
    });
  };
}

const waitingButton = (summary: SummarySectionsPage, page: Page, kind: string) =>
  summary.section(kind).getByRole('button', {
    name: label('fr', 'summary', 'section.waitingLabel').replace('{{name}}', summary.heading(kind)),
    exact: true,
  });

test('a long record reopened draws from its snapshot at once, then is whole', async ({ page }) => {
  await restoreLongRecord(page, 'fr', backup, awa);
  await snapshotKept(page);
  const release = await reopenHeld(page);
  const summary = new SummarySectionsPage(page, 'fr');

  // The first view, from the snapshot alone: every severe allergy, each total, and "show
  // more" waiting for the rest (the entries themselves are still held).
  await expect(page.getByRole('heading', { name: awa.name, level: 1 })).toBeVisible();
  await expect(summary.items('allergy')).toHaveCount(SEVERE.length);
  await expect(summary.sectionHeading('allergy')).toContainText(summary.totalText(ALLERGIES));
  await expect(summary.section('allergy')).toContainText(summary.allergyRestText());
  for (const none of summary.noAllergyTexts()) {
    await expect(summary.section('allergy')).not.toContainText(none);
  }
  await expect(summary.items('medication')).toHaveCount(10);
  await expect(summary.sectionHeading('medication')).toContainText(
    summary.totalText(MEDICINES.length),
  );
  await expect(waitingButton(summary, page, 'medication')).toBeDisabled();
  await expect(summary.moreButton('medication', 20)).toHaveCount(0);

  // The whole record arrives: the same screen, now with "show more".
  await release();
  await summary.moreButton('medication', 20).click();
  await expect(summary.items('medication')).toHaveCount(30);
  await expect(waitingButton(summary, page, 'medication')).toHaveCount(0);
});

test('while only the snapshot is read, sharing waits: never a short list', async ({ page }) => {
  await restoreLongRecord(page, 'fr', backup, awa);
  await snapshotKept(page);
  const release = await reopenHeld(page);
  await expect(new SummarySectionsPage(page, 'fr').items('allergy')).toHaveCount(SEVERE.length);

  await page.getByRole('link', { name: label('fr', 'share', 'open') }).click();
  await expect(page).toHaveURL(/\/share$/);
  const loading = page.getByRole('status').filter({ hasText: label('fr', 'common', 'loading') });
  await expect(loading).toBeVisible();
  await expect(page.getByRole('checkbox')).toHaveCount(0);

  await release();
  await expect(
    page.getByRole('heading', { name: label('fr', 'share', 'setup.title'), level: 1 }),
  ).toBeVisible();
  // Every entry is offered, the last medicine and the mild allergies included.
  for (const e of [MEDICINES.at(-1)!, MILD[0]!, SEVERE[0]!]) {
    await expect(page.getByRole('checkbox', { name: new RegExp(e.text!) })).toHaveCount(1);
  }
});

test('an allergy added in another tab is on the first frame after the next unlock', async ({
  page,
}) => {
  await restoreLongRecord(page, 'fr', backup, awa);
  await snapshotKept(page);

  // A second tab of the same browser opens the record and adds a severe allergy.
  const tab = await page.context().newPage();
  await tab.goto('/');
  await new UnlockPage(tab, 'fr').unlock(PIN);
  await expect(tab.getByRole('heading', { name: awa.name, level: 1 })).toBeVisible();
  const penicillins = label('fr', 'vocab', 'allergy.penicillins');
  await tab.getByRole('link', { name: label('fr', 'entry', 'add.allergy') }).click();
  await tab.getByRole('combobox', { name: label('fr', 'entry', 'picker.label') }).fill('penicil');
  await tab.getByRole('option', { name: penicillins }).click();
  await tab
    .getByLabel(label('fr', 'entry', 'field.severity'))
    .selectOption({ label: label('fr', 'entry', 'severity.severe') });
  await new SummaryPage(tab, 'fr').save();
  await expect(new SummarySectionsPage(tab, 'fr').items('allergy')).toHaveCount(SEVERE.length + 1);
  await tab.close();

  // The first frame with any item on it, as drawn in this tab after its next unlock.
  await page.addInitScript(() => {
    const seen = window as unknown as { firstAllergies?: string };
    new MutationObserver((_, observer) => {
      const section = document.querySelector('.summary-section');
      if (!section?.querySelector('.entry-item')) return;
      seen.firstAllergies = section.textContent ?? '';
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await reopen(page);
  const summary = new SummarySectionsPage(page, 'fr');
  await expect(summary.items('allergy')).toHaveCount(SEVERE.length + 1);
  const first = await page.evaluate(
    () => (window as unknown as { firstAllergies?: string }).firstAllergies,
  );
  expect(first).toContain(penicillins);
  expect(first).toContain(summary.totalText(ALLERGIES + 1));
});
