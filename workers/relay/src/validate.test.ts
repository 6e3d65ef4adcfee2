import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './limits.ts';
import { parseCreate, parseManifest, parseRecipient } from './validate.ts';

describe('parseRecipient', () => {
  it('trims and keeps names in any script', () => {
    expect(parseRecipient('  د. أحمد  ', DEFAULT_LIMITS)).toEqual({ ok: true, value: 'د. أحمد' });
    expect(parseRecipient(' Dr   Martin ', DEFAULT_LIMITS)).toEqual({
      ok: true,
      value: 'Dr Martin',
    });
  });

  it('drops control and bidi override characters', () => {
    expect(parseRecipient('Dr\u202eevil\u0000', DEFAULT_LIMITS)).toEqual({
      ok: true,
      value: 'Dr evil',
    });
  });

  it('removes zero-width characters and LRM, RLM, ALM marks, and normalises (NFKC)', () => {
    const disguised = '\u200eDr\u200b Mar\u200ctin\u200d\u2060\ufeff\u200f\u061c\u00ad';
    expect(parseRecipient(disguised, DEFAULT_LIMITS)).toEqual({ ok: true, value: 'Dr Martin' });
    // Full-width letters and a no-break space read as the plain ones they look like.
    expect(parseRecipient('Ｄｒ\u00a0\u2003Martin\u2028x', DEFAULT_LIMITS)).toEqual({
      ok: true,
      value: 'Dr Martin x',
    });
    expect(parseRecipient('د. أحمد كريمي', DEFAULT_LIMITS)).toEqual({
      ok: true,
      value: 'د. أحمد كريمي',
    });
  });

  it('refuses empty, blank-after-cleaning and overlong names', () => {
    for (const v of [undefined, 3, '', '   ', '\u202e\u2066', '\u200b\u200e\u200f']) {
      expect(parseRecipient(v, DEFAULT_LIMITS).ok).toBe(false);
    }
    expect(parseRecipient('x'.repeat(201), DEFAULT_LIMITS).ok).toBe(false);
  });
});

describe('parseCreate and parseManifest', () => {
  const now = 1_700_000_000;
  const file = { contentType: 'application/fhir+json', length: 100 };
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

  it('refuse unknown keys, and files with their JWE inline with a code of their own', () => {
    expect(codeOf({ files: [file], exp: now + 60, extra: 1 })).toBe('bad_request');
    expect(codeOf({ files: [{ ...file, name: 'x' }], exp: now + 60 })).toBe('bad_request');
    expect(
      codeOf({ files: [{ contentType: 'application/fhir+json', jwe: 'a..b.c.d' }], exp: now + 60 }),
    ).toBe('inline_files_unsupported');
    expect(codeOf({ files: [{ ...file, length: 64 * 1024 * 1024 + 1 }], exp: now + 60 })).toBe(
      'body_too_large',
    );
  });

  it('read absent options, and an empty manifest passcode, as null', () => {
    expect(parseCreate({ files: [file], exp: now + 60 }, DEFAULT_LIMITS, now)).toEqual({
      ok: true,
      value: { files: [file], exp: now + 60, passcode: null, maxUses: null, replyTokenHash: null },
    });
    const replyTokenHash = 'h'.repeat(43);
    const withHash = parseCreate(
      { files: [file], exp: now + 60, replyTokenHash },
      DEFAULT_LIMITS,
      now,
    );
    expect(withHash.ok && withHash.value.replyTokenHash).toBe(replyTokenHash);
    expect(parseManifest({ recipient: ' Dr M ', passcode: '' }, DEFAULT_LIMITS)).toEqual({
      ok: true,
      value: { recipient: 'Dr M', passcode: null, embeddedLengthMax: null },
    });
  });
});
