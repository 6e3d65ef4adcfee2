import { describe, expect, it } from 'vitest';
import {
  STALE_AFTER_DAYS,
  backupWarning,
  daysSince,
  lastBackup,
  timeAgo,
} from './backup-status.ts';

const DAY = 24 * 60 * 60_000;
const NOW = Date.UTC(2025, 5, 20, 12, 0, 0);
const RELAY = { locator: 'l', token: 't', since: NOW - 30 * DAY };

describe('the last backup', () => {
  it('is the later of the last file and the last relay copy, saying which', () => {
    expect(lastBackup({})).toBeNull();
    expect(lastBackup({ lastFileAt: NOW - DAY })).toEqual({ at: NOW - DAY, where: 'file' });
    expect(lastBackup({ relay: RELAY, lastRelayAt: NOW - DAY })).toEqual({
      at: NOW - DAY,
      where: 'relay',
    });
    expect(lastBackup({ relay: RELAY, lastFileAt: NOW - 2 * DAY, lastRelayAt: NOW - DAY })).toEqual(
      { at: NOW - DAY, where: 'relay' },
    );
    expect(lastBackup({ relay: RELAY, lastFileAt: NOW - DAY, lastRelayAt: NOW - 2 * DAY })).toEqual(
      { at: NOW - DAY, where: 'file' },
    );
  });

  it('does not count a relay copy once the copy is turned off (it was deleted)', () => {
    expect(lastBackup({ lastRelayAt: NOW - DAY })).toBeNull();
    expect(lastBackup({ lastFileAt: NOW - 3 * DAY, lastRelayAt: NOW - DAY })).toEqual({
      at: NOW - 3 * DAY,
      where: 'file',
    });
  });
});

describe('the one backup warning on the summary', () => {
  const at = (days: number) => ({ at: NOW - days * DAY, where: 'file' as const });

  it('says there is none, more urgently when the browser may erase the data', () => {
    expect(backupWarning(null, true, NOW)).toBe('none');
    expect(backupWarning(null, false, NOW)).toBe('unprotected');
  });

  it(`warns after ${STALE_AFTER_DAYS} days without a backup, not before`, () => {
    expect(backupWarning(at(STALE_AFTER_DAYS - 1), true, NOW)).toBeNull();
    expect(backupWarning(at(STALE_AFTER_DAYS), true, NOW)).toBe('stale');
    expect(backupWarning(at(40), false, NOW)).toBe('stale');
  });

  it('is quiet with a recent backup, even when the browser may erase the data', () => {
    expect(backupWarning(at(0), false, NOW)).toBeNull();
    expect(backupWarning(at(2), true, NOW)).toBeNull();
  });

  it('counts whole days, and a time in the future as none', () => {
    expect(daysSince(NOW - 2 * DAY - 1, NOW)).toBe(2);
    expect(daysSince(NOW + DAY, NOW)).toBe(0);
  });
});

describe('how long ago, in words', () => {
  it('reads like "il y a 2 jours" in French and "2 days ago" in English', () => {
    expect(timeAgo(NOW - 2 * DAY - 5000, NOW, 'fr')).toBe('il y a 2 jours');
    expect(timeAgo(NOW - 2 * DAY, NOW, 'en')).toBe('2 days ago');
    expect(timeAgo(NOW - DAY, NOW, 'en')).toBe('1 day ago');
  });

  it('says "now" under a minute and for a time in the future', () => {
    expect(timeAgo(NOW - 59_000, NOW, 'en')).toBe('now');
    expect(timeAgo(NOW + 5 * DAY, NOW, 'fr')).toBe('maintenant');
  });

  it('uses minutes, hours, days, months and years as time goes by', () => {
    expect(timeAgo(NOW - 5 * 60_000, NOW, 'en')).toBe('5 minutes ago');
    expect(timeAgo(NOW - 3 * 60 * 60_000, NOW, 'en')).toBe('3 hours ago');
    expect(timeAgo(NOW - 45 * DAY, NOW, 'en')).toBe('45 days ago');
    expect(timeAgo(NOW - 90 * DAY, NOW, 'en')).toBe('3 months ago');
    expect(timeAgo(NOW - 800 * DAY, NOW, 'en')).toBe('2 years ago');
  });

  it('follows the language, right-to-left ones included', () => {
    expect(timeAgo(NOW - 2 * DAY, NOW, 'ar')).not.toBe(timeAgo(NOW - 2 * DAY, NOW, 'en'));
  });
});
