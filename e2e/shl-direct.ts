import { CompactEncrypt, base64url } from 'jose';

/**
 * A share made straight on the relay's API, as any SMART Health Links server's client
 * could: a FHIR IPS bundle written here from the IPS specification's example shape (not
 * from Carnet's builder), encrypted with jose on WebCrypto, `POST /api/shl`.
 */

/** A 2x2 red PNG, small enough to embed. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==';

const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';
const ar = (content: string) => ({
  extension: [
    {
      url: TRANSLATION,
      extension: [
        { url: 'lang', valueCode: 'ar' },
        { url: 'content', valueString: content },
      ],
    },
  ],
});

/**
 * An International Patient Summary in the specification's shape: a document Bundle whose
 * first entry is the Composition, sections coded with LOINC, entries by reference, the
 * French display on each coding and the patient's Arabic as a translation extension.
 */
export function ipsExample(): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    id: 'IPS-examples-Bundle-01',
    language: 'fr',
    identifier: { system: 'urn:oid:2.16.724.4.8.10.200.10', value: '28488575-e4f8-4f1e-bcd6' },
    type: 'document',
    timestamp: '2026-11-20T14:30:00+01:00',
    entry: [
      {
        fullUrl: 'urn:uuid:6e1fb74a-742b-4c7b-8487-171dacb88766',
        resource: {
          resourceType: 'Composition',
          id: '6e1fb74a-742b-4c7b-8487-171dacb88766',
          status: 'final',
          type: { coding: [{ system: 'http://loinc.org', code: '60591-5' }] },
          subject: { reference: 'Patient/2b90dd2b-2dab-4c75-9bb9-a355e07401e8' },
          date: '2026-11-20T14:30:00+01:00',
          author: [{ display: 'Beetje van Hulp' }],
          title: 'Patient Summary as of November 20, 2026',
          section: [
            {
              title: 'Allergies and Intolerances',
              code: { coding: [{ system: 'http://loinc.org', code: '48765-2' }] },
              entry: [{ reference: 'urn:uuid:72884cad-ebe6-4f43-a51a-2f978275f132' }],
            },
            {
              title: 'Medication',
              code: { coding: [{ system: 'http://loinc.org', code: '10160-0' }] },
              entry: [{ reference: 'MedicationStatement/medstat-1' }],
            },
            {
              title: 'Active Problems',
              code: { coding: [{ system: 'http://loinc.org', code: '11450-4' }] },
              entry: [{ reference: 'urn:uuid:c64139e7-f02d-409c-bf34-75e8bf23bc80' }],
            },
            {
              title: 'Results',
              code: { coding: [{ system: 'http://loinc.org', code: '30954-2' }] },
              entry: [{ reference: 'urn:uuid:aa11a2be-3e36-4be7-b58a-6fe8b4f8a3f2' }],
            },
            {
              title: 'Documents',
              entry: [{ reference: 'urn:uuid:5fa8f5b2-4aa7-4c3e-9b55-0c3e1a2f6d10' }],
            },
          ],
        },
      },
      {
        fullUrl: 'https://example.org/fhir/Patient/2b90dd2b-2dab-4c75-9bb9-a355e07401e8',
        resource: {
          resourceType: 'Patient',
          id: '2b90dd2b-2dab-4c75-9bb9-a355e07401e8',
          extension: [
            {
              url: 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired',
              valueBoolean: true,
            },
          ],
          name: [{ family: 'Haddad', given: ['Amal'] }],
          gender: 'female',
          birthDate: '1990-03-15',
          communication: [
            {
              language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'ar' }] },
              preferred: true,
            },
          ],
        },
      },
      {
        fullUrl: 'urn:uuid:72884cad-ebe6-4f43-a51a-2f978275f132',
        resource: {
          resourceType: 'AllergyIntolerance',
          clinicalStatus: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
                code: 'active',
              },
            ],
          },
          type: 'allergy',
          category: ['medication'],
          criticality: 'high',
          code: {
            coding: [
              {
                system: 'http://snomed.info/sct',
                code: '373270004',
                display: 'Allergie à la pénicilline',
                _display: ar('حساسية من البنسلين'),
              },
            ],
          },
          patient: { reference: 'Patient/2b90dd2b-2dab-4c75-9bb9-a355e07401e8' },
          onsetDateTime: '2010',
        },
      },
      {
        fullUrl: 'https://example.org/fhir/MedicationStatement/medstat-1',
        resource: {
          resourceType: 'MedicationStatement',
          id: 'medstat-1',
          status: 'active',
          medicationReference: { reference: 'urn:uuid:976d0804-cae0-45ae-afe3-a19f3ab7523c' },
          subject: { reference: 'Patient/2b90dd2b-2dab-4c75-9bb9-a355e07401e8' },
          effectivePeriod: { start: '2024-03' },
          dosage: [
            {
              timing: { repeat: { count: 1, periodUnit: 'd', frequency: 2, period: 1 } },
              doseAndRate: [{ doseQuantity: { value: 500, unit: 'mg' } }],
            },
          ],
        },
      },
      {
        fullUrl: 'urn:uuid:976d0804-cae0-45ae-afe3-a19f3ab7523c',
        resource: {
          resourceType: 'Medication',
          code: {
            coding: [
              {
                system: 'http://www.whocc.no/atc',
                code: 'A10BA02',
                display: 'Metformine',
                _display: ar('ميتفورمين'),
              },
            ],
          },
        },
      },
      {
        fullUrl: 'urn:uuid:c64139e7-f02d-409c-bf34-75e8bf23bc80',
        resource: {
          resourceType: 'Condition',
          clinicalStatus: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
                code: 'active',
              },
            ],
          },
          code: {
            coding: [
              {
                system: 'http://hl7.org/fhir/sid/icd-10',
                code: 'E11',
                display: 'Diabète de type 2',
                _display: ar('السكري من النوع الثاني'),
              },
            ],
          },
          subject: { reference: 'Patient/2b90dd2b-2dab-4c75-9bb9-a355e07401e8' },
          onsetDateTime: '2019',
        },
      },
      {
        fullUrl: 'urn:uuid:aa11a2be-3e36-4be7-b58a-6fe8b4f8a3f2',
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: {
            coding: [{ system: 'http://loinc.org', code: '4548-4', display: 'HbA1c' }],
          },
          subject: { reference: 'Patient/2b90dd2b-2dab-4c75-9bb9-a355e07401e8' },
          effectiveDateTime: '2026-10-02',
          valueQuantity: { value: 7.2, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
        },
      },
      {
        fullUrl: 'urn:uuid:5fa8f5b2-4aa7-4c3e-9b55-0c3e1a2f6d10',
        resource: {
          resourceType: 'DocumentReference',
          status: 'current',
          type: { text: 'Compte rendu' },
          description: 'Lettre de l’hôpital',
          content: [
            { attachment: { contentType: 'image/png', data: PNG, title: 'Lettre de l’hôpital' } },
          ],
        },
      },
    ],
  };
}

export interface DirectShare {
  /** `<origin>/v#shlink:/...` */
  readonly link: string;
  /** The `shlink:/` payload's base64url part. */
  readonly payload: string;
  /** The content key, base64url. */
  readonly key: string;
  readonly id: string;
  readonly managementToken: string;
}

/**
 * Encrypts `bundle` with a fresh key and stores it on the relay at `origin`. `exp` is the
 * relay's expiry; `linkExp` what the link says (the same unless a test wants them apart);
 * `direct` makes a `U` link (one file, fetched with a GET, no manifest).
 */
export async function createShare(
  origin: string,
  bundle: unknown,
  options: { passcode?: string; exp?: number; linkExp?: number; direct?: boolean } = {},
): Promise<DirectShare> {
  const rawKey = crypto.getRandomValues(new Uint8Array(32));
  const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(bundle)))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: 'application/fhir+json' })
    .encrypt(rawKey);
  const exp = options.exp ?? Math.floor(Date.now() / 1000) + 3600;
  const res = await fetch(`${origin}/api/shl`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      files: [{ contentType: 'application/fhir+json', jwe }],
      exp,
      ...(options.passcode ? { passcode: options.passcode } : {}),
    }),
  });
  if (res.status !== 201) throw new Error(`create answered ${res.status}`);
  const created = (await res.json()) as {
    id: string;
    manifestUrl: string;
    managementToken: string;
  };
  const key = base64url.encode(rawKey);
  const payload = base64url.encode(
    JSON.stringify({
      url: created.manifestUrl,
      key,
      exp: options.linkExp ?? exp,
      ...(options.passcode ? { flag: 'P' } : options.direct ? { flag: 'U' } : {}),
      label: 'Synthèse',
      v: 1,
    }),
  );
  return {
    link: `${origin}/v#shlink:/${payload}`,
    payload,
    key,
    id: created.id,
    managementToken: created.managementToken,
  };
}

/** Revokes a share with its management token. */
export async function revokeShare(origin: string, share: DirectShare): Promise<void> {
  const res = await fetch(`${origin}/api/shl/${share.id}`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${share.managementToken}` },
  });
  if (!res.ok) throw new Error(`revoke answered ${res.status}`);
}
