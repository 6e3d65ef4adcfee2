import type { Amount, Label } from '../share/ips-labels.ts';
import { findLanguage } from '../i18n/languages.ts';
import { formatDateTime } from '../i18n/format.ts';

/**
 * Formatting for the doctor's screen: age, time left, values, language names. Pure
 * functions over Intl, so they follow the viewer's language.
 */

/** Completed years and months between an ISO birth date and `now`; null if unreadable. */
export function ageOf(birthDate: string, now: Date): { years: number; months: number } | null {
  const [y, m, d] = birthDate.split('-').map(Number);
  if (y === undefined || !Number.isInteger(y)) return null;
  const month = m !== undefined && Number.isInteger(m) ? m : 1;
  const day = d !== undefined && Number.isInteger(d) ? d : 1;
  let months = (now.getFullYear() - y) * 12 + (now.getMonth() + 1 - month);
  if (now.getDate() < day) months -= 1;
  if (months < 0) return null;
  return { years: Math.floor(months / 12), months };
}

/** "in 3 hours", "in 25 minutes", "in 2 days", in `lng`, for a future epoch-ms time. */
export function timeLeft(untilMs: number, nowMs: number, lng: string): string {
  const rtf = new Intl.RelativeTimeFormat(lng, { numeric: 'auto' });
  const minutes = Math.max(0, Math.round((untilMs - nowMs) / 60_000));
  if (minutes < 90) return rtf.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return rtf.format(hours, 'hour');
  return rtf.format(Math.round(hours / 24), 'day');
}

/** A clock time and date, e.g. "22 nov., 18:30", in `lng`. */
export function dateTime(epochMs: number, lng: string): string {
  return formatDateTime(epochMs, lng, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A measured value with its unit; numbers use the viewer's decimal separator. */
export function amount(a: Amount, lng: string): string {
  const value =
    typeof a.value === 'number'
      ? new Intl.NumberFormat(lng, { maximumFractionDigits: 6 }).format(a.value)
      : a.value;
  return a.unit ? `${value} ${a.unit}` : value;
}

/** A language's name in `lng` (BCP 47 tag in; the tag itself if Intl does not know it). */
export function languageName(tag: string, lng: string): string {
  try {
    const name = new Intl.DisplayNames([lng], { type: 'language' }).of(tag);
    if (name && name !== tag) return name;
  } catch {
    // not a valid tag: words written by hand
  }
  return (lng === 'fr' ? findLanguage(tag)?.frenchName : undefined) ?? tag;
}

/** The translation of `label` into `lang` (exact tag, then the same base language). */
export function translationIn(label: Label | null | undefined, lang: string): string | undefined {
  if (!label) return undefined;
  const exact = label.translations[lang];
  if (exact) return exact;
  const base = lang.split('-')[0];
  const key = Object.keys(label.translations).find((k) => k.split('-')[0] === base);
  return key ? label.translations[key] : undefined;
}

/** Whether `value` (a code from the bundle) is one of `known`, narrowing it to their type. */
export function isOneOf<T extends string>(known: ReadonlySet<T>, value: string): value is T {
  return (known as ReadonlySet<string>).has(value);
}
