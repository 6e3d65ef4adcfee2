/**
 * The shape of Carnet's coded vocabulary. A term names a code in a code system and the
 * translation key of its label; the labels themselves live in
 * public/locales/<lng>/vocab.json, one flat JSON object per language keyed by `key`.
 */

/**
 * What a term can name: the kinds of record entry that pick a coded term (see
 * {@link TERM_KIND_OF_ENTRY}), plus the details of an entry that are coded too: `reaction`
 * (what an allergy did: hives, anaphylaxis...) and `route` (how a medicine is taken). No
 * entry picker offers `reaction` or `route` terms.
 */
export const TERM_KINDS = [
  'condition',
  'medication',
  'allergy',
  'vaccine',
  'test',
  'reaction',
  'route',
] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/**
 * Code systems in use:
 * - `icd10`: WHO ICD-10 (conditions);
 * - `icd10-cm`: the US clinical modification, only where WHO ICD-10 has no code
 *   (female genital mutilation, N90.81x);
 * - `atc`: WHO Anatomical Therapeutic Chemical classification (medicines, drug allergens,
 *   vaccines under J07);
 * - `loinc`: LOINC (lab tests and measurements);
 * - `snomed`: SNOMED CT, International Edition concept identifiers (SCTIDs): non-drug
 *   allergens as substances (`762952008` peanut), allergic reaction manifestations
 *   (`39579001` anaphylaxis) and routes of administration (`26643006` oral route), the
 *   codes the International Patient Summary prefers;
 * - `carnet-allergen`: Carnet's own identifiers for non-drug allergens (`treeNuts`...).
 *   Used only where no SNOMED CT substance code was confirmed; kept for good because
 *   entries stored earlier carry it (their key still finds today's term).
 */
export type CodeSystem = 'icd10' | 'icd10-cm' | 'atc' | 'loinc' | 'snomed' | 'carnet-allergen';

/** Canonical URIs of each system, as FHIR `Coding.system` expects them. */
export const CODE_SYSTEM_URIS: Readonly<Record<CodeSystem, string>> = {
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  'icd10-cm': 'http://hl7.org/fhir/sid/icd-10-cm',
  atc: 'http://www.whocc.no/atc',
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  'carnet-allergen': 'urn:carnet:allergen',
};

/** The UCUM code system, as FHIR `Quantity.system` expects it for {@link Term.ucum} codes. */
export const UCUM_SYSTEM_URI = 'http://unitsofmeasure.org';

/**
 * One coded term. Codes are written as their system prints them (`A15.0`, `J01CA04`,
 * `4548-4`, `762952008`).
 */
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
  /**
   * Tests only, present exactly when `unit` is: the same unit as a UCUM code, the form a
   * FHIR `Quantity.code` takes with `system` {@link UCUM_SYSTEM_URI} (`µmol/L` is
   * `umol/L`, `G/L` is `10*9/L`, `mUI/L` is `m[IU]/L`). `unit` stays what the patient
   * sees; `ucum` is what a machine reads.
   */
  readonly ucum?: string;
}

/** Labels of one language: vocabulary key -> label, as read from `vocab.json`. */
export type LabelMap = Readonly<Record<string, string>>;

/**
 * The term kind a record entry kind picks from (`vaccination` entries pick `vaccine` terms,
 * `result` entries pick `test` terms); entry kinds without coded terms are absent. The
 * detail kinds `reaction` and `route` are never here: no entry is a reaction or a route.
 */
export const TERM_KIND_OF_ENTRY = {
  condition: 'condition',
  allergy: 'allergy',
  medication: 'medication',
  vaccination: 'vaccine',
  result: 'test',
} as const satisfies Readonly<Record<string, TermKind>>;
