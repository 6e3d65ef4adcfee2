/**
 * Intl.DateTimeFormat instances by language and which parts are shown: making one costs
 * about a millisecond, and a long record formats thousands of dates.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat | null>();

/**
 * Every date is shown in the Gregorian calendar, the one on French papers, with the
 * language's own month names and digits. Left to itself, Intl shows Dari and Pashto dates in
 * the Solar Hijri calendar: "۱۲ حمل ۱۴۰۶" for 1 April 2027, which the patient cannot match
 * with the paper in hand, and a month or a year known alone would become one it is not
 * (a solar month straddles two Gregorian ones).
 */
const GREGORIAN = { calendar: 'gregory' } as const;

/**
 * The languages Intl is asked for: `lng`, then French. A language Intl does not know
 * (Haitian Creole) then reads French month names and units, which its speakers meet on
 * every paper, instead of the runtime's default (US English).
 */
export function intlLocales(lng: string | undefined): string[] {
  return lng ? [lng, 'fr'] : ['fr'];
}

/**
 * A date and time in `lng` (share expiries, backups), in the Gregorian calendar (GREGORIAN);
 * the text of the date itself when `lng` is not one Intl knows.
 */
export function formatDateTime(
  when: number | Date,
  lng: string | undefined,
  options: Intl.DateTimeFormatOptions,
): string {
  try {
    return new Intl.DateTimeFormat(intlLocales(lng), { ...GREGORIAN, ...options }).format(when);
  } catch {
    return new Date(when).toISOString();
  }
}

function dateFormat(lng: string, parts: 'y' | 'ym' | 'ymd'): Intl.DateTimeFormat | null {
  const key = `${lng}|${parts}`;
  const known = dateFormats.get(key);
  if (known !== undefined) return known;
  const options: Intl.DateTimeFormatOptions = { ...GREGORIAN, timeZone: 'UTC', year: 'numeric' };
  if (parts !== 'y') options.month = parts === 'ymd' ? 'short' : 'long';
  if (parts === 'ymd') options.day = 'numeric';
  let made: Intl.DateTimeFormat | null;
  try {
    made = new Intl.DateTimeFormat(intlLocales(lng), options);
  } catch {
    made = null;
  }
  dateFormats.set(key, made);
  return made;
}

/**
 * Formats a full or partial ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) for `lng` with Intl,
 * showing only the parts that are known. Dates are calendar dates: formatted in UTC so
 * they never shift by a day with the phone's time zone.
 */
export function formatIsoDate(value: string, lng: string): string {
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined || Number.isNaN(y)) return value;
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  const parts = m === undefined ? 'y' : d === undefined ? 'ym' : 'ymd';
  try {
    return dateFormat(lng, parts)?.format(date) ?? value;
  } catch {
    return value;
  }
}

/** Formats a byte count (storage usage) for `lng`. */
export function formatBytes(bytes: number, lng: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return new Intl.NumberFormat(intlLocales(lng), {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && i > 0 ? 1 : 0,
  }).format(value);
}
