import { describe, expect, it } from 'vitest';
import { formatIsoDate } from './format.ts';

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
