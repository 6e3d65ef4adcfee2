import type { LabelMap, Term } from './types.ts';

/**
 * Turns a parsed `vocab.json` into a label map. The files are flat (`"condition.asthma":
 * "Asthme"`), but nested objects are accepted too and flattened with dots, so either
 * layout gives the same keys. Values that are not strings are ignored.
 */
export function toLabelMap(json: unknown): LabelMap {
  const out: Record<string, string> = {};
  const walk = (value: unknown, prefix: string): void => {
    if (typeof value === 'string') {
      if (prefix) out[prefix] = value;
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  walk(json, '');
  return out;
}

/**
 * The label of `term` in the first language of `languages` that has one, with that
 * language; undefined when none has it (callers then show the code).
 */
export function labelOf(
  term: Pick<Term, 'key'>,
  languages: readonly string[],
  labels: Readonly<Record<string, LabelMap>>,
): { label: string; language: string } | undefined {
  for (const language of languages) {
    const label = labels[language]?.[term.key];
    if (label) return { label, language };
  }
  return undefined;
}
