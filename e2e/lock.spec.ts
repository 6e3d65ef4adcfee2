import { expect, test } from './fixtures.ts';
import { setUpRecord } from './pages/setup.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { UnlockPage } from './pages/unlock-page.ts';

const MARKER = 'NOTE-MARQUEUR-7f3a';

test('locking ends the crypto worker and the page that held the record; unlocking starts afresh', async ({
  page,
}) => {
  await setUpRecord(page, '739164', 'Mariam');
  const summary = new SummaryPage(page);
  await summary.addNote(MARKER);
  await expect(page.getByText(MARKER)).toBeVisible();
  const cryptoWorkers = () => page.workers().filter((w) => /worker/.test(w.url()));
  expect(cryptoWorkers().length).toBeGreaterThan(0);
  // Something only this JavaScript realm knows: gone after the lock if the realm is.
  await page.evaluate(() => {
    (window as unknown as { heldRecord?: string }).heldRecord = 'still here';
  });

  await summary.lock();
  const unlock = new UnlockPage(page);
  await expect(unlock.heading).toBeVisible();
  expect(cryptoWorkers()).toEqual([]);
  expect(
    await page.evaluate(() => (window as unknown as { heldRecord?: string }).heldRecord),
  ).toBeUndefined();
  await expect(page.getByText(MARKER)).toHaveCount(0);

  await unlock.unlock('739164');
  await expect(page.getByText(MARKER)).toBeVisible();
  expect(cryptoWorkers().length).toBeGreaterThan(0);
});
