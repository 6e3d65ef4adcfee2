import type { Page } from '@playwright/test';
import { OnboardingPage } from './onboarding-page.ts';

/**
 * The whole first-run flow in the shipped language `lng`, labels read from public/locales:
 * language, PIN, recovery sheet, the patient's name. Returns the recovery code.
 */
export async function setUpRecordIn(
  page: Page,
  lng: string,
  pin: string,
  name: string,
): Promise<string> {
  const onboarding = new OnboardingPage(page, lng);
  await onboarding.open();
  await onboarding.chooseLanguage();
  const recovery = await onboarding.createWithPin(pin);
  await onboarding.confirmRecoveryWritten();
  await onboarding.createProfile(name);
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  return recovery;
}

/** The first-run flow in French; returns the recovery code. */
export function setUpRecord(page: Page, pin: string, name: string): Promise<string> {
  return setUpRecordIn(page, 'fr', pin, name);
}
