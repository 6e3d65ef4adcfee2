import { asciiDigits } from '../../crypto/encoding.ts';
import type {
  CodedTerm,
  Dosage,
  DoseFrequency,
  DoseUnit,
  Entry,
  EntryDetails,
  EntryKind,
  Provenance,
} from '../../record/types.ts';

/**
 * The entry form's state: every field as the string the input holds. Converting to an
 * Entry trims text and drops empty fields, so nothing stores "" for "unknown".
 */
export interface EntryDraft {
  kind: EntryKind;
  term?: CodedTerm;
  text: string;
  textLang: string;
  provenance: Provenance;
  sensitive: boolean;
  /** Kind-specific fields by name: since, date, dose, frequency, value, unit, ... */
  fields: Record<string, string>;
  /** Boolean kind-specific fields: active (condition), current and asNeeded (medication). */
  flags: Record<string, boolean>;
  /** Coded reactions picked for an allergy (`reaction.*` vocabulary keys). */
  reactions: string[];
}

/** How often, as the form asks it: a number and what it counts. */
export const FREQUENCY_PERS = ['day', 'week', 'hours'] as const;

/** A blank draft for a new entry of `kind`. */
export function emptyDraft(kind: EntryKind, textLang: string): EntryDraft {
  return {
    kind,
    text: '',
    textLang,
    provenance: 'patient',
    sensitive: false,
    fields:
      kind === 'allergy' ? { severity: 'unknown' } : kind === 'right' ? { scheme: 'AME' } : {},
    flags: { active: true, current: true, asNeeded: false },
    reactions: [],
  };
}

/** The dose fields of the form, as strings (amount, unit, times, per, route). */
function dosageFields(d: Dosage | undefined): Record<string, string> {
  if (!d) return {};
  const f = d.frequency;
  return Object.fromEntries(
    Object.entries({
      amount: d.amount?.toString(),
      unit: d.unit,
      times: f ? String(f.per === 'hours' ? f.every : f.times) : undefined,
      per: f?.per,
      route: d.route,
    }).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

/** The form state for an existing entry. */
export function draftFromEntry(entry: Entry): EntryDraft {
  const { kind, ...rest } = entry.details;
  const fields: Record<string, string> = {};
  const flags: Record<string, boolean> = { active: true, current: true, asNeeded: false };
  let reactions: string[] = [];
  for (const [k, v] of Object.entries(rest)) {
    if (typeof v === 'boolean') flags[k] = v;
    else if (typeof v === 'string' || typeof v === 'number') fields[k] = String(v);
  }
  if (entry.details.kind === 'allergy') reactions = [...(entry.details.reactions ?? [])];
  if (entry.details.kind === 'medication') {
    const d = entry.details;
    Object.assign(fields, dosageFields(d.dosage));
    flags.asNeeded = d.dosage?.asNeeded ?? false;
    // Doses typed as words before they were structured become instructions, kept as written.
    const words = [d.instructions, d.dose, d.frequency].filter(Boolean).join(', ');
    delete fields.dose;
    delete fields.frequency;
    if (words) fields.instructions = words;
    else delete fields.instructions;
  }
  return {
    kind,
    ...(entry.term ? { term: entry.term } : {}),
    text: entry.text ?? '',
    textLang: entry.textLang ?? 'fr',
    provenance: entry.provenance,
    sensitive: entry.sensitive,
    fields,
    flags,
    reactions,
  };
}

function opt(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function detailsFrom(d: EntryDraft): EntryDetails {
  const f = (name: string) => opt(d.fields[name]);
  switch (d.kind) {
    case 'condition':
      return defined({ kind: 'condition', since: f('since'), active: d.flags.active ?? true });
    case 'allergy':
      return defined({
        kind: 'allergy',
        reactions: d.reactions.length > 0 ? [...d.reactions] : undefined,
        reaction: f('reaction'),
        severity: (f('severity') ?? 'unknown') as 'unknown',
      });
    case 'medication':
      return defined({
        kind: 'medication',
        dosage: dosageFrom(d),
        instructions: f('instructions'),
        since: f('since'),
        prescriber: f('prescriber'),
        current: d.flags.current ?? true,
      });
    case 'vaccination': {
      const n = f('doseNumber');
      return defined({
        kind: 'vaccination',
        date: f('date'),
        doseNumber: n === undefined ? undefined : Number(n),
      });
    }
    case 'result':
      return defined({ kind: 'result', value: f('value'), unit: f('unit'), date: f('date') });
    case 'right':
      return defined({
        kind: 'right',
        scheme: (f('scheme') ?? 'other') as 'other',
        number: f('number'),
        issuer: f('issuer'),
        validFrom: f('validFrom'),
        validUntil: f('validUntil'),
      });
    case 'note':
      return defined({ kind: 'note', date: f('date') });
  }
}

/**
 * A number as typed, in any digit set a patient's keyboard has (٥٠٠ is 500), with a comma,
 * a dot or the Arabic decimal separator; NaN when it is not one.
 */
function parseAmount(value: string): number {
  const v = asciiDigits(value.trim()).replace(/[,٫]/, '.');
  return /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
}

/** The structured dose from the form, or undefined when nothing was filled in. */
function dosageFrom(d: EntryDraft): Dosage | undefined {
  const f = (name: string) => opt(d.fields[name]);
  const amount = f('amount');
  const times = f('times');
  const per = f('per') as (typeof FREQUENCY_PERS)[number] | undefined;
  let frequency: DoseFrequency | undefined;
  if (times !== undefined && per) {
    const n = parseAmount(times);
    frequency = per === 'hours' ? { per, every: n } : { per, times: n };
  }
  const dosage = defined({
    amount: amount === undefined ? undefined : parseAmount(amount),
    unit: amount === undefined ? undefined : (f('unit') as DoseUnit | undefined),
    frequency,
    asNeeded: d.flags.asNeeded ? true : undefined,
    route: f('route'),
  });
  return Object.keys(dosage).length > 0 ? dosage : undefined;
}

/** Whether the patient wrote words of their own anywhere in the entry. */
export function hasFreeText(d: EntryDraft): boolean {
  return [d.text, d.fields.reaction, d.fields.instructions].some((t) => opt(t) !== undefined);
}

/** Builds the entry to validate and save. */
export function entryFromDraft(
  d: EntryDraft,
  ids: { id: string; profileId: string; createdAt: number },
  now: number,
): Entry {
  const text = opt(d.text);
  return {
    id: ids.id,
    profileId: ids.profileId,
    ...(d.term ? { term: d.term } : {}),
    ...(text ? { text } : {}),
    // The language of every free-text field (name, reaction, instructions), when any.
    ...(hasFreeText(d) ? { textLang: d.textLang } : {}),
    details: detailsFrom(d),
    provenance: d.provenance,
    sensitive: d.sensitive,
    createdAt: ids.createdAt,
    updatedAt: now,
  };
}
