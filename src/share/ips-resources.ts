import type { Entry, Profile } from '../record/types.ts';
import type { LabelMap } from '../vocab/index.ts';
import { CODE_SYSTEM_URIS, termByKey } from '../vocab/index.ts';
import type { CodeableConcept, Coding, FhirResource } from './fhir-types.ts';
import { FHIR } from './fhir-types.ts';

/** Labels the bundle is written with: French always, the patient's language beside it. */
export interface IpsLabels {
  readonly fr: LabelMap;
  readonly patient?: { readonly lng: string; readonly labels: LabelMap };
}

function translation(lng: string, content: string) {
  return {
    extension: [
      {
        url: FHIR.translation,
        extension: [
          { url: 'lang', valueCode: lng },
          { url: 'content', valueString: content },
        ],
      },
    ],
  };
}

/**
 * The entry as a CodeableConcept: its code with the French display and the patient's
 * language as a FHIR translation; free text as `text`, as the patient wrote it.
 */
export function conceptOf(entry: Entry, labels: IpsLabels): CodeableConcept {
  const concept: CodeableConcept = {};
  if (entry.term) {
    const term = termByKey(entry.term.key);
    const system = term ? CODE_SYSTEM_URIS[term.system] : undefined;
    const fr = labels.fr[entry.term.key];
    const coding: Coding = { ...(system ? { system } : {}), code: entry.term.code };
    if (fr) coding.display = fr;
    const own = labels.patient?.labels[entry.term.key];
    if (labels.patient && own && labels.patient.lng !== 'fr') {
      coding._display = translation(labels.patient.lng, own);
    }
    concept.coding = [coding];
  }
  const text = entry.text ?? (entry.term ? labels.fr[entry.term.key] : undefined);
  if (text) concept.text = text;
  return concept;
}

/** FHIR dateTime accepts YYYY, YYYY-MM and YYYY-MM-DD as they are. */
const date = (d: string | undefined) => d;

function ref(fullUrl: string) {
  return { reference: fullUrl };
}

/** The Patient: name, birth date, sex, language spoken and whether an interpreter is needed. */
export function patientResource(profile: Profile): FhirResource {
  const gender = { female: 'female', male: 'male', other: 'other', unknown: 'unknown' }[
    profile.sex
  ];
  return {
    resourceType: 'Patient',
    extension: [{ url: FHIR.interpreterRequired, valueBoolean: profile.interpreterNeeded }],
    name: [{ text: profile.name }],
    gender,
    ...(profile.birthDate ? { birthDate: profile.birthDate } : {}),
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

/** One record entry as its IPS resource, or null for kinds IPS has no resource for. */
export function entryResource(
  entry: Entry,
  patient: string,
  labels: IpsLabels,
): FhirResource | null {
  const code = conceptOf(entry, labels);
  const d = entry.details;
  const subject = ref(patient);
  switch (d.kind) {
    case 'allergy':
      return {
        resourceType: 'AllergyIntolerance',
        clinicalStatus: { coding: [{ system: FHIR.allergyClinical, code: 'active' }] },
        code,
        patient: subject,
        criticality: { severe: 'high', mild: 'low', unknown: 'unable-to-assess' }[d.severity],
        ...(d.reaction
          ? { reaction: [{ manifestation: [{ text: d.reaction }], description: d.reaction }] }
          : {}),
      };
    case 'medication': {
      const dosage = [d.dose, d.frequency].filter(Boolean).join(', ');
      return {
        resourceType: 'MedicationStatement',
        status: d.current ? 'active' : 'completed',
        medicationCodeableConcept: code,
        subject,
        ...(d.since ? { effectivePeriod: { start: date(d.since) } } : {}),
        ...(d.prescriber ? { informationSource: { display: d.prescriber } } : {}),
        ...(dosage ? { dosage: [{ text: dosage }] } : {}),
      };
    }
    case 'condition':
      return {
        resourceType: 'Condition',
        clinicalStatus: {
          coding: [{ system: FHIR.conditionClinical, code: d.active ? 'active' : 'resolved' }],
        },
        code,
        subject,
        ...(d.since ? { onsetDateTime: date(d.since) } : {}),
      };
    case 'vaccination':
      return {
        resourceType: 'Immunization',
        status: 'completed',
        vaccineCode: code,
        patient: subject,
        // occurrence[x] is required: an unknown date is said in words, not invented.
        ...(d.date ? { occurrenceDateTime: date(d.date) } : { occurrenceString: 'date inconnue' }),
        ...(d.doseNumber ? { protocolApplied: [{ doseNumberPositiveInt: d.doseNumber }] } : {}),
      };
    case 'result': {
      const numeric = d.value !== undefined && /^-?\d+([.,]\d+)?$/.test(d.value);
      return {
        resourceType: 'Observation',
        status: 'final',
        category: [
          {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/observation-category',
                code: 'laboratory',
              },
            ],
          },
        ],
        code,
        subject,
        ...(d.date ? { effectiveDateTime: date(d.date) } : {}),
        ...(numeric
          ? {
              valueQuantity: {
                value: Number(d.value!.replace(',', '.')),
                ...(d.unit ? { unit: d.unit } : {}),
              },
            }
          : d.value
            ? { valueString: [d.value, d.unit].filter(Boolean).join(' ') }
            : {}),
      };
    }
    case 'right':
      return {
        resourceType: 'Coverage',
        status: 'active',
        type: { text: d.scheme },
        beneficiary: subject,
        ...(d.number ? { subscriberId: d.number } : {}),
        ...(d.validUntil ? { period: { end: date(d.validUntil) } } : {}),
        payor: [
          {
            display:
              d.scheme === 'other' ? (entry.text ?? 'Assurance Maladie') : 'Assurance Maladie',
          },
        ],
      };
    case 'note':
      return null;
  }
}

/** The IPS way of saying "none": a resource coded from the absent/unknown code system. */
export function absentResource(
  kind: 'allergies' | 'medications' | 'problems',
  patient: string,
): FhirResource {
  const code = (c: string, display: string) => ({
    coding: [{ system: FHIR.absentUnknown, code: c, display }],
  });
  switch (kind) {
    case 'allergies':
      return {
        resourceType: 'AllergyIntolerance',
        code: code('no-known-allergies', 'No known allergies'),
        patient: ref(patient),
      };
    case 'medications':
      return {
        resourceType: 'MedicationStatement',
        status: 'unknown',
        medicationCodeableConcept: code('no-known-medications', 'No known medications'),
        subject: ref(patient),
      };
    case 'problems':
      return {
        resourceType: 'Condition',
        code: code('no-known-problems', 'No known problems'),
        subject: ref(patient),
      };
  }
}
