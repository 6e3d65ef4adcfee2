import { describe, expect, it } from 'vitest';
import type { Profile } from '../record/types.ts';
import { fhirSchemaErrors } from './fhir-schema.test-helper.ts';
import { FHIR } from './fhir-types.ts';
import { CHOSEN_BY_PATIENT, buildIps } from './ips-build.ts';
import {
  everything,
  input,
  metformin,
  ofType,
  oldParacetamol,
  penicillinAllergy,
  profile,
  resources,
  sections,
} from './ips-test-data.test-helper.ts';

const pdf = new Uint8Array([37, 80, 68, 70]);
const paper = (type: 'lab-result' | 'hospital-letter' | 'insurance-rights' | 'asylum-papers') => ({
  title: `Papier ${type}`,
  type,
  typeLabel: type,
  pages: [{ contentType: 'application/pdf', data: pdf }],
});

/** What IPS 1.1 requires beyond the base FHIR schema, for the resources Carnet writes. */
function ipsProblems(bundle: ReturnType<typeof buildIps>): string[] {
  const problems: string[] = [];
  for (const s of sections(bundle)) {
    if (!s.code.coding.some((c) => c.system === FHIR.loinc)) problems.push(`${s.title}: no code`);
    if (!s.entry?.length && !s.emptyReason) problems.push(`${s.title}: neither entry nor reason`);
  }
  for (const r of resources(bundle) as Record<string, unknown>[]) {
    const has = (f: string) => r[f] !== undefined || r[`_${f}`] !== undefined;
    switch (r.resourceType) {
      case 'Patient':
        if (!has('birthDate')) problems.push('Patient.birthDate');
        break;
      case 'AllergyIntolerance':
      case 'Condition':
        if (!r.clinicalStatus) problems.push(`${r.resourceType as string}.clinicalStatus`);
        break;
      case 'MedicationStatement':
        if (!has('effectiveDateTime') && !has('effectivePeriod')) problems.push('effective[x]');
        break;
      case 'Immunization':
        if (!has('occurrenceDateTime') && !has('occurrenceString')) problems.push('occurrence[x]');
        if (typeof r.occurrenceString === 'string') problems.push('occurrence in words');
        break;
      case 'Observation':
        if (!has('effectiveDateTime')) problems.push('Observation.effective[x]');
        break;
    }
  }
  return problems;
}

describe('IPS bundle', () => {
  // Compiling the FHIR schema takes seconds on a busy 2-core machine: not a timing test.
  it('is checked by a schema that does reject invalid FHIR', { timeout: 60_000 }, () => {
    expect(
      fhirSchemaErrors({
        resourceType: 'AllergyIntolerance',
        patient: { reference: 'x' },
        criticality: 'extreme',
      }),
    ).not.toEqual([]);
    expect(fhirSchemaErrors({ resourceType: 'Patient', nickname: 'x' })).not.toEqual([]);
  });

  it('is valid FHIR R4 and IPS 1.1 with everything shared, each paper in a coded section', () => {
    const bundle = buildIps(
      input({
        documents: [
          paper('lab-result'),
          paper('hospital-letter'),
          paper('insurance-rights'),
          paper('asylum-papers'),
        ],
      }),
    );
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    for (const r of resources(bundle)) expect(fhirSchemaErrors(r)).toEqual([]);
    expect(ipsProblems(bundle)).toEqual([]);
    expect(sections(bundle).map((s) => s.code.coding[0]!.code)).toEqual([
      '48765-2',
      '10160-0',
      '11450-4',
      '11369-6',
      '30954-2',
      '11348-0',
      '48768-6',
      '29762-2',
    ]);
    expect(ofType(bundle, 'DocumentReference')).toHaveLength(4);
  });

  it('never says "no known" for what the patient did not share: "no information" instead', () => {
    // The patient is allergic to penicillin, and shares only a medicine.
    const bundle = buildIps(input({ entries: [metformin] }));
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect(ipsProblems(bundle)).toEqual([]);
    const json = JSON.stringify(bundle);
    expect(json).not.toMatch(/no-known-/);
    expect(json).not.toMatch(/[Aa]ucune? /);
    expect(json).toContain('no-allergy-info');
    expect(json).toContain('no-problem-info');
    const allergies = sections(bundle)[0]!;
    expect(allergies.text.div).toContain('Non communiqué par le patient');
  });

  it('writes "no known allergies" only from the patient’s own statement, with when it was made', () => {
    const declared: Profile = { ...profile, declaredNone: { allergy: Date.UTC(2026, 2, 4) } };
    const bundle = buildIps(
      input({ profile: declared, entries: [metformin], declaredNone: ['allergy'] }),
    );
    expect(ipsProblems(bundle)).toEqual([]);
    const [allergy] = ofType(bundle, 'AllergyIntolerance');
    expect(allergy).toMatchObject({
      clinicalStatus: { coding: [{ code: 'active' }] },
      code: { coding: [{ system: FHIR.absentUnknown, code: 'no-known-allergies' }] },
      recordedDate: '2026-03-04T00:00:00.000Z',
    });
    expect(sections(bundle)[0]!.text.div).toContain('déclaré par le patient le 04/03/2026');
    // A statement not picked for this share stays out, and so does "no known problems".
    expect(JSON.stringify(bundle)).toContain('no-problem-info');
    const unpicked = buildIps(input({ profile: declared, entries: [metformin] }));
    expect(JSON.stringify(unpicked)).not.toContain('no-known-allergies');
  });

  it('opens with the same sentence whether or not anything was held back', () => {
    const all = buildIps(input());
    const some = buildIps(input({ entries: [metformin] }));
    const text = (b: typeof all) =>
      (resources(b)[0] as unknown as { text: { div: string } }).text.div;
    expect(text(all)).toContain(CHOSEN_BY_PATIENT.slice(0, 40));
    expect(text(all)).toEqual(text(some));
  });

  it('gives a social worker an administrative document: rights and papers, nothing medical', () => {
    const bundle = buildIps(
      input({
        audience: 'social',
        entries: everything,
        documents: [paper('insurance-rights'), paper('asylum-papers'), paper('lab-result')],
      }),
    );
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    const types = resources(bundle).map((r) => r.resourceType);
    expect(types).toEqual([
      'Composition',
      'Patient',
      'Coverage',
      'DocumentReference',
      'DocumentReference',
    ]);
    expect(sections(bundle).map((s) => s.code.coding[0]!.code)).toEqual(['48768-6', '29762-2']);
    const composition = resources(bundle)[0] as Record<string, unknown>;
    expect(composition.meta).toBeUndefined();
    expect(JSON.stringify(composition.category)).toContain('"code":"social"');
    expect(ofType(bundle, 'Coverage')[0]).toMatchObject({
      subscriberId: '2 75 12 99 123 456',
      period: { end: '2027-01-31' },
      type: { text: 'AME (aide médicale de l’État)' },
    });
  });

  it('carries a structured dose with French words and the patient’s words beside them', () => {
    const bundle = buildIps(input({ entries: [metformin, oldParacetamol] }));
    const [med, old] = ofType(bundle, 'MedicationStatement');
    expect(med).toMatchObject({
      effectivePeriod: { start: '2023-05' },
      dosage: [
        {
          text: '500 mg, 2 fois par jour',
          timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } },
          route: { coding: [{ system: FHIR.snomed, code: '26643006' }], text: 'Par la bouche' },
          doseAndRate: [
            { doseQuantity: { value: 500, unit: 'mg', system: FHIR.ucum, code: 'mg' } },
          ],
        },
      ],
      note: [{ text: 'مع الأكل', extension: [{ url: FHIR.language, valueCode: 'ar' }] }],
    });
    expect(JSON.stringify(med)).toContain('500 ملغ، مرتين في اليوم');
    // No "since": said to be unknown, not left out; old free-text doses go to notes.
    expect(old).toMatchObject({ status: 'completed', _effectiveDateTime: { extension: [{}] } });
    expect(old!.dosage).toBeUndefined();
    expect(JSON.stringify(old!.note)).toContain('مرتين');
  });

  it('codes reactions in SNOMED CT and keeps the patient’s own words in notes', () => {
    const bundle = buildIps(input({ entries: [penicillinAllergy] }));
    const [allergy] = ofType(bundle, 'AllergyIntolerance');
    expect(allergy).toMatchObject({
      verificationStatus: { coding: [{ code: 'unconfirmed' }] },
      criticality: 'high',
      code: { coding: [{ system: 'http://www.whocc.no/atc', code: 'J01C' }], text: 'Pénicillines' },
      reaction: [
        {
          severity: 'severe',
          manifestation: [
            { coding: [{ system: FHIR.snomed, code: '126485001' }], text: 'Urticaire' },
            { coding: [{ system: FHIR.snomed, code: '39579001' }], text: 'Choc anaphylactique' },
          ],
        },
      ],
    });
    const notes = JSON.stringify(allergy!.note);
    expect(notes).toContain('تورم الحلق');
    expect(notes).toContain('"valueCode":"ar"');
    // Carnet's own words are never passed off as the code system's display.
    expect(JSON.stringify(bundle)).not.toContain('"display":"Pénicillines"');
    expect(JSON.stringify((allergy!.code as { _text: unknown })._text)).toContain('البنسلين');
  });

  it('names the patient in Latin letters and in her own script, and says what is unknown', () => {
    const bundle = buildIps(input({ profile: { ...profile, birthDate: undefined } }));
    const [patient] = ofType(bundle, 'Patient');
    expect(patient!.name).toEqual([
      { use: 'official', text: 'Amina RAHIMI', family: 'RAHIMI', given: ['Amina'] },
      {
        use: 'usual',
        text: 'أمينة رحيمي',
        extension: [{ url: FHIR.language, valueCode: 'ar' }],
      },
    ]);
    expect(patient!._birthDate).toEqual({
      extension: [{ url: FHIR.dataAbsentReason, valueCode: 'unknown' }],
    });
    expect(fhirSchemaErrors(bundle)).toEqual([]);
  });

  it('says each item was recorded by the patient, with UCUM units and unknown dates marked', () => {
    const bundle = buildIps(input());
    const [imm] = ofType(bundle, 'Immunization');
    expect(imm).toMatchObject({
      primarySource: false,
      _occurrenceDateTime: { extension: [{ valueCode: 'unknown' }] },
    });
    const [obs] = ofType(bundle, 'Observation');
    expect(obs!.valueQuantity).toEqual({
      value: 7.2,
      unit: '%',
      system: FHIR.ucum,
      code: '%',
    });
    expect(obs!.performer).toEqual([{ reference: bundle.entry[1]!.fullUrl }]);
    const [cond] = ofType(bundle, 'Condition');
    expect(cond!.verificationStatus).toEqual({
      coding: [{ system: FHIR.conditionVerification, code: 'unconfirmed' }],
    });
  });

  it('writes narratives with dose, value, date and status, escaping typed text', () => {
    const bundle = buildIps(input());
    const div = (title: string) => sections(bundle).find((s) => s.title === title)!.text.div;
    expect(div('Traitements')).toContain('Metformine — 500 mg, 2 fois par jour');
    expect(div('Traitements')).toContain('depuis 05/2023 — en cours');
    expect(div('Résultats')).toContain('HbA1c (hémoglobine glyquée) — 7,2 % — le 02/10/2026');
    expect(div('Problèmes de santé')).toContain('&lt;b&gt;fortes');
    expect(div('Problèmes de santé')).toContain('actif');
    expect(div('Vaccinations')).toContain('date inconnue');
    expect(div('Droits et couverture maladie')).toContain('valable jusqu’au 31/01/2027');
    const json = JSON.stringify(bundle);
    expect(json).not.toContain('private note');
    expect(json).not.toContain('<b>fortes</b></li>');
  });
});
