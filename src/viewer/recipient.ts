/**
 * The reader's name, remembered on the doctor's own device so it is asked once.
 * SECURITY: this is the only thing the viewer ever writes to storage. It is the doctor's
 * own name, sent as `recipient` and shown to the patient; no health data goes here.
 */
const KEY = 'carnet.viewer.recipient';
/** The relay accepts recipients up to this length. */
export const RECIPIENT_MAX = 120;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The name saved on this device, or null. */
export function savedRecipient(): string | null {
  const name = storage()?.getItem(KEY)?.trim();
  return name ? name.slice(0, RECIPIENT_MAX) : null;
}

/** Remembers the name on this device (silently skipped when storage is unavailable). */
export function saveRecipient(name: string): void {
  try {
    storage()?.setItem(KEY, name.trim().slice(0, RECIPIENT_MAX));
  } catch {
    // Private mode or full storage: the name is asked again next time.
  }
}
