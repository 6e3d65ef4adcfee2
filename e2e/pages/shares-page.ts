import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { label, pattern } from '../locales.ts';

/** "Mes partages": the patient's list of shares, in the interface language `lng`. */
export class SharesPage {
  readonly heading: Locator;
  readonly items: Locator;

  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {
    this.heading = page.getByRole('heading', { name: this.l('list.title'), level: 1 });
    this.items = page.locator('li.share-item');
  }

  private l(path: string): string {
    return label(this.lng, 'share', path);
  }

  /** From the summary, through its "Mes partages" link. */
  async openFromSummary(): Promise<void> {
    await this.page.getByRole('link', { name: this.l('list.title') }).click();
    await expect(this.heading).toBeVisible();
  }

  /** From the QR screen of a share just made, through the back arrow. */
  async openFromQr(): Promise<void> {
    await this.page.getByRole('link', { name: label(this.lng, 'common', 'back') }).click();
    await expect(this.heading).toBeVisible();
  }

  /** The share in the list, newest first. */
  item(index = 0): Locator {
    return this.items.nth(index);
  }

  /** The state tag of a share: 'active', 'blocked', 'expired' or 'revoked'. */
  state(item: Locator, state: 'active' | 'blocked' | 'expired' | 'revoked'): Locator {
    return item.locator('.share-head').getByText(this.l(`list.state.${state}`), { exact: true });
  }

  /** The plain words saying the relay blocked it, and that a new share can be made. */
  blockedExplanation(item: Locator): Locator {
    return item.getByText(`${this.l('list.blockedReason')} ${this.l('list.blockedNext')}`);
  }

  /** The "opened by <name> on <date>" line for `name`. */
  openedBy(item: Locator, name: string): Locator {
    return item
      .getByRole('listitem')
      .filter({ hasText: pattern(this.lng, 'share', 'list.openedBy', { name }) });
  }

  notOpened(item: Locator): Locator {
    return item.getByText(this.l('list.notOpened'), { exact: true });
  }

  /** "Last checked on <date>": shown when the relay was not asked during this visit. */
  checkedAt(item: Locator): Locator {
    return item.getByText(pattern(this.lng, 'share', 'list.checkedAt'));
  }

  async revoke(item: Locator): Promise<void> {
    await item.getByRole('button', { name: this.l('list.revoke'), exact: true }).click();
    await item.getByRole('button', { name: this.l('list.revokeYes') }).click();
  }
}
