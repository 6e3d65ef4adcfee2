import { serve } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRelay } from './app.ts';
import { log } from './log.ts';

const port = Number(process.env.PORT ?? 8080);
const dataDir = resolve(process.env.DATA_DIR ?? '.data');
const staticDir = resolve(process.env.STATIC_DIR ?? 'dist');
mkdirSync(dataDir, { recursive: true });

const app = createRelay({ staticDir });
const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' }, (info) => {
  log.info(`Carnet listening on http://localhost:${info.port}`);
});

function shutdown(): void {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
