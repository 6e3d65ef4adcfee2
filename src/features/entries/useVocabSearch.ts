import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CLINICIAN_LANGUAGE } from '../../i18n/languages.ts';
import type { CodedTerm, EntryKind } from '../../record/types.ts';
import type { LabelMap, TermKind } from '../../vocab/index.ts';
import { TERM_KIND_OF_ENTRY, searchTerms } from '../../vocab/index.ts';

/** Which vocabulary each kind of entry picks from (none for notes and rights). */
const TERM_KIND: Partial<Record<EntryKind, TermKind>> = TERM_KIND_OF_ENTRY;

export interface VocabHit {
  term: CodedTerm;
  /** The label in the patient's language. */
  label: string;
  /** The label in French, shown beside it so the doctor's word is learnt too. */
  frenchLabel?: string;
  sensitive: boolean;
  unit?: string;
}

/** Searches the coded vocabulary in the UI language and in French. */
export function useVocabSearch(query: string, kind: EntryKind): VocabHit[] {
  const { i18n } = useTranslation('vocab');
  const lng = i18n.resolvedLanguage ?? CLINICIAN_LANGUAGE;
  return useMemo(() => {
    const termKind = TERM_KIND[kind];
    if (!termKind || !query.trim()) return [];
    const bundle = (code: string) =>
      (i18n.getResourceBundle(code, 'vocab') as LabelMap | undefined) ?? {};
    const labels = { [lng]: bundle(lng), [CLINICIAN_LANGUAGE]: bundle(CLINICIAN_LANGUAGE) };
    const languages = lng === CLINICIAN_LANGUAGE ? [lng] : [lng, CLINICIAN_LANGUAGE];
    return searchTerms(query, { kind: termKind, languages, labels, limit: 20 }).map(({ term }) => ({
      term: { system: term.system, code: term.code, key: term.key },
      label: labels[lng]?.[term.key] ?? labels[CLINICIAN_LANGUAGE]?.[term.key] ?? term.code,
      ...(lng !== CLINICIAN_LANGUAGE && labels[CLINICIAN_LANGUAGE]?.[term.key]
        ? { frenchLabel: labels[CLINICIAN_LANGUAGE][term.key] }
        : {}),
      sensitive: term.sensitive === true,
      ...(term.unit ? { unit: term.unit } : {}),
    }));
  }, [query, kind, lng, i18n]);
}
