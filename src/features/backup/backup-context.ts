import { createContext, useContext, useSyncExternalStore } from 'react';
import type { BackupSnapshot, BackupSync } from './backup-sync.ts';

export const BackupContext = createContext<BackupSync | null>(null);

/** The backup settings and the relay copy's state, kept current. Only under <BackupProvider>. */
export function useBackup(): BackupSnapshot & { sync: BackupSync } {
  const sync = useContext(BackupContext);
  if (!sync) throw new Error('useBackup outside BackupProvider');
  const snapshot = useSyncExternalStore(sync.subscribe, sync.snapshot);
  return { ...snapshot, sync };
}
