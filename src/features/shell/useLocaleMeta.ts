import { useCallback } from 'react';
import type { LocaleMeta } from '../../i18n/meta.ts';
import { loadLocaleMeta } from '../../i18n/meta.ts';
import { dataOr, useStoreQuery } from './useStoreQuery.ts';

/** The review state of a language's translation (null while loading or unknown). */
export function useLocaleMeta(lng: string): LocaleMeta | null {
  return dataOr(useStoreQuery(useCallback(() => loadLocaleMeta(lng), [lng])), null);
}
