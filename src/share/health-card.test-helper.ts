import { exportJWK, generateKeyPair } from 'jose';
import { SHCIssuer, deriveKidFromPublicKey } from 'kill-the-clipboard';

/**
 * SMART Health Cards made by another implementation (kill-the-clipboard's issuer, as a
 * clinic's server would use it), for the unit and end-to-end tests: an ES256 key pair,
 * the JWKS the issuer publishes at `<iss>/.well-known/jwks.json`, and cards it signs.
 */
export interface TestIssuer {
  readonly iss: string;
  /** What `<iss>/.well-known/jwks.json` answers. */
  readonly jwks: { readonly keys: readonly Record<string, unknown>[] };
  /** Signs `bundle` as a card (payload DEFLATE-compressed, as the specification asks). */
  issue(bundle: object): Promise<string>;
}

export async function testIssuer(iss: string): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = await deriveKidFromPublicKey(publicKey);
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const issuer = new SHCIssuer({ issuer: iss, privateKey, publicKey });
  return {
    iss,
    jwks: { keys: [jwk] },
    issue: async (bundle) => (await issuer.issue(bundle)).asJWS(),
  };
}

/** A vaccination card's bundle: the person, two COVID-19 doses (CVX 207) and a test result. */
export function vaccinationBundle(name = 'Amal Haddad'): object {
  const [given, family] = name.split(' ');
  const dose = (date: string, lot: string) => ({
    fullUrl: `urn:uuid:dose-${lot}`,
    resource: {
      resourceType: 'Immunization',
      status: 'completed',
      vaccineCode: {
        coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '207' }],
      },
      patient: { reference: 'urn:uuid:patient' },
      occurrenceDateTime: date,
      lotNumber: lot,
    },
  });
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        fullUrl: 'urn:uuid:patient',
        resource: {
          resourceType: 'Patient',
          name: [{ family, given: [given] }],
          birthDate: '1988-04-12',
        },
      },
      dose('2021-05-03', 'A1'),
      dose('2021-06-14', 'B2'),
      {
        fullUrl: 'urn:uuid:result',
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '94558-4' }] },
          subject: { reference: 'urn:uuid:patient' },
          effectiveDateTime: '2021-04-20',
          valueCodeableConcept: {
            coding: [{ system: 'http://snomed.info/sct', code: '260385009' }],
          },
        },
      },
    ],
  };
}
