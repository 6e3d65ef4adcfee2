import type { Locator, Page } from '@playwright/test';
import { label } from '../locales.ts';

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

  /** "Forgot your code?", then the recovery code as typed. */
  async unlockWithRecovery(code: string): Promise<void> {
    await this.page.getByRole('button', { name: label('fr', 'unlock', 'forgot') }).click();
    await this.page.getByLabel(label('fr', 'unlock', 'recovery.label')).fill(code);
    await this.page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
  }
}

/** The screen that follows a recovery-code unlock and allows nothing but a new PIN. */
export class NewSecretPage {
  readonly heading: Locator;
  readonly why: Locator;
  readonly form: SecretChangeForm;

  constructor(page: Page) {
    this.heading = page.getByRole('heading', { name: label('fr', 'unlock', 'newSecret.title') });
    this.why = page.getByText(label('fr', 'unlock', 'newSecret.why'));
    this.form = new SecretChangeForm(page, label('fr', 'unlock', 'newSecret.save'));
  }
}

/** Current PIN (when asked) and the new one twice: the settings form and the screen above. */
export class SecretChangeForm {
  readonly current: Locator;
  readonly currentError: Locator;
  readonly done: Locator;

  constructor(
    private readonly page: Page,
    private readonly submitLabel = label('fr', 'settings', 'secret.save'),
  ) {
    this.current = page.getByLabel(label('fr', 'settings', 'secret.current.pin'));
    this.currentError = page.getByText(label('fr', 'settings', 'secret.currentWrong.pin'));
    this.done = page.getByText(label('fr', 'settings', 'secret.changed'));
  }

  /** Types the new PIN twice, after the current one when given, and submits. */
  async change(next: string, current?: string): Promise<void> {
    if (current !== undefined) await this.current.fill(current);
    await this.page.getByLabel('Nouveau code').fill(next);
    await this.page.getByLabel('Retapez le code').fill(next);
    await this.page.getByRole('button', { name: this.submitLabel }).click();
  }
}
