/**
 * CPU time used by the browsers the bench started, from Linux's /proc: every process
 * descended from this one (Playwright starts Chromium as a child, and Chromium its renderer,
 * storage and GPU processes), user and system time together.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second, in which /proc counts CPU time. */
function ticksPerSecond(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

const TICK_MS = 1000 / ticksPerSecond();

/** Whether this machine can tell (Linux with /proc). */
export const canMeasureCpu = existsSync(`/proc/${process.pid}/stat`);

/**
 * CPU ms used so far by every live process descended from this one. Sample it before and
 * after: the difference is what they used meanwhile (a process that ended in between takes
 * its time with it).
 */
export function descendantsCpuMs(): number {
  const parentOf = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces: state,
      // parent pid, ...; user and system time are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(name), Number(fields[1]));
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while the list was read.
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parentOf.get(pid), hops = 0; p !== undefined && hops < 64; hops++) {
      if (p === process.pid) return true;
      p = parentOf.get(p);
    }
    return false;
  };
  let total = 0;
  for (const [pid, t] of ticks) if (descends(pid)) total += t;
  return total * TICK_MS;
}
