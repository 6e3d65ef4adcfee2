import { useCallback, useEffect, useState } from 'react';

/** The longest background work waits for the first screen after unlock (ms). */
const BACKGROUND_FALLBACK_MS = 10_000;

/**
 * Whether the open record's background work may start: the automatic backup check, which
 * first checks the whole record's integrity (work that grows with the record, on the main
 * thread). It waits until the first screen after unlock says it is drawn (`drawn`), or
 * BACKGROUND_FALLBACK_MS when that screen is another one; so a long record's summary is on
 * screen before that work begins. Delayed, never skipped. A lock reloads the page, so the
 * next unlock starts from a fresh state.
 */
export function useBackgroundStart(open: boolean): { allowed: boolean; drawn: () => void } {
  const [wasDrawn, setDrawn] = useState(false);
  const [timedOut, setTimedOut] = useState(false);
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => setTimedOut(true), BACKGROUND_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [open]);
  const drawn = useCallback(() => setDrawn(true), []);
  return { allowed: open && (wasDrawn || timedOut), drawn };
}
