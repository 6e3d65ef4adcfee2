/**
 * Share relay benchmark. Starts its own relays (child processes, as `npm start` runs them)
 * and its own redis-server, loads them with autocannon on loopback (50 connections, 10 s
 * per run), then stores 10,000 shares of 100 KB in a fresh relay and reads its resident
 * memory, and watches a fresh relay's resident memory while it takes a 256 MiB backup.
 * Run alone: `node --import tsx bench/relay.ts` prints the figures as JSON
 * (`... bench/relay.ts backup`: the backup figures only).
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { startRedis, stopChild } from '../workers/relay/src/testing/redis-server.ts';

const MAIN = join(import.meta.dirname, '..', 'workers', 'relay', 'src', 'main.ts');
const CONNECTIONS = 50;
const DURATION_S = 10;
const WARMUP_S = 2;
const RSS_SHARES = 10_000;
const RSS_SHARE_BYTES = 100 * 1024;
const BACKUP_BYTES = 256 * 1024 * 1024;
const BACKUP_CHUNK = 256 * 1024;

interface Relay {
  url: string;
  child: ChildProcess;
  dataDir: string;
}

/** A relay child process with rate limits out of the way; `redisUrl` picks the Redis store. */
function startRelay(redisUrl = ''): Promise<Relay> {
  const dataDir = mkdtempSync(join(tmpdir(), 'carnet-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      PUBLIC_URL: '',
      TRUST_PROXY: '',
      DATA_DIR: dataDir,
      STATIC_DIR: join(dataDir, 'no-app'),
      REDIS_URL: redisUrl,
      REDIS_PREFIX: `bench-${randomBytes(4).toString('hex')}:`,
      RELAY_CREATE_PER_MINUTE: '1000000000',
      RELAY_MANIFEST_PER_MINUTE: '1000000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`relay did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /listening on http:\/\/localhost:(\d+)/.exec(out)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${port}`, child, dataDir });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', () => reject(new Error(`relay exited: ${out}`)));
  });
}

async function stopRelay(relay: Relay): Promise<void> {
  await stopChild(relay.child);
  rmSync(relay.dataDir, { recursive: true, force: true });
}

/** A compact-JWE-shaped string of about `bytes` characters (random base64url "ciphertext"). */
function jwe(bytes: number): string {
  const b64 = (n: number): string => randomBytes(n).toString('base64url');
  return `eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..${b64(12)}.${b64(Math.floor((bytes * 3) / 4))}.${b64(16)}`;
}

async function createShare(relay: Relay, bytes: number): Promise<string> {
  const res = await fetch(`${relay.url}/api/shl`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      files: [{ contentType: 'application/fhir+json', jwe: jwe(bytes) }],
      exp: Math.floor(Date.now() / 1000) + 24 * 3600,
    }),
  });
  if (res.status !== 201) throw new Error(`create answered ${res.status}`);
  return ((await res.json()) as { manifestUrl: string }).manifestUrl;
}

/**
 * Requests per second (mean) and p99 latency (ms) of one autocannon run, after a short
 * unmeasured warm-up so the JIT has settled; throws on any failed request.
 */
async function load(
  url: string,
  init: { method?: 'GET' | 'POST'; body?: string } = {},
): Promise<{ rps: number; p99: number }> {
  const options = {
    url,
    connections: CONNECTIONS,
    method: init.method ?? 'GET',
    body: init.body,
    headers: init.body ? { 'content-type': 'application/json' } : undefined,
  };
  await autocannon({ ...options, duration: WARMUP_S });
  const result = await autocannon({ ...options, duration: DURATION_S });
  if (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0) {
    throw new Error(
      `${url}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`,
    );
  }
  return { rps: Math.round(result.requests.average), p99: result.latency.p99 };
}

const manifestLoad = (manifestUrl: string): Promise<{ rps: number; p99: number }> =>
  load(manifestUrl, { method: 'POST', body: JSON.stringify({ recipient: 'Benchmark viewer' }) });

/** A line of /proc/<pid>/status in MB: VmRSS (resident now) or VmHWM (highest resident). */
function procMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

/** Resident set size of a process, MB, from /proc. */
function rssMb(pid: number): number {
  return procMb(pid, 'VmRSS');
}

/** Stores RSS_SHARES shares of RSS_SHARE_BYTES each in a fresh relay, then reads its RSS. */
async function rssAfterShares(): Promise<number> {
  const relay = await startRelay();
  try {
    let next = 0;
    const workers = Array.from({ length: 8 }, async () => {
      while (next < RSS_SHARES) {
        next++;
        await createShare(relay, RSS_SHARE_BYTES);
      }
    });
    await Promise.all(workers);
    await new Promise((r) => setTimeout(r, 1000));
    return rssMb(relay.child.pid!);
  } finally {
    await stopRelay(relay);
  }
}

/** `bytes` of backup as 256 KiB chunks, made as they are sent (never all in memory). */
function* backupChunks(bytes: number): Generator<Buffer> {
  const chunk = randomBytes(BACKUP_CHUNK);
  for (let sent = 0; sent < bytes; sent += BACKUP_CHUNK) {
    chunk.writeUInt32BE(sent / BACKUP_CHUNK, 0); // no two chunks alike
    yield Buffer.from(chunk.subarray(0, Math.min(BACKUP_CHUNK, bytes - sent)));
  }
}

/** PUTs a backup of `bytes` streamed from the generator; resolves with the status. */
async function putBackup(relay: Relay, bytes: number): Promise<number> {
  const id = (): string => randomBytes(32).toString('base64url');
  const req = httpRequest(`${relay.url}/api/backup/${id()}`, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(bytes),
      Authorization: `Bearer ${id()}`,
    },
  });
  const answered = new Promise<number>((resolve, reject) => {
    req.once('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
  });
  await pipeline(Readable.from(backupChunks(bytes)), req);
  return answered;
}

/**
 * A fresh relay's resident memory before a 256 MiB backup upload, and how much it grew
 * during it: the highest RSS seen (sampled every 20 ms, or the kernel's own peak, VmHWM,
 * when that rose) minus the RSS before. Page cache is not resident memory of the relay.
 */
async function backupRss(): Promise<{ before: number; growth: number; mbPerS: number }> {
  const relay = await startRelay();
  try {
    const pid = relay.child.pid!;
    // One small backup first, so loading the code is not counted as the upload's.
    if ((await putBackup(relay, 1024 * 1024)) !== 201) throw new Error('backup refused');
    await new Promise((r) => setTimeout(r, 1000));
    const before = procMb(pid);
    const peakBefore = procMb(pid, 'VmHWM');
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, procMb(pid))), 20);
    const started = performance.now();
    const status = await putBackup(relay, BACKUP_BYTES);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (status !== 201) throw new Error(`256 MiB backup answered ${status}`);
    const peakAfter = procMb(pid, 'VmHWM');
    if (peakAfter > peakBefore) peak = Math.max(peak, peakAfter);
    return {
      before,
      growth: Math.round((peak - before) * 10) / 10,
      mbPerS: Math.round(BACKUP_BYTES / 2 ** 20 / seconds),
    };
  } finally {
    await stopRelay(relay);
  }
}

/** The backup figures for bench/results.json. */
async function benchBackup(): Promise<Record<string, number>> {
  const backup = await backupRss();
  return {
    relay_backup_rss_growth_mb: backup.growth,
    relay_backup_rss_before_mb: backup.before,
    relay_backup_upload_mb_per_s: backup.mbPerS,
  };
}

/** Runs every relay measurement and returns the figures for bench/results.json. */
export async function benchRelay(): Promise<Record<string, number | string>> {
  const sqlite = await startRelay();
  let health: { rps: number; p99: number };
  let manifestSqlite: { rps: number; p99: number };
  try {
    const url = await createShare(sqlite, 2048);
    health = await load(`${sqlite.url}/api/health`);
    manifestSqlite = await manifestLoad(url);
  } finally {
    await stopRelay(sqlite);
  }

  const redis = await startRedis();
  let manifestRedis: { rps: number; p99: number };
  try {
    const relay = await startRelay(redis.url);
    try {
      manifestRedis = await manifestLoad(await createShare(relay, 2048));
    } finally {
      await stopRelay(relay);
    }
  } finally {
    await redis.stop();
  }

  const rss = await rssAfterShares();
  return {
    relay_manifest_rps_sqlite: manifestSqlite.rps,
    relay_manifest_p99_ms_sqlite: manifestSqlite.p99,
    relay_manifest_rps_redis: manifestRedis.rps,
    relay_manifest_p99_ms_redis: manifestRedis.p99,
    relay_manifest_vs_health_ratio: Math.round((manifestSqlite.rps / health.rps) * 100) / 100,
    relay_health_rps: health.rps,
    relay_rss_mb_10k: rss,
    ...(await benchBackup()),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = process.argv[2] === 'backup' ? await benchBackup() : await benchRelay();
  console.log(JSON.stringify(figures, null, 2));
}
