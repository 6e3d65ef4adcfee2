import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { label } from '../locales.ts';

/** The first-run flow in the language `lng`: language, PIN, recovery code, whose record. */
export class OnboardingPage {
  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {}

  private l(ns: string, path: string): string {
    return label(this.lng, ns, path);
  }

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  /** The language picker's button for `lng`, by the language's own name. */
  languageButton(): Locator {
    const language = LANGUAGES.find((x) => x.code === this.lng);
    if (!language) throw new Error(`no language ${this.lng}`);
    return this.page.getByRole('button', { name: language.nativeName, exact: true });
  }

  /** Picks `lng` on the first screen, then goes on (the screen speaks `lng` by then). */
  async chooseLanguage(): Promise<void> {
    await this.languageButton().click();
    await this.page.getByRole('button', { name: this.l('common', 'continue') }).click();
  }

  /** Sets a PIN and returns the recovery code shown once. */
  async createWithPin(pin: string): Promise<string> {
    await this.typePin(pin);
    return this.submitPin();
  }

  /** Types the new PIN and its confirmation, in whatever digits `pin` and `confirm` use. */
  async typePin(pin: string, confirm = pin): Promise<void> {
    await this.page.getByLabel(this.l('onboarding', 'secret.new.pin')).fill(pin);
    await this.page.getByLabel(this.l('onboarding', 'secret.confirm.pin')).fill(confirm);
  }

  /** The PIN fields the browser itself marks invalid (a `pattern` refusing some digits). */
  invalidPinFields(): Locator {
    return this.page.locator(
      'input[name="new-secret"]:invalid, input[name="confirm-secret"]:invalid',
    );
  }

  /** Creates the vault with the PIN typed and returns the recovery code shown once. */
  async submitPin(): Promise<string> {
    await this.page.getByRole('button', { name: this.l('onboarding', 'secret.create') }).click();
    const code = this.page.getByTestId('recovery-code');
    await expect(code).toBeVisible({ timeout: 30_000 });
    return (await code.innerText()).replace(/\s+/g, '-');
  }

  async confirmRecoveryWritten(): Promise<void> {
    const next = this.page.getByRole('button', { name: this.l('common', 'continue') });
    await expect(next).toBeDisabled();
    await this.page.getByLabel(this.l('onboarding', 'recovery.confirm')).check();
    await next.click();
  }

  /** Names the record's first person and saves. */
  async createProfile(name: string): Promise<void> {
    await this.page.getByLabel(this.l('summary', 'profile.name')).fill(name);
    await this.page.getByRole('button', { name: this.l('common', 'save') }).click();
  }
}
