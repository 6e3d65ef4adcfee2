import type { Locator, Page } from '@playwright/test';

/** The doctor's viewer at /v (French labels). */
export class ViewerPage {
  readonly nameInput: Locator;
  readonly pinInput: Locator;
  readonly pinProblem: Locator;
  readonly message: Locator;
  readonly toggle: Locator;
  readonly documentDialog: Locator;

  constructor(private readonly page: Page) {
    this.nameInput = page.getByLabel('Votre nom et votre lieu d’exercice');
    this.pinInput = page.getByLabel('Code', { exact: true });
    this.pinProblem = page.locator('#v-pin-problem');
    this.message = page.getByRole('alert');
    this.toggle = page.getByRole('button', { name: /^Afficher aussi en / });
    this.documentDialog = page.getByRole('dialog');
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
    await this.page.getByRole('button', { name: 'Continuer' }).click();
  }

  async givePin(pin: string): Promise<void> {
    await this.pinInput.fill(pin);
    await this.page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
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
    await this.section('Documents et courriers')
      .getByRole('listitem')
      .filter({ hasText: title })
      .getByRole('button', { name: 'Ouvrir' })
      .click();
  }
}
