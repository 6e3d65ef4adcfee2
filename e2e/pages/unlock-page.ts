import type { Locator, Page } from '@playwright/test';

/** The locked app (French labels). */
export class UnlockPage {
  readonly heading: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Carnet est verrouillé' });
    this.error = page.getByRole('alert');
  }

  async unlock(pin: string): Promise<void> {
    await this.page.getByLabel('Code', { exact: true }).fill(pin);
    await this.page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
  }
}
