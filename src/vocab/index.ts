/**
 * Carnet's coded medical vocabulary: terms (ICD-10, ATC, LOINC, SNOMED CT...) with stable
 * translation keys, and the search behind the term picker. Core layer: no i18next, no React.
 */
export type { CodeSystem, LabelMap, Term, TermKind } from './types.ts';
export {
  CODE_SYSTEMS,
  CODE_SYSTEM_URIS,
  TERM_KINDS,
  TERM_KIND_OF_ENTRY,
  UCUM_SYSTEM_URI,
} from './types.ts';
export { TERMS, VOCAB_NAMESPACE, termByCode, termByKey, termsOfKind } from './terms.ts';
export { REACTIONS } from './data/reactions.ts';
export { ROUTES } from './data/routes.ts';
export { MatchRank, searchTerms } from './search.ts';
export type { SearchHit, SearchOptions } from './search.ts';
export { labelOf, toLabelMap } from './labels.ts';
export { foldCode, foldText } from './normalize.ts';
export {
  isValidAtc,
  isValidCode,
  isValidIcd10,
  isValidLoinc,
  isValidSctid,
  loincCheckDigit,
  verhoeffCheckDigit,
} from './codes.ts';
