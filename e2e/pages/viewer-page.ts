import type { Locator, Page } from '@playwright/test';
import { label, pattern } from '../locales.ts';

/** The doctor's viewer at /v, in the browser's language `lng`. */
export class ViewerPage {
  readonly nameInput: Locator;
  readonly pinInput: Locator;
  readonly pinProblem: Locator;
  readonly message: Locator;
  readonly toggle: Locator;
  readonly documentDialog: Locator;

  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {
    this.nameInput = page.getByLabel(this.l('name.label'));
    this.pinInput = page.getByLabel(this.l('pin.label'), { exact: true });
    this.pinProblem = page.locator('#v-pin-problem');
    this.message = page.getByRole('alert');
    // "Also show in <the patient's language>", whichever language that is.
    this.toggle = page.getByRole('button', { name: pattern(lng, 'viewer', 'summary.toggle') });
    this.documentDialog = page.getByRole('dialog');
  }

  private l(path: string): string {
    return label(this.lng, 'viewer', path);
  }

  /**
   * Opens a link. On a page already at /v only the fragment changes, so the viewer reloads
   * itself to read the new link; this waits for that reload.
   */
  async open(link: string): Promise<void> {
    const current = this.page.url();
    const samePage = current.startsWith('http') && new URL(current).pathname === '/v';
    if (samePage) {
      await Promise.all([this.page.waitForEvent('load'), this.page.goto(link)]);
    } else {
      await this.page.goto(link);
    }
  }

  async giveName(name: string): Promise<void> {
    await this.nameInput.fill(name);
    await this.page.getByRole('button', { name: this.l('name.submit') }).click();
  }

  async givePin(pin: string): Promise<void> {
    await this.pinInput.fill(pin);
    await this.page.getByRole('button', { name: this.l('pin.submit') }).click();
  }

  /** A section of the summary, by its heading. */
  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  patientName(name: string): Locator {
    return this.page.getByRole('heading', { name, level: 2 });
  }

  messageTitle(title: string): Locator {
    return this.message.getByRole('heading', { name: title });
  }

  async openDocument(title: string): Promise<void> {
    await this.section(this.l('section.documents'))
      .getByRole('listitem')
      .filter({ hasText: title })
      .getByRole('button', { name: this.l('doc.open') })
      .click();
  }
}
