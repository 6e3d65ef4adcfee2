import type { Locator, Page } from '@playwright/test';
import { label } from '../locales.ts';

/** The locked app, in the interface language `lng`. */
export class UnlockPage {
  readonly heading: Locator;
  readonly error: Locator;

  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {
    this.heading = page.getByRole('heading', { name: this.l('title') });
    this.error = page.getByRole('alert');
  }

  private l(path: string): string {
    return label(this.lng, 'unlock', path);
  }

  async unlock(pin: string): Promise<void> {
    await this.page.getByLabel(this.l('label.pin'), { exact: true }).fill(pin);
    await this.submit();
  }

  /** "Forgot your code?", then the recovery code as typed. */
  async unlockWithRecovery(code: string): Promise<void> {
    await this.page.getByRole('button', { name: this.l('forgot') }).click();
    await this.page.getByLabel(this.l('recovery.label')).fill(code);
    await this.submit();
  }

  private async submit(): Promise<void> {
    await this.page.getByRole('button', { name: this.l('open'), exact: true }).click();
  }
}

/** The screen that follows a recovery-code unlock and allows nothing but a new PIN. */
export class NewSecretPage {
  readonly heading: Locator;
  readonly why: Locator;
  readonly form: SecretChangeForm;

  constructor(page: Page, lng = 'fr') {
    this.heading = page.getByRole('heading', { name: label(lng, 'unlock', 'newSecret.title') });
    this.why = page.getByText(label(lng, 'unlock', 'newSecret.why'));
    this.form = new SecretChangeForm(page, lng, label(lng, 'unlock', 'newSecret.save'));
  }
}

/** Current PIN (when asked) and the new one twice: the settings form and the screen above. */
export class SecretChangeForm {
  readonly current: Locator;
  readonly currentError: Locator;
  readonly done: Locator;

  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
    private readonly submitLabel = label(lng, 'settings', 'secret.save'),
  ) {
    this.current = page.getByLabel(label(lng, 'settings', 'secret.current.pin'));
    this.currentError = page.getByText(label(lng, 'settings', 'secret.currentWrong.pin'));
    this.done = page.getByText(label(lng, 'settings', 'secret.changed'));
  }

  /** Types the new PIN twice, after the current one when given, and submits. */
  async change(next: string, current?: string): Promise<void> {
    if (current !== undefined) await this.current.fill(current);
    await this.page.getByLabel(label(this.lng, 'onboarding', 'secret.new.pin')).fill(next);
    await this.page.getByLabel(label(this.lng, 'onboarding', 'secret.confirm.pin')).fill(next);
    await this.page.getByRole('button', { name: this.submitLabel }).click();
  }
}
