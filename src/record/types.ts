/**
 * Carnet's domain model. These are the plaintext shapes that exist only in memory while
 * the vault is unlocked; storage sees them only sealed (see record/store.ts).
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
export interface CodedTerm {
  readonly system: string;
  readonly code: string;
  /** Stable vocabulary key, the label's translation key in `vocab:`. */
  readonly key: string;
}

/** An ISO calendar date, `YYYY-MM-DD`, or a partial `YYYY-MM` / `YYYY` when only that is known. */
export type IsoDate = string;

export const RIGHT_SCHEMES = ['AME', 'PUMa', 'CSS', 'other'] as const;
export type RightScheme = (typeof RIGHT_SCHEMES)[number];

export const ALLERGY_SEVERITIES = ['unknown', 'mild', 'severe'] as const;
export type AllergySeverity = (typeof ALLERGY_SEVERITIES)[number];

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

/** How often a medicine is taken. `times` and `hours` are whole numbers from 1. */
export type DoseFrequency =
  | { readonly per: 'day' | 'week'; readonly times: number }
  | { readonly per: 'hours'; readonly every: number };

/**
 * A structured dose, so a doctor reads "500 mg, 3 times a day, by mouth" in their own
 * language whatever language the patient uses. Every part is optional.
 */
export interface Dosage {
  /** How much per intake, in `unit` (decimal, greater than 0). */
  readonly amount?: number;
  readonly unit?: DoseUnit;
  readonly frequency?: DoseFrequency;
  /** Taken only when needed (pain, fever...). */
  readonly asNeeded?: boolean;
  /** Route of administration: a `route.*` vocabulary key (SNOMED CT route). */
  readonly route?: string;
}

/** The kinds of entry a patient can declare they have none of ("no known allergies"). */
export const DECLARABLE_KINDS = ['allergy', 'medication', 'condition'] as const;
export type DeclarableKind = (typeof DECLARABLE_KINDS)[number];

/** Kind-specific fields. Optional fields are absent, never empty strings. */
export type EntryDetails =
  | { kind: 'condition'; since?: IsoDate; active: boolean }
  | {
      kind: 'allergy';
      /** Coded reactions: `reaction.*` vocabulary keys (SNOMED CT manifestations). */
      reactions?: readonly string[];
      /** What happened, in the patient's words, when no code says it (language: textLang). */
      reaction?: string;
      severity: AllergySeverity;
    }
  | {
      kind: 'medication';
      dosage?: Dosage;
      /** Further instructions in the patient's words (language: textLang). */
      instructions?: string;
      /** Free-text dose written before doses were structured; kept, shown as written. */
      dose?: string;
      /** Free-text frequency written before doses were structured; kept, shown as written. */
      frequency?: string;
      since?: IsoDate;
      prescriber?: string;
      current: boolean;
    }
  | { kind: 'vaccination'; date?: IsoDate; doseNumber?: number }
  | { kind: 'result'; value?: string; unit?: string; date?: IsoDate }
  | { kind: 'right'; scheme: RightScheme; number?: string; validUntil?: IsoDate }
  | { kind: 'note'; date?: IsoDate };

/** One item of the record. Either `term` or `text` names it (both may be present). */
export interface Entry {
  readonly id: string;
  readonly profileId: string;
  /** What the entry is: a coded term where one exists... */
  readonly term?: CodedTerm;
  /** ...and/or free text, shown as written and labelled with its language. */
  readonly text?: string;
  /** BCP 47 tag of the language `text` (and other free text fields) was written in. */
  readonly textLang?: string;
  readonly details: EntryDetails;
  readonly provenance: Provenance;
  /** Sensitive items (HIV, mental health, pregnancy...) are left out of shares unless picked. */
  readonly sensitive: boolean;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type EntryOf<K extends EntryKind> = Entry & {
  readonly details: Extract<EntryDetails, { kind: K }>;
};

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** A name as written on official papers, in Latin letters (passport, asylum papers). */
export interface OfficialName {
  readonly family: string;
  /** Given names, space-separated as on the papers; absent when the papers have none. */
  readonly given?: string;
}

/** The patient or one of their children. */
export interface Profile {
  readonly id: string;
  /** The name as the person writes it, in their own script. */
  readonly name: string;
  /** The name in Latin letters as on official papers, which a French doctor can read. */
  readonly officialName?: OfficialName;
  readonly relation: 'self' | 'child';
  readonly birthDate?: IsoDate;
  readonly sex: Sex;
  /** The language the person speaks best (BCP 47). */
  readonly language: string;
  readonly interpreterNeeded: boolean;
  /**
   * The patient's own statements "I have no known allergies / medicines / health problems",
   * with when each was made (epoch ms). Only these produce a "no known ..." line in a share;
   * a section left out of a share is "not communicated", never "none". A statement counts
   * only while the profile has no entry of that kind (see record/declarations.ts).
   */
  readonly declaredNone?: Readonly<Partial<Record<DeclarableKind, number>>>;
  readonly createdAt: number;
  readonly updatedAt: number;
}
