import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import type { BackupFixture } from './backup-fixtures.ts';
import {
  DARI_CONDITION,
  DARI_NOTE,
  broken,
  cameraPhoto,
  otherVaultBackup,
  phoneABackup,
  recoverySheetVideo,
  uploadToRelay,
} from './backup-fixtures.ts';
import { CHROMIUM_ARGS, chromiumExecutable } from './browser.ts';
import { violations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { label } from './locales.ts';
import { DocumentsPage } from './pages/documents-page.ts';
import { OnboardingPage } from './pages/onboarding-page.ts';
import { RestorePage } from './pages/restore-page.ts';
import { setUpRecord } from './pages/setup.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { UnlockPage } from './pages/unlock-page.ts';

/**
 * Phone A's backup is made once, in Node, by the app's own record code (backup-fixtures.ts);
 * phone B is the browser, and restores it through the screens only.
 */
let phoneA: BackupFixture;
let phoneC: { file: Buffer; code: string };
let photo: Buffer;

test.beforeAll(async ({ browser }) => {
  photo = await cameraPhoto(browser, 'LETTRE-HOPITAL');
  phoneA = await phoneABackup(photo);
  phoneC = await otherVaultBackup();
});

const backupFile = (buffer: Buffer) => ({ name: 'carnet-2026-03-14.carnet', buffer });
const COUNTS = { profiles: 2, entries: 5, documents: 2 };

/**
 * Records the SHA-256 of every Blob the page shows or reads whole, and of every byte array
 * it hands to a worker: `URL.createObjectURL` (the photo viewer shows the decrypted photo
 * through a blob: URL), `Blob.arrayBuffer`, and `Worker.postMessage` (the PDF viewer hands
 * the decrypted PDF to pdf.js's worker). A spy on browser APIs, so the page keeps its CSP
 * (which forbids fetching blob: URLs); the app is untouched.
 */
async function recordBlobDigests(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const read = Object.getOwnPropertyDescriptor(Blob.prototype, 'arrayBuffer')?.value as (
      this: Blob,
    ) => Promise<ArrayBuffer>;
    const createUrl = URL.createObjectURL.bind(URL);
    const digests: string[] = [];
    (window as unknown as { __blobDigests: string[] }).__blobDigests = digests;
    const record = async (buffer: ArrayBuffer) => {
      const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
      digests.push(Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join(''));
    };
    Blob.prototype.arrayBuffer = async function (this: Blob) {
      const buffer = await read.call(this);
      await record(buffer);
      return buffer;
    };
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof Blob) void read.call(object).then(record);
      return createUrl(object);
    };
    // Copied before posting: a transferred buffer is empty here afterwards.
    const bytesIn = (value: unknown, depth: number): ArrayBuffer[] =>
      value instanceof Uint8Array
        ? [value.slice().buffer]
        : depth < 3 && typeof value === 'object' && value !== null
          ? Object.values(value).flatMap((item) => bytesIn(item, depth + 1))
          : [];
    const post = Object.getOwnPropertyDescriptor(Worker.prototype, 'postMessage')?.value as (
      this: Worker,
      ...args: unknown[]
    ) => void;
    Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
      for (const buffer of bytesIn(args[0], 0)) void record(buffer);
      post.apply(this, args);
    };
  });
}

const blobDigests = (page: Page) =>
  page.evaluate(() => (window as unknown as { __blobDigests: string[] }).__blobDigests);

/** A phone with no record, on its first screen in `lng`, starting a restore. */
async function startOnFreshPhone(page: Page, lng: string): Promise<RestorePage> {
  const restore = new RestorePage(page, lng);
  await page.goto('/');
  await new OnboardingPage(page, lng).languageButton().click();
  await restore.start();
  return restore;
}

/** Phone B shows phone A's record: both people, every entry in its section, in `lng`. */
async function expectPhoneARecord(page: Page, lng: string): Promise<void> {
  const [amina, yusuf] = phoneA.profiles;
  const summary = new SummaryPage(page, lng);
  const section = (kind: string) => summary.section(label(lng, 'entry', `kinds.${kind}`));
  await expect(page.getByRole('heading', { name: amina!.name, level: 1 })).toBeVisible({
    timeout: 30_000,
  });
  await expect(section('allergy')).toContainText(label(lng, 'vocab', 'allergy.penicillins'));
  await expect(section('medication')).toContainText(label(lng, 'vocab', 'medication.metformin'));
  await expect(section('condition')).toContainText(DARI_CONDITION);
  await expect(section('note')).toContainText(DARI_NOTE);
  await page.getByRole('button', { name: yusuf!.name }).click();
  await expect(page.getByRole('heading', { name: yusuf!.name, level: 1 })).toBeVisible();
  await expect(section('vaccination')).toContainText(label(lng, 'vocab', 'vaccine.mmr'));
  await page.getByRole('button', { name: amina!.name }).click();
  await expect(page.getByRole('heading', { name: amina!.name, level: 1 })).toBeVisible();
}

/** Every paper's decrypted bytes on phone B hash as phone A's did. */
async function expectSameBytes(page: Page, lng: string): Promise<void> {
  const [photoPaper, pdfPaper] = phoneA.papers;
  const docs = new DocumentsPage(page, lng);
  await docs.openFromSummary();
  await docs.open(photoPaper!.title);
  // Shown whole (the browser decoded it), from exactly phone A's bytes.
  await expect
    .poll(() => docs.image().evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(1200);
  await expect.poll(() => blobDigests(page)).toContain(photoPaper!.sha256);
  await docs.backToList();
  await docs.open(pdfPaper!.title);
  await docs.expectPdfDrawn(1);
  await expect.poll(() => blobDigests(page)).toContain(pdfPaper!.sha256);
}

test('phone B, in Dari, restores phone A’s backup file with the recovery code: same record, same bytes, a new PIN', async ({
  page,
  context,
  requestLog,
}) => {
  await recordBlobDigests(context);
  const restore = await startOnFreshPhone(page, 'prs');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(await violations(page)).toEqual([]);
  await restore.chooseFile(backupFile(phoneA.file));
  await restore.expectFacts(COUNTS);
  expect(await violations(page)).toEqual([]);
  // Typed by hand, in small letters with spaces: the code still opens it.
  await restore.typeCode(phoneA.code.toLowerCase().replace(/-/g, ' '));
  await restore.verify();
  await expect(page.getByRole('heading', { name: restore.l('secret.title') })).toBeVisible({
    timeout: 60_000,
  });
  expect(await violations(page)).toEqual([]);
  await restore.chooseNewPin('975310');
  await expectPhoneARecord(page, 'prs');
  await expectSameBytes(page, 'prs');

  // The new PIN opens the restored record after a reload (which always locks), on the PDF.
  await page.reload();
  await new UnlockPage(page, 'prs').unlock('975310');
  await expect(page.getByRole('heading', { name: phoneA.papers[1]!.title })).toBeVisible();
  await new DocumentsPage(page, 'prs').expectPdfDrawn(1);
  expect(requestLog.containing(phoneA.code)).toEqual([]);
});

test('the same through the Carnet server, with only the recovery code typed on phone B', async ({
  page,
  context,
  baseURL,
  requestLog,
}) => {
  await uploadToRelay(new URL(baseURL!).origin, phoneA.file, phoneA.code);
  await recordBlobDigests(context);
  const restore = await startOnFreshPhone(page, 'prs');
  // A code with no copy on the server is said so, and changes nothing.
  await restore.findOnRelay(phoneC.code);
  await expect(restore.error.first()).toHaveText(restore.l('relay.none'));
  await restore.typeCode(phoneA.code);
  await page.getByRole('button', { name: restore.l('relay.search') }).click();
  await restore.download();
  await restore.expectFacts(COUNTS);
  await expect(restore.codeField()).toHaveValue(phoneA.code);
  await restore.verify();
  await restore.chooseNewPin('864200');
  await expectPhoneARecord(page, 'prs');
  await expectSameBytes(page, 'prs');
  // The code itself never left phone B: only the locator and token derived from it.
  expect(requestLog.containing(phoneA.code)).toEqual([]);
  expect(requestLog.containing(phoneA.code.replace(/-/g, ''))).toEqual([]);
});

test('each damaged, foreign, newer or wrongly opened backup is refused with its own message, and phone B stays empty', async ({
  page,
}) => {
  const typo = phoneA.code.slice(0, -1) + (phoneA.code.endsWith('0') ? '1' : '0');
  const cases = [
    { file: broken.flipped(phoneA.file), code: phoneA.code, refusal: 'backup-damaged' },
    { file: broken.truncated(phoneA.file), code: phoneA.code, refusal: 'backup-truncated' },
    {
      file: broken.spliced(phoneA.file, phoneC.file),
      code: phoneA.code,
      refusal: 'backup-foreign',
    },
    { file: phoneA.file, code: phoneC.code, refusal: 'backup-wrong-code' },
    { file: phoneA.file, code: typo, refusal: 'bad-recovery-code' },
    // Refused as soon as it is picked: its header says a format this Carnet does not know.
    { file: broken.newerVersion(phoneA.file), code: null, refusal: 'backup-version' },
  ];
  const restore = new RestorePage(page);
  expect(new Set(cases.map((c) => restore.errorText(c.refusal))).size).toBe(cases.length);
  for (const { file, code, refusal } of cases) {
    // Each from a fresh load: phone B has no record, whatever was refused before.
    await startOnFreshPhone(page, 'fr');
    await restore.chooseFile(backupFile(file));
    if (code !== null) {
      await restore.expectFacts(COUNTS);
      await restore.typeCode(code);
      await restore.verify();
    }
    await restore.expectRefused(refusal);
    // "Nothing was changed on this phone", in the words of every backup refusal.
    const unchanged = restore.errorText('cancelled').split('. ')[1]!;
    if (refusal.startsWith('backup-')) await expect(restore.error.first()).toContainText(unchanged);
  }
  await page.reload();
  await expect(restore.startButton()).toBeVisible();
  await expect
    .poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)))
    .not.toContainEqual(expect.stringMatching(/^carnet-[0-9a-f]{16}$/));
});

const PIN = '314159';
const NAME = 'Nadia Kaya';
const NOTE = 'NOTE-DU-TELEPHONE-B-51c2';

/** Phone B with a record of its own: a name and a note. */
async function phoneWithRecord(page: Page): Promise<UnlockPage> {
  await setUpRecord(page, PIN, NAME);
  await new SummaryPage(page).addNote(NOTE);
  await expect(page.getByText(NOTE)).toBeVisible();
  return new UnlockPage(page);
}

async function expectOwnRecord(page: Page, unlock: UnlockPage): Promise<void> {
  await expect(unlock.heading).toBeVisible();
  await unlock.unlock(PIN);
  // Back where the restore was started from, the settings; then the record itself.
  await expect(
    page.getByRole('heading', { name: label('fr', 'settings', 'title'), level: 1 }),
  ).toBeVisible();
  await page.getByRole('link', { name: label('fr', 'common', 'back') }).click();
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
  await expect(page.getByText(NOTE)).toBeVisible();
}

test('a phone that holds a record keeps it after a refused restore', async ({ page }) => {
  const unlock = await phoneWithRecord(page);
  const restore = new RestorePage(page);
  await restore.openReplacing(() => unlock.unlock(PIN));
  await restore.chooseFile(backupFile(broken.flipped(phoneA.file)));
  await restore.typeCode(phoneA.code);
  await restore.verify();
  await restore.expectRefused('backup-damaged');
  await restore.reopenRecord();
  await expectOwnRecord(page, unlock);
});

test('restoring on a phone that holds a record asks first: kept when refused, replaced when confirmed', async ({
  page,
}) => {
  const unlock = await phoneWithRecord(page);
  const restore = new RestorePage(page);
  await restore.openReplacing(() => unlock.unlock(PIN));
  await restore.chooseFile(backupFile(phoneA.file));
  await restore.typeCode(phoneA.code);
  await restore.verify();
  await restore.keepCurrentRecord();
  await expectOwnRecord(page, unlock);

  await restore.openReplacing(() => unlock.unlock(PIN));
  await restore.chooseFile(backupFile(phoneA.file));
  await restore.typeCode(phoneA.code);
  await restore.verify();
  await restore.confirmReplace();
  await restore.chooseNewPin('271828');
  await expect(page.getByRole('heading', { name: phoneA.profiles[0]!.name })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText(NOTE)).toHaveCount(0);
  // The old record is gone with its PIN; the new PIN opens the restored one.
  await page.reload();
  await unlock.unlock(PIN);
  await expect(unlock.error).toContainText(label('fr', 'errors', 'wrong-secret'));
  await unlock.unlock('271828');
  await expect(page.getByRole('heading', { name: phoneA.profiles[0]!.name })).toBeVisible();
});

test('closing the page mid-restore leaves phone B as it was', async ({ page, context }) => {
  test.setTimeout(180_000);
  const big = await phoneABackup(photo, { padPdfBytes: 40_000_000 });
  const restore = await startOnFreshPhone(page, 'fr');
  await restore.chooseFile(backupFile(big.file));
  await restore.expectFacts(COUNTS);
  await restore.typeCode(big.code);
  // A slow phone: the restore takes long enough to be cut midway, however fast this machine
  // (unthrottled, it could end between the checks below and the close).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 3 });
  await restore.verify();
  // Under way: the bar has moved, and the restore's own database is being written.
  const restoreDb = expect.stringMatching(/^carnet-[0-9a-f]{16}$/);
  const databases = (p: Page) =>
    p.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  await expect
    .poll(() => restore.progress.evaluate((bar: HTMLProgressElement) => bar.value))
    .toBeGreaterThan(5);
  expect(await databases(page)).toContainEqual(restoreDb);
  await expect(restore.progress).toBeVisible();
  await page.close();

  const again = await context.newPage();
  const reopened = new RestorePage(again);
  await again.goto('/');
  await expect(reopened.startButton()).toBeVisible();
  await expect(
    again.getByRole('heading', { name: label('fr', 'onboarding', 'language.title') }),
  ).toBeVisible();
  // What the cut restore wrote is swept at start: no half database is left behind.
  await expect.poll(() => databases(again)).not.toContainEqual(restoreDb);
});

test('the recovery sheet’s QR code, scanned with the camera, opens the backup with no code typed', async ({
  baseURL,
}) => {
  // A phone whose camera films the sheet: Chromium's fake camera plays a video of its QR
  // code. Its own browser, since the camera is chosen at launch.
  const video = resolve('test-results', `restore-sheet-${new URL(baseURL!).port}.y4m`);
  writeFileSync(video, recoverySheetVideo(phoneA.code));
  const phone = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const context = await phone.newContext({
      baseURL: baseURL!,
      viewport: { width: 360, height: 740 },
      permissions: ['camera'],
    });
    const page = await context.newPage();
    const restore = await startOnFreshPhone(page, 'fr');
    await restore.chooseFile(backupFile(phoneA.file));
    await restore.expectFacts(COUNTS);
    await restore.scanCode();
    await expect(restore.codeField()).toHaveValue(phoneA.code);
    await restore.verify();
    await restore.chooseNewPin('112358');
    await expectPhoneARecord(page, 'fr');
  } finally {
    await phone.close();
  }
});
