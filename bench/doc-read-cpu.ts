/**
 * The document read's CPU figures (bench/harness/doc-read-cpu.ts runs the loops): what the
 * app's read, the storage read alone and the decryption alone each cost in CPU time across
 * the browser's processes, and the floor that sets for a pipeline of the two on this
 * machine's cores: their CPU time together divided by the cores. `doc_read_vs_cpu_ceiling`
 * sets the app's read against the highest of that floor and the two stages' own times.
 */
import { availableParallelism } from 'node:os';
import type { Page } from '@playwright/test';
import { harness } from './browser.ts';
import { canMeasureCpu, descendantsCpuMs } from './cpu-time.ts';
import type { OpenContext } from './disk-contexts.ts';

type Kind = 'app' | 'storage' | 'decrypt';

/** Reads per kind and pass; two passes, the second in the opposite order. */
const READS = 5;

/** Mean wall time and CPU time per read of each kind, over both passes. */
async function loops(page: Page): Promise<Record<Kind, { ms: number; cpu: number }>> {
  const kinds: Kind[] = ['storage', 'decrypt', 'app'];
  const sums = Object.fromEntries(kinds.map((k) => [k, { ms: 0, cpu: 0 }])) as Record<
    Kind,
    { ms: number; cpu: number }
  >;
  // A read of each kind first, not counted: the worker, libsodium and the database warm up.
  for (const kind of kinds) await page.evaluate((k) => window.carnetBench.docReadLoop(k, 1), kind);
  for (const order of [kinds, [...kinds].reverse()]) {
    for (const kind of order) {
      const before = descendantsCpuMs();
      const ms = await page.evaluate(([k, n]) => window.carnetBench.docReadLoop(k, n), [
        kind,
        READS,
      ] as const);
      sums[kind].cpu += (descendantsCpuMs() - before) / READS / 2;
      sums[kind].ms += ms / 2;
    }
  }
  return sums;
}

/** The CPU figures of reading an `mb` MB document, or none where /proc is missing. */
export async function docReadCpuFigures(
  open: OpenContext,
  origin: string,
  mb = 20,
): Promise<Record<string, number>> {
  if (!canMeasureCpu) return {};
  const cores = availableParallelism();
  return harness(open, origin, async (page) => {
    // One copy of the sealed batches per decryption: the warm-up's and two passes' worth.
    await page.evaluate(([size, copies]) => window.carnetBench.docReadCpuPrepare(size, copies), [
      mb,
      1 + 2 * READS,
    ] as const);
    const r = await loops(page);
    await page.evaluate(() => window.carnetBench.docReadCpuDone());
    const floor = (r.storage.cpu + r.decrypt.cpu) / cores;
    return {
      doc_read_loop_ms_20mb: r.app.ms,
      doc_read_loop_storage_ms_20mb: r.storage.ms,
      doc_read_loop_decrypt_ms_20mb: r.decrypt.ms,
      doc_read_cpu_ms_20mb: r.app.cpu,
      doc_read_storage_cpu_ms_20mb: r.storage.cpu,
      doc_read_decrypt_cpu_ms_20mb: r.decrypt.cpu,
      doc_read_cpu_floor_ms_20mb: floor,
      doc_read_vs_cpu_ceiling: r.app.ms / Math.max(r.storage.ms, r.decrypt.ms, floor),
      doc_read_cores: cores,
    };
  });
}
