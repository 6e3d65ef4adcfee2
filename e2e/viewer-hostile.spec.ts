import { expect, test } from './fixtures.ts';
import { ViewerPage } from './pages/viewer-page.ts';
import { createShare, ipsExample } from './shl-direct.ts';

// Shares written by an attacker, opened by the doctor: an active attachment must never
// become a page on Carnet's origin, and an oversized bundle must be cut, saying so.

test.use({ locale: 'fr-FR' });

const FAKE_FORM =
  '<html><body><form action="/api/shl/x"><input name="pin"></form>' +
  '<meta http-equiv="refresh" content="0;url=https://example.org"></body></html>';

const HOSTILE = [
  ['Formulaire piégé', 'text/html'],
  ['Image vectorielle', 'image/svg+xml'],
] as const;

/** The IPS example with one document per hostile type, each carrying the fake form. */
function withHostileDocuments() {
  const bundle = ipsExample() as { entry: unknown[] };
  for (const [description, contentType] of HOSTILE) {
    bundle.entry.push({
      fullUrl: `urn:uuid:${crypto.randomUUID()}`,
      resource: {
        resourceType: 'DocumentReference',
        status: 'current',
        description,
        content: [{ attachment: { contentType, data: Buffer.from(FAKE_FORM).toString('base64') } }],
      },
    });
  }
  return bundle;
}

test('an HTML or SVG attachment is offered only as a download, never opened as a page', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? 'http://localhost:8181').origin;
  // Records the type of every blob the viewer turns into a URL (the CSP keeps blob: URLs
  // out of fetch, so they are read where they are made).
  await page.addInitScript(() => {
    const record: string[] = [];
    (window as unknown as { blobTypes: string[] }).blobTypes = record;
    const make = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      if (obj instanceof Blob) record.push(obj.type);
      return make(obj);
    };
  });
  const share = await createShare(origin, withHostileDocuments());
  const viewer = new ViewerPage(page);
  await viewer.open(share.link);
  await viewer.giveName('Dr Martin');
  await expect(viewer.patientName('Amal Haddad')).toBeVisible();
  for (const [title] of HOSTILE) {
    await viewer.openDocument(title);
    const dialog = viewer.documentDialog;
    await expect(dialog.getByText(/Ce type de fichier ne s’affiche pas ici/)).toBeVisible();
    await expect(dialog.getByRole('link', { name: 'Ouvrir dans le navigateur' })).toHaveCount(0);
    const download = dialog.getByRole('link', { name: 'Télécharger le fichier' });
    await expect(download).toHaveAttribute('download', /\.bin$/);
    await expect(dialog.locator('iframe, object, embed, form')).toHaveCount(0);
    // The blobs behind the view carry no active type: a browser would not render them.
    const types = await page.evaluate(
      () => (window as unknown as { blobTypes: string[] }).blobTypes,
    );
    expect(types.length).toBeGreaterThan(0);
    for (const blobType of types) expect(blobType).toBe('application/octet-stream');
    await dialog.getByRole('button', { name: 'Fermer' }).click();
  }
});

test('a bundle with thousands of results shows the first ones and says how many are not shown', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? 'http://localhost:8181').origin;
  const bundle = ipsExample() as { entry: { fullUrl?: string; resource: object }[] };
  const sections = (bundle.entry[0]!.resource as { section: unknown }).section as {
    code?: unknown;
    entry: unknown[];
  }[];
  const results = sections.find((s) => JSON.stringify(s.code).includes('30954-2'))!;
  for (let i = 0; i < 1000; i++) {
    const fullUrl = `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    results.entry.push({ reference: fullUrl });
    bundle.entry.push({
      fullUrl,
      resource: {
        resourceType: 'Observation',
        status: 'final',
        code: { text: `Résultat ${i}` },
        valueString: 'normal',
      },
    });
  }
  const share = await createShare(origin, bundle);
  const viewer = new ViewerPage(page);
  await viewer.open(share.link);
  await viewer.giveName('Dr Martin');
  await expect(viewer.patientName('Amal Haddad')).toBeVisible();
  await expect(page.getByText(/autres lignes ne sont pas affichées/)).toBeVisible();
  // The required sections still read as they should.
  await expect(
    viewer.section('Allergies et intolérances').getByText('Allergie à la pénicilline'),
  ).toBeVisible();
});
