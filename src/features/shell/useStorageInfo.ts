import { useCallback, useEffect, useState } from 'react';
import type { StorageInfo } from '../../record/store.ts';
import { useSession } from '../session/session-context.ts';

/**
 * What the browser lets Carnet keep (persistence, usage, quota), read once on mount;
 * `refresh` reads it again (after asking for persistence). Null while reading.
 */
export function useStorageInfo(): { info: StorageInfo | null; refresh: () => Promise<void> } {
  const { store } = useSession();
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const read = useCallback(
    () => store.storageInfo().catch((): StorageInfo => ({ persisted: false })),
    [store],
  );
  useEffect(() => {
    let live = true;
    void read().then((i) => live && setInfo(i));
    return () => {
      live = false;
    };
  }, [read]);
  const refresh = useCallback(async () => setInfo(await read()), [read]);
  return { info, refresh };
}
