import { useCallback } from 'react';
import type { StorageInfo } from '../../record/store.ts';
import { useSession } from '../session/session-context.ts';
import { useStoreQuery } from './useStoreQuery.ts';

/**
 * What the browser lets Carnet keep (persistence, usage, quota), read once on mount;
 * `refresh` reads it again (after asking for persistence). Null while reading.
 */
export function useStorageInfo(): { info: StorageInfo | null; refresh: () => void } {
  const { store } = useSession();
  const read = useCallback(
    () => store.storageInfo().catch((): StorageInfo => ({ persisted: false })),
    [store],
  );
  const query = useStoreQuery(read);
  return { info: query.status === 'done' ? query.data : null, refresh: query.reload };
}
