/**
 * The shape of Carnet's coded vocabulary. A term names a code in a code system and the
 * translation key of its label; the labels themselves live in
 * public/locales/<lng>/vocab.json, one flat JSON object per language keyed by `key`.
 */

/** What a term can name, matching the kinds of record entry that use a code. */
export const TERM_KINDS = ['condition', 'medication', 'allergy', 'vaccine', 'test'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/**
 * Code systems in use:
 * - `icd10`: WHO ICD-10 (conditions);
 * - `icd10-cm`: the US clinical modification, only where WHO ICD-10 has no code
 *   (female genital mutilation, N90.81x);
 * - `atc`: WHO Anatomical Therapeutic Chemical classification (medicines, drug allergens,
 *   vaccines under J07);
 * - `loinc`: LOINC (lab tests and measurements);
 * - `carnet-allergen`: Carnet's own identifiers for non-drug allergens (peanut, latex...).
 */
export const CODE_SYSTEMS = ['icd10', 'icd10-cm', 'atc', 'loinc', 'carnet-allergen'] as const;
export type CodeSystem = (typeof CODE_SYSTEMS)[number];

/** Canonical URIs of each system, as FHIR `Coding.system` expects them. */
export const CODE_SYSTEM_URIS: Readonly<Record<CodeSystem, string>> = {
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  'icd10-cm': 'http://hl7.org/fhir/sid/icd-10-cm',
  atc: 'http://www.whocc.no/atc',
  loinc: 'http://loinc.org',
  'carnet-allergen': 'urn:carnet:allergen',
};

/** One coded term. Codes are written as their system prints them (`A15.0`, `J01CA04`, `4548-4`). */
export interface Term {
  readonly system: CodeSystem;
  readonly code: string;
  readonly kind: TermKind;
  /**
   * Stable translation key in the `vocab` namespace, `<kind>.<name>`. It never changes
   * meaning once shipped: a corrected term gets a new key.
   */
  readonly key: string;
  /**
   * Present on terms that reveal something the patient may want to keep to themselves
   * (HIV, hepatitis, mental health, sexual health, pregnancy, excision, violence, and the
   * medicines and tests that point to them). Entries made from them start out sensitive,
   * so they are left out of shares unless the patient picks them.
   */
  readonly sensitive?: true;
  /** Tests only: the unit French labs usually print; absent for qualitative results. */
  readonly unit?: string;
}

/** Labels of one language: vocabulary key -> label, as read from `vocab.json`. */
export type LabelMap = Readonly<Record<string, string>>;

/**
 * The term kind a record entry kind picks from (`vaccination` entries pick `vaccine` terms,
 * `result` entries pick `test` terms); entry kinds without coded terms are absent.
 */
export const TERM_KIND_OF_ENTRY = {
  condition: 'condition',
  allergy: 'allergy',
  medication: 'medication',
  vaccination: 'vaccine',
  result: 'test',
} as const satisfies Readonly<Record<string, TermKind>>;
