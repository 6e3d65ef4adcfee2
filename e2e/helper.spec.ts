import type { Locator, Page } from '@playwright/test';
import { VOICES_GRACE_MS } from '../src/features/shell/useSpeech.ts';
import { photoWithExif } from './document-fixtures.ts';
import { expect, test } from './fixtures.ts';
import { label, phrase } from './locales.ts';
import { DocumentsPage } from './pages/documents-page.ts';
import { OnboardingPage } from './pages/onboarding-page.ts';

const prs = (ns: string, path: string) => label('prs', ns, path);
const NAME = 'فرشته';

/**
 * Records every level-1 heading the page ever shows and counts calls to window.print, so a
 * test can tell afterwards which screens were on screen, however briefly.
 */
async function recordScreens(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __headings: seen, __printed: 0 });
    window.print = () => {
      const w = window as unknown as { __printed: number };
      w.__printed += 1;
    };
    new MutationObserver(() => {
      for (const h of document.querySelectorAll('h1')) {
        const text = h.textContent?.trim() ?? '';
        if (text && seen.at(-1) !== text) seen.push(text);
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

const headingsSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { __headings: string[] }).__headings);

test('a social worker sets up Carnet in Dari: French lines, bilingual sheet, hand-over', async ({
  page,
}) => {
  await recordScreens(page);
  const onboarding = new OnboardingPage(page, 'prs');
  await onboarding.open();
  await onboarding.startHelping();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'prs');

  // The PIN step speaks Dari, with the helper's line in French, left to right.
  await expect(
    page.getByRole('heading', { name: prs('onboarding', 'secret.title') }),
  ).toBeVisible();
  const line = onboarding.helperLine();
  await expect(line).toContainText(label('fr', 'helper', 'line.secret'));
  await expect(line).toHaveAttribute('lang', 'fr');
  await expect(line).toHaveAttribute('dir', 'ltr');
  await onboarding.createWithPin('482915');

  // The recovery sheet: the helper's line, the offer of a second copy, both print.
  await expect(onboarding.helperLine()).toContainText(label('fr', 'helper', 'line.recovery'));
  await page
    .getByRole('button', { name: prs('onboarding', 'recovery.print'), exact: true })
    .click();
  await onboarding.secondCopyButton().click();
  expect(await page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(2);

  // Printed: the sheet in Dari (right to left) and in French (left to right), nothing else.
  await page.emulateMedia({ media: 'print' });
  const sheet = onboarding.recoverySheet();
  const dari = sheet.locator('[lang="prs"]');
  const french = sheet.locator('[lang="fr"]');
  await expect(dari.getByText(prs('onboarding', 'recovery.sheetTitle'))).toBeVisible();
  await expect(dari.getByText(prs('onboarding', 'recovery.sheetHint'))).toBeVisible();
  await expect(french.getByText(label('fr', 'onboarding', 'recovery.sheetTitle'))).toBeVisible();
  await expect(french.getByText(label('fr', 'onboarding', 'recovery.sheetHint'))).toBeVisible();
  await expect(french.getByText(label('fr', 'onboarding', 'recovery.sheetUse'))).toBeVisible();
  await expect(sheet.getByTestId('recovery-code')).toBeVisible();
  expect(await dari.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  expect(await french.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  // Right to left: the Dari title's words end at the right edge, the French ones start left.
  const textBox = (heading: Locator) =>
    heading.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right };
    });
  const d = await textBox(dari.getByRole('heading'));
  const f = await textBox(french.getByRole('heading'));
  expect(d.right).toBeGreaterThan(f.right);
  expect(f.left).toBeLessThan(d.left);
  await expect(onboarding.helperLine()).toBeHidden();
  await expect(
    page.getByRole('button', { name: prs('onboarding', 'recovery.print'), exact: true }),
  ).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
  await onboarding.confirmRecoveryWritten();

  // The profile, with the relay copy offered (the backup's own component) and turned on.
  await expect(onboarding.helperLine()).toContainText(label('fr', 'helper', 'line.profile'));
  await page.getByRole('switch', { name: prs('backup', 'offer.switch') }).check();
  await onboarding.createProfile(NAME);

  // The first paper, photographed with the documents import, then back to the helper's path.
  await expect(onboarding.helperLine()).toContainText(label('fr', 'helper', 'line.papers'));
  await onboarding.photographPaper();
  const documents = new DocumentsPage(page, 'prs');
  const photo = await photoWithExif(page, 'AME', 'SERIAL-1');
  await documents.pick([{ name: 'ame.jpg', mimeType: 'image/jpeg', buffer: photo }]);
  await expect(documents.pages()).toHaveCount(1, { timeout: 60_000 });
  await documents.describe('AME', prs('documents', 'types.insurance-rights'));
  await documents.save();
  await onboarding.finishPapers(true);

  // The hand-over: the helper's last line names the patient; the record is still not shown.
  const handOver = onboarding.helperLine();
  await expect(handOver).toContainText(phrase('fr', 'helper', 'line.handover', { name: NAME }));
  await expect(onboarding.openRecordButton()).toBeVisible();
  const before = await headingsSeen(page);
  expect(before).not.toContain(NAME);
  expect(before).not.toContain('AME');

  // Only the patient's tap opens the record, with the paper in it.
  await onboarding.openRecordButton().click();
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
  await page.getByRole('link', { name: prs('documents', 'open') }).click();
  await expect(documents.item('AME')).toBeVisible();
});

test('without a voice for the language, the phone says so once, and not after a reload', async ({
  page,
}) => {
  await page.clock.install();
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __notices: seen });
    new MutationObserver(() => {
      for (const n of document.querySelectorAll('.no-voice-notice'))
        if (!seen.includes(n.textContent ?? '')) seen.push(n.textContent ?? '');
    }).observe(document, { childList: true, subtree: true });
  });
  const notices = () =>
    page.evaluate(() => (window as unknown as { __notices: string[] }).__notices);
  const notice = page.locator('.no-voice-notice');
  const onboarding = new OnboardingPage(page, 'fr');

  await onboarding.open();
  await onboarding.languageButton().click();
  await page.clock.fastForward(VOICES_GRACE_MS + 500);
  // Chromium here has no voice at all: no "listen" button, and one plain sentence instead.
  await expect(notice).toContainText(label('fr', 'common', 'noVoice.text').slice(0, 30));
  await expect(page.getByRole('button', { name: label('fr', 'common', 'readAloud') })).toHaveCount(
    0,
  );
  await notice.getByRole('button', { name: label('fr', 'common', 'noVoice.dismiss') }).click();
  await expect(notice).toHaveCount(0);

  // The next step does not say it again.
  await page.getByRole('button', { name: label('fr', 'common', 'continue') }).click();
  await page.clock.fastForward(VOICES_GRACE_MS + 500);
  await expect(
    page.getByRole('heading', { name: label('fr', 'onboarding', 'secret.title') }),
  ).toBeVisible();

  // Nor after a reload. English, never said, shows that the device has answered by then.
  await page.reload();
  await onboarding.languageButton().waitFor();
  await page.clock.fastForward(VOICES_GRACE_MS + 500);
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.clock.fastForward(VOICES_GRACE_MS + 500);
  await expect(notice).toContainText(label('en', 'common', 'noVoice.text').slice(0, 30));
  expect(await notices()).toEqual([
    expect.stringContaining(label('en', 'common', 'noVoice.dismiss')),
  ]);
});
