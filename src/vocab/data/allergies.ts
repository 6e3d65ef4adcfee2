import type { Term } from '../types.ts';

/**
 * Allergens. Drug allergies are coded by WHO ATC group (level 2 to 5), so an allergy to
 * "penicillins" covers every medicine under J01C. Non-drug allergens are SNOMED CT
 * substance concepts of the International Edition, all in the SNOMED International
 * Patient Set that the IPS allergy value set draws on. Two stay on Carnet's own
 * `carnet-allergen` system because no International Edition substance was confirmed for
 * them: tree nuts (the only "Tree nut (substance)" is in the US extension) and house dust
 * mite (public sources give an organism, or a finding, not a substance). Keys never
 * change: entries saved with `carnet-allergen|peanut` still find `allergy.peanut`.
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
  { system: 'snomed', code: '762952008', kind: 'allergy', key: 'allergy.peanut' },
  { system: 'carnet-allergen', code: 'treeNuts', kind: 'allergy', key: 'allergy.treeNuts' },
  { system: 'snomed', code: '102263004', kind: 'allergy', key: 'allergy.egg' },
  { system: 'snomed', code: '264295007', kind: 'allergy', key: 'allergy.cowsMilk' },
  { system: 'snomed', code: '735971005', kind: 'allergy', key: 'allergy.fish' },
  { system: 'snomed', code: '735029006', kind: 'allergy', key: 'allergy.shellfish' },
  { system: 'snomed', code: '412071004', kind: 'allergy', key: 'allergy.wheat' },
  { system: 'snomed', code: '256355007', kind: 'allergy', key: 'allergy.soy' },
  { system: 'snomed', code: '260167008', kind: 'allergy', key: 'allergy.sesame' },
  { system: 'snomed', code: '111088007', kind: 'allergy', key: 'allergy.latex' },
  { system: 'snomed', code: '288328004', kind: 'allergy', key: 'allergy.beeVenom' },
  { system: 'snomed', code: '256440004', kind: 'allergy', key: 'allergy.waspVenom' },
  { system: 'snomed', code: '256259004', kind: 'allergy', key: 'allergy.pollen' },
  {
    system: 'carnet-allergen',
    code: 'houseDustMite',
    kind: 'allergy',
    key: 'allergy.houseDustMite',
  },
  { system: 'snomed', code: '260152009', kind: 'allergy', key: 'allergy.catDander' },
  { system: 'snomed', code: '33396006', kind: 'allergy', key: 'allergy.nickel' },
];
