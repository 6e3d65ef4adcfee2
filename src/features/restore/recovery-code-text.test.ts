import { describe, expect, it } from 'vitest';
import { readRecoveryCode, recoveryCodeSymbols } from './recovery-code-text.ts';

const PRINTED = '7K2M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTV';

describe('a recovery code as typed or scanned', () => {
  it('reads the printed form, and the QR code’s text, as they are', () => {
    expect(readRecoveryCode(PRINTED)).toBe(PRINTED);
  });

  it('forgives small letters, spaces, any dash and no separator at all', () => {
    expect(readRecoveryCode('7k2m q9xd 0a1b cdef ghjk mnpq rstv')).toBe(PRINTED);
    expect(readRecoveryCode('  7K2MQ9XD0A1BCDEFGHJKMNPQRSTV ')).toBe(PRINTED);
    expect(readRecoveryCode('7K2M–Q9XD—0A1B‐CDEF_GHJK.MNPQ-RSTV')).toBe(PRINTED);
    // Full-width characters, as some keyboards type them.
    expect(readRecoveryCode('７Ｋ２Ｍ-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTV')).toBe(PRINTED);
  });

  it('reads the look-alikes O, I and L as 0, 1 and 1, as the vault does', () => {
    expect(readRecoveryCode('7K2M-Q9XD-OAIB-CDEF-GHJK-MNPQ-RSTV')).toBe(PRINTED);
    expect(readRecoveryCode('7K2M-Q9XD-0Alb-CDEF-GHJK-MNPQ-RSTV')).toBe(PRINTED);
  });

  it('refuses what is not a recovery code: a link, a short code, a foreign letter', () => {
    expect(readRecoveryCode('https://carnet.example/v#shlink:/eyJ1cmwiOi')).toBeNull();
    expect(readRecoveryCode('7K2M-Q9XD-0A1B-CDEF-GHJK-MNPQ')).toBeNull();
    expect(readRecoveryCode(`${PRINTED}-0000`)).toBeNull();
    expect(readRecoveryCode('7K2M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTU')).toBeNull();
    expect(readRecoveryCode('7K2M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTé')).toBeNull();
    expect(readRecoveryCode('')).toBeNull();
  });

  it('counts what was typed so far, or says it cannot be a code', () => {
    expect(recoveryCodeSymbols('7k2m-q9')).toBe('7K2MQ9');
    expect(recoveryCodeSymbols('')).toBe('');
    expect(recoveryCodeSymbols('code: 7K2M')).toBeNull();
  });
});
