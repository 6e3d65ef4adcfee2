import { describe, expect, it } from 'vitest';
import type { Entry, Profile } from '../record/types.ts';
import { fhirSchemaErrors } from './fhir-schema.test-helper.ts';
import type { FhirResource } from './fhir-types.ts';
import { buildIps } from './ips-build.ts';

const profile: Profile = {
  id: 'p',
  name: 'Amina Rahimi',
  relation: 'self',
  birthDate: '1990-04',
  sex: 'female',
  language: 'prs',
  interpreterNeeded: true,
  createdAt: 0,
  updatedAt: 0,
};

let n = 0;
function entry(partial: Partial<Entry> & Pick<Entry, 'details'>): Entry {
  return {
    id: `e${++n}`,
    profileId: 'p',
    provenance: 'patient',
    sensitive: false,
    createdAt: 0,
    updatedAt: 0,
    ...partial,
  };
}

const labels = {
  fr: {
    'allergy.penicillins': 'Pénicillines',
    'medication.metformin': 'Metformine',
    'test.hba1c': 'HbA1c',
  },
  patient: { lng: 'prs', labels: { 'allergy.penicillins': 'پنسلین' } },
};

const entries: Entry[] = [
  entry({
    term: { system: 'atc', code: 'J01C', key: 'allergy.penicillins' },
    details: { kind: 'allergy', severity: 'severe', reaction: 'urticaire' },
  }),
  entry({
    term: { system: 'atc', code: 'A10BA02', key: 'medication.metformin' },
    details: {
      kind: 'medication',
      dose: '500 mg',
      frequency: '2 fois par jour',
      since: '2023-05',
      current: true,
    },
  }),
  entry({
    text: 'Douleurs de dos <b>fortes</b>',
    textLang: 'fr',
    details: { kind: 'condition', active: true, since: '2021' },
  }),
  entry({ text: 'BCG', details: { kind: 'vaccination', doseNumber: 1 } }),
  entry({
    term: { system: 'loinc', code: '4548-4', key: 'test.hba1c' },
    details: { kind: 'result', value: '7,2', unit: '%', date: '2026-10-02' },
  }),
  entry({
    details: { kind: 'right', scheme: 'AME', number: '123', validUntil: '2027-01-31' },
    text: 'AME',
  }),
  entry({ text: 'private note', details: { kind: 'note' } }),
];

const now = new Date('2026-11-22T10:00:00Z');

function resources(bundle: ReturnType<typeof buildIps>): FhirResource[] {
  return bundle.entry.map((e) => e.resource);
}

describe('IPS bundle', () => {
  it('is checked by a schema that does reject invalid FHIR', () => {
    expect(
      fhirSchemaErrors({
        resourceType: 'AllergyIntolerance',
        patient: { reference: 'x' },
        criticality: 'extreme',
      }),
    ).not.toEqual([]);
    expect(fhirSchemaErrors({ resourceType: 'Patient', nickname: 'x' })).not.toEqual([]);
  });

  it('is valid FHIR R4 with everything shared, documents included', () => {
    const bundle = buildIps({
      profile,
      entries,
      documents: [
        {
          title: 'Lettre <hôpital>',
          typeLabel: 'Courrier',
          pages: [{ contentType: 'application/pdf', data: new Uint8Array([37, 80, 68, 70]) }],
          date: '2025-03-02',
        },
      ],
      labels,
      now,
    });
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    for (const r of resources(bundle)) expect(fhirSchemaErrors(r)).toEqual([]);
    expect(resources(bundle).map((r) => r.resourceType)).toEqual([
      'Composition',
      'Patient',
      'AllergyIntolerance',
      'MedicationStatement',
      'Condition',
      'Immunization',
      'Observation',
      'Coverage',
      'DocumentReference',
    ]);
  });

  it('is valid and says "none known" for empty required sections', () => {
    const bundle = buildIps({ profile, entries: [], documents: [], labels, now });
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    const composition = resources(bundle)[0] as unknown as {
      section: { code: { coding: { code: string }[] } }[];
    };
    expect(composition.section.map((s) => s.code.coding[0]!.code)).toEqual([
      '48765-2',
      '10160-0',
      '11450-4',
    ]);
    const codes = JSON.stringify(bundle);
    for (const c of ['no-known-allergies', 'no-known-medications', 'no-known-problems'])
      expect(codes).toContain(c);
  });

  it('carries French displays, the patient language as a translation, language and interpreter', () => {
    const bundle = buildIps({ profile, entries, documents: [], labels, now });
    const json = JSON.stringify(bundle);
    expect(json).toContain('"display":"Pénicillines"');
    expect(json).toContain('"valueCode":"prs"');
    expect(json).toContain('"valueString":"پنسلین"');
    const patient = resources(bundle)[1] as Record<string, unknown>;
    expect(JSON.stringify(patient)).toContain('patient-interpreterRequired');
    expect(JSON.stringify(patient)).toContain('"code":"prs"');
  });

  it('leaves out notes and anything not passed in, and escapes typed text in narratives', () => {
    const bundle = buildIps({ profile, entries, documents: [], labels, now });
    const json = JSON.stringify(bundle);
    expect(json).not.toContain('private note');
    expect(json).not.toContain('<b>fortes</b></li>');
    expect(json).toContain('&lt;b&gt;fortes');
  });

  it('writes a decimal comma result as a number and keeps partial dates', () => {
    const bundle = buildIps({ profile, entries, documents: [], labels, now });
    const obs = resources(bundle).find((r) => r.resourceType === 'Observation') as Record<
      string,
      unknown
    >;
    expect(obs.valueQuantity).toEqual({ value: 7.2, unit: '%' });
    const med = resources(bundle).find((r) => r.resourceType === 'MedicationStatement') as Record<
      string,
      unknown
    >;
    expect(med.effectivePeriod).toEqual({ start: '2023-05' });
  });
});
