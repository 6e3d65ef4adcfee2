import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The first-run flow: language, PIN, recovery code, who the record is for. */
export class OnboardingPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  async chooseLanguage(nativeName: string, continueLabel: string): Promise<void> {
    await this.page.getByRole('button', { name: nativeName, exact: true }).click();
    await this.page.getByRole('button', { name: continueLabel }).click();
  }

  /** Sets a PIN (French labels) and returns the recovery code shown once. */
  async createWithPin(pin: string): Promise<string> {
    await this.typePin(pin);
    return this.submitPin();
  }

  /** Types the new PIN and its confirmation, in whatever digits `pin` and `confirm` use. */
  async typePin(pin: string, confirm = pin): Promise<void> {
    await this.page.getByLabel('Nouveau code').fill(pin);
    await this.page.getByLabel('Retapez le code').fill(confirm);
  }

  /** The PIN fields the browser itself marks invalid (a `pattern` refusing some digits). */
  invalidPinFields(): Locator {
    return this.page.locator(
      'input[name="new-secret"]:invalid, input[name="confirm-secret"]:invalid',
    );
  }

  /** Creates the vault with the PIN typed and returns the recovery code shown once. */
  async submitPin(): Promise<string> {
    await this.page.getByRole('button', { name: 'Créer mon carnet' }).click();
    const code = this.page.getByTestId('recovery-code');
    await expect(code).toBeVisible({ timeout: 30_000 });
    return (await code.innerText()).replace(/\s+/g, '-');
  }

  async confirmRecoveryWritten(): Promise<void> {
    const next = this.page.getByRole('button', { name: 'Continuer' });
    await expect(next).toBeDisabled();
    await this.page.getByLabel("J'ai écrit le code de secours sur papier").check();
    await next.click();
  }

  async createProfile(name: string): Promise<void> {
    await this.page.getByLabel('Nom et prénom').fill(name);
    await this.page.getByRole('button', { name: 'Enregistrer' }).click();
  }
}
