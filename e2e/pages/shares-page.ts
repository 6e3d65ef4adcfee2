import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { label } from '../locales.ts';

const share = (path: string) => label('fr', 'share', path);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A translated template as a pattern: `{{name}}` (and any other variable given) matches
 * its value, the remaining variables (dates) match anything.
 */
function template(path: string, values: Record<string, string> = {}): RegExp {
  const parts = share(path).split(/(\{\{\w+\}\})/);
  const source = parts
    .map((part) => {
      const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
      if (name === undefined) return escape(part);
      const value = values[name];
      return value === undefined ? '.+' : escape(value);
    })
    .join('');
  return new RegExp(`^\\s*${source}\\s*$`);
}

/** "Mes partages": the patient's list of shares (French labels from public/locales). */
export class SharesPage {
  readonly heading: Locator;
  readonly items: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: share('list.title'), level: 1 });
    this.items = page.locator('li.share-item');
  }

  /** From the summary, through its "Mes partages" link. */
  async openFromSummary(): Promise<void> {
    await this.page.getByRole('link', { name: share('list.title') }).click();
    await expect(this.heading).toBeVisible();
  }

  /** From the QR screen of a share just made, through the back arrow. */
  async openFromQr(): Promise<void> {
    await this.page.getByRole('link', { name: label('fr', 'common', 'back') }).click();
    await expect(this.heading).toBeVisible();
  }

  /** The share in the list, newest first. */
  item(index = 0): Locator {
    return this.items.nth(index);
  }

  /** The state tag of a share: 'active', 'blocked', 'expired' or 'revoked'. */
  state(item: Locator, state: 'active' | 'blocked' | 'expired' | 'revoked'): Locator {
    return item.locator('.share-head').getByText(share(`list.state.${state}`), { exact: true });
  }

  /** The plain words saying the relay blocked it, and that a new share can be made. */
  blockedExplanation(item: Locator): Locator {
    return item.getByText(`${share('list.blockedReason')} ${share('list.blockedNext')}`);
  }

  /** The "opened by <name> on <date>" line for `name`. */
  openedBy(item: Locator, name: string): Locator {
    return item.getByRole('listitem').filter({ hasText: template('list.openedBy', { name }) });
  }

  notOpened(item: Locator): Locator {
    return item.getByText(share('list.notOpened'), { exact: true });
  }

  /** "Last checked on <date>": shown when the relay was not asked during this visit. */
  checkedAt(item: Locator): Locator {
    return item.getByText(template('list.checkedAt'));
  }

  async revoke(item: Locator): Promise<void> {
    await item.getByRole('button', { name: share('list.revoke'), exact: true }).click();
    await item.getByRole('button', { name: share('list.revokeYes') }).click();
  }
}
