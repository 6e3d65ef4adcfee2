import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import type { RelayOptions } from '../app.ts';
import { RedisBackupIndex } from '../backup/meta-redis.ts';
import { SqliteBackupIndex } from '../backup/meta-sqlite.ts';
import { BACKUP_IDLE_MS, BackupStore } from '../backup/store.ts';
import { RedisStore } from '../store/redis.ts';
import { SqliteStore } from '../store/sqlite.ts';
import type { ShareStore } from '../store/store.ts';
import { Client } from './fixtures.ts';
import { startRedis, stopChild } from './redis-server.ts';
import { serveRelay, type RunningRelay } from './serve.ts';

/**
 * The one way relay tests start what they test: a fresh store (SQLite in a temp dir, or
 * Redis on a throwaway redis-server), backups over it (files in a temp dir) and the relay
 * app over both, with a clock the test moves, as in-process Clients or as real HTTP
 * servers; everything torn down after.
 */

export type StoreKind = 'SQLite' | 'Redis';
/** Both stores: behaviour the relay promises holds on each. */
const STORE_KINDS: readonly StoreKind[] = ['SQLite', 'Redis'];

interface OpenedStore<K extends StoreKind, S extends ShareStore> {
  readonly kind: K;
  readonly store: S;
  /** Another store over the same data, as a second relay instance or a restart opens it. */
  twin(): S;
  /** Closes every store opened here and removes what they left (temp dir, redis-server). */
  close(): Promise<void>;
}
export interface SqliteTestStore extends OpenedStore<'SQLite', SqliteStore> {
  /** The database file. */
  readonly file: string;
}
export interface RedisTestStore extends OpenedStore<'Redis', RedisStore> {
  readonly url: string;
  /** The key prefix of every store opened here. */
  readonly prefix: string;
}
export type TestStore = SqliteTestStore | RedisTestStore;

/** `store` with a close() that may be called twice (by a test, then by the teardown). */
function closingOnce<S extends ShareStore>(store: S): S {
  const close = store.close.bind(store);
  let closed: Promise<void> | null = null;
  store.close = () => (closed ??= close());
  return store;
}

/** A fresh, empty store of `kind`. Redis runs on its own redis-server, never skipped. */
export async function openStore(kind: 'SQLite'): Promise<SqliteTestStore>;
export async function openStore(kind: 'Redis'): Promise<RedisTestStore>;
export async function openStore(kind: StoreKind): Promise<TestStore>;
export async function openStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'SQLite') {
    const dir = mkdtempSync(join(tmpdir(), 'carnet-relay-'));
    const file = join(dir, 'relay.sqlite');
    const stores = [closingOnce(new SqliteStore(file))];
    return {
      kind,
      store: stores[0]!,
      file,
      twin: () => {
        const twin = closingOnce(new SqliteStore(file));
        stores.push(twin);
        return twin;
      },
      close: async () => {
        for (const store of stores) await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const redis = await startRedis();
  const prefix = 'test:';
  const stores: RedisStore[] = [];
  const open = () => {
    const store = closingOnce(new RedisStore(redis.url, prefix));
    stores.push(store);
    return store;
  };
  const store = open();
  await store.ready();
  return {
    kind,
    store,
    url: redis.url,
    prefix,
    twin: open,
    close: async () => {
      for (const s of stores) await s.close();
      await redis.stop();
    },
  };
}

/** Backups over a test store's database, with their files in a folder of their own. */
export interface TestBackups {
  readonly store: BackupStore;
  /** The backup folder. */
  readonly dir: string;
  /** Another BackupStore over the same records and folder, as a second relay opens it. */
  twin(): Promise<BackupStore>;
  /** Closes every BackupStore opened here and removes the folder (not the database). */
  close(): Promise<void>;
}

/**
 * A BackupStore over `opened` (its SQLite file, or its Redis and prefix) and a fresh
 * folder; `idleMs` is how long a stalled body is waited for.
 */
export async function openBackups(
  opened: TestStore,
  idleMs = BACKUP_IDLE_MS,
): Promise<TestBackups> {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-backups-'));
  const stores: BackupStore[] = [];
  const open = async (): Promise<BackupStore> => {
    const index =
      opened.kind === 'SQLite'
        ? new SqliteBackupIndex(opened.file)
        : new RedisBackupIndex(opened.url, opened.prefix);
    const store = await new BackupStore(index, dir, idleMs).init();
    stores.push(store);
    return store;
  };
  const store = await open();
  return {
    store,
    dir,
    twin: open,
    close: async () => {
      for (const s of stores.splice(0)) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** How setUpRelay starts a relay. */
export interface RelaySetup {
  /** A fresh relay for each test (the default), or one for the whole file or describe. */
  readonly per?: 'test' | 'file';
  /** The clock at start, epoch ms. Default: the real time when the relay starts. */
  readonly clock?: () => number;
  /** How long the backup routes wait for a stalled body, ms. */
  readonly backupIdleMs?: number;
}

/**
 * A relay under test: a store of `kind` and the app over it, configured with `options`.
 * Valid inside tests (between the hooks setUpRelay registers).
 */
export class TestRelay {
  /** The relay's clock, epoch ms: every Client and server made here reads it. Move it. */
  clock = 0;
  #opened: TestStore | null = null;
  #backups: TestBackups | null = null;
  #api: Client | null = null;
  #servers: RunningRelay[] = [];

  constructor(
    readonly kind: StoreKind,
    private readonly options: RelayOptions = {},
    private readonly startClock: () => number = Date.now,
    private readonly backupIdleMs = BACKUP_IDLE_MS,
  ) {}

  async start(): Promise<void> {
    this.#opened = await openStore(this.kind);
    this.#backups = await openBackups(this.#opened, this.backupIdleMs);
    this.resetClock();
    this.#api = null;
  }

  /** Puts the clock back to where a relay starts. */
  resetClock(): void {
    this.clock = this.startClock();
  }

  /** Stops the servers, closes the stores, removes their data. Safe to call twice. */
  async stop(): Promise<void> {
    const opened = this.#opened;
    const backups = this.#backups;
    this.#opened = null;
    this.#backups = null;
    this.#api = null;
    for (const server of this.#servers.splice(0)) await server.close();
    await backups?.close();
    await opened?.close();
  }

  get opened(): TestStore {
    if (!this.#opened) throw new Error('the relay runs only inside a test');
    return this.#opened;
  }

  get store(): ShareStore {
    return this.opened.store;
  }

  /** The relay's backups (their records beside the shares, their files in a temp folder). */
  get backups(): TestBackups {
    if (!this.#backups) throw new Error('the relay runs only inside a test');
    return this.#backups;
  }

  /** The SQLite file (SQLite relays only). */
  get file(): string {
    const opened = this.opened;
    if (opened.kind !== 'SQLite') throw new Error('a Redis relay has no file');
    return opened.file;
  }

  /** The Redis server's URL and the stores' key prefix (Redis relays only). */
  get redis(): { url: string; prefix: string } {
    const opened = this.opened;
    if (opened.kind !== 'Redis') throw new Error('a SQLite relay has no Redis');
    return { url: opened.url, prefix: opened.prefix };
  }

  /** The relay as configured, over its store and clock. */
  get api(): Client {
    return (this.#api ??= this.client(this.options));
  }

  /** Another app over the same store and clock, configured with `options` alone. */
  client(options: RelayOptions = {}): Client {
    return Client.with({
      store: this.store,
      backups: this.backups.store,
      now: () => this.clock,
      ...options,
    });
  }

  /** Another store over the same data, as a second relay instance opens it. */
  twin(): ShareStore {
    return this.opened.twin();
  }

  /** The app over the store and clock as a real HTTP server, configured with `options`. */
  async serve(options: RelayOptions = {}): Promise<RunningRelay> {
    const running = await serveRelay({
      store: this.store,
      backups: this.backups.store,
      now: () => this.clock,
      ...options,
    });
    let closed: Promise<void> | null = null;
    const server = { url: running.url, close: () => (closed ??= running.close()) };
    this.#servers.push(server);
    return server;
  }
}

/** Starts a relay of `kind` before each test (or once, `per: 'file'`), stops it after. */
export function setUpRelay(
  kind: StoreKind,
  options: RelayOptions = {},
  setup: RelaySetup = {},
): TestRelay {
  const relay = new TestRelay(kind, options, setup.clock, setup.backupIdleMs);
  const each = (setup.per ?? 'test') === 'test';
  (each ? beforeEach : beforeAll)(() => relay.start());
  // A relay kept for the file still gives every test the clock it starts with.
  if (!each) beforeEach(() => relay.resetClock());
  (each ? afterEach : afterAll)(() => relay.stop());
  return relay;
}

/** `suite` once on each store, as `<title> on SQLite` and `<title> on Redis`. */
export function describeOnEveryStore(
  title: string,
  suite: (relay: TestRelay) => void,
  options: RelayOptions = {},
  setup: RelaySetup = { per: 'file' },
): void {
  for (const kind of STORE_KINDS) {
    describe(`${title} on ${kind}`, () => suite(setUpRelay(kind, options, setup)));
  }
}

/** A relay started as `npm start` starts it, in a child process. */
export interface RelayProcess {
  readonly url: string;
  /** Kills the process (SIGKILL unless told) and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Where a relay process keeps its data besides `dataDir`. */
export interface RelayProcessOptions {
  /** Redis instead of SQLite, with this prefix (default REDIS_PREFIX). */
  redis?: { url: string; prefix?: string };
  /** BACKUP_DIR (default with SQLite: `dataDir`/backups; with Redis, backups are off without it). */
  backupDir?: string;
}

/**
 * Starts workers/relay/src/main.ts in a child process on SQLite in `dataDir` (or on Redis),
 * on a port the OS picks, with limits lifted; resolves with its URL once it listens.
 */
export function startRelayProcess(
  dataDir: string,
  options: RelayProcessOptions = {},
): Promise<RelayProcess> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '../main.ts')],
    {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        PUBLIC_URL: '',
        TRUST_PROXY: '',
        DATA_DIR: dataDir,
        STATIC_DIR: join(dataDir, 'no-app'),
        REDIS_URL: options.redis?.url ?? '',
        REDIS_PREFIX: options.redis?.prefix ?? 'carnet:',
        BACKUP_DIR: options.backupDir ?? '',
        RELAY_CREATE_PER_MINUTE: '1000000',
        RELAY_MANIFEST_PER_MINUTE: '1000000',
        RELAY_PASSCODE_ATTEMPTS: '100000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const kill = (signal: NodeJS.Signals = 'SIGKILL') => stopChild(proc, signal);
  return new Promise((resolve, reject) => {
    let out = '';
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void kill().then(() => reject(new Error(`${why}: ${out}`)));
    };
    const timer = setTimeout(() => fail('relay did not start'), 20_000);
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /listening on http:\/\/localhost:(\d+)/.exec(out)?.[1];
      if (port && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${port}`, kill });
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.once('exit', () => fail('relay exited'));
  });
}
