/**
 * Carnet's coded medical vocabulary: terms (ICD-10, ATC, LOINC, SNOMED CT...) with stable
 * translation keys, and the search behind the term picker. Core layer: no i18next, no React.
 */
export type { LabelMap, TermKind } from './types.ts';
export { CODE_SYSTEM_URIS, TERM_KIND_OF_ENTRY, UCUM_SYSTEM_URI } from './types.ts';
export { termByKey, termsOfKind } from './terms.ts';
export { searchTerms } from './search.ts';
