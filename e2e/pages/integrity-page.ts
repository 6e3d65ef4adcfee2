import type { Locator, Page } from '@playwright/test';
import { label, phrase } from '../locales.ts';

/** The summary's notice of what the check at unlock found, in the interface language `lng`. */
export class IntegrityNotice {
  readonly notice: Locator;

  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {
    this.notice = page.getByTestId('integrity-notice');
  }

  private l(path: string): string {
    return label(this.lng, 'summary', path);
  }

  /** The sentence that says how many items changed outside Carnet (`_other` plural form). */
  changed(count: number): Locator {
    return this.notice.getByText(phrase(this.lng, 'summary', 'integrity.changed_other', { count }));
  }

  /** The way to a restore, offered in the notice. */
  restoreLink(): Locator {
    return this.notice.getByRole('link', { name: this.l('integrity.restore') });
  }

  /** "Keep the record as it is", then the confirmation. */
  async keepAsItIs(): Promise<void> {
    await this.notice.getByRole('button', { name: this.l('integrity.keep') }).click();
    await this.notice.getByText(this.l('integrity.keepConfirm')).waitFor();
    await this.notice.getByRole('button', { name: this.l('integrity.keepYes') }).click();
  }
}
