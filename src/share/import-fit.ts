import type { EntryDetails } from '../record/types.ts';
import { MAX_SHORT, MAX_TEXT, validateEntry } from '../record/validate.ts';
import type { ImportedEntry } from './import-map.ts';

/**
 * Someone else's data made to fit what Carnet stores (record/validate.ts): words cut to the
 * lengths a person may type, and each field the checks refuse (a date in the future, a
 * dose Carnet cannot hold, twenty-one reactions) left out rather than the whole item. The
 * original file keeps everything as it came. Null when nothing names the item any more.
 */

/** Longest text of each field; the rest of a field's words are cut. */
const LENGTHS: Readonly<Record<string, number>> = {
  text: MAX_TEXT,
  reaction: MAX_TEXT,
  instructions: MAX_TEXT,
  value: MAX_SHORT,
  unit: MAX_SHORT,
  number: MAX_SHORT,
  prescriber: MAX_SHORT,
};

/** Field names validateEntry reports inside a dosage: the dosage goes as a whole. */
const DOSAGE_FIELDS = new Set(['amount', 'unit', 'frequency', 'route']);

function cut(value: unknown, max: number | undefined): unknown {
  return typeof value === 'string' && max !== undefined && value.length > max
    ? `${value.slice(0, max - 1)}…`
    : value;
}

export function fitEntry(entry: ImportedEntry, now = Date.now()): ImportedEntry | null {
  const details = Object.fromEntries(
    Object.entries(entry.details).map(([k, v]) => [k, cut(v, LENGTHS[k])]),
  ) as EntryDetails;
  let fitted: ImportedEntry = {
    ...entry,
    ...(entry.text !== undefined ? { text: String(cut(entry.text, MAX_TEXT)) } : {}),
    details,
  };
  const probe = (e: ImportedEntry) =>
    validateEntry({ ...e, id: 'x', profileId: 'x', createdAt: now, updatedAt: now }, now);
  const errors = probe(fitted);
  if (errors.text || errors.kind || errors.provenance) return null;
  const drop = new Set(Object.keys(errors));
  if ([...drop].some((f) => DOSAGE_FIELDS.has(f)) && details.kind === 'medication') {
    // A unit error on a result is its own field; on a medication it is the dose's.
    drop.add('dosage');
  }
  const kept = Object.fromEntries(
    Object.entries(details).filter(([k]) => !drop.has(k) || k === 'kind'),
  ) as EntryDetails;
  fitted = { ...fitted, details: kept };
  return Object.keys(probe(fitted)).length === 0 ? fitted : null;
}
