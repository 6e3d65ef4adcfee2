import { useEffect } from 'react';
import type { CarnetStore } from '../../record/store.ts';
import type { SessionState } from './session-context.ts';

/**
 * How long the whole record must stay as it is before its summary snapshot is written (ms):
 * changes made one after the other write it once.
 */
const KEEP_AFTER_MS = 500;

/**
 * Keeps the summary snapshot (record/summary-snapshot.ts) of the whole record on screen, in
 * the background once `allowed` (the first screen is drawn, see useBackgroundStart.ts), at
 * unlock and again after each change. Never awaited by a save: a snapshot that could not be
 * written only means that the next unlock reads the whole record first.
 */
export function useKeepSnapshot(store: CarnetStore, state: SessionState, allowed: boolean): void {
  useEffect(() => {
    if (!allowed || state.status !== 'unlocked' || state.partial) return;
    const { profiles, entries, unreadable, basis } = state;
    if (!basis || state.mustChooseSecret) return;
    const timer = setTimeout(() => {
      store.summary
        .keep({ profiles: [...profiles], entries: [...entries], unreadable, basis })
        .catch(() => undefined);
    }, KEEP_AFTER_MS);
    return () => clearTimeout(timer);
  }, [store, state, allowed]);
}
