import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { label } from '../locales.ts';

/**
 * The first-run flow in the language `lng`: language, PIN, recovery code, whose record; and
 * the helper's path ("I am helping someone set up"), whose own button and lines are French.
 */
export class OnboardingPage {
  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {}

  private l(ns: string, path: string): string {
    return label(this.lng, ns, path);
  }

  /**
   * A helper-path string in `lng`, or in English (the app's first fallback) while that
   * language's translation of the helper namespace is still to come.
   */
  private h(path: string): string {
    try {
      return label(this.lng, 'helper', path);
    } catch {
      return label('en', 'helper', path);
    }
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

  /** The social worker's button on the first screen, always in French. */
  helpButton(): Locator {
    return this.page.getByRole('button', { name: label('fr', 'helper', 'start') });
  }

  /** Picks `lng` for the patient, then takes the helper's path past its first screen. */
  async startHelping(): Promise<void> {
    await this.languageButton().click();
    await this.helpButton().click();
    await expect(this.page.getByRole('heading', { name: this.h('intro.title') })).toBeVisible();
    await this.page.getByRole('button', { name: this.l('common', 'continue') }).click();
  }

  /** The helper's French line on the screen shown. */
  helperLine(): Locator {
    return this.page.getByTestId('helper-line');
  }

  /** The recovery sheet as it prints: the code, its QR code and its instructions. */
  recoverySheet(): Locator {
    return this.page.getByTestId('recovery-sheet');
  }

  /** On the helper's path, under the recovery sheet: print a copy for the association. */
  secondCopyButton(): Locator {
    return this.page.getByRole('button', { name: this.h('secondCopy.print') });
  }

  /** On the helper's path, after the profile: opens the documents import for a first paper. */
  async photographPaper(): Promise<void> {
    await this.page.getByRole('button', { name: this.h('papers.photograph') }).click();
  }

  /** Leaves the first papers for the hand-over ("done", or "later" when none was added). */
  async finishPapers(added: boolean): Promise<void> {
    const name = this.h(added ? 'papers.done' : 'papers.later');
    await this.page.getByRole('button', { name }).click();
  }

  /** The hand-over screen's button, which the patient taps to open their record. */
  openRecordButton(): Locator {
    return this.page.getByRole('button', { name: this.h('handover.open') });
  }
}
