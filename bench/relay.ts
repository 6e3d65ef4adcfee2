/**
 * Share relay benchmark. Starts its own relays (child processes, as `npm start` runs them)
 * and its own redis-server, loads them with autocannon on loopback (50 connections, 10 s
 * per run), then stores 10,000 shares of 100 KB in a fresh relay and reads its resident
 * memory; watches a fresh relay's resident memory while it takes a 256 MiB backup, and
 * while it takes (then serves) one 60 MB share; and measures `/api/health` while three
 * hostile uploads run.
 * Run alone: `node --import tsx bench/relay.ts` prints the figures as JSON
 * (`... bench/relay.ts backup`, `... share`, `... hostile`: those figures only).
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
const SHARE_BYTES = 60 * 1000 * 1000;
/** A hostile body, as in the issue: 64 MiB of tiny JSON objects. */
const HOSTILE_BYTES = 64 * 1024 * 1024;
const HOSTILE_CONNECTIONS = 10;

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

interface Created {
  manifestUrl: string;
  managementToken: string;
  uploads: string[];
}

/** `POST /api/shl` declaring one file of `length` bytes; the 201 body. */
async function declareShare(relay: { url: string }, length: number): Promise<Created> {
  const res = await fetch(`${relay.url}/api/shl`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      files: [{ contentType: 'application/fhir+json', length }],
      exp: Math.floor(Date.now() / 1000) + 24 * 3600,
    }),
  });
  if (res.status !== 201) throw new Error(`create answered ${res.status}`);
  return (await res.json()) as Created;
}

/** Creates a share of one JWE-shaped file of about `bytes` and uploads it; its manifest URL. */
async function createShare(relay: Relay, bytes: number): Promise<string> {
  const body = jwe(bytes);
  const created = await declareShare(relay, body.length);
  const res = await fetch(relay.url + created.uploads[0]!, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/jose',
      Authorization: `Bearer ${created.managementToken}`,
    },
    body,
  });
  if (res.status !== 200) throw new Error(`upload answered ${res.status}`);
  return created.manifestUrl;
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

/**
 * One autocannon run of `/api/health` with HOSTILE_CONNECTIONS connections and no warm-up
 * load (the relay is warmed by the caller): the p99 latency, ms, counting errors.
 */
async function healthP99(relay: Relay): Promise<{ p99: number; errors: number }> {
  const result = await autocannon({
    url: `${relay.url}/api/health`,
    connections: HOSTILE_CONNECTIONS,
    duration: DURATION_S,
  });
  return { p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts };
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
    const { before, growth, result, seconds } = await rssGrowth(
      pid,
      () => putBackup(relay, BACKUP_BYTES),
      true,
    );
    if (result !== 201) throw new Error(`256 MiB backup answered ${result}`);
    return { before, growth, mbPerS: Math.round(BACKUP_BYTES / 2 ** 20 / seconds) };
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

/** A compact-JWE-shaped body of exactly `bytes`, made as it is sent (never all in memory). */
function* jweChunks(bytes: number): Generator<Buffer> {
  const head = Buffer.from('eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAAAAAAAAAAAAAA.');
  const tail = Buffer.from('.AAAAAAAAAAAAAAAAAAAAAA');
  const middle = bytes - head.length - tail.length;
  const block = Buffer.from(randomBytes((BACKUP_CHUNK * 3) / 4).toString('base64url'));
  yield head;
  for (let sent = 0; sent < middle; sent += block.length) {
    block.write(randomBytes(6).toString('base64url'), 0); // no two chunks alike
    yield Buffer.from(block.subarray(0, Math.min(block.length, middle - sent)));
  }
  yield tail;
}

/** `method` of `chunks` to `url` with `headers`, streamed; resolves with the status. */
async function stream(
  url: string,
  method: string,
  headers: Record<string, string>,
  chunks: Iterable<Buffer>,
): Promise<number> {
  const req = httpRequest(url, { method, headers });
  const answered = new Promise<number>((resolve, reject) => {
    req.once('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
  });
  await pipeline(Readable.from(chunks), req);
  return answered;
}

/** Creates a share of one file of `bytes` and streams the file up; resolves with the upload's status. */
async function uploadShare(
  relay: Relay,
  bytes: number,
): Promise<{ status: number; manifestUrl: string }> {
  const created = await declareShare(relay, bytes);
  const status = await stream(
    relay.url + created.uploads[0]!,
    'PUT',
    {
      'Content-Type': 'application/jose',
      'Content-Length': String(bytes),
      Authorization: `Bearer ${created.managementToken}`,
    },
    jweChunks(bytes),
  );
  return { status, manifestUrl: created.manifestUrl };
}

/**
 * Runs `work` while sampling `pid`'s resident memory every 20 ms; the growth over `before`,
 * MB (the highest RSS seen, or the kernel's own peak when `kernelPeak` and it rose).
 */
async function rssGrowth<T>(
  pid: number,
  work: () => Promise<T>,
  kernelPeak: boolean,
): Promise<{ growth: number; before: number; result: T; seconds: number }> {
  const before = procMb(pid);
  const peakBefore = procMb(pid, 'VmHWM');
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, procMb(pid))), 20);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, procMb(pid));
  const peakAfter = procMb(pid, 'VmHWM');
  if (kernelPeak && peakAfter > peakBefore) peak = Math.max(peak, peakAfter);
  return { growth: Math.round((peak - before) * 10) / 10, before, result, seconds };
}

/**
 * A fresh relay's resident memory growth while it takes one 60 MB share (the small create
 * request, then the file streamed up), and then while it serves it once (manifest, then
 * the `location` GET read to the end).
 */
async function benchShare(): Promise<Record<string, number>> {
  const relay = await startRelay();
  try {
    const pid = relay.child.pid!;
    // One small share first, so loading the code is not counted as the upload's.
    if ((await uploadShare(relay, 1024 * 1024)).status !== 200) throw new Error('share refused');
    await new Promise((r) => setTimeout(r, 1000));
    const upload = await rssGrowth(pid, () => uploadShare(relay, SHARE_BYTES), true);
    if (upload.result.status !== 200)
      throw new Error(`60 MB upload answered ${upload.result.status}`);
    await new Promise((r) => setTimeout(r, 1000));
    const read = await rssGrowth(
      pid,
      async () => {
        const res = await fetch(upload.result.manifestUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ recipient: 'Benchmark viewer' }),
        });
        const { files } = (await res.json()) as { files: { location: string }[] };
        const file = await fetch(files[0]!.location);
        const reader = file.body!.getReader();
        let bytes = 0;
        for (let next = await reader.read(); !next.done; next = await reader.read()) {
          bytes += next.value.byteLength;
        }
        if (bytes !== SHARE_BYTES) throw new Error(`read ${bytes} bytes`);
      },
      false,
    );
    return {
      relay_share_rss_growth_mb: upload.growth,
      relay_share_rss_before_mb: upload.before,
      relay_share_upload_mb_per_s: Math.round(SHARE_BYTES / 1e6 / upload.seconds),
      relay_share_read_rss_growth_mb: read.growth,
    };
  } finally {
    await stopRelay(relay);
  }
}

/**
 * One hostile client, over and over until `stop()`: a fresh connection each time, a body
 * of up to `total` bytes of tiny JSON objects (`{},{},...`) or, with `trickle`, one byte
 * every 100 ms, until the relay answers or hangs up.
 */
function hostileLoop(
  target: () => Promise<{
    url: string;
    method: string;
    headers: Record<string, string>;
    /** Sent before the objects: a create request's real fields, opening an unknown one. */
    prefix?: string;
  }>,
  body: 'objects' | 'trickle',
  total = HOSTILE_BYTES,
): { stop: () => Promise<number> } {
  let stopped = false;
  let rounds = 0;
  const block = Buffer.from('{},'.repeat(22_000).slice(0, 64 * 1024));
  const once = async (): Promise<void> => {
    const { url, method, headers, prefix } = await target();
    await new Promise<void>((resolve) => {
      let written = 0;
      let timer: NodeJS.Timeout | undefined;
      const req = httpRequest(url, { method, headers });
      const done = (): void => {
        clearInterval(timer);
        req.destroy();
        resolve();
      };
      req.on('response', (res) => {
        res.resume();
        done();
      });
      req.on('error', done);
      if (body === 'trickle') {
        req.write('eyJhbGciOiJkaXIifQ..');
        timer = setInterval(() => (stopped ? done() : req.write('A')), 100);
        return;
      }
      if (prefix) req.write(prefix);
      const pump = (): void => {
        while (!stopped && written < total) {
          written += block.length;
          if (!req.write(block)) return void req.once('drain', pump);
        }
        if (stopped) done();
        else req.end();
      };
      pump();
    });
    rounds++;
  };
  const running = (async () => {
    while (!stopped) await once().catch(() => undefined);
  })();
  return {
    stop: async () => {
      stopped = true;
      await running;
      return rounds;
    },
  };
}

/**
 * The three hostile uploads against the relay at `url`, each repeated until stopped: a
 * create request of 64 MiB of tiny JSON objects in an unknown field (chunked, so only
 * counting can stop it), a 60 MB file upload of tiny JSON objects, and a file upload
 * trickled one byte every 100 ms. Resolves, once stopped, with how many were refused.
 */
function hostileClients(url: string): { stop: () => Promise<number> } {
  const json = { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' };
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const prefix = `{"exp":${exp},"files":[{"contentType":"application/fhir+json","length":100}],"x":[`;
  const upload = async (length: number) => {
    const created = await declareShare({ url }, length);
    return {
      url: url + created.uploads[0]!,
      method: 'PUT',
      headers: {
        'Content-Type': 'application/jose',
        'Content-Length': String(length),
        Authorization: `Bearer ${created.managementToken}`,
      },
    };
  };
  const loops = [
    hostileLoop(
      () => Promise.resolve({ url: `${url}/api/shl`, method: 'POST', headers: json, prefix }),
      'objects',
    ),
    hostileLoop(() => upload(SHARE_BYTES), 'objects', SHARE_BYTES),
    hostileLoop(() => upload(SHARE_BYTES), 'trickle'),
  ];
  return {
    stop: async () => {
      const rounds = await Promise.all(loops.map((l) => l.stop()));
      return rounds[0]! + rounds[1]!;
    },
  };
}

/**
 * `/api/health` p99 on a fresh relay alone, then while the three hostile uploads run
 * (hostileClients), from a process of their own so that their work does not delay the
 * measuring client.
 */
async function benchHostile(): Promise<Record<string, number>> {
  const relay = await startRelay();
  try {
    await load(`${relay.url}/api/health`); // warm up
    const quiet = await healthP99(relay);
    const attacker = spawn(
      process.execPath,
      ['--import', 'tsx', import.meta.filename, 'hostile-client', relay.url],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let out = '';
    attacker.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const said = (word: string): Promise<void> =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (out.includes(word)) resolve();
          else if (attacker.exitCode !== null) reject(new Error(`hostile client: ${out}`));
          else setTimeout(check, 50);
        };
        check();
      });
    await said('ready');
    await new Promise((r) => setTimeout(r, 500));
    const hostile = await healthP99(relay);
    attacker.stdin.end();
    await said('refused');
    await stopChild(attacker);
    if (hostile.errors > 0) throw new Error(`health failed ${hostile.errors} times under load`);
    return {
      relay_health_p99_ms_hostile: hostile.p99,
      relay_health_p99_ms_quiet: quiet.p99,
      relay_hostile_uploads_refused: Number(/refused (\d+)/.exec(out)?.[1] ?? 0),
    };
  } finally {
    await stopRelay(relay);
  }
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
    ...(await benchShare()),
    ...(await benchHostile()),
  };
}

if (process.argv[2] === 'hostile-client') {
  // The attacker's process for benchHostile: runs until its stdin closes.
  const clients = hostileClients(process.argv[3]!);
  process.stdout.write('ready\n');
  process.stdin.resume();
  process.stdin.once('end', () => {
    void clients.stop().then((refused) => {
      process.stdout.write(`refused ${refused}\n`);
      process.exit(0);
    });
  });
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const only: Record<string, () => Promise<Record<string, number | string>>> = {
    backup: benchBackup,
    share: benchShare,
    hostile: benchHostile,
  };
  const figures = await (only[process.argv[2] ?? ''] ?? benchRelay)();
  console.log(JSON.stringify(figures, null, 2));
}
