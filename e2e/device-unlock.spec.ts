import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { violations } from './axe.ts';
import { dumpIndexedDb } from './idb.ts';
import { label } from './locales.ts';
import { DeviceOfferPage, DeviceSettingPage, VirtualPhone } from './pages/device-page.ts';
import { OnboardingPage } from './pages/onboarding-page.ts';
import { setUpRecord } from './pages/setup.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { NewSecretPage, UnlockPage } from './pages/unlock-page.ts';

/**
 * Issue 12.4: a 6-digit PIN falls offline to whoever copies IndexedDB. Bound to the phone
 * (WebAuthn PRF, here Chromium's virtual authenticator), the PIN alone opens nothing.
 */

const PIN = '582047';
const NAME = 'Nadia';

/** Setup up to the offer to link this phone: language, then the PIN. */
async function upToDeviceOffer(
  page: Page,
): Promise<{ onboarding: OnboardingPage; offer: DeviceOfferPage }> {
  const onboarding = new OnboardingPage(page);
  await onboarding.open();
  await onboarding.chooseLanguage();
  await onboarding.typePin(PIN);
  await page.getByRole('button', { name: label('fr', 'onboarding', 'secret.create') }).click();
  const offer = new DeviceOfferPage(page);
  await expect(offer.heading).toBeVisible();
  return { onboarding, offer };
}

/** From the recovery sheet to the open record; returns the recovery code. */
async function finishSetup(page: Page, onboarding: OnboardingPage): Promise<string> {
  const code = page.getByTestId('recovery-code');
  await expect(code).toBeVisible({ timeout: 30_000 });
  const recovery = (await code.innerText()).replace(/\s+/g, '-');
  await onboarding.confirmRecoveryWritten();
  await onboarding.createProfile(NAME);
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
  return recovery;
}

/** The stored keyring's password wrap, as IndexedDB holds it (no secret in it). */
async function storedWrap(page: Page): Promise<{ v: number; device?: unknown }> {
  const dump = await dumpIndexedDb(page);
  const keyring = /\/keyring: (.*)$/m.exec(dump)?.[1] ?? '[]';
  const rows = JSON.parse(keyring) as { keyring: { password: { v: number; device?: unknown } } }[];
  const wrap = rows[0]?.keyring.password;
  if (!wrap) throw new Error('no keyring stored');
  return wrap;
}

async function lock(page: Page): Promise<UnlockPage> {
  await page.getByRole('link', { name: label('fr', 'common', 'back') }).click();
  await new SummaryPage(page).lock();
  const unlock = new UnlockPage(page);
  await expect(unlock.heading).toBeVisible();
  return unlock;
}

test('linked in the settings, the PIN opens with the phone; without it the PIN alone fails and the recovery code opens', async ({
  page,
  requestLog,
}) => {
  // Without any authenticator Chromium answers only when the request times out (a minute).
  test.setTimeout(240_000);
  const phone = await VirtualPhone.on(page);
  await phone.add();
  const { onboarding, offer } = await upToDeviceOffer(page);
  await offer.skip();
  const recovery = await finishSetup(page, onboarding);
  expect((await storedWrap(page)).v).toBe(1);

  // Settings: a wrong PIN links nothing; the right one links this phone.
  const settings = new DeviceSettingPage(page);
  await settings.open();
  await expect(settings.off).toBeVisible();
  await settings.submit('000000');
  await expect(
    settings.section.getByText(label('fr', 'settings', 'secret.currentWrong.pin')),
  ).toBeVisible();
  await settings.submit(PIN);
  await expect(settings.linkedNow).toBeVisible();
  await expect(settings.on).toBeVisible();
  expect(await violations(page)).toEqual([]);
  const wrap = await storedWrap(page);
  expect(wrap.v).toBe(2);
  expect(wrap.device).toEqual({ credentialId: expect.any(String), prfSalt: expect.any(String) });

  // Locked: the PIN opens, and the phone's authenticator signed for it.
  let unlock = await lock(page);
  await expect(page.getByText(label('fr', 'unlock', 'device.hint'))).toBeVisible();
  expect(await violations(page)).toEqual([]);
  const signed = await phone.signatures();
  await unlock.unlock(PIN);
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
  expect(await phone.signatures()).toBeGreaterThan(signed);

  // The phone's authenticator is gone (a reset phone, or a copy of the data elsewhere).
  await phone.remove();
  await new SummaryPage(page).lock();
  unlock = new UnlockPage(page);
  await unlock.unlock(PIN);
  await expect(unlock.error).toHaveText(label('fr', 'unlock', 'device.refused'), {
    timeout: 90_000,
  });
  await expect(unlock.heading).toBeVisible();
  expect(await violations(page)).toEqual([]);

  // The recovery code is not bound to the phone: it opens, and a new PIN is PIN-only.
  await unlock.unlockWithRecovery(recovery);
  const newSecret = new NewSecretPage(page);
  await expect(newSecret.heading).toBeVisible();
  await expect(page.getByText(label('fr', 'unlock', 'device.afterRecovery'))).toBeVisible();
  await newSecret.form.change('640318');
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
  expect((await storedWrap(page)).v).toBe(1);
  await new SummaryPage(page).lock();
  await new UnlockPage(page).unlock('640318');
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();

  // On this phone again (its authenticator back), the patient may link again.
  await phone.add();
  await settings.open();
  await settings.submit('640318');
  await expect(settings.linkedNow).toBeVisible();
  expect((await storedWrap(page)).v).toBe(2);

  // WebAuthn here sends nothing anywhere: no request left this origin.
  expect(requestLog.foreign(new URL(page.url()).origin)).toEqual([]);
});

test('setup offers to link the phone; then a wrong PIN is refused and the right one opens with the phone', async ({
  page,
}) => {
  const phone = await VirtualPhone.on(page);
  await phone.add();
  const { onboarding, offer } = await upToDeviceOffer(page);
  expect(await violations(page)).toEqual([]);
  await offer.link();
  await finishSetup(page, onboarding);
  expect(await phone.credentialCount()).toBe(1);
  expect((await storedWrap(page)).v).toBe(2);

  await new SummaryPage(page).lock();
  const unlock = new UnlockPage(page);
  await unlock.unlock('111111');
  await expect(unlock.error).toHaveText(label('fr', 'errors', 'wrong-secret'));
  await unlock.unlock(PIN);
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();

  // Unlinking needs the PIN and the phone; the PIN alone opens after.
  const settings = new DeviceSettingPage(page);
  await settings.open();
  await expect(settings.on).toBeVisible();
  await settings.submit(PIN, 'unlink');
  await expect(settings.unlinkedNow).toBeVisible();
  expect((await storedWrap(page)).v).toBe(1);
  await phone.remove();
  const locked = await lock(page);
  await locked.unlock(PIN);
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
});

test('a PIN confirmed before the phone has said it can link is still offered the link', async ({
  page,
}) => {
  const phone = await VirtualPhone.on(page);
  await phone.add();
  // A slow phone: its answer comes long after the PIN is typed and confirmed.
  await page.addInitScript(() => {
    const ask = PublicKeyCredential.getClientCapabilities.bind(PublicKeyCredential);
    PublicKeyCredential.getClientCapabilities = () =>
      new Promise((resolve) => setTimeout(() => resolve(ask()), 3000));
  });
  const { onboarding, offer } = await upToDeviceOffer(page);
  await offer.link();
  await finishSetup(page, onboarding);
  expect(await phone.credentialCount()).toBe(1);
});

test('a phone whose authenticator lacks PRF: linking fails with a clear message and the PIN alone works', async ({
  page,
}) => {
  const phone = await VirtualPhone.on(page);
  await phone.add({ prf: false });
  const { onboarding, offer } = await upToDeviceOffer(page);
  await offer.link();
  await expect(offer.unsupported).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await offer.continueWithoutPhone();
  await finishSetup(page, onboarding);
  expect((await storedWrap(page)).v).toBe(1);

  await new SummaryPage(page).lock();
  await new UnlockPage(page).unlock(PIN);
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
});

test('a browser without PRF offers nothing, and setup works with the PIN alone', async ({
  page,
}) => {
  // A platform authenticator is there, but the browser says it has no PRF extension.
  await page.addInitScript(() => {
    const pkc = window.PublicKeyCredential;
    pkc.getClientCapabilities = () =>
      Promise.resolve({ userVerifyingPlatformAuthenticator: true, 'extension:prf': false });
  });
  const phone = await VirtualPhone.on(page);
  await phone.add();
  await setUpRecord(page, PIN, NAME);
  expect((await storedWrap(page)).v).toBe(1);
  expect(await phone.credentialCount()).toBe(0);
  const settings = new DeviceSettingPage(page);
  await settings.open();
  await expect(page.getByRole('heading', { name: label('fr', 'settings', 'title') })).toBeVisible();
  await expect(settings.section).toHaveCount(0);
});

test('a browser without WebAuthn offers nothing, and setup works with the PIN alone', async ({
  page,
}) => {
  await page.addInitScript(() => {
    delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
  });
  await setUpRecord(page, PIN, NAME);
  expect((await storedWrap(page)).v).toBe(1);
  await new SummaryPage(page).lock();
  await new UnlockPage(page).unlock(PIN);
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
});
