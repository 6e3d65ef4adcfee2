import { serve } from '@hono/node-server';
import { createRelay } from './src/app.ts';
import { SqliteStore } from './src/store/sqlite.ts';
const store = new SqliteStore('/tmp/exp.sqlite');
const app = createRelay({ store, limits: { manifestPerMinute: 1e9 } });
serve({ fetch: app.fetch, port: 18557, hostname: '127.0.0.1' });
process.on('SIGINT', () => process.exit(0));
