/**
 * The one rule for PINs and passphrases: how a typed secret is normalised, and what a new
 * one must be. Pure (no libsodium, no worker), so the screens import it to explain a
 * refusal before anything is sent to the worker, and the vault (kdf.ts) applies the very
 * same rule when it creates or changes a wrap. A screen and the vault can never disagree.
 */
import { asciiDigits } from './encoding.ts';
import type { SecretKind } from './types.ts';
import { CryptoError } from './types.ts';

/** Shortest accepted PIN, in digits: a million combinations (see SECURITY.md). */
export const PIN_MIN_DIGITS = 6;
/** Shortest accepted passphrase, in characters (code points) after normalisation. */
export const PASSPHRASE_MIN_CHARS = 8;

/** What is wrong with a new secret; the screens map it to `onboarding:secret.problem.*`. */
export type SecretRuleProblem = 'pin-format' | 'passphrase-short';

/**
 * The canonical form of a secret, the bytes Argon2id sees. Unicode NFC, so the same
 * passphrase typed on two keyboards is the same; for a PIN, every digit set above is read
 * as 0-9 (an Arabic keyboard's ١٢٣ is 123) and spaces are dropped; for a passphrase,
 * leading and trailing spaces are dropped and inner runs of spaces count as one (phone
 * keyboards add a space after each suggested word).
 *
 * SECURITY: FROZEN with v1. Every stored wrap was made from this form; changing what it
 * returns for an accepted secret locks that patient out (fixtures/v1-vectors.json checks it).
 * Throws `bad-input` when `secret` is not a string.
 */
export function normaliseSecret(secret: string, kind: SecretKind): string {
  if (typeof secret !== 'string') throw new CryptoError('bad-input');
  const nfc = secret.normalize('NFC');
  return kind === 'pin' ? asciiDigits(nfc).replace(/\s+/gu, '') : nfc.trim().replace(/\s+/gu, ' ');
}

const PIN_FORMAT = new RegExp(`^[0-9]{${PIN_MIN_DIGITS},}$`);

/**
 * What is wrong with `secret` as a new PIN or passphrase, judged on its normalised form, or
 * null when it is acceptable: a PIN is at least 6 digits of any set above and nothing else
 * (spaces aside); a passphrase is at least 8 characters. Only for new secrets: unlocking
 * never re-checks, so a rule raised later never locks anyone out.
 */
export function newSecretProblem(secret: string, kind: SecretKind): SecretRuleProblem | null {
  const normal = normaliseSecret(secret, kind);
  if (kind === 'pin') return PIN_FORMAT.test(normal) ? null : 'pin-format';
  return [...normal].length >= PASSPHRASE_MIN_CHARS ? null : 'passphrase-short';
}

/**
 * True when `a` and `b` are the same secret once normalised: a PIN typed once in Arabic
 * digits and once in Latin digits is the same PIN. Not constant-time: for comparing what
 * the patient typed twice on a form, never for checking a stored secret.
 */
export function sameSecret(a: string, b: string, kind: SecretKind): boolean {
  return normaliseSecret(a, kind) === normaliseSecret(b, kind);
}
