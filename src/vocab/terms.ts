import { ALLERGENS } from './data/allergies.ts';
import { CONDITIONS } from './data/conditions.ts';
import { MEDICATIONS } from './data/medications.ts';
import { REACTIONS } from './data/reactions.ts';
import { ROUTES } from './data/routes.ts';
import { TESTS } from './data/tests.ts';
import { VACCINES } from './data/vaccines.ts';
import type { CodeSystem, Term, TermKind } from './types.ts';

/**
 * Every term, grouped by kind in the order the summary shows them. Reactions and routes are
 * here so that their labels are checked and looked up like any other; the entry pickers
 * never offer them, because they always search one entry kind (see `TERM_KIND_OF_ENTRY`).
 */
export const TERMS: readonly Term[] = [
  ...ALLERGENS,
  ...MEDICATIONS,
  ...CONDITIONS,
  ...VACCINES,
  ...TESTS,
  ...REACTIONS,
  ...ROUTES,
];

const byKey = new Map<string, Term>(TERMS.map((t) => [t.key, t]));
const byCode = new Map<string, Term>(TERMS.map((t) => [`${t.system}|${t.code}`, t]));

/**
 * Allergens that moved from `carnet-allergen` to SNOMED CT keep answering to their old code,
 * which was always the key's name (`carnet-allergen|peanut` for `allergy.peanut`), so codes
 * stored or shared before the move still find their term.
 */
for (const term of ALLERGENS) {
  if (term.system !== 'snomed') continue;
  const legacy = `carnet-allergen|${term.key.slice('allergy.'.length)}`;
  if (!byCode.has(legacy)) byCode.set(legacy, term);
}

/** The term with this vocabulary key, if any. */
export function termByKey(key: string): Term | undefined {
  return byKey.get(key);
}

/**
 * The term with this code in this system (codes as printed: `A15.0`, `J01CA04`,
 * `762952008`). Allergens coded `carnet-allergen` before they moved to SNOMED CT are still
 * found by their old code.
 */
export function termByCode(system: CodeSystem, code: string): Term | undefined {
  return byCode.get(`${system}|${code}`);
}

/** Terms of one kind, in list order. */
export function termsOfKind(kind: TermKind): readonly Term[] {
  return TERMS.filter((t) => t.kind === kind);
}
