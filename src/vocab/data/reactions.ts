import type { Term } from '../types.ts';

/**
 * Allergic reaction manifestations: what an allergy or intolerance did (FHIR
 * `AllergyIntolerance.reaction.manifestation`). SNOMED CT International Edition clinical
 * findings; most belong to the IPS "Allergy Reaction" value set, and every one is in the
 * SNOMED International Patient Set. Details of an allergy entry, never an entry of their
 * own, so no entry picker offers them. Pure data.
 */
export const REACTIONS: readonly Term[] = [
  { system: 'snomed', code: '39579001', kind: 'reaction', key: 'reaction.anaphylaxis' },
  { system: 'snomed', code: '126485001', kind: 'reaction', key: 'reaction.urticaria' },
  { system: 'snomed', code: '271807003', kind: 'reaction', key: 'reaction.skinRash' },
  { system: 'snomed', code: '418363000', kind: 'reaction', key: 'reaction.itching' },
  { system: 'snomed', code: '41291007', kind: 'reaction', key: 'reaction.angioedema' },
  { system: 'snomed', code: '267036007', kind: 'reaction', key: 'reaction.breathingDifficulty' },
  { system: 'snomed', code: '4386001', kind: 'reaction', key: 'reaction.bronchospasm' },
  { system: 'snomed', code: '422400008', kind: 'reaction', key: 'reaction.vomiting' },
  { system: 'snomed', code: '422587007', kind: 'reaction', key: 'reaction.nausea' },
  { system: 'snomed', code: '62315008', kind: 'reaction', key: 'reaction.diarrhoea' },
  { system: 'snomed', code: '21522001', kind: 'reaction', key: 'reaction.abdominalPain' },
  { system: 'snomed', code: '45007003', kind: 'reaction', key: 'reaction.lowBloodPressure' },
  { system: 'snomed', code: '271594007', kind: 'reaction', key: 'reaction.fainting' },
  { system: 'snomed', code: '73442001', kind: 'reaction', key: 'reaction.stevensJohnson' },
  {
    system: 'snomed',
    code: '768962006',
    kind: 'reaction',
    key: 'reaction.toxicEpidermalNecrolysis',
  },
  { system: 'snomed', code: '386661006', kind: 'reaction', key: 'reaction.fever' },
  { system: 'snomed', code: '70076002', kind: 'reaction', key: 'reaction.rhinitis' },
  { system: 'snomed', code: '9826008', kind: 'reaction', key: 'reaction.conjunctivitis' },
];
