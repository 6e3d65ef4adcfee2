import type { InferOutput } from 'valibot';
import type {
  CodedTermSchema,
  DosageSchema,
  EntryDetailsSchema,
  EntrySchema,
  ProfileSchema,
} from './schemas.ts';

/**
 * Carnet's domain model. These are the plaintext shapes that exist only in memory while
 * the vault is unlocked; storage sees them only sealed (see record/store.ts). The closed
 * lists live here; the shapes are defined once, as schemas (record/schemas.ts), and their
 * types inferred from them, so a stored record is checked against the very same shape.
 */

/** Kinds of entry, in the order the summary shows them: most important first. */
export const ENTRY_KINDS = [
  'allergy',
  'medication',
  'condition',
  'vaccination',
  'result',
  'right',
  'note',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Where an entry came from; a doctor weighs a copied lab result above a remembered one. */
export const PROVENANCES = ['patient', 'paper', 'clinician'] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** A term from a code system (ICD-10, WHO ATC, LOINC...), shown in any language by its key. */
export type CodedTerm = Readonly<InferOutput<typeof CodedTermSchema>>;

/** An ISO calendar date, `YYYY-MM-DD`, or a partial `YYYY-MM` / `YYYY` when only that is known. */
export type IsoDate = string;

/**
 * The administrative papers and rights a 'right' entry records, in the order the form
 * offers them: asylum papers, residence, then health cover. Stored by these ids (labels
 * `entry:scheme.<id>`); a new one is only ever appended to the picklist, so a record
 * written before it still opens.
 */
export const RIGHT_SCHEMES = [
  'asylum-claim',
  'ofpra-decision',
  'cnda-decision',
  'domiciliation',
  'residence-permit',
  'residence-receipt',
  'AME',
  'CSS',
  'PUMa',
  'other',
] as const;
export type RightScheme = (typeof RIGHT_SCHEMES)[number];

/** Health cover (Assurance Maladie): what a FHIR Coverage pays for. */
export const INSURANCE_SCHEMES: readonly RightScheme[] = ['AME', 'CSS', 'PUMa'];

/**
 * Asylum papers, marked sensitive as soon as they are picked (the patient may unmark them),
 * like asylum papers among documents: they could harm a claim in the wrong hands.
 */
export const SENSITIVE_SCHEMES: readonly RightScheme[] = [
  'asylum-claim',
  'ofpra-decision',
  'cnda-decision',
];

export const ALLERGY_SEVERITIES = ['unknown', 'mild', 'severe'] as const;

/**
 * Units a dose is counted in: masses, volumes and international units, then the forms a
 * patient counts (tablets, drops...). Labels are `entry:dosage.unit.<id>` with plurals.
 */
export const DOSE_UNITS = [
  'mg',
  'g',
  'µg',
  'mL',
  'IU',
  'tablet',
  'capsule',
  'drop',
  'puff',
  'sachet',
  'application',
  'suppository',
  'patch',
] as const;
export type DoseUnit = (typeof DOSE_UNITS)[number];

/** A structured dose: amount and unit, how often, route, when needed. */
export type Dosage = Readonly<InferOutput<typeof DosageSchema>>;
/** How often a medicine is taken. `times` and `every` (hours) are whole numbers from 1. */
export type DoseFrequency = NonNullable<Dosage['frequency']>;

/** The kinds of entry a patient can declare they have none of ("no known allergies"). */
export const DECLARABLE_KINDS = ['allergy', 'medication', 'condition'] as const;
export type DeclarableKind = (typeof DECLARABLE_KINDS)[number];

/** Kind-specific fields. Optional fields are absent, never empty strings. */
export type EntryDetails = InferOutput<typeof EntryDetailsSchema>;

/** One item of the record. Either `term` or `text` names it (both may be present). */
export type Entry = Readonly<InferOutput<typeof EntrySchema>>;

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;

/** ABO and RhD blood groups, as written on a French blood group card. */
export const BLOOD_GROUPS = ['O+', 'O-', 'A+', 'A-', 'B+', 'B-', 'AB+', 'AB-'] as const;
export type BloodGroup = (typeof BLOOD_GROUPS)[number];
export type Sex = (typeof SEXES)[number];

/** The patient or one of their children (see ProfileSchema for each field). */
export type Profile = Readonly<InferOutput<typeof ProfileSchema>>;
