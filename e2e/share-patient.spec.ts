import { expect, test } from './fixtures.ts';
import { label } from './locales.ts';
import { setUpRecord } from './pages/setup.ts';
import { SharePage } from './pages/share-page.ts';
import { SummaryPage } from './pages/summary-page.ts';

test('the patient makes a PIN-protected link, sees it in My shares and withdraws it', async ({
  page,
  requestLog,
  baseURL,
}) => {
  await setUpRecord(page, '591736', 'Amina');
  const share = new SharePage(page);
  // Nothing recorded yet: the list says so, and what the link would still show.
  await share.open();
  await expect(page.getByText(label('fr', 'share', 'what.nothing'))).toBeVisible();
  await page.getByRole('link', { name: 'Retour' }).click();

  const summary = new SummaryPage(page);
  await summary.addAllergyFromList('penicil', /Pénicillines/);
  await share.open();
  await expect(page.getByText(label('fr', 'share', 'what.nothing'))).toHaveCount(0);
  await expect(share.item(/Pénicillines/)).toBeChecked();
  const { link, pin } = await share.create();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/v#shlink:\/[A-Za-z0-9_-]+$/);
  expect(pin).toMatch(/^\d{4}$/);

  // Neither the key-bearing payload nor the PIN in clear went to the server in a URL.
  const payload = link.split('#')[1]!;
  expect(requestLog.containing(payload)).toEqual([]);
  expect(requestLog.foreign(new URL(baseURL!).origin)).toEqual([]);

  await page.getByRole('link', { name: 'Retour' }).click();
  await expect(page.getByText('Actif')).toBeVisible();
  await expect(page.getByText("Personne ne l'a encore ouvert.")).toBeVisible();
  await page.getByRole('button', { name: 'Retirer' }).click();
  await page.getByRole('button', { name: 'Oui, retirer' }).click();
  await expect(
    page.getByText("Le partage a été retiré. Plus personne ne peut l'ouvrir."),
  ).toBeVisible();
  await expect(page.getByText('Retiré', { exact: true })).toBeVisible();
});

test('offline, sharing says it needs the internet and keeps the choices', async ({
  page,
  context,
}) => {
  await setUpRecord(page, '591736', 'Amina');
  await new SummaryPage(page).addAllergyFromList('penicil', /Pénicillines/);
  await new SharePage(page).open();
  await context.setOffline(true);
  await expect(page.getByText(/Partager demande une connexion Internet/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Créer le lien' })).toBeDisabled();
  await context.setOffline(false);
  await expect(page.getByRole('button', { name: 'Créer le lien' })).toBeEnabled();
  await expect(new SharePage(page).item(/Pénicillines/)).toBeChecked();
});
