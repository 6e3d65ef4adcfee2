import type { APIRequestContext, Download, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { Vault } from '../../src/crypto/vault.ts';
import { label, pattern } from '../locales.ts';
import { OnboardingPage } from './onboarding-page.ts';

/**
 * Backups in the interface language `lng`: the settings' backup section (a file, the copy on
 * the relay), the summary's backup line, and setup's offer of a relay copy.
 */
export class BackupPage {
  readonly section: Locator;
  /** The summary's warning (none, none for two weeks, none while storage may be erased). */
  readonly warning: Locator;
  /** The summary's quiet "last backup" line. */
  readonly summaryLine: Locator;
  /** The settings' "last backup" line. */
  readonly lastLine: Locator;
  readonly relaySwitch: Locator;
  /** The relay copy's state: saved and when, or why the last copy failed. */
  readonly relayState: Locator;

  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {
    this.section = page.getByRole('region', { name: this.l('title'), exact: true });
    this.warning = page.getByTestId('backup-warning');
    this.summaryLine = page.getByTestId('backup-line');
    this.lastLine = page.getByTestId('last-backup');
    this.relaySwitch = page.getByRole('switch', { name: this.l('relay.switch') });
    this.relayState = page.getByTestId('relay-state');
  }

  private l(path: string): string {
    return label(this.lng, 'backup', path);
  }

  /** A backup text with its `{{variables}}` matching anything (a time, a file name). */
  text(path: string): RegExp {
    return pattern(this.lng, 'backup', path);
  }

  /** From any unlocked screen, through the header's settings link. */
  async openSettings(): Promise<void> {
    await this.page.getByRole('link', { name: label(this.lng, 'common', 'settings') }).click();
    await expect(this.section).toBeVisible();
  }

  /** From the summary's warning, through its "make a backup" link. */
  async followWarning(): Promise<void> {
    await this.warning.getByRole('link', { name: this.l('warning.action') }).click();
    await expect(this.section.getByRole('heading', { name: this.l('title') })).toBeFocused();
  }

  async backToSummary(): Promise<void> {
    await this.page.getByRole('link', { name: label(this.lng, 'common', 'back') }).click();
  }

  saveButton(): Locator {
    return this.section.getByRole('button', { name: this.l('save.start') });
  }

  /** "Save a backup": the file arrives as a download (headless Chromium shares no files). */
  async saveFile(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.saveButton().click();
    const file = await download;
    await expect(this.section.getByText(this.text('save.downloaded'))).toBeVisible();
    return file;
  }

  /**
   * Starts a backup and cancels it at once, the way a quick second tap would: the cancel
   * button exists from the moment the backup starts, so no timing decides the test.
   */
  async saveAndCancel(): Promise<void> {
    const names = { start: this.l('save.start'), cancel: this.l('save.cancel') };
    await this.page.evaluate(async ({ start, cancel }) => {
      const button = (name: string) =>
        [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
      button(start)?.click();
      // React renders the tap in a microtask: the cancel button is there before any of the
      // backup's reads (IndexedDB answers in later tasks) has come back.
      for (let i = 0; i < 50 && !button(cancel); i++) await Promise.resolve();
      const stop = button(cancel);
      if (!stop) throw new Error('no cancel button while the backup runs');
      stop.click();
    }, names);
    await expect(this.section.getByText(this.l('save.cancelled'))).toBeVisible();
  }

  /** Turns the relay copy on with the recovery code as the patient types it. */
  async turnOnRelay(code: string): Promise<void> {
    await this.relaySwitch.click();
    await this.section.getByLabel(this.l('relay.codeLabel')).fill(code);
    await this.section.getByRole('button', { name: this.l('relay.turnOn') }).click();
  }

  /**
   * "I lost my sheet": makes a new recovery code, reads it off the new sheet, confirms it is
   * written down, and returns it; the copy then turns on with it.
   */
  async turnOnRelayWithNewCode(): Promise<string> {
    await this.relaySwitch.click();
    await this.section.getByRole('button', { name: this.l('relay.lostSheet') }).click();
    await this.section.getByRole('button', { name: this.l('relay.newCodeYes') }).click();
    const code = this.page.getByTestId('recovery-code');
    await expect(code).toBeVisible();
    const fresh = (await code.innerText()).replace(/\s+/g, '-');
    await new OnboardingPage(this.page, this.lng).confirmRecoveryWritten();
    await expect(this.section).toBeVisible();
    return fresh;
  }

  /** Waits until the settings say a relay copy was saved. */
  async expectRelaySaved(): Promise<void> {
    await expect(this.relayState).toHaveText(this.text('relay.saved'), { timeout: 30_000 });
  }

  /** Turns the relay copy off and confirms the deletion. */
  async turnOffRelay(): Promise<void> {
    await this.relaySwitch.click();
    await this.section.getByRole('button', { name: this.l('relay.offYes') }).click();
    await expect(this.section.getByText(this.l('relay.deleted'))).toBeVisible();
  }

  /** The whole setup with the relay copy turned on at its offer; returns the recovery code. */
  async setUpWithRelayCopy(pin: string, name: string): Promise<string> {
    const onboarding = new OnboardingPage(this.page, this.lng);
    await onboarding.open();
    await onboarding.chooseLanguage();
    const code = await onboarding.createWithPin(pin);
    await onboarding.confirmRecoveryWritten();
    const offer = this.page.getByRole('switch', { name: this.l('offer.switch') });
    await expect(offer).not.toBeChecked();
    await offer.check();
    await onboarding.createProfile(name);
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
    return code;
  }
}

/**
 * The relay's answer for the copy that `code` locates, asked straight from the test with the
 * locator and token derived in Node by the app's own code (crypto/vault.ts).
 */
export async function relayCopyOf(
  request: APIRequestContext,
  code: string,
): Promise<{ status: number; body: Buffer }> {
  const access = await new Vault().backupAccess(code);
  const response = await request.get(`/api/backup/${access.locator}`, {
    headers: { Authorization: `Bearer ${access.token}` },
  });
  return { status: response.status(), body: await response.body() };
}
