import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatIsoDate } from './format.ts';

describe('formatIsoDate', () => {
  it('shows only the known parts, in the language asked', () => {
    expect(formatIsoDate('2024', 'fr')).toBe('2024');
    expect(formatIsoDate('2024-03', 'fr')).toBe('mars 2024');
    expect(formatIsoDate('2024-03-05', 'fr')).toBe('5 mars 2024');
    expect(formatIsoDate('2024-03-05', 'en')).toBe('Mar 5, 2024');
  });

  it('gives the same answer when a language is asked again (formats are kept)', () => {
    const first = formatIsoDate('2023-12-31', 'ar');
    expect(formatIsoDate('2023-12-31', 'ar')).toBe(first);
    expect(formatIsoDate('2023-12-31', 'fr')).toBe('31 déc. 2023');
  });

  it('returns the text as it is when it is not a date or the language is unknown', () => {
    expect(formatIsoDate('not a date', 'fr')).toBe('not a date');
    expect(formatIsoDate('2024-13-40', 'fr')).not.toBe('');
    expect(formatIsoDate('2024-03-05', '!!')).toBe('2024-03-05');
  });
});

describe('dates are Gregorian in every language, as on French papers', () => {
  // 1 April 2027 is 12 Hamal 1406 in the Solar Hijri calendar Intl picks for Dari and Pashto.
  it.each(['prs', 'ps', 'ar', 'fa'])('%s: the year is 2027, never 1406', (lng) => {
    const digits = (text: string) =>
      text.replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
    const western = (text: string) =>
      digits(text).replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
    for (const text of [
      formatIsoDate('2027-04-01', lng),
      formatIsoDate('2027-04', lng),
      formatIsoDate('2027', lng),
      formatDateTime(Date.UTC(2027, 3, 1, 12), lng, { dateStyle: 'long' }),
    ]) {
      expect(western(text)).toContain('2027');
      expect(western(text)).not.toContain('1406');
    }
  });

  it('formatDateTime falls back to the ISO date for a language Intl does not know', () => {
    expect(formatDateTime(Date.UTC(2027, 3, 1), '!!', { dateStyle: 'long' })).toBe(
      '2027-04-01T00:00:00.000Z',
    );
  });
});

describe('a language Intl does not know reads French, not US English', () => {
  it('Haitian Creole: French month names and units', () => {
    expect(formatIsoDate('2027-04', 'ht')).toBe('avril 2027');
    expect(formatIsoDate('2027-04-01', 'ht')).toBe('1 avr. 2027');
    expect(formatBytes(2_500_000, 'ht')).toBe(formatBytes(2_500_000, 'fr'));
    expect(
      formatDateTime(Date.UTC(2027, 3, 1, 12), 'ht', { dateStyle: 'long', timeZone: 'UTC' }),
    ).toBe('1 avril 2027');
  });
});
