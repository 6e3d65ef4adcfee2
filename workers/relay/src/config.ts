import { resolve } from 'node:path';
import { MANIFEST_URL_MAX, manifestPath } from './deps.ts';
import { limitsFromEnv, type RelayLimits } from './limits.ts';

/** Everything `npm start` reads from the environment. */
export interface RelayConfig {
  port: number;
  host: string;
  /** Folder of the SQLite file (unused with Redis). */
  dataDir: string;
  staticDir: string;
  publicUrl: string | undefined;
  redisUrl: string | undefined;
  /** Key prefix in Redis, so several deployments can share one database. */
  redisPrefix: string;
  trustProxy: boolean;
  sweepIntervalMs: number;
  limits: RelayLimits;
}

/**
 * Reads PORT, HOST, DATA_DIR, STATIC_DIR, PUBLIC_URL, REDIS_URL, REDIS_PREFIX,
 * TRUST_PROXY, RELAY_SWEEP_INTERVAL_SECONDS and the RELAY_* limits (limits.ts).
 * Throws a clear message for a value that cannot work.
 */
export function configFromEnv(env: NodeJS.ProcessEnv): RelayConfig {
  const publicUrl = env.PUBLIC_URL?.replace(/\/+$/, '') || undefined;
  if (publicUrl !== undefined) {
    const url = new URL(publicUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new Error('PUBLIC_URL must be http(s)');
    const longest = publicUrl + manifestPath('x'.repeat(43));
    if (longest.length > MANIFEST_URL_MAX) {
      throw new Error(
        `PUBLIC_URL is too long: manifest URLs must stay within ${MANIFEST_URL_MAX} characters`,
      );
    }
  }
  const sweepSeconds = Number(env.RELAY_SWEEP_INTERVAL_SECONDS ?? 30);
  if (!(sweepSeconds > 0 && sweepSeconds <= 60)) {
    throw new Error('RELAY_SWEEP_INTERVAL_SECONDS must be more than 0 and at most 60');
  }
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    staticDir: resolve(env.STATIC_DIR ?? 'dist'),
    publicUrl,
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.REDIS_PREFIX ?? 'carnet:',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    sweepIntervalMs: sweepSeconds * 1000,
    limits: limitsFromEnv(env),
  };
}
