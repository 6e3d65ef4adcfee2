import { newId } from '../../src/record/ids.ts';
import type { Entry, Profile } from '../../src/record/types.ts';

/** The median of `values` (the middle one, or the mean of the two middle ones). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Runs `a` then `b` when `aFirst`, else `b` then `a`; resolves to both results. An operation
 * and its baseline take turns at going first this way, so that neither always runs right
 * after the other (on disk, a write or read leaves work behind for whatever follows).
 */
export async function inTurns<A, B>(
  aFirst: boolean,
  a: () => Promise<A>,
  b: () => Promise<B>,
): Promise<[A, B]> {
  if (aFirst) {
    const ra = await a();
    return [ra, await b()];
  }
  const rb = await b();
  return [await a(), rb];
}

/** A profile for benchmark records; `overrides` for the language or interpreter. */
export function sampleProfile(overrides: Partial<Profile> = {}): Profile {
  const now = Date.now();
  return {
    id: newId(),
    name: 'Patient de test',
    relation: 'self',
    sex: 'unknown',
    language: 'fr',
    interpreterNeeded: false,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/** A medication entry of realistic size for benchmark records. */
export function sampleEntry(profileId: string, i: number): Entry {
  const now = Date.now();
  return {
    id: newId(),
    profileId,
    text: `Entrée de test numéro ${i} avec un peu de texte libre pour une taille réaliste`,
    textLang: 'fr',
    details: {
      kind: 'medication',
      dose: '500 mg',
      frequency: '3 fois par jour',
      since: '2024-01-15',
      current: true,
    },
    provenance: 'paper',
    sensitive: i % 10 === 0,
    createdAt: now,
    updatedAt: now,
  };
}
