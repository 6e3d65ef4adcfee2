import { CODE_SYSTEM_URIS, UCUM_SYSTEM_URI } from '../vocab/index.ts';

/**
 * The small slice of FHIR R4 JSON that Carnet writes. Loose on purpose: resources are plain
 * objects validated against the official FHIR R4 JSON schema in the tests.
 */
export type FhirResource = { resourceType: string; id?: string } & Record<string, unknown>;

export interface FhirBundleEntry {
  fullUrl: string;
  resource: FhirResource;
}

export interface FhirBundle {
  resourceType: 'Bundle';
  id?: string;
  language?: string;
  identifier?: { system: string; value: string };
  type: 'document' | 'collection';
  timestamp: string;
  entry: FhirBundleEntry[];
}

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
  _display?: { extension: unknown[] };
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
  _text?: { extension: unknown[] };
}

/**
 * Canonical URLs Carnet writes and reads: the one place they are spelled. The `carnet*`
 * systems name Carnet's own codes; they are identifiers, never fetched.
 */
export const FHIR = {
  loinc: CODE_SYSTEM_URIS.loinc,
  snomed: CODE_SYSTEM_URIS.snomed,
  ucum: UCUM_SYSTEM_URI,
  absentUnknown: 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips',
  translation: 'http://hl7.org/fhir/StructureDefinition/translation',
  /** The human language of a string, Annotation or HumanName (R4 core extension). */
  language: 'http://hl7.org/fhir/StructureDefinition/language',
  dataAbsentReason: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
  listEmptyReason: 'http://terminology.hl7.org/CodeSystem/list-empty-reason',
  interpreterRequired: 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired',
  bcp47: 'urn:ietf:bcp:47',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  immunizationOrigin: 'http://terminology.hl7.org/CodeSystem/immunization-origin',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  ipsComposition: 'http://hl7.org/fhir/uv/ips/StructureDefinition/Composition-uv-ips',
  /** Who a Carnet share was made for (Composition.category): `doctor`, `social`, `custom`. */
  carnetAudience: 'urn:carnet:share-audience',
  /** The kind of an administrative paper (Coverage.type): `AME`, `residence-receipt`... */
  carnetPaperKind: 'urn:carnet:paper-kind',
} as const;

/** IPS section codes (LOINC), in the order a doctor reads them. */
export const IPS_SECTIONS = {
  allergies: { code: '48765-2', display: 'Allergies and adverse reactions Document' },
  medications: { code: '10160-0', display: 'History of Medication use Narrative' },
  problems: { code: '11450-4', display: 'Problem list - Reported' },
  immunizations: { code: '11369-6', display: 'History of Immunization Narrative' },
  results: { code: '30954-2', display: 'Relevant diagnostic tests/laboratory data Narrative' },
  coverage: { code: '48768-6', display: 'Payment sources Document' },
  pastIllness: { code: '11348-0', display: 'History of Past illness Narrative' },
  planOfCare: { code: '18776-5', display: 'Plan of care note' },
  socialHistory: { code: '29762-2', display: 'Social history Narrative' },
} as const;
export type IpsSectionName = keyof typeof IPS_SECTIONS;
