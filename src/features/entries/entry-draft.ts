import type { CodedTerm, Entry, EntryDetails, EntryKind, Provenance } from '../../record/types.ts';

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
  /** Boolean kind-specific fields: active (condition), current (medication). */
  flags: Record<string, boolean>;
}

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
    flags: { active: true, current: true },
  };
}

/** The form state for an existing entry. */
export function draftFromEntry(entry: Entry): EntryDraft {
  const { kind, ...rest } = entry.details;
  const fields: Record<string, string> = {};
  const flags: Record<string, boolean> = { active: true, current: true };
  for (const [k, v] of Object.entries(rest)) {
    if (typeof v === 'boolean') flags[k] = v;
    else if (v !== undefined) fields[k] = String(v);
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
        reaction: f('reaction'),
        severity: (f('severity') ?? 'unknown') as 'unknown',
      });
    case 'medication':
      return defined({
        kind: 'medication',
        dose: f('dose'),
        frequency: f('frequency'),
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
        validUntil: f('validUntil'),
      });
    case 'note':
      return defined({ kind: 'note', date: f('date') });
  }
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
    ...(text ? { text, textLang: d.textLang } : {}),
    details: detailsFrom(d),
    provenance: d.provenance,
    sensitive: d.sensitive,
    createdAt: ids.createdAt,
    updatedAt: now,
  };
}
