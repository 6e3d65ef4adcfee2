import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createRelay, type RelayOptions } from '../app.ts';
import { FAST_HASH } from './fixtures.ts';

/** A relay on a free loopback port, as a real HTTP server. */
export interface RunningRelay {
  url: string;
  close(): Promise<void>;
}

/** Starts createRelay(options) on 127.0.0.1 with an OS-chosen port. */
export function serveRelay(options: RelayOptions): Promise<RunningRelay> {
  const app = createRelay({ passcodeParams: FAST_HASH, ...options });
  return new Promise((resolve) => {
    const server: ServerType = serve(
      { fetch: app.fetch, port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          close: () => new Promise<void>((done) => server.close(() => done())),
        });
      },
    );
  });
}
