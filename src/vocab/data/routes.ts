import type { Term } from '../types.ts';

/**
 * Routes of administration: how a medicine is taken (FHIR `Dosage.route`). SNOMED CT
 * concepts of the FHIR "SNOMED CT Route Codes" value set, the binding the IPS prefers.
 * Inhalation is `447694001` Respiratory tract route, the concept French and Belgian
 * national mappings use for "voie inhalée"; skin is `448598008` Cutaneous route (creams,
 * ointments), narrower than Topical route, which also covers eyes and ears. Details of a
 * medicine entry, never an entry of their own, so no entry picker offers them. Pure data.
 */
export const ROUTES: readonly Term[] = [
  { system: 'snomed', code: '26643006', kind: 'route', key: 'route.oral' },
  { system: 'snomed', code: '37839007', kind: 'route', key: 'route.sublingual' },
  { system: 'snomed', code: '447694001', kind: 'route', key: 'route.inhalation' },
  { system: 'snomed', code: '46713006', kind: 'route', key: 'route.nasal' },
  { system: 'snomed', code: '54485002', kind: 'route', key: 'route.eye' },
  { system: 'snomed', code: '10547007', kind: 'route', key: 'route.ear' },
  { system: 'snomed', code: '448598008', kind: 'route', key: 'route.skin' },
  { system: 'snomed', code: '45890007', kind: 'route', key: 'route.transdermal' },
  { system: 'snomed', code: '34206005', kind: 'route', key: 'route.subcutaneous' },
  { system: 'snomed', code: '78421000', kind: 'route', key: 'route.intramuscular' },
  { system: 'snomed', code: '47625008', kind: 'route', key: 'route.intravenous' },
  { system: 'snomed', code: '37161004', kind: 'route', key: 'route.rectal' },
  { system: 'snomed', code: '16857009', kind: 'route', key: 'route.vaginal' },
];
