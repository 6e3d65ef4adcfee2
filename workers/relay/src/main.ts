import { serve } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRelay } from './app.ts';
import { configFromEnv } from './config.ts';
import { log } from './log.ts';
import { startSweeper } from './sweeper.ts';
import { RedisStore } from './store/redis.ts';
import { SqliteStore } from './store/sqlite.ts';
import type { ShareStore } from './store/store.ts';

const config = configFromEnv(process.env);

async function openStore(): Promise<ShareStore> {
  if (config.redisUrl) {
    const store = new RedisStore(config.redisUrl, config.redisPrefix);
    await store.ready();
    log.info('shares stored in Redis');
    return store;
  }
  mkdirSync(config.dataDir, { recursive: true });
  log.info('shares stored in SQLite (DATA_DIR)');
  return new SqliteStore(join(config.dataDir, 'relay.sqlite'));
}

const store = await openStore();
const sweeper = startSweeper(store, {
  intervalMs: config.sweepIntervalMs,
  deadGraceMs: config.limits.locationTtlSeconds * 1000,
  now: Date.now,
});
void sweeper.tick();

const app = createRelay({
  staticDir: config.staticDir,
  store,
  publicUrl: config.publicUrl,
  limits: config.limits,
  trustProxy: config.trustProxy,
});
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  log.info(`Carnet listening on http://localhost:${info.port}`);
});

let stopping = false;
function shutdown(): void {
  if (stopping) return;
  stopping = true;
  sweeper.stop();
  server.close(() => {
    void store.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
