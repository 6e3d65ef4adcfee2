import type { Dosage, DoseUnit } from '../record/types.ts';
import { DOSE_UNITS } from '../record/types.ts';
import { termsOfKind } from '../vocab/index.ts';
import { readCode } from './import-codes.ts';
import { num, obj, objs, str } from './json.ts';

/**
 * A FHIR Dosage read back into Carnet's structured dose where its parts fit (the reverse of
 * ips-dosage.ts), and its words kept as instructions. What does not fit is never guessed:
 * an unknown unit or an odd period leaves the dose as the words the source wrote.
 */

/** UCUM codes and the French words Carnet writes -> its dose units. */
const UNIT_OF: Readonly<Record<string, DoseUnit>> = {
  ug: 'µg',
  mcg: 'µg',
  '[iu]': 'IU',
  ui: 'IU',
  comprimé: 'tablet',
  tablet: 'tablet',
  tab: 'tablet',
  gélule: 'capsule',
  capsule: 'capsule',
  goutte: 'drop',
  drop: 'drop',
  bouffée: 'puff',
  puff: 'puff',
  suppositoire: 'suppository',
};

function unitOf(unit: string | undefined): DoseUnit | undefined {
  if (!unit) return undefined;
  const known = DOSE_UNITS.find((u) => u.toLowerCase() === unit.toLowerCase());
  return known ?? UNIT_OF[unit.toLowerCase()];
}

/** The first Dosage of a list as Carnet's dose, or its words when it has no structure. */
export function importDosage(value: unknown): { dosage?: Dosage; instructions?: string } {
  const d = objs(value)[0];
  if (!d) return {};
  const text = str(d.text) ?? str(d.patientInstruction);
  const q = obj(objs(d.doseAndRate)[0]?.doseQuantity);
  const amount = num(q?.value);
  const unit = unitOf(str(q?.unit)) ?? unitOf(str(q?.code));
  const repeat = obj(obj(d.timing)?.repeat);
  const times = num(repeat?.frequency);
  const period = num(repeat?.period);
  const periodUnit = str(repeat?.periodUnit);
  const frequency =
    times === 1 && periodUnit === 'h' && period !== undefined && Number.isInteger(period)
      ? ({ per: 'hours', every: period } as const)
      : period === 1 &&
          times !== undefined &&
          Number.isInteger(times) &&
          (periodUnit === 'd' || periodUnit === 'wk')
        ? ({ per: periodUnit === 'd' ? 'day' : 'week', times } as const)
        : undefined;
  const routeCode = readCode('route', d.route).term;
  const route =
    routeCode && termsOfKind('route').some((t) => t.key === routeCode.key)
      ? routeCode.key
      : undefined;
  const dosage: Dosage = {
    ...(amount !== undefined && unit ? { amount, unit } : {}),
    ...(frequency ? { frequency } : {}),
    ...(d.asNeededBoolean === true ? { asNeeded: true } : {}),
    ...(route ? { route } : {}),
  };
  return {
    ...(Object.keys(dosage).length > 0 ? { dosage } : {}),
    // Words beside a structured dose are usually that dose written out (Carnet writes them
    // so): kept only when nothing could be read from the structure.
    ...(text && Object.keys(dosage).length === 0 ? { instructions: text } : {}),
  };
}
