import type { Locator, Page } from '@playwright/test';
import { label } from '../locales.ts';

/**
 * A string of the `emergency` namespace in `lng`, or in English (the app's first fallback)
 * while that language's translation is still to come.
 */
export function emergencyLabel(lng: string, path: string): string {
  try {
    return label(lng, 'emergency', path);
  } catch {
    return label('en', 'emergency', path);
  }
}

/** Every localStorage value of the page's origin, as `key=value` lines. */
export function dumpLocalStorage(page: Page): Promise<string> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .map((k) => `${k}=${localStorage.getItem(k) ?? ''}`)
      .join('\n'),
  );
}

/**
 * The emergency card: its editor (reached from the settings), the lock-screen choice, the
 * wallet card, and the card on the locked screen, in the interface language `lng`.
 */
export class EmergencyPage {
  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {}

  private e(path: string): string {
    return emergencyLabel(this.lng, path);
  }

  /** From any unlocked screen: the header's settings link, then "My emergency card". */
  async open(): Promise<void> {
    await this.page.getByRole('link', { name: label(this.lng, 'common', 'settings') }).click();
    await this.page.getByRole('link', { name: this.e('settings.open') }).click();
    await this.page.getByRole('heading', { name: this.e('title'), level: 1 }).waitFor();
  }

  /** Adds an entry of `kind` picked from the list: types `search`, takes the option `option`. */
  async addFromList(kind: string, search: string, option: string | RegExp): Promise<void> {
    const entry = (path: string) => label(this.lng, 'entry', path);
    await this.page.getByRole('link', { name: entry(`add.${kind}`) }).click();
    await this.page.getByRole('combobox', { name: entry('picker.label') }).fill(search);
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /** The checkbox of an item that may go on the card. */
  item(name: string | RegExp): Locator {
    return this.page.getByRole('checkbox', { name });
  }

  async fillContact(name: string, phone: string, relation: string): Promise<void> {
    await this.page.getByLabel(this.e('contact.name')).fill(name);
    await this.page.getByLabel(this.e('contact.phone')).fill(phone);
    await this.page.getByLabel(this.e('contact.relation')).selectOption(relation);
  }

  /** Back to the summary, whose header has the lock button. */
  async backHome(): Promise<void> {
    await this.page.getByRole('link', { name: label(this.lng, 'common', 'back') }).click();
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: this.e('save') }).click();
    await this.page.getByText(this.e('saved')).waitFor();
  }

  async showOnLockScreen(): Promise<void> {
    await this.page.getByRole('button', { name: this.e('lock.show') }).click();
    await this.page.getByText(this.e('lock.on')).waitFor();
  }

  async stopShowingOnLockScreen(): Promise<void> {
    await this.page.getByRole('button', { name: this.e('lock.hide') }).click();
    await this.page.getByText(this.e('lock.off')).waitFor();
  }

  /** The warning shown beside the lock-screen choice. */
  warning(): Locator {
    return this.page.getByText(this.e('lock.warning'));
  }

  /** The printed card's preview (both faces). */
  wallet(): Locator {
    return this.page.getByRole('group', { name: this.e('print.preview') });
  }

  /** One face of a card (lock screen or wallet), by its language. */
  face(within: Locator | Page, lng: string): Locator {
    return within
      .getByRole('region', { name: emergencyLabel(lng, 'card.title') })
      .and(within.locator(`[lang="${lng}"]`));
  }

  /** The locked screen's "Emergency information" button. */
  lockButton(): Locator {
    return this.page.getByRole('button', { name: new RegExp(this.e('lock.open')) });
  }
}
