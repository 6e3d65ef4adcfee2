import type { ReactNode } from 'react';
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CarnetStore } from '../../record/store.ts';
import { BackupProvider } from '../backup/BackupProvider.tsx';
import { isAfterRecovery } from './after-recovery.ts';
import type { Session, SessionState } from './session-context.ts';
import { SessionContext } from './session-context.ts';
import { useAutoLock } from './useAutoLock.ts';
import { useBackgroundStart } from './useBackgroundStart.ts';
import { useKeepSnapshot } from './useKeepSnapshot.ts';

/** Performance mark set each time the record has been read (see bench/browser.ts). */
const RECORD_READ_MARK = 'carnet:record-read';

/**
 * The longest the whole record's read waits, after the summary snapshot's view is set, for
 * the summary to say it is drawn or for a screen to ask for the whole record (ms).
 */
const WHOLE_FALLBACK_MS = 1_000;

type Unlocked = Extract<SessionState, { status: 'unlocked' }>;
type Opening = Pick<Unlocked, 'status' | 'kind' | 'openedWith' | 'mustChooseSecret'>;

/** Holds the vault session: which screen applies, and the decrypted record while unlocked. */
export function SessionProvider({ store, children }: { store: CarnetStore; children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'starting' });
  const [selected, selectProfile] = useState<string | null>(null);
  /** Each read of the record takes the next number; only the latest one's result is shown. */
  const reads = useRef(0);
  /** Starts the whole record's read that waits behind the summary snapshot's first draw. */
  const release = useRef<(() => void) | null>(null);

  const readLockedState = useCallback(async (): Promise<SessionState> => {
    const presence = await store.presence();
    return presence.exists ? { status: 'locked', kind: presence.kind } : { status: 'new' };
  }, [store]);

  /** Reads the whole record and shows it, unless a later read started meanwhile. */
  const readWhole = useCallback(
    async (read: number, opening: Opening) => {
      const { profiles, entries, unreadable, basis } = await store.summary.load();
      // A named instant for `npm run bench`: the whole record is read and decrypted (the time
      // from `carnet:unlocked` to here, beside the summary's `carnet:summary-drawn`). No data.
      performance.clearMarks(RECORD_READ_MARK);
      performance.mark(RECORD_READ_MARK);
      if (read !== reads.current) return;
      const unlocked: Unlocked = {
        ...opening,
        profiles,
        entries,
        unreadable,
        partial: null,
        basis,
      };
      // A transition: the screen shown now stays until the next one's code has loaded. Without
      // it, a lazy screen shows the loading fallback, which React then keeps for 300 ms or more.
      startTransition(() => setState(unlocked));
    },
    [store],
  );

  /** Reads the record; at unlock (`fromSnapshot`), its summary snapshot first when it can. */
  const read = useCallback(
    async (fromSnapshot: boolean) => {
      const current = ++reads.current;
      const presence = await store.presence();
      if (!presence.exists) return setState({ status: 'new' });
      const mustChooseSecret = isAfterRecovery();
      const [view, openedWith] = await Promise.all([
        // Any failure here only means reading the whole record first, as without a snapshot.
        fromSnapshot && !mustChooseSecret ? store.summary.open().catch(() => null) : null,
        store.unlockedWith(),
      ]);
      const opening: Opening = {
        status: 'unlocked',
        kind: presence.kind,
        openedWith: openedWith ?? 'secret',
        mustChooseSecret,
      };
      if (!view || current !== reads.current) return readWhole(current, opening);
      const drawn = new Promise<void>((resolve) => {
        release.current = resolve;
        setTimeout(resolve, WHOLE_FALLBACK_MS);
      });
      const { profiles, entries, unreadable, totals } = view;
      const partial: Unlocked = {
        ...opening,
        profiles,
        entries,
        unreadable,
        partial: totals,
        basis: null,
      };
      startTransition(() => setState(partial));
      // The whole record is read once the summary is on screen, so that its reading and
      // decoding never delay that first frame.
      await drawn;
      release.current = null;
      try {
        await readWhole(current, opening);
      } catch (err) {
        // SAFETY: never leave the summary's part of the record on screen as if it were whole.
        if (current === reads.current) setState({ status: 'unavailable' });
        throw err;
      }
    },
    [store, readWhole],
  );

  const opened = useCallback(() => read(true), [read]);
  const refresh = useCallback(() => read(false), [read]);

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

  // The whole record is open for the patient (not only for choosing a new PIN): backups may
  // run, once its first screen is drawn.
  const recordOpen = state.status === 'unlocked' && !state.mustChooseSecret && !state.partial;
  const background = useBackgroundStart(recordOpen);
  const backgroundDrawn = background.drawn;
  useKeepSnapshot(store, state, background.allowed);

  const screenDrawn = useCallback(() => {
    backgroundDrawn();
    const start = release.current;
    // One frame more first: the summary is on screen before the whole record's read and
    // decoding take the main thread.
    if (start) requestAnimationFrame(() => setTimeout(start, 0));
  }, [backgroundDrawn]);
  const wholeNeeded = useCallback(() => release.current?.(), []);

  const session = useMemo<Session>(
    () => ({
      state,
      store,
      refresh,
      opened,
      lock,
      activeProfileId,
      selectProfile,
      screenDrawn,
      wholeNeeded,
    }),
    [state, store, refresh, opened, lock, activeProfileId, screenDrawn, wholeNeeded],
  );
  return (
    <SessionContext.Provider value={session}>
      <BackupProvider store={store} active={background.allowed}>
        {children}
      </BackupProvider>
    </SessionContext.Provider>
  );
}
