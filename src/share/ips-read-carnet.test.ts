import { describe, expect, it } from 'vitest';
import { buildIps } from './ips-build.ts';
import { readIps, translationLanguages } from './ips-read.ts';
import { input, metformin, penicillinAllergy, profile } from './ips-test-data.test-helper.ts';

// What the doctor's viewer reads of the bundles Carnet's own phone builds.
const read = (bundle: unknown) => readIps(JSON.parse(JSON.stringify(bundle)));

describe("the reader on Carnet's own bundles", () => {
  it('shows every shared item, the French and the patient language, and the pages', () => {
    const summary = read(
      buildIps(
        input({
          documents: [
            {
              title: 'Lettre',
              type: 'hospital-letter',
              typeLabel: 'Courrier',
              pages: [
                { contentType: 'image/jpeg', data: new Uint8Array([1, 2, 3]) },
                { contentType: 'image/jpeg', data: new Uint8Array([4, 5]) },
              ],
            },
          ],
        }),
      ),
    );
    expect(summary.authoredByPatient).toBe(true);
    expect(summary.audience).toBe('doctor');
    expect(summary.patient).toMatchObject({
      name: 'Amina RAHIMI',
      otherNames: [{ text: 'أمينة رحيمي', lang: 'ar' }],
      birthDate: '1990-04',
      gender: 'female',
      languages: ['ar'],
      interpreterRequired: true,
    });
    const byKind = Object.fromEntries(summary.sections.map((s) => [s.kind, s.items]));
    expect(byKind.allergies?.[0]).toMatchObject({
      criticality: 'high',
      label: { text: 'Pénicillines', translations: { ar: 'البنسلين' } },
      reactions: [
        { text: 'Urticaire', translations: { ar: 'شرى' } },
        { text: 'Choc anaphylactique' },
      ],
      notes: [
        { text: 'حكة شديدة', lang: 'ar' },
        { text: 'تورم الحلق', lang: 'ar' },
      ],
    });
    expect(byKind.medications?.[0]).toMatchObject({
      label: { text: 'Metformine' },
      status: 'active',
      dosage: [
        {
          text: '500 mg, 2 fois par jour',
          dose: { value: 500, unit: 'mg' },
          frequency: { count: 2, period: 1, unit: 'd' },
          route: { text: 'Par la bouche' },
        },
      ],
    });
    expect(byKind.problems?.[0]?.label).toMatchObject({
      text: 'Douleurs de dos <b>fortes</b>',
      freeText: true,
      lang: 'fr',
    });
    expect(byKind.results?.[0]).toMatchObject({
      value: { value: 7.2, unit: '%' },
      date: '2026-10-02',
    });
    expect(byKind.coverage?.[0]).toMatchObject({
      identifier: '2 75 12 99 123 456',
      until: '2027-01-31',
    });
    expect(translationLanguages(summary)).toEqual(['ar']);
    expect(summary.documents).toHaveLength(1);
    expect(summary.documents[0]).toMatchObject({
      title: 'Lettre',
      parts: [{ data: 'AQID' }, { data: 'BAU=' }],
    });
  });

  it('reads a section the patient left out as "no information", never "none known"', () => {
    const summary = read(buildIps(input({ entries: [metformin], documents: [] })));
    expect(
      summary.sections.map((s) => [s.kind, s.items[0]?.absent, s.items[0]?.label?.code?.code]),
    ).toEqual([
      ['allergies', true, 'no-allergy-info'],
      ['medications', false, 'A10BA02'],
      ['problems', true, 'no-problem-info'],
    ]);
    expect(JSON.stringify(summary)).not.toContain('no-known');
  });

  it('reads the patient’s own "no known allergies"', () => {
    const summary = read(
      buildIps(
        input({
          profile: { ...profile, declaredNone: { allergy: 0 } },
          entries: [],
          declaredNone: ['allergy'],
        }),
      ),
    );
    expect(summary.sections[0]?.items[0]?.label?.code?.code).toBe('no-known-allergies');
  });

  it('reads an administrative share as such', () => {
    const summary = read(buildIps(input({ audience: 'social', entries: [penicillinAllergy] })));
    expect(summary.audience).toBe('social');
    expect(summary.sections.map((s) => s.kind)).toEqual(['coverage']);
    expect(summary.sections[0]?.items).toEqual([]);
  });
});
