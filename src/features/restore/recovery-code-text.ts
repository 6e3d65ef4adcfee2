/**
 * A recovery code as a person types it or a camera reads it from the printed sheet (whose QR
 * code holds the code exactly as printed, `XXXX-XXXX-...`; see onboarding/RecoveryStep).
 * Shape only: 28 symbols of Crockford base32, forgiving case, spaces, any dash and the
 * O/0, I/1, L/1 look-alikes, as the vault does. The checksum and the key are the vault's
 * business (crypto/recovery-code.ts): a typo it catches comes back as `bad-recovery-code`.
 */

/** Symbols in a recovery code (format v1, frozen). */
const RECOVERY_CODE_SYMBOLS = 28;

const ALPHABET = /^[0-9A-HJKMNP-TV-Z]$/;
const ALIASES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/**
 * The symbols of `text`, upper case, look-alikes mapped, separators dropped; null when it
 * holds anything else (a share link, a word). Its length is not checked.
 */
export function recoveryCodeSymbols(text: string): string | null {
  const cleaned = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\p{Pd}_.]/gu, '');
  let out = '';
  for (const c of cleaned) {
    const symbol = ALIASES[c] ?? c;
    if (!ALPHABET.test(symbol)) return null;
    out += symbol;
  }
  return out;
}

/**
 * The code written the printed way (groups of four joined by dashes), or null when `text`
 * is not 28 recovery-code symbols: a scanned QR code that is not a recovery sheet's, or a
 * code typed short.
 */
export function readRecoveryCode(text: string): string | null {
  const symbols = recoveryCodeSymbols(text);
  if (symbols?.length !== RECOVERY_CODE_SYMBOLS) return null;
  return (symbols.match(/.{4}/g) ?? []).join('-');
}
