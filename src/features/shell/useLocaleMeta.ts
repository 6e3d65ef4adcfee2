import { useEffect, useState } from 'react';
import type { LocaleMeta } from '../../i18n/meta.ts';
import { loadLocaleMeta } from '../../i18n/meta.ts';

/** The review state of a language's translation (null while loading or unknown). */
export function useLocaleMeta(lng: string): LocaleMeta | null {
  const [meta, setMeta] = useState<LocaleMeta | null>(null);
  useEffect(() => {
    let live = true;
    void loadLocaleMeta(lng).then((m) => live && setMeta(m));
    return () => {
      live = false;
    };
  }, [lng]);
  return meta;
}
