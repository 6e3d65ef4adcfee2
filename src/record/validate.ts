import type { Entry, EntryDetails, IsoDate, Profile } from './types.ts';
import { ALLERGY_SEVERITIES, ENTRY_KINDS, PROVENANCES, RIGHT_SCHEMES, SEXES } from './types.ts';

/** Why a field was refused. Features map each to `errors:field.<code>`. */
export type FieldErrorCode =
  'required' | 'too-long' | 'bad-date' | 'future-date' | 'bad-number' | 'bad-value';

export type FieldErrors = Partial<Record<string, FieldErrorCode>>;

/** Longest free text accepted in one field, in characters. */
export const MAX_TEXT = 2000;
/** Longest short field (dose, unit, number...), in characters. */
export const MAX_SHORT = 120;

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar date after 1900. */
export function isIsoDate(value: string): value is IsoDate {
  const m = DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function checkText(errors: FieldErrors, field: string, value: string | undefined, max: number) {
  if (value !== undefined && value.length > max) errors[field] = 'too-long';
}

function checkDate(
  errors: FieldErrors,
  field: string,
  value: string | undefined,
  now: number,
  allowFuture = false,
) {
  if (value === undefined) return;
  if (!isIsoDate(value)) errors[field] = 'bad-date';
  else if (!allowFuture && value > new Date(now).toISOString().slice(0, value.length)) {
    errors[field] = 'future-date';
  }
}

function checkDetails(errors: FieldErrors, d: EntryDetails, now: number) {
  switch (d.kind) {
    case 'condition':
      checkDate(errors, 'since', d.since, now);
      break;
    case 'allergy':
      checkText(errors, 'reaction', d.reaction, MAX_TEXT);
      if (!ALLERGY_SEVERITIES.includes(d.severity)) errors.severity = 'bad-value';
      break;
    case 'medication':
      checkText(errors, 'dose', d.dose, MAX_SHORT);
      checkText(errors, 'frequency', d.frequency, MAX_SHORT);
      checkText(errors, 'prescriber', d.prescriber, MAX_SHORT);
      checkDate(errors, 'since', d.since, now);
      break;
    case 'vaccination':
      checkDate(errors, 'date', d.date, now);
      if (
        d.doseNumber !== undefined &&
        !(Number.isInteger(d.doseNumber) && d.doseNumber >= 1 && d.doseNumber <= 20)
      ) {
        errors.doseNumber = 'bad-number';
      }
      break;
    case 'result':
      checkText(errors, 'value', d.value, MAX_SHORT);
      checkText(errors, 'unit', d.unit, MAX_SHORT);
      checkDate(errors, 'date', d.date, now);
      break;
    case 'right':
      if (!RIGHT_SCHEMES.includes(d.scheme)) errors.scheme = 'bad-value';
      checkText(errors, 'number', d.number, MAX_SHORT);
      checkDate(errors, 'validUntil', d.validUntil, now, true);
      break;
    case 'note':
      checkDate(errors, 'date', d.date, now);
      break;
  }
}

/** Checks an entry before it is sealed. Returns an empty object when it may be saved. */
export function validateEntry(entry: Entry, now = Date.now()): FieldErrors {
  const errors: FieldErrors = {};
  if (!ENTRY_KINDS.includes(entry.details.kind)) errors.kind = 'bad-value';
  if (!PROVENANCES.includes(entry.provenance)) errors.provenance = 'bad-value';
  const text = entry.text?.trim();
  if (!entry.term && !text) errors.text = 'required';
  checkText(errors, 'text', entry.text, MAX_TEXT);
  checkDetails(errors, entry.details, now);
  return errors;
}

/** Checks a profile before it is sealed. */
export function validateProfile(profile: Profile, now = Date.now()): FieldErrors {
  const errors: FieldErrors = {};
  if (!profile.name.trim()) errors.name = 'required';
  checkText(errors, 'name', profile.name, MAX_SHORT);
  checkDate(errors, 'birthDate', profile.birthDate, now);
  if (!SEXES.includes(profile.sex)) errors.sex = 'bad-value';
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
