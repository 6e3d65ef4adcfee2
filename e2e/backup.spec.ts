import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { BackupPage, relayCopyOf } from './pages/backup-page.ts';
import { setUpRecord } from './pages/setup.ts';
import { SummaryPage } from './pages/summary-page.ts';

const PIN = '482915';
const NAME = 'Amina Sauvegarde';
const MARKER = 'MARQUEUR-sauvegarde-4b1d';
const HOUR_MS = 60 * 60_000;

test('a backup file: the summary asks for one, it downloads locked, a cancel leaves none', async ({
  page,
}) => {
  await setUpRecord(page, PIN, NAME);
  const summary = new SummaryPage(page);
  const backup = new BackupPage(page);
  await summary.addAllergyFromList('penicil', /Pénicillines/);
  await summary.addNote(MARKER);

  // No backup yet: one warning, and it leads to the settings' backup section.
  await expect(backup.warning).toHaveCount(1);
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  const why = persisted ? 'warning.none' : 'warning.unprotected';
  await expect(backup.warning.getByText(backup.text(why))).toBeVisible();
  await backup.followWarning();

  // Cancelled at once: no download, no "last backup".
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await backup.saveAndCancel();
  await expect(backup.lastLine).toHaveText(backup.text('last.never'));

  const file = await backup.saveFile();
  expect(downloads).toHaveLength(1);
  expect(file.suggestedFilename()).toMatch(/^carnet-\d{4}-\d{2}-\d{2}\.carnet$/);
  const bytes = await readFile(await file.path());
  expect(bytes.subarray(0, 8).toString('latin1')).toBe('CARNETBK');
  const text = bytes.toString('latin1') + bytes.toString('utf8');
  for (const secret of [NAME, 'Amina', MARKER, 'nicilline', 'allergy', PIN]) {
    expect(text).not.toContain(secret);
  }
  await expect(backup.lastLine).toHaveText(backup.text('last.file'));

  // Back on the summary: no warning now, the quiet line instead.
  await backup.backToSummary();
  await expect(backup.summaryLine).toHaveText(backup.text('last.file'));
  await expect(backup.warning).toHaveCount(0);
});

test('the relay copy: on with the recovery code, sent again after a change and an hour, off deletes it', async ({
  page,
  request,
}) => {
  // The page's clock, so the test can move an hour on without waiting for it.
  await page.clock.install();
  const code = await setUpRecord(page, PIN, NAME);
  const summary = new SummaryPage(page);
  const backup = new BackupPage(page);
  await backup.openSettings();
  await expect(backup.relaySwitch).not.toBeChecked();
  expect((await relayCopyOf(request, code)).status).toBe(404);

  // Typed the way people copy a code by hand: small letters, spaces for dashes.
  await backup.turnOnRelay(code.toLowerCase().replace(/-/g, ' '));
  await backup.expectRelaySaved();
  await expect(backup.relaySwitch).toBeChecked();
  const first = await relayCopyOf(request, code);
  expect(first.status).toBe(200);
  expect(first.body.subarray(0, 8).toString('latin1')).toBe('CARNETBK');
  expect(first.body.toString('latin1')).not.toContain(NAME);
  await expect(backup.lastLine).toHaveText(backup.text('last.relay'));

  // A change, then an hour later the next check sends a new copy by itself.
  await backup.backToSummary();
  await expect(backup.summaryLine).toHaveText(backup.text('last.relay'));
  await summary.addNote(MARKER);
  await expect(summary.section('Notes').getByText(MARKER)).toBeVisible();
  const pageNow = await page.evaluate(() => Date.now());
  await page.clock.setSystemTime(pageNow + HOUR_MS + 60_000);
  await page.clock.fastForward('03:05');
  await expect
    .poll(async () => (await relayCopyOf(request, code)).body.equals(first.body), {
      timeout: 30_000,
    })
    .toBe(false);
  expect((await relayCopyOf(request, code)).body.toString('latin1')).not.toContain(MARKER);

  // Off: after the confirmation, the relay has nothing for this code any more.
  await backup.openSettings();
  await backup.turnOffRelay();
  await expect(backup.relaySwitch).not.toBeChecked();
  expect((await relayCopyOf(request, code)).status).toBe(404);
});

test('the relay copy offered at setup sends the record with the code just shown', async ({
  page,
  request,
}) => {
  const backup = new BackupPage(page);
  const code = await backup.setUpWithRelayCopy(PIN, NAME);
  await expect.poll(async () => (await relayCopyOf(request, code)).status).toBe(200);
  await expect(backup.summaryLine).toHaveText(backup.text('last.relay'));
  await backup.openSettings();
  await expect(backup.relaySwitch).toBeChecked();
  await backup.expectRelaySaved();
});

test('sheet lost: a new code with a new sheet turns the copy on, and the old code finds nothing', async ({
  page,
  request,
}) => {
  const oldCode = await setUpRecord(page, PIN, NAME);
  const backup = new BackupPage(page);
  await backup.openSettings();
  const newCode = await backup.turnOnRelayWithNewCode();
  expect(newCode).not.toBe(oldCode);
  await backup.expectRelaySaved();
  expect((await relayCopyOf(request, newCode)).status).toBe(200);
  expect((await relayCopyOf(request, oldCode)).status).toBe(404);
});
