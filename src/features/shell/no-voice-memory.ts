/**
 * Remembers, per language, that the patient has been told this phone cannot read that
 * language aloud, so the notice is said once and not on every screen or start. Not secret
 * (which voices a phone has), so localStorage.
 */
const KEY_PREFIX = 'carnet.noVoiceSaid.';

/** The parts of Storage used here, so tests can pass a plain object. */
export type SmallStorage = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): SmallStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Languages whose notice is on screen in this page (shown, not yet dismissed). */
const showing = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: a dismissal hides the notice wherever it is mounted. */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function snapshot(): number {
  return version;
}

/**
 * Whether to show the notice for `lng`: once ever per language (remembered the moment it is
 * shown, so a reload does not repeat it), and on later screens of the same visit until the
 * patient dismisses it.
 */
export function shouldSay(lng: string, store: SmallStorage | null = storage()): boolean {
  if (showing.has(lng)) return true;
  return store?.getItem(KEY_PREFIX + lng) === null;
}

/** Records that the notice for `lng` is on screen. A storage that refuses only costs a repeat. */
export function markSaid(lng: string, store: SmallStorage | null = storage()): void {
  if (showing.has(lng)) return;
  showing.add(lng);
  try {
    store?.setItem(KEY_PREFIX + lng, '1');
  } catch {
    // Full or private storage: the notice may come back next time, which is harmless.
  }
}

/** The patient has read it: gone from every screen. */
export function dismiss(lng: string): void {
  showing.delete(lng);
  changed();
}
