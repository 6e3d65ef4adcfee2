/**
 * What it costs to guess the secret of a keyring copied out of IndexedDB, at the app's own
 * Argon2id parameters (KDF_DEFAULT), on this machine:
 *
 *   node --import tsx bench/crack-cost.ts [--runs 7] [--threads <cores>] [--per-thread 6]
 *
 * Measures one Argon2id per guess with libsodium (the WebAssembly build the app ships) and
 * with hash-wasm (another implementation), then the machine's throughput with one guessing
 * thread per core, and turns it into the time to try every 6-digit PIN, every 8-digit PIN
 * and passphrases of the kinds the app accepts (src/crypto/secret-rules.ts: any 8
 * characters or more, so the cost depends on how the phrase was chosen). The GPU line is
 * an estimate from memory bandwidth, printed as such, never measured here.
 * Not part of `npm run bench` (bench/run.ts): it prints, it writes no results file.
 */
import { cpus, loadavg } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { argon2id } from 'hash-wasm';
import { KDF_DEFAULT } from '../src/crypto/kdf.ts';
import type { Sodium } from '../src/crypto/sodium.ts';
import { loadSodium } from '../src/crypto/sodium.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const RUNS = arg('runs', 7);
const THREADS = arg('threads', cpus().length);
const PER_THREAD = arg('per-thread', 6);
const { opsLimit, memLimit } = KDF_DEFAULT;
const SALT = new Uint8Array(16).fill(7);

/** Best and median of `runs` timings of `once`, in milliseconds. */
async function timeIt(runs: number, once: (i: number) => unknown) {
  await once(-1); // warm-up: compile the WebAssembly, grow its memory once
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { best: times[0] ?? NaN, median: times[Math.floor(times.length / 2)] ?? NaN };
}

const pin = (i: number) => String(Math.max(i, 0)).padStart(6, '0');

/** One Argon2id at the app's parameters: what each guess costs. */
const guess = (sodium: Sodium, secret: string): Uint8Array =>
  sodium.crypto_pwhash(32, secret, SALT, opsLimit, memLimit, sodium.crypto_pwhash_ALG_ARGON2ID13);

/** A guessing thread (this file again, in a worker): `count` guesses when told to go. */
async function guesser(count: number): Promise<void> {
  const sodium = await loadSodium();
  guess(sodium, 'warm-up');
  parentPort?.postMessage('ready');
  parentPort?.once('message', () => {
    for (let i = 0; i < count; i++) guess(sodium, pin(i));
    parentPort?.postMessage('done');
  });
}

/** Guesses per second with `threads` threads guessing at once (all started together). */
async function throughput(threads: number, perThread: number): Promise<number> {
  const workers = Array.from(
    { length: threads },
    () =>
      // This very file, under tsx's loader (a worker does not inherit the parent's).
      new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`,
        { eval: true, workerData: { count: perThread } },
      ),
  );
  const next = (w: Worker) => new Promise((resolve) => w.once('message', resolve));
  try {
    await Promise.all(workers.map(next));
    const start = performance.now();
    const done = workers.map(next);
    workers.forEach((w) => w.postMessage('go'));
    await Promise.all(done);
    return (threads * perThread) / ((performance.now() - start) / 1000);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Seconds as the largest sensible unit. */
function duration(seconds: number): string {
  const units: [number, string][] = [
    [365.25 * 86_400, 'years'],
    [86_400, 'days'],
    [3_600, 'hours'],
    [60, 'minutes'],
    [1, 'seconds'],
  ];
  for (const [size, name] of units) {
    if (seconds >= size) {
      const n = seconds / size;
      return `${n >= 1e6 ? n.toExponential(1) : n.toFixed(n < 10 ? 1 : 0)} ${name}`;
    }
  }
  return `${seconds.toFixed(2)} seconds`;
}

async function main(): Promise<void> {
  const sodium = await loadSodium();
  const mib = memLimit / 1024 / 1024;
  console.log(`Argon2id at the app's parameters: t=${opsLimit}, ${mib} MiB, 1 lane`);
  // Other work on the machine slows every figure: the load says how busy it was.
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load ${loadavg()[0]?.toFixed(2)}`,
  );

  const libsodium = await timeIt(RUNS, (i) => guess(sodium, pin(i)));
  const hashWasm = await timeIt(RUNS, (i) =>
    argon2id({
      password: pin(i),
      salt: SALT,
      iterations: opsLimit,
      memorySize: memLimit / 1024,
      parallelism: 1,
      hashLength: 32,
      outputType: 'binary',
    }),
  );
  const perSecond = await throughput(THREADS, PER_THREAD);
  const perGuess = 1 / perSecond;

  console.log('\none guess, one core (best / median of %d):', RUNS);
  console.log(
    `  libsodium (WebAssembly, as in the app): ${libsodium.best.toFixed(0)} / ${libsodium.median.toFixed(0)} ms`,
  );
  console.log(
    `  hash-wasm (WebAssembly):                ${hashWasm.best.toFixed(0)} / ${hashWasm.median.toFixed(0)} ms`,
  );
  console.log(
    `whole machine, ${THREADS} guessing threads: ${perSecond.toFixed(2)} guesses/s (${(perGuess * 1000).toFixed(0)} ms a guess)`,
  );

  // SECURITY: a GPU's Argon2id is bound by memory bandwidth. Each pass reads two 1 KiB
  // blocks and writes one for every block of memory: about 3 × memory × passes of traffic
  // a guess. 1 TB/s is a current high-end card; the result is an upper bound on its rate.
  const gpuBytesPerSecond = 1e12;
  const gpuPerSecond = gpuBytesPerSecond / (3 * memLimit * opsLimit);

  const spaces: [string, number][] = [
    ['6-digit PIN (10^6)', 1e6],
    ['8-digit PIN (10^8)', 1e8],
    ['passphrase: 8 random lower-case letters (26^8)', 26 ** 8],
    ['passphrase: 3 random words of 7,776 (7776^3)', 7776 ** 3],
    ['passphrase: 4 random words of 7,776 (7776^4)', 7776 ** 4],
    ['passphrase: 6 random words of 7,776 (7776^6)', 7776 ** 6],
  ];
  console.log('\ntime to try every value (half that on average):');
  // One core at its best time: what an attacker's idle machine does (others' load only slows).
  console.log('  | secret | values | this machine | one core (best) | GPU estimate |');
  for (const [name, values] of spaces) {
    const machine = duration(values * perGuess);
    const core = duration((values * libsodium.best) / 1000);
    const gpu = duration(values / gpuPerSecond);
    console.log(`  | ${name} | ${values.toExponential(2)} | ${machine} | ${core} | ${gpu} |`);
  }
  console.log(
    `  | PIN + this phone's secret, without the phone | 10^6 × 2^256 | never: the 256-bit PRF output must be guessed too | | |`,
  );
  console.log(
    `\nGPU estimate: ${gpuPerSecond.toFixed(0)} guesses/s at ${gpuBytesPerSecond / 1e12} TB/s of memory bandwidth (not measured).`,
  );
  console.log(
    JSON.stringify({
      crack_argon2id_ms_libsodium_best: Math.round(libsodium.best),
      crack_argon2id_ms_libsodium_median: Math.round(libsodium.median),
      crack_argon2id_ms_hashwasm_median: Math.round(hashWasm.median),
      crack_guesses_per_s_machine: Number(perSecond.toFixed(2)),
      crack_threads: THREADS,
      crack_pin6_hours_machine: Number(((1e6 * perGuess) / 3600).toFixed(1)),
      crack_pin6_minutes_gpu_estimate: Number((1e6 / gpuPerSecond / 60).toFixed(1)),
    }),
  );
}

if (isMainThread) await main();
else await guesser((workerData as { count: number }).count);
