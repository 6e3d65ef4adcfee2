import type { BackupStore } from './backup/store.ts';
import { log } from './log.ts';
import type { ShareStore } from './store/store.ts';

export interface SweeperOptions {
  /** Time between sweeps, ms. Must be under a minute so expired data goes within one. */
  intervalMs: number;
  /** Files of a dead share stay this long after its last activity, ms, so `location` URLs handed out at its last open still work. */
  deadGraceMs: number;
  /** Clock, epoch ms. */
  now: () => number;
  /** Encrypted backups to sweep as well (see BackupStore.sweep). */
  backups?: BackupSweepOptions;
}

interface BackupSweepOptions {
  store: BackupStore;
  /** A backup unused this long is deleted, ms. */
  retentionMs: number;
  /**
   * Least time between two backup sweeps, ms: backups go after days, and a sweep lists
   * the backup folder, so it runs far less often than the share sweep. The first tick sweeps.
   */
  everyMs: number;
}

export interface Sweeper {
  /** Runs one sweep now; resolves when it is done. */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * Deletes expired shares (all their data) and the files of dead shares on a timer, and,
 * less often, unused backups and the leftovers of cut-off uploads.
 * SECURITY: the server's clock decides expiry; the client's `exp` is only the deadline.
 */
export function startSweeper(store: ShareStore, options: SweeperOptions): Sweeper {
  let running: Promise<void> | null = null;
  let backupsSweptAt = -Infinity;
  const sweepShares = async (now: number): Promise<void> => {
    const { expired, purged } = await store.sweep(now, options.deadGraceMs);
    if (expired + purged > 0)
      log.info(`sweep: ${expired} expired share(s) deleted, ${purged} dead share(s) purged`);
  };
  const sweepBackups = async (now: number): Promise<void> => {
    const backups = options.backups;
    if (!backups || now - backupsSweptAt < backups.everyMs) return;
    backupsSweptAt = now;
    const { unused, temps, orphans } = await backups.store.sweep(now, backups.retentionMs);
    if (unused + temps + orphans > 0) {
      log.info(
        `sweep: ${unused} unused backup(s), ${temps} cut-off upload(s), ${orphans} orphan file(s) deleted`,
      );
    }
  };
  const tick = (): Promise<void> => {
    const now = options.now();
    running ??= Promise.allSettled([sweepShares(now), sweepBackups(now)])
      .then((results) => {
        for (const r of results) {
          if (r.status === 'rejected') {
            const err: unknown = r.reason;
            log.warn(`sweep failed: ${err instanceof Error ? err.name : 'unknown error'}`);
          }
        }
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  return {
    tick,
    stop: () => clearInterval(timer),
  };
}
