/**
 * Formats a full or partial ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) for `lng` with Intl,
 * showing only the parts that are known. Dates are calendar dates: formatted in UTC so
 * they never shift by a day with the phone's time zone.
 */
export function formatIsoDate(value: string, lng: string): string {
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined || Number.isNaN(y)) return value;
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (m !== undefined) options.month = d !== undefined ? 'short' : 'long';
  if (d !== undefined) options.day = 'numeric';
  try {
    return new Intl.DateTimeFormat(lng, options).format(date);
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
  return new Intl.NumberFormat(lng, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && i > 0 ? 1 : 0,
  }).format(value);
}
