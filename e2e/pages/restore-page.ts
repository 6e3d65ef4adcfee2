import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { label, phrase } from '../locales.ts';

/**
 * A string as the app shows it in `lng`: i18next falls back to English, then French, for a
 * key a language does not have yet (new strings wait for their translators).
 */
function shown(lng: string, ns: string, path: string): string {
  for (const code of [lng, 'en', 'fr']) {
    try {
      return label(code, ns, path);
    } catch {
      // Not translated into `code` yet: the next fallback, as i18next does.
    }
  }
  throw new Error(`no ${ns}:${path} in ${lng}, en or fr`);
}

/** The same, with its `{{variables}}` filled in. */
function shownPhrase(
  lng: string,
  ns: string,
  path: string,
  vars: Record<string, string | number>,
): string {
  for (const code of [lng, 'en', 'fr']) {
    try {
      return phrase(code, ns, path, vars);
    } catch {
      // As above.
    }
  }
  throw new Error(`no ${ns}:${path} in ${lng}, en or fr`);
}

/** A file handed to the backup picker. */
export interface BackupFile {
  readonly name: string;
  readonly buffer: Buffer;
}

/** Restoring a backup, from the first screen or from `/restore`, in the interface language `lng`. */
export class RestorePage {
  readonly error: Locator;
  readonly facts: Locator;
  readonly progress: Locator;

  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {
    this.error = page.getByRole('alert');
    this.facts = page.getByTestId('backup-facts');
    this.progress = page.getByRole('progressbar', { name: this.l('progress.verifying') });
  }

  /** A `restore:` string as shown in `lng`. */
  l(path: string): string {
    return shown(this.lng, 'restore', path);
  }

  /** The message shown for a failure code (`errors:<code>`). */
  errorText(code: string): string {
    return shown(this.lng, 'errors', code);
  }

  private button(path: string): Locator {
    return this.page.getByRole('button', { name: this.l(path) });
  }

  /** The first screen's "restore my record", beside "continue". */
  startButton(): Locator {
    return this.button('start');
  }

  async start(): Promise<void> {
    await this.startButton().click();
    await expect(this.page.getByRole('heading', { name: this.l('title'), level: 1 })).toBeVisible();
  }

  /** Opens `/restore` on an unlocked phone (a reload: the PIN is asked first). */
  async openReplacing(unlock: () => Promise<void>): Promise<void> {
    await this.page.goto('/restore');
    await unlock();
    await expect(this.page.getByRole('heading', { name: this.l('title'), level: 1 })).toBeVisible();
    await expect(this.page.getByText(this.l('replaceWarning'))).toBeVisible();
  }

  /** Picks a backup file through the button's file chooser, as a person would. */
  async chooseFile(file: BackupFile): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.button('source.file').click();
    await (
      await chooser
    ).setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer });
  }

  /** The backup's date and counts, as the summary step shows them. */
  async expectFacts(counts: { profiles: number; entries: number; documents: number }) {
    await expect(this.page.getByRole('heading', { name: this.l('summary.title') })).toBeVisible({
      timeout: 60_000,
    });
    await expect(this.facts.getByText(this.datePattern('summary.date'))).toBeVisible();
    for (const [key, count] of Object.entries(counts)) {
      // Counts of 2 and more: `_other` in every language here.
      await expect(this.facts).toContainText(
        shownPhrase(this.lng, 'restore', `summary.${key}_other`, { count }),
      );
    }
  }

  codeField(): Locator {
    return this.page.getByLabel(this.l('code.label'), { exact: true });
  }

  async typeCode(code: string): Promise<void> {
    await this.codeField().fill(code);
  }

  /** Opens the camera on the sheet's QR code and waits until the code is read. */
  async scanCode(): Promise<void> {
    await this.button('code.scan').click();
    await expect(this.page.getByText(this.l('scan.read'))).toBeVisible({ timeout: 30_000 });
  }

  /** "Check the backup": the whole file is verified, with a progress bar. */
  async verify(): Promise<void> {
    await this.button('summary.verify').click();
  }

  async cancel(): Promise<void> {
    await this.button('progress.cancel').click();
  }

  /** The copy on the Carnet server: the recovery code typed, then "find my copy". */
  async findOnRelay(code: string): Promise<void> {
    await this.button('source.relay').click();
    await this.typeCode(code);
    await this.button('relay.search').click();
  }

  /** Downloads the copy found (its date and size shown first). */
  async download(): Promise<void> {
    await expect(this.page.getByText(this.datePattern('relay.found'))).toBeVisible();
    await this.button('relay.download').click();
  }

  /** A whole-text pattern for a string with a date and a size in it. */
  private datePattern(path: string): RegExp {
    const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const source = this.l(path)
      .split(/\{\{\s*\w+\s*\}\}/)
      .map(escape)
      .join('.+');
    return new RegExp(`^\\s*${source}\\s*$`);
  }

  /** Refused with the message for `code`, on a screen that still offers to try again. */
  async expectRefused(code: string): Promise<void> {
    await expect(this.error.first()).toHaveText(this.errorText(code));
  }

  /** The new PIN, twice, then "save and open my record". */
  async chooseNewPin(pin: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.l('secret.title') })).toBeVisible({
      timeout: 60_000,
    });
    await this.page.getByLabel(shown(this.lng, 'onboarding', 'secret.new.pin')).fill(pin);
    await this.page.getByLabel(shown(this.lng, 'onboarding', 'secret.confirm.pin')).fill(pin);
    await this.button('secret.save').click();
  }

  /** On a phone with a record: the "replace it?" question, after the check. */
  replaceQuestion(): Locator {
    return this.page.getByRole('heading', { name: this.l('replace.title') });
  }

  async confirmReplace(): Promise<void> {
    await expect(this.replaceQuestion()).toBeVisible({ timeout: 60_000 });
    await this.button('replace.confirm').click();
  }

  async keepCurrentRecord(): Promise<void> {
    await expect(this.replaceQuestion()).toBeVisible({ timeout: 60_000 });
    await this.button('replace.keep').click();
  }

  /** After a refusal on a phone with a record: back to it (it locked itself). */
  async reopenRecord(): Promise<void> {
    await expect(this.page.getByText(this.l('kept'))).toBeVisible();
    await this.button('reopen').click();
  }
}
