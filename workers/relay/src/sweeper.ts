import { log } from './log.ts';
import type { ShareStore } from './store/store.ts';

export interface SweeperOptions {
  /** Time between sweeps, ms. Must be under a minute so expired data goes within one. */
  intervalMs: number;
  /** Files of a dead share stay this long after its last activity, ms, so `location` URLs handed out at its last open still work. */
  deadGraceMs: number;
  /** Clock, epoch ms. */
  now: () => number;
}

export interface Sweeper {
  /** Runs one sweep now; resolves when it is done. */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * Deletes expired shares (all their data) and the files of dead shares on a timer.
 * SECURITY: the server's clock decides expiry; the client's `exp` is only the deadline.
 */
export function startSweeper(store: ShareStore, options: SweeperOptions): Sweeper {
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    running ??= store
      .sweep(options.now(), options.deadGraceMs)
      .then(({ expired, purged }) => {
        if (expired + purged > 0)
          log.info(`sweep: ${expired} expired share(s) deleted, ${purged} dead share(s) purged`);
      })
      .catch((err: unknown) => {
        log.warn(`sweep failed: ${err instanceof Error ? err.name : 'unknown error'}`);
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
