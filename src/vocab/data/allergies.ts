import type { Term } from '../types.ts';

/**
 * Allergens. Drug allergies are coded by WHO ATC group (level 2 to 5), so an allergy to
 * "penicillins" covers every medicine under J01C. Non-drug allergens use Carnet's own
 * `carnet-allergen` system: its codes are stable identifiers, not borrowed from SNOMED CT.
 * Pure data.
 */
export const ALLERGENS: readonly Term[] = [
  { system: 'atc', code: 'J01C', kind: 'allergy', key: 'allergy.penicillins' },
  { system: 'atc', code: 'J01D', kind: 'allergy', key: 'allergy.cephalosporins' },
  { system: 'atc', code: 'J01E', kind: 'allergy', key: 'allergy.sulfonamides' },
  { system: 'atc', code: 'J01F', kind: 'allergy', key: 'allergy.macrolides' },
  { system: 'atc', code: 'J01M', kind: 'allergy', key: 'allergy.quinolones' },
  { system: 'atc', code: 'J01G', kind: 'allergy', key: 'allergy.aminoglycosides' },
  { system: 'atc', code: 'J01A', kind: 'allergy', key: 'allergy.tetracyclines' },
  { system: 'atc', code: 'M01A', kind: 'allergy', key: 'allergy.nsaids' },
  { system: 'atc', code: 'N02BA', kind: 'allergy', key: 'allergy.salicylates' },
  { system: 'atc', code: 'N02BB', kind: 'allergy', key: 'allergy.pyrazolones' },
  { system: 'atc', code: 'N02A', kind: 'allergy', key: 'allergy.opioids' },
  { system: 'atc', code: 'N01B', kind: 'allergy', key: 'allergy.localAnaesthetics' },
  { system: 'atc', code: 'N03AF', kind: 'allergy', key: 'allergy.carbamazepineGroup' },
  { system: 'atc', code: 'M04AA', kind: 'allergy', key: 'allergy.allopurinolGroup' },
  { system: 'atc', code: 'J04AB', kind: 'allergy', key: 'allergy.rifamycins' },
  { system: 'atc', code: 'V08A', kind: 'allergy', key: 'allergy.iodinatedContrast' },
  { system: 'atc', code: 'D08AG', kind: 'allergy', key: 'allergy.iodine' },
  { system: 'atc', code: 'D08AC02', kind: 'allergy', key: 'allergy.chlorhexidine' },
  { system: 'atc', code: 'B01AB', kind: 'allergy', key: 'allergy.heparins' },
  { system: 'carnet-allergen', code: 'peanut', kind: 'allergy', key: 'allergy.peanut' },
  { system: 'carnet-allergen', code: 'treeNuts', kind: 'allergy', key: 'allergy.treeNuts' },
  { system: 'carnet-allergen', code: 'egg', kind: 'allergy', key: 'allergy.egg' },
  { system: 'carnet-allergen', code: 'cowsMilk', kind: 'allergy', key: 'allergy.cowsMilk' },
  { system: 'carnet-allergen', code: 'fish', kind: 'allergy', key: 'allergy.fish' },
  { system: 'carnet-allergen', code: 'shellfish', kind: 'allergy', key: 'allergy.shellfish' },
  { system: 'carnet-allergen', code: 'wheat', kind: 'allergy', key: 'allergy.wheat' },
  { system: 'carnet-allergen', code: 'soy', kind: 'allergy', key: 'allergy.soy' },
  { system: 'carnet-allergen', code: 'sesame', kind: 'allergy', key: 'allergy.sesame' },
  { system: 'carnet-allergen', code: 'latex', kind: 'allergy', key: 'allergy.latex' },
  { system: 'carnet-allergen', code: 'beeVenom', kind: 'allergy', key: 'allergy.beeVenom' },
  { system: 'carnet-allergen', code: 'waspVenom', kind: 'allergy', key: 'allergy.waspVenom' },
  { system: 'carnet-allergen', code: 'pollen', kind: 'allergy', key: 'allergy.pollen' },
  {
    system: 'carnet-allergen',
    code: 'houseDustMite',
    kind: 'allergy',
    key: 'allergy.houseDustMite',
  },
  { system: 'carnet-allergen', code: 'catDander', kind: 'allergy', key: 'allergy.catDander' },
  { system: 'carnet-allergen', code: 'nickel', kind: 'allergy', key: 'allergy.nickel' },
];
