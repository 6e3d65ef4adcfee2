import type { Page } from '@playwright/test';
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
