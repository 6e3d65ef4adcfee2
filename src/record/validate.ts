import type { Dosage, Entry, EntryDetails, IsoDate, Profile } from './types.ts';
import {
  ALLERGY_SEVERITIES,
  DECLARABLE_KINDS,
  DOSE_UNITS,
  ENTRY_KINDS,
  PROVENANCES,
  RIGHT_SCHEMES,
  SEXES,
} from './types.ts';

/** Why a field was refused. Features map each to `errors:field.<code>`. */
type FieldErrorCode =
  'required' | 'too-long' | 'bad-date' | 'future-date' | 'bad-number' | 'bad-value' | 'not-latin';

export type FieldErrors = Partial<Record<string, FieldErrorCode>>;

/** Longest free text accepted in one field, in characters. */
export const MAX_TEXT = 2000;
/** Longest short field (dose, unit, number...), in characters. */
export const MAX_SHORT = 120;

/** Latin letters (with accents), spaces, hyphens, apostrophes and dots, as on passports. */
const LATIN_NAME = /^[\p{Script=Latin}\s'’.-]*$/u;

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

/** Largest amount per intake accepted, in any unit (a typing slip, not a dose). */
const MAX_DOSE_AMOUNT = 100_000;
/** Most intakes a day, a week, and the longest gap in hours, that the form accepts. */
const MAX_TIMES_PER_DAY = 24;
const MAX_TIMES_PER_WEEK = 50;
const MAX_EVERY_HOURS = 168;
/** Most coded reactions on one allergy. */
const MAX_REACTIONS = 20;

const isWhole = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;

function checkDosage(errors: FieldErrors, d: Dosage) {
  const { amount, unit, frequency, route } = d;
  if (amount !== undefined && !(Number.isFinite(amount) && amount > 0 && amount <= MAX_DOSE_AMOUNT))
    errors.amount = 'bad-number';
  if (unit !== undefined && !DOSE_UNITS.includes(unit)) errors.unit = 'bad-value';
  if (amount !== undefined && unit === undefined) errors.unit = 'required';
  if (frequency) {
    const ok =
      frequency.per === 'hours'
        ? isWhole(frequency.every, MAX_EVERY_HOURS)
        : frequency.per === 'day'
          ? isWhole(frequency.times, MAX_TIMES_PER_DAY)
          : frequency.per === 'week' && isWhole(frequency.times, MAX_TIMES_PER_WEEK);
    if (!ok) errors.frequency = 'bad-number';
  }
  if (route !== undefined && !route.startsWith('route.')) errors.route = 'bad-value';
}

function checkDetails(errors: FieldErrors, d: EntryDetails, now: number) {
  switch (d.kind) {
    case 'condition':
      checkDate(errors, 'since', d.since, now);
      break;
    case 'allergy':
      checkText(errors, 'reaction', d.reaction, MAX_TEXT);
      if (!ALLERGY_SEVERITIES.includes(d.severity)) errors.severity = 'bad-value';
      if (
        d.reactions &&
        (d.reactions.length > MAX_REACTIONS || d.reactions.some((r) => !r.startsWith('reaction.')))
      ) {
        errors.reactions = 'bad-value';
      }
      break;
    case 'medication':
      if (d.dosage) checkDosage(errors, d.dosage);
      checkText(errors, 'instructions', d.instructions, MAX_TEXT);
      checkText(errors, 'dose', d.dose, MAX_SHORT);
      if (!d.dosage?.frequency) checkText(errors, 'frequency', d.frequency, MAX_SHORT);
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
      checkText(errors, 'issuer', d.issuer, MAX_SHORT);
      checkDate(errors, 'validFrom', d.validFrom, now, true);
      checkDate(errors, 'validUntil', d.validUntil, now, true);
      // Full dates only: "2026-05" against "2026-05-10" says nothing certain.
      if (d.validFrom?.length === 10 && d.validUntil?.length === 10 && d.validUntil < d.validFrom)
        errors.validUntil = 'bad-date';
      break;
    case 'note':
      // A note may be dated ahead: an appointment at the prefecture, a hearing.
      checkDate(errors, 'date', d.date, now, true);
      break;
  }
}

/** Checks an entry before it is sealed. Returns an empty object when it may be saved. */
export function validateEntry(entry: Entry, now = Date.now()): FieldErrors {
  const errors: FieldErrors = {};
  if (!ENTRY_KINDS.includes(entry.details.kind)) errors.kind = 'bad-value';
  if (!PROVENANCES.includes(entry.provenance)) errors.provenance = 'bad-value';
  const text = entry.text?.trim();
  // A right is named by its scheme (AME, PUMa, CSS); only "other" needs words.
  const named =
    entry.term !== undefined ||
    (entry.details.kind === 'right' && entry.details.scheme !== 'other');
  if (!named && !text) errors.text = 'required';
  checkText(errors, 'text', entry.text, MAX_TEXT);
  checkDetails(errors, entry.details, now);
  return errors;
}

/** Checks a profile before it is sealed. */
export function validateProfile(profile: Profile, now = Date.now()): FieldErrors {
  const errors: FieldErrors = {};
  if (!profile.name.trim()) errors.name = 'required';
  checkText(errors, 'name', profile.name, MAX_SHORT);
  if (profile.officialName) {
    const { family, given } = profile.officialName;
    if (!family.trim()) errors.family = 'required';
    checkText(errors, 'family', family, MAX_SHORT);
    checkText(errors, 'given', given, MAX_SHORT);
    // Latin letters as on passports: a French doctor must be able to read it aloud.
    if (!LATIN_NAME.test(family) || (given !== undefined && !LATIN_NAME.test(given))) {
      errors.family = errors.family ?? 'not-latin';
    }
  }
  for (const [kind, at] of Object.entries(profile.declaredNone ?? {})) {
    if (!(DECLARABLE_KINDS as readonly string[]).includes(kind) || typeof at !== 'number') {
      errors.declaredNone = 'bad-value';
    }
  }
  checkDate(errors, 'birthDate', profile.birthDate, now);
  if (!SEXES.includes(profile.sex)) errors.sex = 'bad-value';
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
