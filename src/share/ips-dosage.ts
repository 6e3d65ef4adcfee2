import type { Dosage, DoseUnit } from '../record/types.ts';
import type { IpsLabels } from './fhir-write.ts';
import { conceptOfKey, translated } from './fhir-write.ts';
import { FHIR } from './fhir-types.ts';

/** A dose in words, in one language: "500 mg, 3 fois par jour, par voie orale, si besoin". */
type DoseWords = (dosage: Dosage) => string;

/** Dose words in French (the document's language), and in the patient's language. */
export interface DosePhrases {
  readonly fr: DoseWords;
  readonly patient?: { readonly lng: string; readonly words: DoseWords };
}

/**
 * How each dose unit is written in a FHIR Quantity. Masses, volumes and international
 * units are UCUM units. The forms a patient counts (tablets, drops...) are UCUM `1`, "one
 * of", with the form named in French as the unit: unambiguous for any consumer, and the
 * way recent IPS examples write them.
 */
const DOSE_UNIT_CODES: Readonly<Record<DoseUnit, { code: string; unit: string }>> = {
  mg: { code: 'mg', unit: 'mg' },
  g: { code: 'g', unit: 'g' },
  µg: { code: 'ug', unit: 'µg' },
  mL: { code: 'mL', unit: 'mL' },
  IU: { code: '[IU]', unit: 'UI' },
  tablet: { code: '1', unit: 'comprimé' },
  capsule: { code: '1', unit: 'gélule' },
  drop: { code: '1', unit: 'goutte' },
  puff: { code: '1', unit: 'bouffée' },
  sachet: { code: '1', unit: 'sachet' },
  application: { code: '1', unit: 'application' },
  suppository: { code: '1', unit: 'suppositoire' },
  patch: { code: '1', unit: 'patch' },
};

function timing(d: Dosage) {
  const f = d.frequency;
  if (!f) return {};
  const repeat =
    f.per === 'hours'
      ? { frequency: 1, period: f.every, periodUnit: 'h' }
      : { frequency: f.times, period: 1, periodUnit: f.per === 'day' ? 'd' : 'wk' };
  return { timing: { repeat } };
}

/**
 * A structured dose as a FHIR R4 Dosage: `doseAndRate.doseQuantity`, `timing.repeat`,
 * `asNeededBoolean`, `route` (SNOMED CT), with `text` in French and the patient's
 * language as its translation, so a doctor reads it in French whatever the patient wrote.
 */
export function fhirDosage(d: Dosage, labels: IpsLabels, words: DosePhrases) {
  const text = words.fr(d);
  const own = words.patient;
  return {
    ...(text ? { text } : {}),
    ...(text && own && own.lng !== 'fr' ? { _text: translated(own.lng, own.words(d)) } : {}),
    ...timing(d),
    ...(d.asNeeded ? { asNeededBoolean: true } : {}),
    ...(d.route ? { route: conceptOfKey(d.route, labels) } : {}),
    ...(d.amount !== undefined && d.unit
      ? {
          doseAndRate: [
            {
              doseQuantity: {
                value: d.amount,
                unit: DOSE_UNIT_CODES[d.unit].unit,
                system: FHIR.ucum,
                code: DOSE_UNIT_CODES[d.unit].code,
              },
            },
          ],
        }
      : {}),
  };
}

/** Whether a dose says anything at all. */
export function hasDosage(d: Dosage | undefined): d is Dosage {
  return (
    d !== undefined &&
    (d.amount !== undefined || d.frequency !== undefined || d.asNeeded === true || !!d.route)
  );
}
