import { existsSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { label, phrase } from '../locales.ts';

/**
 * "Import or export", in the interface language `lng`. The import texts exist in French and
 * English first (translators add the rest later); until a language has them, the app shows
 * English, and so does this page object.
 */
export class ImportPage {
  readonly items: Locator;
  readonly error: Locator;
  private readonly textLng: string;

  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {
    this.textLng = existsSync(`public/locales/${lng}/import.json`) ? lng : 'en';
    this.items = page.getByRole('list', { name: this.l('preview.title') });
    this.error = page.locator('.notice').filter({ hasText: /./ }).last();
  }

  l(path: string): string {
    return label(this.textLng, 'import', path);
  }

  /** From the summary, through "my papers" and its "Import or export" link. */
  async openFromSummary(): Promise<void> {
    await this.page.getByRole('link', { name: label(this.lng, 'documents', 'open') }).click();
    await this.page.getByRole('link', { name: this.l('title') }).click();
    await expect(this.page.getByRole('heading', { name: this.l('title'), level: 1 })).toBeVisible();
  }

  /** Pastes a link and opens it; a link with a PIN then asks for it. */
  async pasteLink(link: string): Promise<void> {
    await this.page.getByRole('textbox', { name: this.l('add.linkLabel'), exact: true }).fill(link);
    await this.page.getByRole('button', { name: this.l('add.open') }).click();
  }

  async enterPin(pin: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.l('pin.title') })).toBeVisible();
    await this.page.getByLabel(this.l('pin.label'), { exact: true }).fill(pin);
    await this.page.getByRole('button', { name: this.l('pin.open'), exact: true }).click();
  }

  /** One item of the preview by its shown name. */
  item(name: string | RegExp): Locator {
    return this.items.getByRole('checkbox', { name });
  }

  /** Exports the summary as an IPS file with the share's default picks; returns the file. */
  async exportFile(): Promise<{ name: string; json: unknown }> {
    await this.page.getByRole('button', { name: this.l('export.start') }).click();
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: this.l('export.make') }).click();
    const file = await download;
    const path = await file.path();
    return { name: file.suggestedFilename(), json: JSON.parse(readFileSync(path, 'utf8')) };
  }

  /** Picks a file with the "choose a file" input. */
  async pickFile(name: string, buffer: Buffer, mimeType = 'application/fhir+json'): Promise<void> {
    await this.page.getByLabel(this.l('add.file')).setInputFiles({ name, mimeType, buffer });
  }

  /** Keeps `count` items and goes back to the summary. */
  async keep(count: number): Promise<void> {
    await this.keepAndStay(count);
    await this.page.getByRole('link', { name: this.l('done.back') }).click();
  }

  /** Keeps `count` items and stays on the "done" step. */
  async keepAndStay(count: number): Promise<void> {
    const keep = phrase(
      this.textLng,
      'import',
      `preview.keep_${new Intl.PluralRules(this.textLng).select(count)}`,
      {
        count,
      },
    );
    await this.page.getByRole('button', { name: keep }).click();
    await expect(
      this.page.getByText(
        phrase(
          this.textLng,
          'import',
          `done.message_${new Intl.PluralRules(this.textLng).select(count)}`,
          { count },
        ),
      ),
    ).toBeVisible();
  }
}
