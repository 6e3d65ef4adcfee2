import { describe, expect, it } from 'vitest';
import { ShareError } from './errors.ts';
import { plainText, readIps, translationLanguages, type IpsSummary } from './ips-read.ts';

// A bundle written here in the shape of the IPS specification's example
// (IPS-examples-Bundle-01: Composition first, urn:uuid fullUrls, SNOMED CT codes,
// Medication by reference, absent/unknown codes), not produced by Carnet's builder.
const LOINC = 'http://loinc.org';
const SCT = 'http://snomed.info/sct';
const ABSENT = 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips';
const section = (title: string, code: string, refs: string[]) => ({
  title,
  code: { coding: [{ system: LOINC, code, display: title }] },
  text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${title}</div>` },
  entry: refs.map((reference) => ({ reference })),
});

function specBundle(): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    id: 'IPS-examples-Bundle-01',
    identifier: { system: 'urn:oid:2.16.724.4.8.10.200.10', value: '28488575-e4f8-4f1e' },
    type: 'document',
    timestamp: '2017-12-11T14:30:00+01:00',
    entry: [
      {
        fullUrl: 'urn:uuid:6e1fb74a-742b-4c7b-8487-171dacb88766',
        resource: {
          resourceType: 'Composition',
          id: '6e1fb74a-742b-4c7b-8487-171dacb88766',
          status: 'final',
          type: {
            coding: [{ system: LOINC, code: '60591-5', display: 'Patient summary Document' }],
          },
          subject: { reference: 'urn:uuid:7685713c-e29e-4a75-8a90-45be7ba3be94' },
          date: '2017-12-11T14:30:00+01:00',
          author: [{ reference: 'urn:uuid:98315ba9-ffea-41ef-b59b-a836c039858f' }],
          title: 'Patient Summary as of December 11, 2017 14:30',
          section: [
            section('Active Problems', '11450-4', [
              'urn:uuid:c64139e7-f02d-409c-bf34-75e8bf23bc80',
            ]),
            section('Medication', '10160-0', ['urn:uuid:7e9b1fc6-4b6c-4b6b-8e4f-2f2e0d8f3a11']),
            section('Allergies and Intolerances', '48765-2', [
              'urn:uuid:72884cad-ebe6-4f43-a51a-2f978275f132',
            ]),
            section('Results', '30954-2', ['DiagnosticReport/report-1']),
            section('Immunizations', '11369-6', []),
            section('History of Procedures', '47519-4', ['urn:uuid:nowhere']),
          ],
        },
      },
      {
        fullUrl: 'urn:uuid:7685713c-e29e-4a75-8a90-45be7ba3be94',
        resource: {
          resourceType: 'Patient',
          id: '7685713c-e29e-4a75-8a90-45be7ba3be94',
          active: true,
          name: [{ family: 'DeLarosa', given: ['Martha'] }],
          gender: 'female',
          birthDate: '1972-05-01',
        },
      },
      {
        fullUrl: 'urn:uuid:7e9b1fc6-4b6c-4b6b-8e4f-2f2e0d8f3a11',
        resource: {
          resourceType: 'MedicationStatement',
          status: 'active',
          medicationReference: { reference: 'urn:uuid:976d0804-cae0-45ae-afe3-a19f3ab7523c' },
          subject: { reference: 'urn:uuid:7685713c-e29e-4a75-8a90-45be7ba3be94' },
          effectivePeriod: { start: '2015-03' },
          dosage: [
            {
              timing: { repeat: { count: 1, periodUnit: 'd' } },
              route: {
                coding: [
                  {
                    system: 'urn:oid:0.4.0.127.0.16.1.1.2.1',
                    code: '20053000',
                    display: 'Oral use',
                  },
                ],
              },
              doseAndRate: [
                {
                  type: { coding: [{ code: 'ordered' }] },
                  doseQuantity: { value: 1, unit: 'tablet' },
                },
              ],
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
                system: SCT,
                code: '108774000',
                display: 'Product containing anastrozole (medicinal product)',
              },
            ],
          },
        },
      },
      {
        fullUrl: 'urn:uuid:72884cad-ebe6-4f43-a51a-2f978275f132',
        resource: {
          resourceType: 'AllergyIntolerance',
          clinicalStatus: { coding: [{ code: 'active' }] },
          type: 'allergy',
          criticality: 'high',
          code: {
            coding: [
              {
                system: SCT,
                code: '373270004',
                display:
                  'Substance with penicillin structure and antibacterial mechanism of action (substance)',
              },
            ],
          },
          patient: { reference: 'urn:uuid:7685713c-e29e-4a75-8a90-45be7ba3be94' },
          onsetDateTime: '2010',
        },
      },
      {
        fullUrl: 'urn:uuid:c64139e7-f02d-409c-bf34-75e8bf23bc80',
        resource: {
          resourceType: 'Condition',
          clinicalStatus: { coding: [{ code: 'active' }] },
          code: {
            coding: [{ system: SCT, code: '198436008', display: 'Menopausal flushing (finding)' }],
          },
          onsetDateTime: '2015',
        },
      },
      {
        fullUrl: 'https://example.org/fhir/DiagnosticReport/report-1',
        resource: {
          resourceType: 'DiagnosticReport',
          id: 'report-1',
          status: 'final',
          code: {
            coding: [{ system: LOINC, code: '24323-8', display: 'Comprehensive metabolic panel' }],
          },
          effectiveDateTime: '2017-11-10T08:20:00+01:00',
          result: [{ reference: 'Observation/obs-1' }, { reference: 'DiagnosticReport/report-1' }],
        },
      },
      {
        fullUrl: 'https://example.org/fhir/Observation/obs-1',
        resource: {
          resourceType: 'Observation',
          id: 'obs-1',
          status: 'final',
          code: { coding: [{ system: LOINC, code: '2345-7', display: 'Glucose' }] },
          effectiveDateTime: '2017-11-10',
          valueQuantity: { value: 5.4, unit: 'mmol/L', system: 'http://unitsofmeasure.org' },
          interpretation: [{ coding: [{ code: 'N', display: 'Normal' }] }],
        },
      },
    ],
  };
}

describe('the IPS reader on a bundle in the specification\u2019s shape', () => {
  const summary = readIps(specBundle());
  const kinds = summary.sections.map((s) => s.kind);

  it('reads the patient and the Composition', () => {
    expect(summary.patient).toEqual({
      name: 'Martha DeLarosa',
      otherNames: [],
      birthDate: '1972-05-01',
      gender: 'female',
      languages: [],
    });
    expect(summary.title).toBe('Patient Summary as of December 11, 2017 14:30');
    expect(summary.date).toBe('2017-12-11');
  });

  it('maps sections by LOINC code into the doctor\u2019s order, the rest after them', () => {
    expect(kinds).toEqual([
      'allergies',
      'medications',
      'problems',
      'immunizations',
      'results',
      'other',
    ]);
    const other = summary.sections.at(-1)!;
    expect(other.title).toBe('History of Procedures');
    expect(other.items).toEqual([]);
    expect(other.narrative).toBe('History of Procedures');
  });

  it('resolves urn:uuid, absolute and relative references, and Medication by reference', () => {
    const [allergy] = summary.sections[0]!.items;
    expect(allergy).toMatchObject({
      resourceType: 'AllergyIntolerance',
      criticality: 'high',
      status: 'active',
      date: '2010',
      absent: false,
    });
    expect(allergy!.label?.code).toEqual({ system: SCT, code: '373270004' });
    const [medicine] = summary.sections[1]!.items;
    expect(medicine!.label?.text).toBe('Product containing anastrozole (medicinal product)');
    expect(medicine!.dosage).toEqual([
      {
        dose: { value: 1, unit: 'tablet' },
        route: expect.objectContaining({ text: 'Oral use' }) as unknown,
      },
    ]);
    const results = summary.sections.find((s) => s.kind === 'results')!.items;
    expect(results.map((r) => r.label?.text)).toEqual(['Comprehensive metabolic panel', 'Glucose']);
    expect(results[1]).toMatchObject({
      value: { value: 5.4, unit: 'mmol/L' },
      date: '2017-11-10',
      interpretation: { text: 'Normal' },
    });
  });
});

describe('Carnet-style content', () => {
  const translated = (display: string, lang: string, content: string) => ({
    system: 'http://hl7.org/fhir/sid/icd-10',
    code: 'J45',
    display,
    _display: {
      extension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/translation',
          extension: [
            { url: 'lang', valueCode: lang },
            { url: 'content', valueString: content },
          ],
        },
      ],
    },
  });
  const bundle = {
    resourceType: 'Bundle',
    type: 'document',
    entry: [
      {
        fullUrl: 'urn:uuid:c',
        resource: {
          resourceType: 'Composition',
          subject: { reference: 'urn:uuid:p' },
          section: [
            section('Allergies', '48765-2', ['urn:uuid:a']),
            section('Problems', '11450-4', ['urn:uuid:q', 'urn:uuid:f']),
            { title: 'Documents', entry: [{ reference: 'urn:uuid:d' }] },
          ],
        },
      },
      {
        fullUrl: 'urn:uuid:p',
        resource: {
          resourceType: 'Patient',
          extension: [
            {
              url: 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired',
              valueBoolean: true,
            },
          ],
          name: [{ text: 'Amal H.' }],
          communication: [
            { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] } },
            { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'prs' }] }, preferred: true },
          ],
        },
      },
      {
        fullUrl: 'urn:uuid:a',
        resource: {
          resourceType: 'AllergyIntolerance',
          code: {
            coding: [{ system: ABSENT, code: 'no-known-allergies', display: 'No known allergies' }],
          },
        },
      },
      {
        fullUrl: 'urn:uuid:q',
        resource: {
          resourceType: 'Condition',
          code: { coding: [translated('Asthme', 'prs', 'آسم')] },
        },
      },
      {
        fullUrl: 'urn:uuid:f',
        resource: { resourceType: 'Condition', code: { text: 'douleurs au dos depuis le voyage' } },
      },
      {
        fullUrl: 'urn:uuid:d',
        resource: {
          resourceType: 'DocumentReference',
          type: { text: 'Ordonnance' },
          description: 'Ordonnance du Dr Roux',
          content: [
            {
              attachment: {
                contentType: 'application/pdf',
                data: 'JVBERi0=',
                creation: '2026-01-05',
              },
            },
          ],
        },
      },
    ],
  };
  const summary = readIps(bundle);

  it('reads the language spoken (preferred first) and the interpreter flag', () => {
    expect(summary.patient).toEqual({
      name: 'Amal H.',
      otherNames: [],
      languages: ['prs', 'en'],
      interpreterRequired: true,
    });
  });

  it('keeps absent/unknown statements, translations, and free text as written', () => {
    const [absent] = summary.sections[0]!.items;
    expect(absent!.absent).toBe(true);
    expect(absent!.label?.code?.code).toBe('no-known-allergies');
    const [coded, free] = summary.sections[1]!.items;
    expect(coded!.label).toMatchObject({
      text: 'Asthme',
      translations: { prs: 'آسم' },
      freeText: false,
    });
    expect(free!.label).toMatchObject({ text: 'douleurs au dos depuis le voyage', freeText: true });
    expect(translationLanguages(summary)).toEqual(['prs']);
  });

  it('lists documents apart, and drops the section that held only them', () => {
    expect(summary.sections.map((s) => s.kind)).toEqual(['allergies', 'problems']);
    expect(summary.documents).toEqual([
      {
        key: 'doc0',
        title: 'Ordonnance du Dr Roux',
        type: expect.objectContaining({ text: 'Ordonnance' }) as unknown,
        date: '2026-01-05',
        parts: [{ contentType: 'application/pdf', data: 'JVBERi0=' }],
      },
    ]);
  });
});

describe('odd input', () => {
  it('refuses what is not a Bundle', () => {
    for (const value of [null, 42, 'Bundle', [], {}, { resourceType: 'Patient' }]) {
      expect(() => readIps(value)).toThrow(ShareError);
    }
  });

  it('reads a Bundle without a Composition by resource type', () => {
    const summary = readIps({
      resourceType: 'Bundle',
      entry: [
        { resource: { resourceType: 'Patient', gender: 'male' } },
        {
          resource: {
            resourceType: 'Immunization',
            vaccineCode: { text: 'BCG' },
            occurrenceDateTime: '1999',
          },
        },
        {
          resource: {
            resourceType: 'Observation',
            code: { text: 'Poids' },
            valueQuantity: { value: 70, unit: 'kg' },
          },
        },
        { resource: { resourceType: 'Procedure', code: { text: 'Appendicectomie' } } },
      ],
    });
    expect(summary.patient?.gender).toBe('male');
    expect(summary.sections.map((s) => [s.kind, s.title, s.items.length])).toEqual([
      ['immunizations', null, 1],
      ['results', null, 1],
      ['other', 'Procedure', 1],
    ]);
  });

  it('survives broken shapes without throwing', () => {
    const broken: unknown[] = [
      { resourceType: 'Bundle' },
      { resourceType: 'Bundle', entry: 'nope' },
      { resourceType: 'Bundle', entry: [null, 1, 'x', [], { resource: null }, { resource: [] }] },
      {
        resourceType: 'Bundle',
        entry: [
          {
            fullUrl: 7,
            resource: {
              resourceType: 'Composition',
              section: [null, { entry: 'x' }, { entry: [{ reference: 5 }, { display: 'Plâtre' }] }],
              subject: 'Patient/1',
            },
          },
          {
            resource: {
              resourceType: 'Patient',
              name: 'Bob',
              communication: [{ language: 'fr' }],
              extension: {},
              birthDate: 1990,
            },
          },
          {
            resource: {
              resourceType: 'AllergyIntolerance',
              code: { coding: 'x', text: 3 },
              reaction: [{ manifestation: 'x' }, null],
            },
          },
          {
            resource: {
              resourceType: 'MedicationStatement',
              dosage: [{ timing: { repeat: { frequency: 'twice' } } }],
              medicationReference: { reference: 'Medication/none' },
            },
          },
          {
            resource: {
              resourceType: 'DocumentReference',
              content: [{ attachment: null }, { attachment: { data: 5, url: 'https://x' } }],
            },
          },
          { resource: { resourceType: 7 } },
        ],
      },
    ];
    for (const bundle of broken) {
      let summary: IpsSummary | undefined;
      expect(() => (summary = readIps(bundle))).not.toThrow();
      expect(summary).toBeDefined();
    }
    const last = readIps(broken[3]);
    expect(last.sections.flatMap((s) => s.items.map((i) => i.label?.text))).toEqual(['Plâtre']);
    expect(last.documents.map((d) => d.parts.map((p) => p.url))).toEqual([['https://x']]);
  });

  it('survives hostile nesting and self-reference', () => {
    let deep: Record<string, unknown> = { title: 'bottom' };
    for (let i = 0; i < 20_000; i++) deep = { title: `s${i}`, section: [deep] };
    const summary = readIps({
      resourceType: 'Bundle',
      entry: [
        {
          resource: {
            resourceType: 'Composition',
            section: [deep, { entry: [{ reference: 'DiagnosticReport/r' }] }],
          },
        },
        {
          resource: {
            resourceType: 'DiagnosticReport',
            id: 'r',
            result: [{ reference: 'DiagnosticReport/r' }],
          },
        },
      ],
    });
    expect(summary.sections.length).toBeLessThanOrEqual(9);
  });

  it('never throws on random mutations of a valid bundle', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const junk = [
      null,
      0,
      -1,
      '',
      'x',
      [],
      {},
      [null],
      { reference: 'urn:uuid:6e1fb74a-742b-4c7b-8487-171dacb88766' },
      true,
      1e308,
    ];
    const mutate = (value: unknown): unknown => {
      if (random() < 0.08) return junk[Math.floor(random() * junk.length)];
      if (Array.isArray(value)) return value.map(mutate);
      if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mutate(v)]));
      }
      return value;
    };
    for (let i = 0; i < 300; i++) {
      const bundle = { ...(mutate(specBundle()) as object), resourceType: 'Bundle' };
      expect(() => readIps(bundle)).not.toThrow();
    }
  });
});

describe('narrative as plain text', () => {
  it('drops tags, keeps lines, decodes entities', () => {
    expect(
      plainText(
        '<div><p>Aucun&nbsp;acte</p><ul><li>A &amp; B</li><li>&#233;t&#xE9;</li></ul><script>x</script></div>',
      ),
    ).toBe('Aucun acte\nA & B\nété\nx');
    expect(plainText('<div></div>')).toBeUndefined();
    expect(plainText(42)).toBeUndefined();
  });
});
