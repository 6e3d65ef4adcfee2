import type { Term } from '../types.ts';

/**
 * Vaccines of the French schedule and of catch-up vaccination, coded in WHO ATC (J07).
 * Labels use the names French doctors use (DTCaP, ROR, BCG...). Pure data.
 */
export const VACCINES: readonly Term[] = [
  { system: 'atc', code: 'J07CA02', kind: 'vaccine', key: 'vaccine.dtcap' },
  { system: 'atc', code: 'J07CA09', kind: 'vaccine', key: 'vaccine.hexavalent' },
  { system: 'atc', code: 'J07CA06', kind: 'vaccine', key: 'vaccine.pentavalent' },
  { system: 'atc', code: 'J07CA01', kind: 'vaccine', key: 'vaccine.dtp' },
  { system: 'atc', code: 'J07AM01', kind: 'vaccine', key: 'vaccine.tetanus' },
  { system: 'atc', code: 'J07BF03', kind: 'vaccine', key: 'vaccine.polioInactivated' },
  { system: 'atc', code: 'J07BF04', kind: 'vaccine', key: 'vaccine.polioOral' },
  { system: 'atc', code: 'J07AG01', kind: 'vaccine', key: 'vaccine.hib' },
  { system: 'atc', code: 'J07BC01', kind: 'vaccine', key: 'vaccine.hepatitisB' },
  { system: 'atc', code: 'J07BC02', kind: 'vaccine', key: 'vaccine.hepatitisA' },
  { system: 'atc', code: 'J07BC20', kind: 'vaccine', key: 'vaccine.hepatitisAB' },
  { system: 'atc', code: 'J07BD52', kind: 'vaccine', key: 'vaccine.mmr' },
  { system: 'atc', code: 'J07BD01', kind: 'vaccine', key: 'vaccine.measles' },
  { system: 'atc', code: 'J07AN01', kind: 'vaccine', key: 'vaccine.bcg' },
  { system: 'atc', code: 'J07BM03', kind: 'vaccine', key: 'vaccine.hpv' },
  { system: 'atc', code: 'J07AH07', kind: 'vaccine', key: 'vaccine.meningococcalC' },
  { system: 'atc', code: 'J07AH08', kind: 'vaccine', key: 'vaccine.meningococcalAcwy' },
  { system: 'atc', code: 'J07AH09', kind: 'vaccine', key: 'vaccine.meningococcalB' },
  { system: 'atc', code: 'J07AL02', kind: 'vaccine', key: 'vaccine.pneumococcalConjugate' },
  { system: 'atc', code: 'J07AL01', kind: 'vaccine', key: 'vaccine.pneumococcalPolysaccharide' },
  { system: 'atc', code: 'J07BN01', kind: 'vaccine', key: 'vaccine.covid19Mrna' },
  { system: 'atc', code: 'J07BN02', kind: 'vaccine', key: 'vaccine.covid19Vector' },
  { system: 'atc', code: 'J07BN03', kind: 'vaccine', key: 'vaccine.covid19Inactivated' },
  { system: 'atc', code: 'J07BB02', kind: 'vaccine', key: 'vaccine.influenza' },
  { system: 'atc', code: 'J07BK01', kind: 'vaccine', key: 'vaccine.varicella' },
  { system: 'atc', code: 'J07BK03', kind: 'vaccine', key: 'vaccine.zoster' },
  { system: 'atc', code: 'J07BH01', kind: 'vaccine', key: 'vaccine.rotavirus' },
  { system: 'atc', code: 'J07BL01', kind: 'vaccine', key: 'vaccine.yellowFever' },
  { system: 'atc', code: 'J07AP03', kind: 'vaccine', key: 'vaccine.typhoid' },
  { system: 'atc', code: 'J07BG01', kind: 'vaccine', key: 'vaccine.rabies' },
];
