import { describe, expect, it } from 'vitest';
import type { Entry } from '../record/types.ts';
import { fhirSchemaErrors } from './fhir-schema.test-helper.ts';
import { buildIps } from './ips-build.ts';
import { input, ofType, sections } from './ips-test-data.test-helper.ts';

const receipt: Entry = {
  id: 'r1',
  profileId: 'p',
  details: {
    kind: 'right',
    scheme: 'residence-receipt',
    number: 'R 33 0012',
    issuer: 'Préfecture de la Gironde',
    validFrom: '2026-01-02',
    validUntil: '2026-07-01',
  },
  provenance: 'paper',
  sensitive: false,
  createdAt: 0,
  updatedAt: 0,
};

describe('administrative papers in a social worker’s document', () => {
  const bundle = buildIps(
    input({
      audience: 'social',
      entries: [receipt],
      documents: [],
      words: {
        ...input().words,
        schemes: { ...input().words.schemes, 'residence-receipt': 'Récépissé de titre de séjour' },
      },
    }),
  );

  it('writes a paper with its number, issuer and validity, valid FHIR', () => {
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect(ofType(bundle, 'Coverage')[0]).toMatchObject({
      type: { text: 'Récépissé de titre de séjour' },
      subscriberId: 'R 33 0012',
      period: { start: '2026-01-02', end: '2026-07-01' },
      payor: [{ display: 'Préfecture de la Gironde' }],
    });
    // The FHIR schema compiles on first use: seconds on a slow machine.
  }, 60_000);

  it('says it all in the section text, in French', () => {
    const div = sections(bundle)[0]?.text.div ?? '';
    expect(div).toContain('délivré par Préfecture de la Gironde');
    expect(div).toContain('valable à partir du 02/01/2026');
  });
});
