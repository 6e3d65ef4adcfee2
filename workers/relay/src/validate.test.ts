import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './limits.ts';
import { parseCreate, parseManifest, parseRecipient } from './validate.ts';

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

describe('parseCreate and parseManifest', () => {
  const now = 1_700_000_000;
  const file = { contentType: 'application/fhir+json', jwe: 'eyJhbGciOiJkaXIifQ..aXY.Y3Q.dGFn' };
  const codeOf = (body: unknown): string => {
    const parsed = parseCreate(body, DEFAULT_LIMITS, now);
    return parsed.ok ? 'ok' : parsed.refusal.error;
  };

  it('answer the first fault in body order; count and expiry have codes of their own', () => {
    expect(codeOf({ files: [...Array<unknown>(21).fill(file), null], exp: now })).toBe(
      'too_many_files',
    );
    expect(codeOf({ files: [null], exp: now })).toBe('bad_request');
    expect(codeOf({ files: [file], exp: now, passcode: '' })).toBe('already_expired');
    expect(codeOf({ files: [file], exp: now + 31 * 86_400, maxUses: 0 })).toBe('lifetime_too_long');
    expect(codeOf({ files: [file], exp: now + 60, maxUses: 0 })).toBe('bad_request');
  });

  it('read absent options, and an empty manifest passcode, as null', () => {
    expect(parseCreate({ files: [file], exp: now + 60, extra: 1 }, DEFAULT_LIMITS, now)).toEqual({
      ok: true,
      value: { files: [file], exp: now + 60, passcode: null, maxUses: null },
    });
    expect(parseManifest({ recipient: ' Dr M ', passcode: '' }, DEFAULT_LIMITS)).toEqual({
      ok: true,
      value: { recipient: 'Dr M', passcode: null, embeddedLengthMax: null },
    });
  });
});
