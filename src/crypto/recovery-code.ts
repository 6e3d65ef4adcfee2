/**
 * The recovery code: how the 128-bit recovery key is written on the printed sheet.
 *
 * Format v1 (frozen): 28 symbols of Crockford base32 (`0-9 A-Z` without I, L, O, U), shown
 * as seven groups of four, e.g. `7K2M-Q9XD-...`:
 *   - symbols 1-26: the 16-byte key, big-endian, 5 bits per symbol; the last symbol's two
 *     low bits are zero (26 x 5 = 130 bits);
 *   - symbols 27-28: a 10-bit checksum, sum over i of (i + 1) x symbol[i], modulo 1021.
 * 1021 is prime and larger than every weight and symbol value, so any one mistyped symbol
 * and any two swapped symbols change the checksum; a random string passes 1 time in 1021.
 * Letters and digits only, so it reads the same in every language and script.
 *
 * Parsing forgives what people do when copying by hand: lower case, spaces, any kind of
 * dash, and O/0, I/1, L/1 confusion. Pure functions, no libsodium: the UI may call
 * `isWellFormedRecoveryCode` while the patient types.
 */
import type { RecoveryCode } from './types.ts';
import { CryptoError } from './types.ts';

/** Bytes of the recovery key. 128 bits: far beyond guessing, so it needs no Argon2id. */
export const RECOVERY_KEY_BYTES = 16;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DATA_SYMBOLS = 26;
const CHECK_MODULUS = 1021;
const ALIASES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

function checksum(symbols: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < DATA_SYMBOLS; i++) sum = (sum + (i + 1) * (symbols[i] ?? 0)) % CHECK_MODULUS;
  return sum;
}

/** Writes a 16-byte recovery key as `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`. */
export function formatRecoveryCode(key: Uint8Array): RecoveryCode {
  if (key.length !== RECOVERY_KEY_BYTES) throw new CryptoError('bad-input');
  const symbols: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const byte of key) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      symbols.push((acc >> bits) & 31);
    }
    acc &= (1 << bits) - 1;
  }
  symbols.push((acc << (5 - bits)) & 31); // 128 = 25 x 5 + 3: last symbol carries 3 bits
  const check = checksum(symbols);
  symbols.push(check >> 5, check & 31);
  const text = symbols.map((s) => ALPHABET[s]).join('');
  return (text.match(/.{4}/g) ?? []).join('-') as RecoveryCode;
}

function symbolsOf(text: string): number[] | undefined {
  const cleaned = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\p{Pd}_.]/gu, '');
  const symbols: number[] = [];
  for (const c of cleaned) {
    const v = ALPHABET.indexOf(ALIASES[c] ?? c);
    if (v < 0) return undefined;
    symbols.push(v);
  }
  return symbols.length === DATA_SYMBOLS + 2 ? symbols : undefined;
}

/**
 * Reads a recovery code back into its 16-byte key. A code of the wrong length, with a
 * foreign symbol or a failing checksum throws `CryptoError('bad-recovery-code')`.
 */
export function parseRecoveryCode(text: string): Uint8Array {
  const symbols = symbolsOf(text);
  const last = symbols?.[DATA_SYMBOLS - 1] ?? 1;
  if (!symbols || (last & 3) !== 0) throw new CryptoError('bad-recovery-code');
  const check = ((symbols[DATA_SYMBOLS] ?? 0) << 5) | (symbols[DATA_SYMBOLS + 1] ?? 0);
  if (check !== checksum(symbols)) throw new CryptoError('bad-recovery-code');
  const key = new Uint8Array(RECOVERY_KEY_BYTES);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < DATA_SYMBOLS; i++) {
    acc = (acc << 5) | (symbols[i] ?? 0);
    bits += 5;
    if (bits >= 8 && o < RECOVERY_KEY_BYTES) {
      bits -= 8;
      key[o++] = (acc >> bits) & 0xff;
      acc &= (1 << bits) - 1;
    }
  }
  return key;
}

/** True when `text` parses as a recovery code (right length, symbols and checksum). */
export function isWellFormedRecoveryCode(text: string): boolean {
  try {
    parseRecoveryCode(text);
    return true;
  } catch {
    return false;
  }
}
