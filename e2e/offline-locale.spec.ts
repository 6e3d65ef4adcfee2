import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { label, phrase } from './locales.ts';

// A French phone: French is the one language precached; Turkish is not.
test.use({ locale: 'fr-FR' });

/** Every URL held in Cache Storage (the service worker's precache and the app's caches). */
function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys())
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    return urls;
  });
}

const turkish = /\/locales\/tr[./]/;

test('a language picked online works offline after a reload, without every language stored', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: label('fr', 'common', 'continue') })).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 60_000,
  });
  // The first visit stored French (and what the page used), not all twenty languages.
  expect((await cachedUrls(page)).filter((u) => turkish.test(u))).toEqual([]);

  await page.getByRole('button', { name: 'Türkçe', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
  const next = page.getByRole('button', { name: label('tr', 'common', 'continue') });
  await expect(next).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
  await expect(next).toBeVisible();
  await next.click();
  await expect(page.getByLabel(label('tr', 'onboarding', 'secret.new.pin'))).toBeVisible();
  await context.setOffline(false);
});

test('offline, a language never used on this phone leaves the app in its language', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 60_000,
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: label('fr', 'common', 'continue') })).toBeVisible();
  await page.getByRole('button', { name: 'Română', exact: true }).click();
  // It could not be loaded, and the patient is told so: still French, every string
  // readable, and nothing was remembered.
  await expect(
    page.getByText(phrase('fr', 'common', 'language.unavailable', { language: 'Română' })),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('button', { name: label('fr', 'common', 'continue') })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await context.setOffline(false);
});
