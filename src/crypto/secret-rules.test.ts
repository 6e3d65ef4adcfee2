import { describe, expect, it } from 'vitest';
import { acceptNewSecret } from './kdf.ts';
import {
  PASSPHRASE_MIN_CHARS,
  PIN_MIN_DIGITS,
  newSecretProblem,
  normaliseSecret,
  sameSecret,
} from './secret-rules.ts';
import type { SecretKind } from './types.ts';

/** 246813 in each digit set a patient's keyboard may type. */
const PIN_246813 = {
  latin: '246813',
  arabicIndic: '٢٤٦٨١٣',
  persian: '۲۴۶۸۱۳',
  devanagari: '२४६८१३',
  bengali: '২৪৬৮১৩',
  tamil: '௨௪௬௮௧௩',
  fullwidth: '２４６８１３',
  mixed: '٢4۶８১3',
} as const;

const REFUSED_PINS = [
  '',
  '12345', // too short
  '٢٤٦٨١', // too short, Arabic-Indic
  '      ',
  '24681a', // a letter
  '2468l3', // a lower-case L for a 1
  '246-813',
  '246.813',
  '২৪৬৮১x',
  '๒๔๖๘๑๓', // Thai digits: not a set the PIN rule reads
  '²⁴⁶⁸¹³', // superscripts are not decimal digits
];

describe('the new-secret rule', () => {
  it('asks for 6 digits or 8 characters', () => {
    expect(PIN_MIN_DIGITS).toBe(6);
    expect(PASSPHRASE_MIN_CHARS).toBe(8);
  });

  it('accepts the same PIN in every digit set and reads it as Latin digits', () => {
    for (const [set, typed] of Object.entries(PIN_246813)) {
      expect(newSecretProblem(typed, 'pin'), set).toBeNull();
      expect(normaliseSecret(typed, 'pin'), set).toBe('246813');
      expect(sameSecret(typed, PIN_246813.latin, 'pin'), set).toBe(true);
    }
  });

  it('drops spaces in a PIN, wherever they are', () => {
    expect(newSecretProblem(' 246 813 ', 'pin')).toBeNull();
    expect(normaliseSecret('٢٤٦ ٨١٣', 'pin')).toBe('246813');
    expect(newSecretProblem('24 68 1', 'pin')).toBe('pin-format');
  });

  it('refuses a PIN that is too short or holds anything but digits', () => {
    for (const pin of REFUSED_PINS) expect(newSecretProblem(pin, 'pin'), pin).toBe('pin-format');
  });

  it('counts a passphrase in characters after normalisation', () => {
    expect(newSecretProblem('huit car', 'passphrase')).toBeNull();
    expect(newSecretProblem('كلمة سر طويلة', 'passphrase')).toBeNull();
    expect(newSecretProblem('1234567', 'passphrase')).toBe('passphrase-short');
    // Outer spaces go and inner runs count as one: "a  b  c  d" is 7 characters.
    expect(newSecretProblem('  a  b  c  d  ', 'passphrase')).toBe('passphrase-short');
    // Seven emoji are seven characters, not fourteen UTF-16 units.
    expect(newSecretProblem('🙂🙂🙂🙂🙂🙂🙂', 'passphrase')).toBe('passphrase-short');
    // NFD "é" (e + combining accent) is one character once composed.
    expect(newSecretProblem('cafécafé'.normalize('NFD').slice(0, -2), 'passphrase')).toBe(
      'passphrase-short',
    );
  });

  it('compares a typed-twice secret on its normalised form', () => {
    expect(sameSecret('٢٤٦٨١٣', '۲۴۶۸۱۳', 'pin')).toBe(true);
    expect(sameSecret('246813', '246812', 'pin')).toBe(false);
    expect(sameSecret('Crème  brûlée', 'Crème brûlée'.normalize('NFD'), 'passphrase')).toBe(true);
    expect(sameSecret('crème brûlée', 'Crème brûlée', 'passphrase')).toBe(false);
  });

  it('refuses a value that is not a string', () => {
    expect(() => normaliseSecret(123456 as unknown as string, 'pin')).toThrow('bad-input');
  });

  it('is the rule the vault applies: kdf accepts exactly what it accepts', () => {
    const samples = [
      ...Object.values(PIN_246813),
      ...REFUSED_PINS,
      ' 246 813 ',
      'huit car',
      '1234567',
      '  a  b  c  d  ',
      'une phrase secrète',
      '🙂🙂🙂🙂🙂🙂🙂🙂',
    ];
    for (const kind of ['pin', 'passphrase'] as SecretKind[]) {
      for (const secret of samples) {
        const problem = newSecretProblem(secret, kind);
        if (problem === null) {
          expect(acceptNewSecret(secret, kind), `${kind} ${secret}`).toBe(
            normaliseSecret(secret, kind),
          );
        } else {
          expect(() => acceptNewSecret(secret, kind), `${kind} ${secret}`).toThrow('weak-secret');
        }
      }
    }
  });
});
