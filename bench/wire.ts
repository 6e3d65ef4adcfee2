import { connect, createServer, type Socket } from 'node:net';

/** Bytes that crossed the proxy since the last reset: `down` to the browser, `up` from it. */
interface WireCount {
  down: number;
  up: number;
  /** Time of the last byte either way (ms, `performance.now()`), for "the network is quiet". */
  lastAt: number;
}

/**
 * A loopback TCP proxy in front of `targetPort` that counts every byte each way, HTTP
 * headers included, as a phone's data plan would: what the browser (page and service
 * worker alike) really took from the network, not what it found in its own caches.
 */
export async function wireCounter(targetPort: number) {
  const count: WireCount = { down: 0, up: 0, lastAt: performance.now() };
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      count.up += chunk.length;
      count.lastAt = performance.now();
    });
    upstream.on('data', (chunk: Buffer) => {
      count.down += chunk.length;
      count.lastAt = performance.now();
    });
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('proxy has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    count,
    reset(): void {
      count.down = 0;
      count.up = 0;
      count.lastAt = performance.now();
    },
    /** Resolves once no byte has crossed for `quietMs` (at most `timeoutMs`). */
    async quiet(quietMs = 1_500, timeoutMs = 60_000): Promise<void> {
      const start = performance.now();
      while (performance.now() - count.lastAt < quietMs) {
        if (performance.now() - start > timeoutMs) throw new Error('the network never settled');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
