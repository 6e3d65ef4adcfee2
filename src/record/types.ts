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

/** Kind-specific fields. Optional fields are absent, never empty strings. */
export type EntryDetails =
  | { kind: 'condition'; since?: IsoDate; active: boolean }
  | { kind: 'allergy'; reaction?: string; severity: AllergySeverity }
  | {
      kind: 'medication';
      dose?: string;
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

/** The patient or one of their children. */
export interface Profile {
  readonly id: string;
  readonly name: string;
  readonly relation: 'self' | 'child';
  readonly birthDate?: IsoDate;
  readonly sex: Sex;
  /** The language the person speaks best (BCP 47). */
  readonly language: string;
  readonly interpreterNeeded: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
}
