import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type { CarnetStore } from '../../record/store.ts';
import { BackupContext } from './backup-context.ts';
import { BackupSync } from './backup-sync.ts';
import { useAutoBackup } from './useAutoBackup.ts';

/**
 * The backup state every screen shares, and the automatic relay copy while `active` (the
 * record is open). Mounted once, by the SessionProvider.
 */
export function BackupProvider({
  store,
  active,
  children,
}: {
  store: CarnetStore;
  active: boolean;
  children: ReactNode;
}) {
  const sync = useMemo(() => new BackupSync(store), [store]);
  useAutoBackup(sync, active);
  return <BackupContext.Provider value={sync}>{children}</BackupContext.Provider>;
}
