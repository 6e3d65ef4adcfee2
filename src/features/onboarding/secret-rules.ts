import type { SecretKind } from '../../record/store.ts';

/** Shortest PIN accepted: 6 digits (a million combinations; see SECURITY.md). */
export const MIN_PIN_DIGITS = 6;
/** Shortest passphrase accepted, in characters. */
export const MIN_PASSPHRASE_CHARS = 8;

export type SecretProblem = 'pin-format' | 'passphrase-short' | 'mismatch' | null;

/** What is wrong with a new PIN or passphrase, as a translation key suffix, or null. */
export function secretProblem(kind: SecretKind, secret: string, confirm: string): SecretProblem {
  if (kind === 'pin' && !new RegExp(`^\\d{${MIN_PIN_DIGITS},}$`).test(secret)) return 'pin-format';
  if (kind === 'passphrase' && [...secret.normalize('NFC')].length < MIN_PASSPHRASE_CHARS) {
    return 'passphrase-short';
  }
  if (secret !== confirm) return 'mismatch';
  return null;
}
