import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { setUpRecord } from './pages/setup.ts';
import { UnlockPage } from './pages/unlock-page.ts';

const SW = `${process.env.E2E_STATIC_DIR ?? 'dist'}/sw.js`;

test('a new version is offered with "reload to update", never left stale', async ({ page }) => {
  await setUpRecord(page, '264810', 'Mariam');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const original = readFileSync(SW, 'utf8');
  try {
    // Publish a "new version": any byte change to the service worker makes one.
    writeFileSync(SW, `${original}\n// next version\n`);
    await page.reload();
    const banner = page
      .getByRole('status')
      .filter({ hasText: 'Une nouvelle version de Carnet est prête.' });
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await banner.getByRole('button', { name: 'Recharger pour mettre à jour' }).click();
    // The page reloads under the new worker: locked, and no longer offering the update.
    await expect(new UnlockPage(page).heading).toBeVisible();
    await expect(banner).toHaveCount(0);
    const settled = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.waiting === null && registration.active !== null;
    });
    expect(settled).toBe(true);
  } finally {
    writeFileSync(SW, original);
  }
});
