import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A throwaway redis-server on a free loopback port, persisting nothing outside a temp dir. */
export interface TestRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** REDIS_SERVER if set, else the first redis-server on PATH, else Debian's location. */
function findRedisServer(): string {
  if (process.env.REDIS_SERVER) return process.env.REDIS_SERVER;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'redis-server'))) return join(dir, 'redis-server');
  }
  return '/usr/bin/redis-server';
}

/** A port the kernel just handed out and released, on 127.0.0.1. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts redis-server for a test. Fails, never skips, when the binary is missing: the
 * Redis store is half of the relay and must be tested on every machine.
 */
export async function startRedis(): Promise<TestRedis> {
  const binary = findRedisServer();
  if (!existsSync(binary)) {
    throw new Error(
      `redis-server not found (REDIS_SERVER, PATH, ${binary}). Install it with "apt-get install -y redis-server" ` +
        '(npm test does this on a fresh machine) or point REDIS_SERVER at the binary.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'carnet-redis-'));
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn(
      binary,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (await ready(child)) {
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        stop: async () => {
          await stopChild(child);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    await stopChild(child);
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error('redis-server did not start on a free port after 3 tries');
}

function ready(child: ChildProcess): Promise<boolean> {
  return new Promise((resolve) => {
    let output = '';
    const timer = setTimeout(() => resolve(false), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

/** Stops a child process and waits for it to exit. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
