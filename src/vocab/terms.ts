import { ALLERGENS } from './data/allergies.ts';
import { CONDITIONS } from './data/conditions.ts';
import { MEDICATIONS } from './data/medications.ts';
import { TESTS } from './data/tests.ts';
import { VACCINES } from './data/vaccines.ts';
import type { CodeSystem, Term, TermKind } from './types.ts';

/** The translation namespace that holds every term's label. */
export const VOCAB_NAMESPACE = 'vocab';

/** Every term, grouped by kind in the order the summary shows them. */
export const TERMS: readonly Term[] = [
  ...ALLERGENS,
  ...MEDICATIONS,
  ...CONDITIONS,
  ...VACCINES,
  ...TESTS,
];

const byKey = new Map<string, Term>(TERMS.map((t) => [t.key, t]));
const byCode = new Map<string, Term>(TERMS.map((t) => [`${t.system}|${t.code}`, t]));

/** The term with this vocabulary key, if any. */
export function termByKey(key: string): Term | undefined {
  return byKey.get(key);
}

/** The term with this code in this system (codes as printed: `A15.0`, `J01CA04`). */
export function termByCode(system: CodeSystem, code: string): Term | undefined {
  return byCode.get(`${system}|${code}`);
}

/** Terms of one kind, in list order. */
export function termsOfKind(kind: TermKind): readonly Term[] {
  return TERMS.filter((t) => t.kind === kind);
}
