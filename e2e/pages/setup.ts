import type { Page } from '@playwright/test';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { label } from '../locales.ts';
import { OnboardingPage } from './onboarding-page.ts';

/** Runs the whole first-run flow in French and returns the recovery code. */
export async function setUpRecord(page: Page, pin: string, name: string): Promise<string> {
  const onboarding = new OnboardingPage(page);
  await onboarding.open();
  await onboarding.chooseLanguage('Français', 'Continuer');
  const recovery = await onboarding.createWithPin(pin);
  await onboarding.confirmRecoveryWritten();
  await onboarding.createProfile(name);
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  return recovery;
}

/**
 * The first-run flow in any shipped language `lng`, read from public/locales: language,
 * PIN, recovery sheet, the patient's name. Returns the recovery code.
 */
export async function setUpRecordIn(
  page: Page,
  lng: string,
  pin: string,
  name: string,
): Promise<string> {
  const l = (ns: string, key: string) => label(lng, ns, key);
  const language = LANGUAGES.find((x) => x.code === lng);
  if (!language) throw new Error(`no language ${lng}`);
  await page.goto('/');
  await page.getByRole('button', { name: language.nativeName, exact: true }).click();
  await page.getByRole('button', { name: l('common', 'continue') }).click();
  await page.getByLabel(l('onboarding', 'secret.new.pin')).fill(pin);
  await page.getByLabel(l('onboarding', 'secret.confirm.pin')).fill(pin);
  await page.getByRole('button', { name: l('onboarding', 'secret.create') }).click();
  const code = page.getByTestId('recovery-code');
  await code.waitFor({ timeout: 30_000 });
  const recovery = (await code.innerText()).replace(/\s+/g, '-');
  await page.getByLabel(l('onboarding', 'recovery.confirm')).check();
  await page.getByRole('button', { name: l('common', 'continue') }).click();
  await page.getByLabel(l('summary', 'profile.name')).fill(name);
  await page.getByRole('button', { name: l('common', 'save') }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  return recovery;
}
