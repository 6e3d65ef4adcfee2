import type { ReactNode } from 'react';
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import type { CarnetStore } from '../../record/store.ts';
import { BackupProvider } from '../backup/BackupProvider.tsx';
import { isAfterRecovery } from './after-recovery.ts';
import type { Session, SessionState } from './session-context.ts';
import { SessionContext } from './session-context.ts';
import { useAutoLock } from './useAutoLock.ts';
import { useBackgroundStart } from './useBackgroundStart.ts';

/** Performance mark set each time the record has been read (see bench/browser.ts). */
const RECORD_READ_MARK = 'carnet:record-read';

/** Holds the vault session: which screen applies, and the decrypted record while unlocked. */
export function SessionProvider({ store, children }: { store: CarnetStore; children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'starting' });
  const [selected, selectProfile] = useState<string | null>(null);

  const readLockedState = useCallback(async (): Promise<SessionState> => {
    const presence = await store.presence();
    return presence.exists ? { status: 'locked', kind: presence.kind } : { status: 'new' };
  }, [store]);

  const opened = useCallback(async () => {
    const presence = await store.presence();
    if (!presence.exists) return setState({ status: 'new' });
    const [record, openedWith] = await Promise.all([store.load(), store.unlockedWith()]);
    // A named instant for `npm run bench`: the whole record is read and decrypted (the time
    // from `carnet:unlocked` to here, beside the summary's `carnet:summary-drawn`). No data.
    performance.clearMarks(RECORD_READ_MARK);
    performance.mark(RECORD_READ_MARK);
    const unlocked = {
      status: 'unlocked',
      kind: presence.kind,
      openedWith: openedWith ?? 'secret',
      mustChooseSecret: isAfterRecovery(),
      ...record,
    } as const;
    // A transition: the screen shown now stays until the next one's code has loaded. Without
    // it, a lazy screen shows the loading fallback, which React then keeps for 300 ms or more.
    startTransition(() => setState(unlocked));
  }, [store]);

  const lock = useCallback(async () => {
    // SECURITY: drop the decrypted record from React state before anything else.
    setState({ status: 'starting' });
    try {
      await store.lock();
    } finally {
      // SECURITY: the worker is gone with its key (store.lock ends it); what the page itself
      // decrypted may live on in closures, caches and blob URLs. A reload drops this whole
      // JavaScript realm; the service worker serves the page again, offline too.
      window.location.reload();
    }
  }, [store]);

  useEffect(() => {
    let cancelled = false;
    readLockedState().then(
      (next) => !cancelled && startTransition(() => setState(next)),
      () => !cancelled && setState({ status: 'unavailable' }),
    );
    return () => {
      cancelled = true;
    };
  }, [readLockedState]);

  useAutoLock(store, state.status === 'unlocked', lock);

  // The chosen profile if it still exists, else the patient's own, else the first.
  const profiles = state.status === 'unlocked' ? state.profiles : [];
  const activeProfileId =
    profiles.find((p) => p.id === selected)?.id ??
    profiles.find((p) => p.relation === 'self')?.id ??
    profiles[0]?.id ??
    null;

  // The record is open for the patient (not only for choosing a new PIN): backups may run,
  // once its first screen is drawn.
  const recordOpen = state.status === 'unlocked' && !state.mustChooseSecret;
  const background = useBackgroundStart(recordOpen);
  const screenDrawn = background.drawn;

  const session = useMemo<Session>(
    () => ({
      state,
      store,
      refresh: opened,
      opened,
      lock,
      activeProfileId,
      selectProfile,
      screenDrawn,
    }),
    [state, store, opened, lock, activeProfileId, screenDrawn],
  );
  return (
    <SessionContext.Provider value={session}>
      <BackupProvider store={store} active={background.allowed}>
        {children}
      </BackupProvider>
    </SessionContext.Provider>
  );
}
