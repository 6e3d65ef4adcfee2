import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

const isOnline = () => navigator.onLine;

/**
 * Whether the browser believes it is online, updated as the network comes and goes. An
 * external store, so that a change between the first render and the listeners being added
 * is not missed: React reads `navigator.onLine` again once subscribed. (With a state set
 * at render and listeners added in an effect, a connection lost in between left the share
 * screen saying it was online.)
 */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, isOnline);
}
