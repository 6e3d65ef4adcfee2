import {
  firstDate,
  isAbsent,
  languageOf,
  readDate,
  translationsOf,
  readConcept,
  readQuantity,
  textLabel,
  type Amount,
  type Label,
} from './ips-labels.ts';
import { num, obj, objs, str } from './json.ts';

/** How often a medicine is taken, from a structured Dosage (`timing.repeat`). */
interface Frequency {
  /** Times per period. */
  readonly count: number;
  readonly period: number;
  /** UCUM-style unit: s, min, h, d, wk, mo, a. */
  readonly unit: string;
}

/** One dosage line: the words the bundle wrote, and its structured parts when it has them. */
export interface DoseLine {
  readonly text?: string;
  /** Translations of `text` by BCP 47 tag. */
  readonly translations?: Readonly<Record<string, string>>;
  readonly dose?: Amount;
  readonly frequency?: Frequency;
  readonly asNeeded?: boolean;
  readonly route?: Label;
}

/**
 * One summary line, as much of a resource as the reader understood. `label` is null
 * when the resource names nothing (the screen then shows its resourceType).
 */
export interface IpsItem {
  /** Unique within the summary (for lists). */
  readonly key: string;
  readonly resourceType: string;
  readonly label: Label | null;
  /** An IPS absent/unknown statement such as "no known allergies". */
  readonly absent: boolean;
  /** AllergyIntolerance.criticality: high, low or unable-to-assess. */
  readonly criticality?: string;
  /** Clinical or workflow status code (active, resolved, completed, final...). */
  readonly status?: string;
  /** ISO date: onset, occurrence, effective, recorded or issued, whichever is first. */
  readonly date?: string;
  readonly value?: Amount;
  /** Interpretation of a result (high, low...), as a label. */
  readonly interpretation?: Label;
  readonly reactions?: readonly Label[];
  readonly dosage?: readonly DoseLine[];
  /** Free-text note or description. */
  readonly note?: string;
  /** Annotations (`note`), with the language each is written in when the bundle says. */
  readonly notes?: readonly { readonly text: string; readonly lang?: string }[];
  /** Coverage: the member number (subscriberId). */
  readonly identifier?: string;
  /** Coverage: the last day the right is valid (period.end). */
  readonly until?: string;
}

const DATE_FIELDS = [
  'occurrenceDateTime',
  'onsetDateTime',
  'onsetPeriod',
  'effectiveDateTime',
  'effectivePeriod',
  'authoredOn',
  'recordedDate',
  'issued',
  'date',
  'period',
] as const;

/** Reads a status that may be a code or a CodeableConcept. */
function statusOf(resource: Record<string, unknown>): string | undefined {
  const clinical = readConcept(resource.clinicalStatus)?.code?.code;
  return clinical ?? str(resource.status);
}

function doseLines(value: unknown): DoseLine[] {
  return objs(value).map((d) => {
    const text = str(d.text) ?? str(d.patientInstruction);
    const translations = str(d.text) ? translationsOf(d._text) : {};
    const rate = objs(d.doseAndRate)[0];
    const dose = readQuantity(rate?.doseQuantity) ?? readQuantity(obj(rate?.doseRange)?.low);
    const repeat = obj(obj(d.timing)?.repeat);
    const count = num(repeat?.frequency);
    const period = num(repeat?.period);
    const unit = str(repeat?.periodUnit);
    const route = readConcept(d.route);
    return {
      ...(text ? { text } : {}),
      ...(Object.keys(translations).length > 0 ? { translations } : {}),
      ...(dose ? { dose } : {}),
      ...(count !== undefined && period !== undefined && unit
        ? { frequency: { count, period, unit } }
        : {}),
      ...(d.asNeededBoolean === true ? { asNeeded: true } : {}),
      ...(route ? { route } : {}),
    };
  });
}

/** Result value: Quantity, string, CodeableConcept, integer, boolean or range low. */
function valueOf(r: Record<string, unknown>): Amount | undefined {
  const q = readQuantity(r.valueQuantity);
  if (q) return q;
  const s = str(r.valueString);
  if (s) return { value: s };
  const c = readConcept(r.valueCodeableConcept);
  if (c) return { value: c.text };
  const i = num(r.valueInteger);
  if (i !== undefined) return { value: i };
  if (typeof r.valueBoolean === 'boolean') return { value: String(r.valueBoolean) };
  return undefined;
}

/** The coded thing a resource is about, by resource type, with common fallbacks. */
function labelOf(r: Record<string, unknown>, resolve: (ref: unknown) => unknown): Label | null {
  const medication = readConcept(r.medicationCodeableConcept);
  if (medication) return medication;
  const medRef = obj(r.medicationReference);
  if (medRef) {
    const med = obj(resolve(medRef));
    return readConcept(med?.code) ?? textLabel(medRef.display);
  }
  return (
    readConcept(r.vaccineCode) ??
    readConcept(r.code) ??
    readConcept(r.type) ??
    textLabel(r.title) ??
    textLabel(r.description, r._description) ??
    textLabel(r.name) ??
    null
  );
}

/**
 * Reads one resource into a summary line. Never throws; unknown resource types get their
 * label and date when they have fields of the usual names.
 */
export function readItem(
  resource: Record<string, unknown>,
  key: string,
  resolve: (ref: unknown) => unknown,
): IpsItem {
  const resourceType = str(resource.resourceType) ?? 'Resource';
  const label = labelOf(resource, resolve);
  const status = statusOf(resource);
  const date = firstDate(resource, DATE_FIELDS);
  const value = valueOf(resource);
  const interpretation = readConcept(objs(resource.interpretation)[0]) ?? undefined;
  const criticality = str(resource.criticality);
  const reactions = objs(resource.reaction)
    .flatMap((x) => {
      const shown = objs(x.manifestation).map(readConcept);
      return shown.length > 0 ? shown : [textLabel(x.description)];
    })
    .filter((l): l is Label => l !== null);
  const dosage = doseLines(resource.dosage ?? resource.dosageInstruction);
  const notes = objs(resource.note).flatMap((n) => {
    const text = str(n.text);
    const lang = languageOf(n);
    return text ? [{ text, ...(lang ? { lang } : {}) }] : [];
  });
  const note =
    str(resource.conclusion) ??
    str(resource.occurrenceString) ??
    (label?.text !== str(resource.description) ? str(resource.description) : undefined);
  return {
    key,
    resourceType,
    label,
    absent: isAbsent(label),
    ...(criticality ? { criticality } : {}),
    ...(status ? { status } : {}),
    ...(date ? { date } : {}),
    ...(value ? { value } : {}),
    ...(interpretation ? { interpretation } : {}),
    ...(reactions.length > 0 ? { reactions } : {}),
    ...(dosage.length > 0 ? { dosage } : {}),
    ...(note ? { note } : {}),
    ...(notes.length > 0 ? { notes } : {}),
    ...coverageOf(resource),
  };
}

/** A Coverage's member number and end of validity, for the administrative view. */
function coverageOf(r: Record<string, unknown>): { identifier?: string; until?: string } {
  if (r.resourceType !== 'Coverage') return {};
  const identifier = str(r.subscriberId);
  const until = readDate(obj(r.period)?.end);
  return { ...(identifier ? { identifier } : {}), ...(until ? { until } : {}) };
}
