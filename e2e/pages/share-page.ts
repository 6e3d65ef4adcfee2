import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The patient's sharing screens (French labels). */
export class SharePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Montrer à un médecin' }).click();
    await expect(this.page.getByRole('heading', { name: 'Partager', level: 1 })).toBeVisible();
  }

  item(name: string | RegExp) {
    return this.page.getByRole('checkbox', { name });
  }

  /** Creates the link and returns the link and the PIN shown on the QR screen. */
  async create(): Promise<{ link: string; pin: string | null }> {
    await this.page.getByRole('button', { name: 'Créer le lien' }).click();
    await expect(this.page.getByRole('img', { name: 'Code QR du lien de partage' })).toBeVisible({
      timeout: 30_000,
    });
    const pin = this.page.getByTestId('share-pin');
    const pinText = (await pin.count()) > 0 ? await pin.innerText() : null;
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.getByRole('button', { name: 'Copier le lien' }).click();
    await expect(this.page.getByRole('button', { name: 'Lien copié' })).toBeVisible();
    const link = await this.page.evaluate(() => navigator.clipboard.readText());
    return { link, pin: pinText };
  }
}
