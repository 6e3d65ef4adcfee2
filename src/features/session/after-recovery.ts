/**
 * "The recovery code opened Carnet; a new PIN is still to be chosen." Kept in
 * sessionStorage (`carnet.afterRecovery`, for this tab's life) so that a reload, which
 * always locks, cannot skip the "choose a new PIN" screen: whichever way the vault is opened
 * next, that screen comes first until a new secret is saved. Nothing secret is in it.
 * A browser that refuses sessionStorage keeps it in memory, for this page only.
 */
const KEY = 'carnet.afterRecovery';

let inMemory = false;

/** Set once the recovery code has opened the vault. */
export function markAfterRecovery(): void {
  inMemory = true;
  try {
    sessionStorage.setItem(KEY, '1');
  } catch {
    // Storage refused (private mode, quota): the in-memory flag still holds for this page.
  }
}

/** True from a recovery-code unlock until a new PIN or passphrase is saved. */
export function isAfterRecovery(): boolean {
  if (inMemory) return true;
  try {
    return sessionStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/** Cleared only once the new PIN or passphrase is saved. */
export function clearAfterRecovery(): void {
  inMemory = false;
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
