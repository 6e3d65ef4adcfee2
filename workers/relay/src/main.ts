import { serve } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRelay } from './app.ts';
import { RedisBackupIndex } from './backup/meta-redis.ts';
import { SqliteBackupIndex } from './backup/meta-sqlite.ts';
import { BackupStore } from './backup/store.ts';
import { configFromEnv } from './config.ts';
import { log } from './log.ts';
import { startSweeper } from './sweeper.ts';
import { RedisStore } from './store/redis.ts';
import { SqliteStore } from './store/sqlite.ts';
import type { ShareStore } from './store/store.ts';

const config = configFromEnv(process.env);
const sqliteFile = join(config.dataDir, 'relay.sqlite');

async function openStore(): Promise<ShareStore> {
  if (config.redisUrl) {
    const store = new RedisStore(config.redisUrl, config.redisPrefix);
    await store.ready();
    log.info('shares stored in Redis');
    return store;
  }
  mkdirSync(config.dataDir, { recursive: true });
  log.info('shares stored in SQLite (DATA_DIR)');
  return new SqliteStore(sqliteFile);
}

/** Backup records beside the shares, files in the backup folder; null when backups are off. */
async function openBackups(): Promise<BackupStore | null> {
  if (config.backupDir === undefined) {
    log.warn('backups are off: with REDIS_URL, set BACKUP_DIR to a folder every relay shares');
    return null;
  }
  let index: RedisBackupIndex | SqliteBackupIndex;
  if (config.redisUrl) {
    const redis = new RedisBackupIndex(config.redisUrl, config.redisPrefix);
    await redis.ready();
    index = redis;
  } else {
    index = new SqliteBackupIndex(sqliteFile);
  }
  log.info(`backups stored in ${config.redisUrl ? 'Redis and BACKUP_DIR' : 'SQLite and files'}`);
  return new BackupStore(index, config.backupDir).init();
}

const store = await openStore();
const backups = await openBackups();
const sweeper = startSweeper(store, {
  intervalMs: config.sweepIntervalMs,
  deadGraceMs: config.limits.locationTtlSeconds * 1000,
  now: Date.now,
  backups: backups
    ? {
        store: backups,
        retentionMs: config.limits.backupRetentionDays * 86_400_000,
        everyMs: 3600_000,
      }
    : undefined,
});
void sweeper.tick();

const app = createRelay({
  staticDir: config.staticDir,
  store,
  backups: backups ?? undefined,
  publicUrl: config.publicUrl,
  limits: config.limits,
  trustProxy: config.trustProxy,
  viewerConnectSrc: config.viewerConnectSrc,
});
const server = serve(
  {
    fetch: app.fetch,
    port: config.port,
    hostname: config.host,
    // Node ends any request still arriving after 5 minutes (requestTimeout), which would
    // cut off a large backup on a slow phone connection. Bodies are bounded instead by
    // size, and a socket with nothing moving for a minute is closed; a backup body that
    // stalls for 30 s is dropped by the backup routes themselves.
    serverOptions: { requestTimeout: 0 },
  },
  (info) => {
    log.info(`Carnet listening on http://localhost:${info.port}`);
  },
);
server.setTimeout(60_000);

let stopping = false;
function shutdown(): void {
  if (stopping) return;
  stopping = true;
  sweeper.stop();
  server.close(() => {
    void Promise.all([store.close(), backups?.close()]).finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
