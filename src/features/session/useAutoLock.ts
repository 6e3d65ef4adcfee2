import { useEffect } from 'react';
import type { CarnetStore } from '../../record/store.ts';
import { DEFAULT_SETTINGS } from '../../record/store.ts';

/** Lock when the app has been out of sight (another app, screen off) for this long. */
const HIDDEN_LOCK_MS = 60_000;

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;

/**
 * Locks the vault after the patient's idle setting (default 5 minutes without a touch),
 * and when the app has been hidden for over a minute.
 *
 * SECURITY: a phone put down unlocked, or handed over, must not stay open. Timers are
 * throttled in hidden tabs, so the hidden check also runs when the app becomes visible.
 */
export function useAutoLock(store: CarnetStore, active: boolean, lock: () => Promise<void>): void {
  useEffect(() => {
    if (!active) return;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    let hiddenTimer: ReturnType<typeof setTimeout> | undefined;
    let hiddenSince: number | null = null;
    let idleMs = DEFAULT_SETTINGS.lockAfterMinutes * 60_000;
    let stopped = false;

    const lockNow = () => {
      if (stopped) return;
      stopped = true;
      void lock();
    };
    const resetIdle = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(lockNow, idleMs);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenSince = Date.now();
        hiddenTimer = setTimeout(lockNow, HIDDEN_LOCK_MS);
      } else {
        clearTimeout(hiddenTimer);
        if (hiddenSince !== null && Date.now() - hiddenSince >= HIDDEN_LOCK_MS) lockNow();
        hiddenSince = null;
        resetIdle();
      }
    };

    store.settings().then(
      (s) => {
        idleMs = s.lockAfterMinutes * 60_000;
        resetIdle();
      },
      () => resetIdle(),
    );
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, resetIdle, { passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      clearTimeout(idleTimer);
      clearTimeout(hiddenTimer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, resetIdle);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [store, active, lock]);
}
