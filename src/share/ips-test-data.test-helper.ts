import type { Entry, Profile } from '../record/types.ts';
import type { FhirBundle, FhirResource } from './fhir-types.ts';
import type { IpsInput } from './ips-build.ts';
import type { ResourceWords } from './ips-resources.ts';

/** One patient, her record and the words to write it with, for builder and reader tests. */

export const profile: Profile = {
  id: 'p',
  name: 'أمينة رحيمي',
  officialName: { family: 'RAHIMI', given: 'Amina' },
  relation: 'self',
  birthDate: '1990-04',
  sex: 'female',
  language: 'ar',
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

export const penicillinAllergy = entry({
  term: { system: 'atc', code: 'J01C', key: 'allergy.penicillins' },
  text: 'حكة شديدة',
  textLang: 'ar',
  details: {
    kind: 'allergy',
    severity: 'severe',
    reactions: ['reaction.urticaria', 'reaction.anaphylaxis'],
    reaction: 'تورم الحلق',
  },
});

export const metformin = entry({
  term: { system: 'atc', code: 'A10BA02', key: 'medication.metformin' },
  textLang: 'ar',
  details: {
    kind: 'medication',
    dosage: {
      amount: 500,
      unit: 'mg',
      frequency: { per: 'day', times: 2 },
      route: 'route.oral',
    },
    instructions: 'مع الأكل',
    since: '2023-05',
    current: true,
  },
});

export const oldParacetamol = entry({
  text: 'دوليبران',
  textLang: 'ar',
  details: { kind: 'medication', dose: '1 g', frequency: 'مرتين', current: false },
});

const backPain = entry({
  text: 'Douleurs de dos <b>fortes</b>',
  textLang: 'fr',
  details: { kind: 'condition', active: true, since: '2021' },
});

const bcg = entry({ text: 'BCG', details: { kind: 'vaccination', doseNumber: 1 } });

const hba1c = entry({
  term: { system: 'loinc', code: '4548-4', key: 'test.hba1c' },
  provenance: 'paper',
  details: { kind: 'result', value: '7,2', unit: '%', date: '2026-10-02' },
});

const ame = entry({
  details: { kind: 'right', scheme: 'AME', number: '2 75 12 99 123 456', validUntil: '2027-01-31' },
});

const privateNote = entry({ text: 'private note', details: { kind: 'note' } });

export const everything: Entry[] = [
  penicillinAllergy,
  metformin,
  oldParacetamol,
  backPain,
  bcg,
  hba1c,
  ame,
  privateNote,
];

const words: ResourceWords = {
  labels: {
    fr: {
      'allergy.penicillins': 'Pénicillines',
      'medication.metformin': 'Metformine',
      'test.hba1c': 'HbA1c (hémoglobine glyquée)',
      'reaction.urticaria': 'Urticaire',
      'reaction.anaphylaxis': 'Choc anaphylactique',
      'route.oral': 'Par la bouche',
    },
    patient: {
      lng: 'ar',
      labels: { 'allergy.penicillins': 'البنسلين', 'reaction.urticaria': 'شرى' },
    },
  },
  dose: {
    fr: (d) =>
      [d.amount !== undefined ? `${d.amount} ${d.unit}` : '', d.frequency ? '2 fois par jour' : '']
        .filter(Boolean)
        .join(', '),
    patient: { lng: 'ar', words: () => '500 ملغ، مرتين في اليوم' },
  },
  schemes: { AME: 'AME (aide médicale de l’État)', other: 'Autre droit' },
};

const now = new Date('2026-11-22T10:00:00Z');

export function input(partial: Partial<IpsInput> = {}): IpsInput {
  let u = 0;
  return {
    profile,
    audience: 'doctor',
    entries: everything,
    documents: [],
    words,
    now,
    uuid: () => `00000000-0000-4000-8000-${String(++u).padStart(12, '0')}`,
    ...partial,
  };
}

export function resources(bundle: FhirBundle): FhirResource[] {
  return bundle.entry.map((e) => e.resource);
}

export function ofType(bundle: FhirBundle, type: string): Record<string, unknown>[] {
  return resources(bundle).filter((r) => r.resourceType === type);
}

export interface TestSection {
  title: string;
  code: { coding: { system: string; code: string }[] };
  text: { div: string };
  entry?: { reference: string }[];
  emptyReason?: unknown;
}

export function sections(bundle: FhirBundle): TestSection[] {
  return (resources(bundle)[0] as unknown as { section: TestSection[] }).section;
}
