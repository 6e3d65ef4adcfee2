import { useEffect } from 'react';
import { CHECK_EVERY_MS } from './auto-upload.ts';
import type { BackupSync } from './backup-sync.ts';

/**
 * The automatic relay copy: while `active` (unlocked), looks at once, every few minutes and
 * whenever the network comes back whether a copy is due (auto-upload.ts), and sends it in
 * the background. Nothing waits for it; a failure shows quietly in the settings.
 */
export function useAutoBackup(sync: BackupSync, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const check = () => void sync.check();
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    window.addEventListener('online', check);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', check);
      sync.stop();
    };
  }, [sync, active]);
}
