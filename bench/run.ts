/**
 * `npm run bench`: builds the app with its benchmark harness, serves it from the relay on
 * a free loopback port, measures in Chromium (and the relay under load), and writes
 * bench/results.json. Ratios compare against a baseline measured in the same run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/browser.ts';
import {
  docListMs,
  harness,
  initialJsGzipKb,
  summaryFigures,
  unlockMsThrottled,
} from './browser.ts';
import { type OpenContext, diskContext, memoryContexts, removeProfiles } from './disk-contexts.ts';
import { docReadCpuFigures } from './doc-read-cpu.ts';
import { visitFigures } from './first-visit.ts';
import { GOALS, derivedFigures, goalTable, type Figures } from './goals.ts';
import { viewerFigures } from './viewer.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(origin: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('relay did not start');
}

function build(args: string[]): void {
  const result = spawnSync('npx', ['vite', 'build', ...args], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build ${args.join(' ')} failed`);
}

/** Serves a built folder from the relay on a free loopback port. */
async function serve(staticDir: string) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn('node', ['--import', 'tsx', 'workers/relay/src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      STATIC_DIR: staticDir,
      RELAY_CREATE_PER_MINUTE: '10000',
      RELAY_MANIFEST_PER_MINUTE: '10000',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'carnet-bench-')),
    },
    stdio: 'ignore',
  });
  await waitForHealth(origin);
  return { origin, stop: () => child.kill('SIGTERM') };
}

/**
 * What installing and opening Carnet costs a cheap phone on a data plan (issue 16): bytes on
 * the wire for a first and a repeat visit, the first screen's scripts, and unlocking with the
 * CPU slowed 4x (the renderer slowed as a whole, crypto worker included; Chromium's CDP
 * throttling beside it slows the main thread only, see bench/cpu-throttle.ts).
 */
async function installFigures(
  browser: Browser,
  appOrigin: string,
  harnessOrigin: string,
): Promise<Figures> {
  const visits = await visitFigures(browser, appOrigin, 'dist');
  const onboarding = await initialJsGzipKb(
    browser,
    `${appOrigin}/`,
    async (page) => {
      await page.getByRole('button', { name: 'Français', exact: true }).waitFor();
    },
    'carnet:first-screen',
  );
  const slowUnlock = await unlockMsThrottled(diskContext, harnessOrigin, 4);
  const slow = slowUnlock.whole ?? slowUnlock.cdp;
  return {
    first_visit_kb: round(visits.first_visit_kb, 1),
    first_visit_sent_kb: round(visits.first_visit_sent_kb, 1),
    first_visit_offline_ready: visits.first_visit_offline_ready,
    first_visit_deferred_kb: round(visits.first_visit_deferred_kb, 1),
    repeat_visit_kb: round(visits.repeat_visit_kb, 1),
    initial_js_gzip_kb: round(onboarding.kb, 1),
    initial_js_files: onboarding.files,
    unlock_ms_cpu4x: round(slow.unlock_ms),
    unlock_ms_cpu4x_cdp: round(slowUnlock.cdp.unlock_ms),
    unlock_cpu4x_params: slow.unlock_params,
  };
}

/**
 * The figures whose ratio depends on how IndexedDB stores (bench/disk-contexts.ts), each
 * in a fresh context from `open`.
 */
async function storageRatios(open: OpenContext, origin: string) {
  const write = await harness(open, origin, (page) =>
    page.evaluate(() => window.carnetBench.recordWriteRatio(1000, 15)),
  );
  const docs = await harness(open, origin, (page) =>
    page.evaluate(() => window.carnetBench.docRatios(20, 6)),
  );
  const backup = await harness(open, origin, (page) =>
    page.evaluate(() => window.carnetBench.backupRatios(1000, 20, 6)),
  );
  return { write, docs, backup };
}

async function browserFigures(): Promise<Figures> {
  // The production build, for download sizes; the build with the harness, for timings.
  build([]);
  build(['--config', 'bench/vite.config.ts']);
  const app = await serve('dist');
  const bench = await serve('bench/.dist');
  const origin = bench.origin;
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: CHROMIUM_ARGS,
  });
  try {
    const install = await installFigures(browser, app.origin, origin);
    const viewer = await viewerFigures(browser, app.origin);
    const unlock = await harness(diskContext, origin, (page) =>
      page.evaluate(() => window.carnetBench.unlockMs(5)),
    );
    const render = await summaryFigures(diskContext, origin);
    const docList = await docListMs(diskContext, origin, 200);
    const { write, docs, backup } = await storageRatios(diskContext, origin);
    const docCpu = await docReadCpuFigures(diskContext, origin);
    const memory = await storageRatios(memoryContexts(browser), origin);
    // A share is built from what is in memory and sent to the relay: no IndexedDB in it.
    const share = await harness(memoryContexts(browser), origin, (page) =>
      page.evaluate(() => window.carnetShareBench.shareCreateRatio(9)),
    );
    return {
      unlock_ms: round(unlock.unlock_ms),
      unlock_params: unlock.unlock_params,
      ...install,
      record_write_ratio: round(write.record_write_ratio, 2),
      record_write_sealed_ms_1000: round(write.record_write_sealed_ms_1000),
      record_write_plain_ms_1000: round(write.record_write_plain_ms_1000),
      record_seal_only_ms_1000: round(write.record_seal_only_ms_1000),
      record_write_rows_ms_1000: round(write.record_write_rows_ms_1000),
      record_write_rows_ratio: round(write.record_write_rows_ratio, 2),
      record_write_sequential_ms_1000: round(write.record_write_sequential_ms_1000),
      record_write_sequential_ratio: round(write.record_write_sequential_ratio, 2),
      ...render,
      share_create_ratio: round(share.share_create_ratio, 2),
      share_create_ms_5mb: round(share.share_create_ms_5mb),
      share_plain_upload_ms_5mb: round(share.share_plain_upload_ms_5mb),
      share_sent_bytes_5mb: share.share_sent_bytes_5mb,
      share_plain_sent_bytes_5mb: share.share_plain_sent_bytes_5mb,
      viewer_js_gzip_kb: round(viewer.viewer_js_gzip_kb, 1),
      viewer_js_files: viewer.viewer_js_files,
      viewer_open_ms: round(viewer.viewer_open_ms),
      ...documentFigures(docs, docCpu),
      doc_list_ms_200: round(docList),
      backup_write_ratio: round(backup.backup_write_ratio, 2),
      restore_ratio: round(backup.restore_ratio, 2),
      backup_write_ms: round(backup.backup_write_ms),
      backup_raw_read_ms: round(backup.backup_raw_read_ms),
      restore_ms: round(backup.restore_ms),
      restore_raw_write_ms: round(backup.restore_raw_write_ms),
      backup_mb: round(backup.backup_mb, 1),
      record_write_ratio_in_memory: round(memory.write.record_write_ratio, 2),
      doc_read_vs_ceiling_in_memory: round(memory.docs.doc_read_vs_ceiling, 2),
      backup_write_ratio_in_memory: round(memory.backup.backup_write_ratio, 2),
      restore_ratio_in_memory: round(memory.backup.restore_ratio, 2),
    };
  } finally {
    await browser.close();
    await removeProfiles();
    app.stop();
    bench.stop();
  }
}

type DocRatios = Awaited<ReturnType<Window['carnetBench']['docRatios']>>;

/** The document read and write figures, rounded, with the read's CPU figures beside them. */
function documentFigures(docs: DocRatios, cpu: Record<string, number>): Figures {
  return {
    doc_write_ratio: round(docs.doc_write_ratio, 2),
    doc_read_ratio: round(docs.doc_read_ratio, 2),
    doc_write_sealed_ms_20mb: round(docs.doc_write_sealed_ms_20mb),
    doc_write_plain_ms_20mb: round(docs.doc_write_plain_ms_20mb),
    doc_read_sealed_ms_20mb: round(docs.doc_read_sealed_ms_20mb),
    doc_read_plain_ms_20mb: round(docs.doc_read_plain_ms_20mb),
    doc_read_vs_ceiling: round(docs.doc_read_vs_ceiling, 2),
    doc_read_idb_only_ms_20mb: round(docs.doc_read_idb_only_ms_20mb),
    doc_read_decrypt_only_ms_20mb: round(docs.doc_read_decrypt_only_ms_20mb),
    doc_read_tail_ms_20mb: round(docs.doc_read_tail_ms_20mb),
    ...Object.fromEntries(
      Object.entries(cpu).map(([name, value]) => [
        name,
        round(value, name.endsWith('_ceiling') ? 2 : 0),
      ]),
    ),
  };
}

function round(n: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

async function relayFigures(): Promise<Figures> {
  if (!existsSync(join(import.meta.dirname, 'relay.ts'))) return {};
  const { benchRelay } = await import('./relay.ts');
  return benchRelay();
}

const only = process.argv[2];
const resultsPath = join(import.meta.dirname, 'results.json');
// Running one half (`npm run bench browser`) keeps the other half's last figures.
const previous =
  only && existsSync(resultsPath)
    ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as { figures?: Figures })
    : {};
const figures: Figures = { ...(previous.figures ?? {}) };
if (!only || only === 'browser') Object.assign(figures, await browserFigures());
if (!only || only === 'relay') Object.assign(figures, await relayFigures());

Object.assign(figures, derivedFigures(figures));

const results = {
  measuredAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  goals: GOALS,
  figures,
};
writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results, null, 2));
console.log(`\n${goalTable(figures, GOALS)}`);
