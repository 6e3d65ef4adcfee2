import { describe, expect, it } from 'vitest';
import type { Entry, Profile } from '../record/types.ts';
import { buildIps } from './ips-build.ts';
import { readIps, translationLanguages } from './ips-read.ts';

// What the doctor's viewer reads of the bundles Carnet's own phone builds.
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
const base = {
  profileId: 'p',
  provenance: 'patient',
  sensitive: false,
  createdAt: 0,
  updatedAt: 0,
} as const;
const entries: Entry[] = [
  {
    ...base,
    id: 'a',
    term: { system: 'atc', code: 'J01C', key: 'allergy.penicillins' },
    details: { kind: 'allergy', severity: 'severe', reaction: 'urticaire' },
  },
  {
    ...base,
    id: 'm',
    term: { system: 'atc', code: 'A10BA02', key: 'medication.metformin' },
    details: { kind: 'medication', dose: '500 mg', frequency: '2 fois par jour', current: true },
  },
  {
    ...base,
    id: 'c',
    text: 'Douleurs de dos',
    textLang: 'fr',
    details: { kind: 'condition', active: true, since: '2021' },
  },
  {
    ...base,
    id: 'r',
    term: { system: 'loinc', code: '4548-4', key: 'test.hba1c' },
    details: { kind: 'result', value: '7,2', unit: '%', date: '2026-10-02' },
  },
];
const labels = {
  fr: {
    'allergy.penicillins': 'Pénicillines',
    'medication.metformin': 'Metformine',
    'test.hba1c': 'HbA1c',
  },
  patient: { lng: 'prs', labels: { 'allergy.penicillins': 'پنسلین' } },
};
const now = new Date('2026-11-22T10:00:00Z');

describe("the reader on Carnet's own bundles", () => {
  it('shows every shared item, the French and the patient language, and the pages', () => {
    const summary = readIps(
      JSON.parse(
        JSON.stringify(
          buildIps({
            profile,
            entries,
            labels,
            now,
            documents: [
              {
                title: 'Lettre',
                typeLabel: 'Courrier',
                pages: [
                  { contentType: 'image/jpeg', data: new Uint8Array([1, 2, 3]) },
                  { contentType: 'image/jpeg', data: new Uint8Array([4, 5]) },
                ],
              },
            ],
          }),
        ),
      ),
    );
    expect(summary.patient).toMatchObject({
      name: 'Amina Rahimi',
      birthDate: '1990-04',
      gender: 'female',
      languages: ['prs'],
      interpreterRequired: true,
    });
    const byKind = Object.fromEntries(summary.sections.map((s) => [s.kind, s.items]));
    expect(byKind.allergies?.[0]).toMatchObject({
      criticality: 'high',
      label: { text: 'Pénicillines', translations: { prs: 'پنسلین' } },
      reactions: [{ text: 'urticaire' }],
    });
    expect(byKind.medications?.[0]).toMatchObject({
      label: { text: 'Metformine' },
      status: 'active',
      dosage: [{ text: '500 mg, 2 fois par jour' }],
    });
    expect(byKind.problems?.[0]?.label).toMatchObject({ text: 'Douleurs de dos', freeText: true });
    expect(byKind.results?.[0]).toMatchObject({
      value: { value: 7.2, unit: '%' },
      date: '2026-10-02',
    });
    expect(translationLanguages(summary)).toEqual(['prs']);
    expect(summary.documents).toHaveLength(1);
    expect(summary.documents[0]).toMatchObject({
      title: 'Lettre',
      parts: [{ data: 'AQID' }, { data: 'BAU=' }],
    });
  });

  it('states "none known" for empty required sections', () => {
    const summary = readIps(buildIps({ profile, entries: [], labels, now, documents: [] }));
    expect(
      summary.sections.map((s) => [s.kind, s.items[0]?.absent, s.items[0]?.label?.code?.code]),
    ).toEqual([
      ['allergies', true, 'no-known-allergies'],
      ['medications', true, 'no-known-medications'],
      ['problems', true, 'no-known-problems'],
    ]);
  });
});
