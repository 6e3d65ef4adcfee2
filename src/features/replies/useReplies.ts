import { useEffect, useSyncExternalStore } from 'react';
import { useOnline } from '../share/useOnline.ts';
import { useSession } from '../session/session-context.ts';
import { checkReplies, currentReplies, forgetReplies, subscribeReplies } from './reply-sync.ts';

/** How often replies are looked for while the app is open, unlocked and online, ms. */
const EVERY_MS = 5 * 60_000;

/**
 * The replies waiting for review. While mounted, unlocked and online, looks for new ones
 * at once and every EVERY_MS; locking drops them from memory.
 */
export function useReplies() {
  const { store, state } = useSession();
  const online = useOnline();
  const unlocked = state.status === 'unlocked';
  const snapshot = useSyncExternalStore(subscribeReplies, currentReplies);

  useEffect(() => {
    if (!unlocked) {
      forgetReplies();
      return;
    }
    if (!online) return;
    void checkReplies(store.shares);
    const timer = window.setInterval(() => void checkReplies(store.shares), EVERY_MS);
    return () => window.clearInterval(timer);
  }, [store, unlocked, online]);

  return { ...snapshot, online, check: () => checkReplies(store.shares) };
}
