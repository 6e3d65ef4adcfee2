import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShareError } from './errors.ts';
import { fhirSchemaErrors } from './fhir-schema.test-helper.ts';
import { ipsExample } from './fixtures/ips-example.ts';
import { plainText, readIps, translationLanguages, type IpsSummary } from './ips-read.ts';

const SCT = 'http://snomed.info/sct';
const ABSENT = 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips';
const section = (title: string, code: string, refs: string[]) => ({
  title,
  code: { coding: [{ system: 'http://loinc.org', code, display: title }] },
  text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${title}</div>` },
  entry: refs.map((reference) => ({ reference })),
});

// The bundle is the one IPS example every test shares (src/share/fixtures/ips-example.ts),
// written by hand in the specification's shape, not produced by Carnet's builder.
describe('the IPS reader on a bundle in the specification\u2019s shape', () => {
  const summary = readIps(ipsExample());
  const kinds = summary.sections.map((s) => s.kind);

  // Compiling the FHIR schema takes seconds on a busy machine: not a timing test.
  it('reads a bundle that is valid FHIR R4', { timeout: 60_000 }, () => {
    expect(fhirSchemaErrors(ipsExample())).toEqual([]);
  });

  it('reads the patient and the Composition', () => {
    expect(summary.patient).toEqual({
      name: 'Amal Haddad',
      otherNames: [],
      birthDate: '1990-03-15',
      gender: 'female',
      languages: ['ar'],
      interpreterRequired: true,
    });
    expect(summary.title).toBe('Patient Summary as of November 20, 2026');
    expect(summary.date).toBe('2026-11-20');
    expect(summary.authoredByPatient).toBe(false);
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
    const immunizations = summary.sections[3]!;
    expect(immunizations.items).toEqual([]);
    expect(immunizations.narrative).toBe('Immunizations');
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
    expect(medicine!.label?.text).toBe('Metformine');
    expect(medicine!.dosage).toEqual([
      {
        dose: { value: 500, unit: 'mg' },
        frequency: { count: 2, period: 1, unit: 'd' },
        route: expect.objectContaining({ text: 'Voie orale' }) as unknown,
      },
    ]);
    const results = summary.sections.find((s) => s.kind === 'results')!.items;
    // The report, its result (the report listing itself is not followed), then the HbA1c.
    expect(results.map((r) => r.label?.text)).toEqual([
      'Bilan métabolique complet',
      'Glycémie',
      'HbA1c',
    ]);
    expect(results[1]).toMatchObject({
      value: { value: 5.4, unit: 'mmol/L' },
      date: '2026-10-02',
      interpretation: { text: 'Normal' },
    });
    expect(results[2]).toMatchObject({ value: { value: 7.2, unit: '%' }, date: '2026-10-02' });
  });

  it('keeps the Arabic translations and lists the document apart', () => {
    expect(summary.sections[0]!.items[0]!.label?.translations).toEqual({
      ar: 'حساسية من البنسلين',
    });
    expect(translationLanguages(summary)).toEqual(['ar']);
    expect(summary.documents).toEqual([
      {
        key: 'doc0',
        title: 'Lettre de l’hôpital',
        type: expect.objectContaining({ text: 'Compte rendu' }) as unknown,
        parts: [{ contentType: 'image/png', data: expect.stringMatching(/^iVBOR/) as unknown }],
      },
    ]);
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
    const nothing = { authoredByPatient: false, patient: null, sections: [], documents: [] };
    expect(broken.map((bundle) => readIps(bundle))).toEqual([
      nothing,
      nothing,
      nothing,
      {
        authoredByPatient: false,
        // A name that is not a list of HumanNames is no name.
        patient: { otherNames: [], languages: [] },
        sections: [
          { key: 's0', kind: 'other', title: null, items: [] },
          {
            key: 's1',
            kind: 'other',
            title: null,
            items: [
              {
                key: 'i0',
                resourceType: 'Resource',
                label: { text: 'Plâtre', translations: {}, freeText: true },
                absent: false,
              },
            ],
          },
        ],
        documents: [{ key: 'doc0', title: null, parts: [{ url: 'https://x' }] }],
      },
    ]);
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
    // Eight levels of sub-sections, then nothing deeper; the report that lists itself once.
    expect(
      summary.sections.map((s) => [s.kind, s.title, s.items.map((i) => i.resourceType)]),
    ).toEqual([
      ...Array.from({ length: 8 }, (_, level) => ['other', `s${19_999 - level}`, []]),
      ['other', null, ['DiagnosticReport']],
    ]);
  });

  // Without a Composition, a kind that merges two resource types (DiagnosticReport and
  // Observation are both results) once took a new key that the next group took again.
  it('gives every section its own key when two resource types share a kind', () => {
    const summary = readIps({
      resourceType: 'Bundle',
      entry: [
        { resource: { resourceType: 'DiagnosticReport', code: { text: 'Bilan' } } },
        { resource: { resourceType: 'Observation', code: { text: 'HbA1c' } } },
        { resource: { resourceType: 'Procedure', code: { text: 'Appendicectomie' } } },
      ],
    });
    const keys = summary.sections.map((s) => s.key);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
  });

  it('reads a summary from any mutation of a valid bundle (property)', { timeout: 30_000 }, () => {
    const junk = [
      undefined,
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
    const paths = pathsIn(ipsExample());
    // Up to 40 nodes of the example replaced by junk; shrinking finds the fewest that fail.
    const mutations = fc.array(
      fc.tuple(fc.integer({ min: 0, max: paths.length - 1 }), fc.constantFrom(...junk)),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(mutations, (changes) => {
        const bundle = ipsExample();
        for (const [at, value] of changes) replaceAt(bundle, paths[at]!, structuredClone(value));
        expectSummary(readIps({ ...bundle, resourceType: 'Bundle' }));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

type Path = readonly (string | number)[];

/** The path of every node below the root of a JSON value. */
function pathsIn(value: unknown, path: Path = []): Path[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const here = [...path, Array.isArray(value) ? Number(key) : key];
    return [here, ...pathsIn(child, here)];
  });
}

/** Puts `value` at `path` in `root`, when an earlier change has not taken the path away. */
function replaceAt(root: unknown, path: Path, value: unknown): void {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (!node || typeof node !== 'object') return;
    node = (node as Record<string | number, unknown>)[key];
  }
  if (node && typeof node === 'object') {
    (node as Record<string | number, unknown>)[path.at(-1)!] = value;
  }
}

/** The doctor's order of sections. */
const KINDS = [
  'allergies',
  'medications',
  'problems',
  'immunizations',
  'results',
  'coverage',
  'other',
];

/**
 * What readIps must return for any Bundle, however broken: a summary of the documented
 * shape, its sections in the doctor's order, every key unique within its list.
 */
function expectSummary(summary: IpsSummary): void {
  const label = (value: unknown) =>
    value === null ||
    (typeof value === 'object' && typeof (value as { text: unknown }).text === 'string');
  expect(summary).toMatchObject({
    authoredByPatient: expect.any(Boolean) as unknown,
    sections: expect.any(Array) as unknown,
    documents: expect.any(Array) as unknown,
  });
  expect(summary.patient === null || typeof summary.patient === 'object').toBe(true);
  const kinds = summary.sections.map((s) => KINDS.indexOf(s.kind));
  expect(kinds).not.toContain(-1);
  expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
  const items = summary.sections.flatMap((s) => {
    expect(s.title === null || typeof s.title === 'string').toBe(true);
    return s.items;
  });
  for (const item of items) {
    expect(item).toMatchObject({
      key: expect.any(String) as unknown,
      resourceType: expect.any(String) as unknown,
      absent: expect.any(Boolean) as unknown,
    });
    expect(label(item.label)).toBe(true);
  }
  for (const document of summary.documents) {
    expect(document.parts).toEqual(expect.any(Array));
  }
  const lists = [summary.sections, items, summary.documents];
  for (const keys of lists.map((l) => l.map((x) => x.key))) {
    expect(new Set(keys).size).toBe(keys.length);
  }
}

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
