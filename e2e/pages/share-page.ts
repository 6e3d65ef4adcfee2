import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { label } from '../locales.ts';

/** The patient's sharing screens, in the interface language `lng` (French by default). */
export class SharePage {
  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {}

  private l(key: string): string {
    return label(this.lng, 'share', key);
  }

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: this.l('open') }).click();
    await expect(
      this.page.getByRole('heading', { name: this.l('setup.title'), level: 1 }),
    ).toBeVisible();
  }

  item(name: string | RegExp) {
    return this.page.getByRole('checkbox', { name });
  }

  /** Picks who the share is for: `doctor`, `social` or `custom`. */
  async chooseAudience(audience: 'doctor' | 'social' | 'custom'): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(this.l(`who.${audience}`)) }).check();
  }

  /** Creates the link and returns the link and the PIN shown on the QR screen. */
  async create(): Promise<{ link: string; pin: string | null }> {
    await this.page.getByRole('button', { name: this.l('setup.create') }).click();
    await expect(this.page.getByRole('img', { name: this.l('qr.alt') })).toBeVisible({
      timeout: 30_000,
    });
    const pin = this.page.getByTestId('share-pin');
    const pinText = (await pin.count()) > 0 ? await pin.innerText() : null;
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.getByRole('button', { name: this.l('qr.copy') }).click();
    await expect(this.page.getByRole('button', { name: this.l('qr.copied') })).toBeVisible();
    const link = await this.page.evaluate(() => navigator.clipboard.readText());
    return { link, pin: pinText };
  }
}
