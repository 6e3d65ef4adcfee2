import { intlLocales } from '../../i18n/format.ts';
/**
 * What the summary and the settings say about backups: the last one, and which single
 * warning (if any) to show. Pure, so the rules are tested without a browser.
 */

/** Days without a backup after which the summary warns. */
export const STALE_AFTER_DAYS = 14;

const DAY_MS = 24 * 60 * 60_000;

/** The backup times kept in the sealed prefs (BackupPrefs), epoch ms. */
export interface BackupTimes {
  readonly relay?: unknown;
  readonly lastFileAt?: number | undefined;
  readonly lastRelayAt?: number | undefined;
}

/** The latest backup: a file the patient saved, or the copy on the relay. */
export interface LastBackup {
  readonly at: number;
  readonly where: 'file' | 'relay';
}

/**
 * The later of the last file and the last relay copy. A relay time counts only while the
 * relay copy is on: once turned off, that copy is deleted and brings nothing back.
 */
export function lastBackup(times: BackupTimes): LastBackup | null {
  const relayAt = times.relay ? times.lastRelayAt : undefined;
  const fileAt = times.lastFileAt;
  if (relayAt !== undefined && (fileAt === undefined || relayAt >= fileAt)) {
    return { at: relayAt, where: 'relay' };
  }
  return fileAt === undefined ? null : { at: fileAt, where: 'file' };
}

/**
 * The one backup warning the summary shows, most urgent first:
 * - `unprotected`: no backup at all, and the browser refused to keep the data for sure;
 * - `none`: no backup at all;
 * - `stale`: none for STALE_AFTER_DAYS days or more.
 * Null when the last backup is recent. `persisted` is what the browser said.
 */
export type BackupWarning = 'unprotected' | 'none' | 'stale';

export function backupWarning(
  last: LastBackup | null,
  persisted: boolean,
  now: number,
): BackupWarning | null {
  if (!last) return persisted ? 'none' : 'unprotected';
  return daysSince(last.at, now) >= STALE_AFTER_DAYS ? 'stale' : null;
}

/** Whole days from `at` to `now` (0 for a time in the future: a clock set back). */
export function daysSince(at: number, now: number): number {
  return Math.max(0, Math.floor((now - at) / DAY_MS));
}

const STEPS: readonly { unit: Intl.RelativeTimeFormatUnit; ms: number; below: number }[] = [
  { unit: 'minute', ms: 60_000, below: 60 * 60_000 },
  { unit: 'hour', ms: 60 * 60_000, below: DAY_MS },
  { unit: 'day', ms: DAY_MS, below: 60 * DAY_MS },
  { unit: 'month', ms: 30 * DAY_MS, below: 365 * DAY_MS },
  { unit: 'year', ms: 365 * DAY_MS, below: Infinity },
];

/**
 * How long ago `at` was, in the words of `lng` ("il y a 2 jours", "now"), with
 * Intl.RelativeTimeFormat: under a minute (or in the future) is "now"; then minutes,
 * hours, days up to 60, months, years, each rounded down.
 */
export function timeAgo(at: number, now: number, lng: string): string {
  const elapsed = now - at;
  if (elapsed < 60_000) {
    return new Intl.RelativeTimeFormat(intlLocales(lng), { numeric: 'auto' }).format(0, 'second');
  }
  // Always a number ("il y a 2 jours"), not "avant-hier": plainer, and the same in every language.
  const format = new Intl.RelativeTimeFormat(intlLocales(lng), { numeric: 'always' });
  const step = STEPS.find((s) => elapsed < s.below) ?? { unit: 'year', ms: 365 * DAY_MS };
  return format.format(-Math.floor(elapsed / step.ms), step.unit);
}
