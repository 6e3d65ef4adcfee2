import { readFileSync, readdirSync } from 'node:fs';

/** The parent process id of `pid`, from /proc (Linux). */
function parentOf(pid: number): number | null {
  try {
    // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing paren.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function isOurs(pid: number): boolean {
  for (let p: number | null = pid, hops = 0; p && hops < 10; p = parentOf(p), hops++)
    if (p === process.pid) return true;
  return false;
}

/** Chromium renderer processes started (through Playwright) by this Node process. */
function ourRenderers(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    let args: string;
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (args.includes('--type=renderer') && isOurs(pid)) pids.push(pid);
  }
  return pids;
}

const signal = (pids: number[], sig: NodeJS.Signals) => {
  for (const pid of pids) {
    try {
      process.kill(pid, sig);
    } catch {
      // gone already
    }
  }
};

/**
 * Runs `work` with every Chromium renderer of this process slowed `rate` times, by letting
 * them run 1/rate of each period and stopping them the rest (SIGSTOP/SIGCONT, as cpulimit
 * does). Needed because Chromium's own throttling (CDP Emulation.setCPUThrottlingRate) slows
 * the page's main thread only: it refuses dedicated workers ("only supported for pages"),
 * and Argon2id runs in the crypto worker. Linux only; resolves to null elsewhere or when no
 * renderer is found.
 */
export async function withRenderersThrottled<T>(
  rate: number,
  work: () => Promise<T>,
): Promise<T | null> {
  if (process.platform !== 'linux') return null;
  const pids = ourRenderers();
  if (pids.length === 0) return null;
  const runMs = 10;
  let running = true;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const cycle = async () => {
    while (running) {
      // Timers run late on a busy machine: each stop lasts (rate - 1) times the run that
      // really happened, so the share of time running stays 1/rate.
      const start = performance.now();
      signal(pids, 'SIGCONT');
      await sleep(runMs);
      if (!running) break;
      signal(pids, 'SIGSTOP');
      const ran = performance.now() - start;
      const stopUntil = performance.now() + ran * (rate - 1);
      while (running && performance.now() < stopUntil) await sleep(stopUntil - performance.now());
    }
    signal(pids, 'SIGCONT');
  };
  const cycling = cycle();
  try {
    return await work();
  } finally {
    running = false;
    await cycling;
  }
}
