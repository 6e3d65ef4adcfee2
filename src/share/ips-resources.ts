import type { Entry, Profile } from '../record/types.ts';
import { INSURANCE_SCHEMES } from '../record/types.ts';
import { termByKey } from '../vocab/index.ts';
import type { FhirResource } from './fhir-types.ts';
import { FHIR } from './fhir-types.ts';
import type { IpsLabels } from './fhir-write.ts';
import { absent, conceptOf, conceptOfKey, entryNotes, languageOf, ref } from './fhir-write.ts';
import type { DosePhrases } from './ips-dosage.ts';
import { fhirDosage, hasDosage } from './ips-dosage.ts';

/**
 * One FHIR resource per record entry, shaped to the IPS 1.1 profiles. Everything in
 * Carnet is written by the patient, and each resource says so: allergies and problems
 * are `unconfirmed`, vaccinations are not from the primary source, results were
 * recorded by the patient. A required value that is unknown carries a data-absent-reason
 * rather than being invented or dropped.
 */

/** Words the resources are written with: vocabulary labels and dose phrases. */
export interface ResourceWords {
  readonly labels: IpsLabels;
  readonly dose: DosePhrases;
  /** French labels of right schemes (AME, PUMa, CSS, asylum papers, residence...). */
  readonly schemes: Readonly<Record<string, string>>;
}

const UNCONFIRMED = (system: string) => ({ coding: [{ system, code: 'unconfirmed' }] });

/** The Patient: names, birth date, sex, language spoken and whether an interpreter is needed. */
export function patientResource(profile: Profile): FhirResource {
  const official = profile.officialName;
  const officialText = official
    ? [official.given, official.family].filter(Boolean).join(' ')
    : undefined;
  const names = [
    ...(official
      ? [
          {
            use: 'official',
            text: officialText,
            family: official.family,
            ...(official.given ? { given: official.given.split(/\s+/).filter(Boolean) } : {}),
          },
        ]
      : []),
    // The name as the patient writes it, in their own script, labelled with its language.
    ...(profile.name !== officialText
      ? [{ use: 'usual', text: profile.name, extension: [languageOf(profile.language)] }]
      : []),
  ];
  return {
    resourceType: 'Patient',
    extension: [{ url: FHIR.interpreterRequired, valueBoolean: profile.interpreterNeeded }],
    name: names,
    gender: profile.sex,
    ...(profile.birthDate ? { birthDate: profile.birthDate } : { _birthDate: absent() }),
    communication: [
      {
        language: {
          coding: [{ system: FHIR.bcp47, code: profile.language }],
          text: profile.language,
        },
        preferred: true,
      },
    ],
  };
}

function allergy(
  entry: Entry & { details: { kind: 'allergy' } },
  patient: string,
  w: ResourceWords,
) {
  const d = entry.details;
  const reactions = d.reactions ?? [];
  return {
    resourceType: 'AllergyIntolerance',
    clinicalStatus: { coding: [{ system: FHIR.allergyClinical, code: 'active' }] },
    verificationStatus: UNCONFIRMED(FHIR.allergyVerification),
    code: conceptOf(entry, w.labels),
    patient: ref(patient),
    criticality: { severe: 'high', mild: 'low', unknown: 'unable-to-assess' }[d.severity],
    ...(reactions.length > 0
      ? {
          reaction: [
            {
              manifestation: reactions.map((key) => conceptOfKey(key, w.labels)),
              ...(d.severity !== 'unknown' ? { severity: d.severity } : {}),
            },
          ],
        }
      : {}),
    ...entryNotes(entry, [d.reaction]),
  };
}

function medication(
  entry: Entry & { details: { kind: 'medication' } },
  patient: string,
  w: ResourceWords,
) {
  const d = entry.details;
  return {
    resourceType: 'MedicationStatement',
    status: d.current ? 'active' : 'completed',
    medicationCodeableConcept: conceptOf(entry, w.labels),
    subject: ref(patient),
    // effective[x] is required by IPS: "since when" unknown is said, not invented.
    ...(d.since ? { effectivePeriod: { start: d.since } } : { _effectiveDateTime: absent() }),
    ...(d.prescriber ? { informationSource: { display: d.prescriber } } : {}),
    ...(hasDosage(d.dosage) ? { dosage: [fhirDosage(d.dosage, w.labels, w.dose)] } : {}),
    // Words the patient wrote (instructions, and doses typed before they were structured).
    ...entryNotes(entry, [d.instructions, d.dose, d.frequency]),
  };
}

function result(entry: Entry & { details: { kind: 'result' } }, patient: string, w: ResourceWords) {
  const d = entry.details;
  const numeric = d.value !== undefined && /^-?\d+([.,]\d+)?$/.test(d.value);
  const term = entry.term ? termByKey(entry.term.key) : undefined;
  // UCUM only when the unit is the one the vocabulary knows; other units stay as written.
  const ucum = term?.ucum && d.unit === term.unit ? term.ucum : undefined;
  return {
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ system: FHIR.observationCategory, code: 'laboratory' }] }],
    code: conceptOf(entry, w.labels),
    subject: ref(patient),
    ...(d.date ? { effectiveDateTime: d.date } : { _effectiveDateTime: absent() }),
    // Carnet's results are copied by the patient from a paper, and the resource says so.
    performer: [ref(patient)],
    ...(numeric
      ? {
          valueQuantity: {
            value: Number(d.value!.replace(',', '.')),
            ...(d.unit ? { unit: d.unit } : {}),
            ...(ucum ? { system: FHIR.ucum, code: ucum } : {}),
          },
        }
      : d.value
        ? { valueString: [d.value, d.unit].filter(Boolean).join(' ') }
        : {}),
    ...entryNotes(entry),
  };
}

/** One record entry as its IPS resource, or null for kinds IPS has no resource for. */
export function entryResource(
  entry: Entry,
  patient: string,
  w: ResourceWords,
): FhirResource | null {
  const d = entry.details;
  const subject = ref(patient);
  switch (d.kind) {
    case 'allergy':
      return allergy({ ...entry, details: d }, patient, w);
    case 'medication':
      return medication({ ...entry, details: d }, patient, w);
    case 'condition':
      return {
        resourceType: 'Condition',
        clinicalStatus: {
          coding: [{ system: FHIR.conditionClinical, code: d.active ? 'active' : 'resolved' }],
        },
        verificationStatus: UNCONFIRMED(FHIR.conditionVerification),
        code: conceptOf(entry, w.labels),
        subject,
        ...(d.since ? { onsetDateTime: d.since } : {}),
        ...entryNotes(entry),
      };
    case 'vaccination':
      return {
        resourceType: 'Immunization',
        status: 'completed',
        vaccineCode: conceptOf(entry, w.labels),
        patient: subject,
        // occurrence[x] is required: an unknown date is said, not invented.
        ...(d.date ? { occurrenceDateTime: d.date } : { _occurrenceDateTime: absent() }),
        primarySource: false,
        reportOrigin: {
          coding: [
            {
              system: FHIR.immunizationOrigin,
              code: entry.provenance === 'paper' ? 'record' : 'recall',
            },
          ],
        },
        ...(d.doseNumber ? { protocolApplied: [{ doseNumberPositiveInt: d.doseNumber }] } : {}),
        ...entryNotes(entry),
      };
    case 'result':
      return result({ ...entry, details: d }, patient, w);
    case 'right': {
      // "AME", "Titre de séjour", or the patient's own words for another paper or cover.
      const scheme = d.scheme === 'other' ? undefined : (w.schemes[d.scheme] ?? d.scheme);
      const name = [scheme, entry.text].filter(Boolean).join(' — ');
      const period = {
        ...(d.validFrom ? { start: d.validFrom } : {}),
        ...(d.validUntil ? { end: d.validUntil } : {}),
      };
      // Who issued it when the patient said; else the Assurance Maladie for health cover,
      // and the paper's own name for the others (a prefecture, OFPRA...).
      const payor =
        d.issuer ??
        (INSURANCE_SCHEMES.includes(d.scheme) ? 'Assurance Maladie' : (scheme ?? entry.text));
      return {
        resourceType: 'Coverage',
        status: 'active',
        // The kind as a code too, so that Carnet reads back the same kind of paper.
        type: {
          coding: [{ system: FHIR.carnetPaperKind, code: d.scheme }],
          text: name || (w.schemes.other ?? 'other'),
        },
        beneficiary: subject,
        ...(d.number ? { subscriberId: d.number } : {}),
        ...(d.validFrom || d.validUntil ? { period } : {}),
        payor: [{ display: payor ?? 'Assurance Maladie' }],
      };
    }
    case 'note':
      return null;
  }
}

/** What an empty required section holds, by IPS 1.1 absent/unknown code. */
const ABSENT_CODES = {
  allergies: { known: 'no-known-allergies', info: 'no-allergy-info' },
  medications: { known: 'no-known-medications', info: 'no-medication-info' },
  problems: { known: 'no-known-problems', info: 'no-problem-info' },
} as const;

/**
 * The resource that fills an empty required section (IPS 1.1 requires an entry):
 * - with `declaredAt`, the patient's own "no known allergies / medications / problems"
 *   (the only way Carnet ever writes a no-known code);
 * - without it, "no information": the patient did not communicate this section, whether
 *   they have nothing recorded or chose not to share it (the same code either way, so a
 *   share never reveals that something was held back).
 */
export function absentResource(
  kind: 'allergies' | 'medications' | 'problems',
  patient: string,
  declaredAt?: string,
): FhirResource {
  const code = declaredAt ? ABSENT_CODES[kind].known : ABSENT_CODES[kind].info;
  const concept = { coding: [{ system: FHIR.absentUnknown, code }] };
  const clinical = (system: string) => ({ coding: [{ system, code: 'active' }] });
  switch (kind) {
    case 'allergies':
      return {
        resourceType: 'AllergyIntolerance',
        clinicalStatus: clinical(FHIR.allergyClinical),
        ...(declaredAt ? { verificationStatus: UNCONFIRMED(FHIR.allergyVerification) } : {}),
        code: concept,
        patient: ref(patient),
        ...(declaredAt ? { recordedDate: declaredAt } : {}),
      };
    case 'medications':
      return {
        resourceType: 'MedicationStatement',
        status: declaredAt ? 'active' : 'unknown',
        medicationCodeableConcept: concept,
        subject: ref(patient),
        ...(declaredAt ? { effectiveDateTime: declaredAt } : { _effectiveDateTime: absent() }),
      };
    case 'problems':
      return {
        resourceType: 'Condition',
        clinicalStatus: clinical(FHIR.conditionClinical),
        ...(declaredAt ? { verificationStatus: UNCONFIRMED(FHIR.conditionVerification) } : {}),
        code: concept,
        subject: ref(patient),
        ...(declaredAt ? { recordedDate: declaredAt } : {}),
      };
  }
}
