import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './limits.ts';
import { isCompactJwe, parseRecipient } from './validate.ts';

describe('isCompactJwe', () => {
  it('accepts five base64url parts with an empty encrypted key', () => {
    expect(isCompactJwe('eyJhbGciOiJkaXIifQ..aXY.Y3Q.dGFn')).toBe(true);
    expect(isCompactJwe('eyJh.a2V5.aXY.Y3Q.dGFn')).toBe(true);
  });

  it('refuses other shapes', () => {
    for (const s of [
      '',
      'a.b.c',
      'a..b.c',
      '.a.b.c.d',
      'a..b..c',
      'a..b.c.',
      'a..b.c.d.e',
      'a..b c.d.e',
      'a..b.c.d=',
    ]) {
      expect(isCompactJwe(s)).toBe(false);
    }
  });
});

describe('parseRecipient', () => {
  it('trims and keeps names in any script', () => {
    expect(parseRecipient('  د. أحمد  ', DEFAULT_LIMITS)).toEqual({ ok: true, value: 'د. أحمد' });
  });

  it('drops control and bidi override characters', () => {
    expect(parseRecipient('Dr\u202eevil\u0000', DEFAULT_LIMITS)).toEqual({
      ok: true,
      value: 'Dr evil',
    });
  });

  it('refuses empty, blank-after-cleaning and overlong names', () => {
    for (const v of [undefined, 3, '', '   ', '\u202e\u2066']) {
      expect(parseRecipient(v, DEFAULT_LIMITS).ok).toBe(false);
    }
    expect(parseRecipient('x'.repeat(201), DEFAULT_LIMITS).ok).toBe(false);
  });
});
