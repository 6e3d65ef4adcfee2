import { SHCIssuer } from 'kill-the-clipboard';
import { describe, expect, it } from 'vitest';
import { openImportFile } from './import-open.ts';

/** A vaccination record as an issuer's health card: CVX-coded, signed ES256. */
async function healthCardFile(): Promise<Uint8Array> {
  const { publicKey, privateKey } = await crypto.subtle.generateKey(
    { name: 'ECDSA', namedCurve: 'P-256' },
    true,
    ['sign', 'verify'],
  );
  const issuer = new SHCIssuer({
    issuer: 'https://issuer.example.org',
    privateKey,
    publicKey,
  });
  const card = await issuer.issue({
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        fullUrl: 'resource:0',
        resource: { resourceType: 'Patient', name: [{ family: 'Rahimi', given: ['Amina'] }] },
      },
      {
        fullUrl: 'resource:1',
        resource: {
          resourceType: 'Immunization',
          status: 'completed',
          vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '208' }] },
          patient: { reference: 'resource:0' },
          occurrenceDateTime: '2021-06-01',
        },
      },
    ],
  });
  return new TextEncoder().encode(await card.asFileContent());
}

describe('importing a health card file', () => {
  it('reads its bundle, maps CVX onto the vocabulary, names the issuer and keeps the original', async () => {
    const opened = await openImportFile('vaccins.smart-health-card', await healthCardFile());
    expect(opened.batch.items.map((i) => [i.entry.term?.key, i.entry.details])).toEqual([
      ['vaccine.covid19Mrna', { kind: 'vaccination', date: '2021-06-01' }],
    ]);
    expect(opened.source).toEqual({
      label: 'vaccins',
      issuers: ['https://issuer.example.org'],
    });
    expect(opened.cards).toHaveLength(1);
    expect(opened.originals.map((f) => f.mime)).toEqual(['application/smart-health-card']);
  });

  it('refuses a card file whose card does not decode', async () => {
    const file = new TextEncoder().encode('{"verifiableCredential":["a.b.c"]}');
    await expect(openImportFile('x.smart-health-card', file)).rejects.toMatchObject({
      code: 'unsupported-content',
    });
  });
});
