import { join, resolve } from 'node:path';
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
  /**
   * Folder of the backup files: BACKUP_DIR, else DATA_DIR/backups with SQLite. With Redis
   * only BACKUP_DIR (a folder every relay on that Redis shares); without it, undefined:
   * the backup API is off.
   */
  backupDir: string | undefined;
  sweepIntervalMs: number;
  limits: RelayLimits;
  /**
   * Origins the doctor's viewer may fetch from besides every https one (headers.ts):
   * VIEWER_CONNECT_SRC, e.g. a plain-http SMART Health Links server in tests.
   */
  viewerConnectSrc: readonly string[];
}

/**
 * Reads PORT, HOST, DATA_DIR, STATIC_DIR, PUBLIC_URL, REDIS_URL, REDIS_PREFIX,
 * TRUST_PROXY, BACKUP_DIR, RELAY_SWEEP_INTERVAL_SECONDS, VIEWER_CONNECT_SRC and the limits
 * (limits.ts). Throws a clear message for a value that cannot work.
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
  const dataDir = resolve(env.DATA_DIR ?? '.data');
  const redisUrl = env.REDIS_URL || undefined;
  // With Redis, several relays must see one folder: only the operator can name it.
  let backupDir: string | undefined;
  if (env.BACKUP_DIR) backupDir = resolve(env.BACKUP_DIR);
  else if (redisUrl === undefined) backupDir = join(dataDir, 'backups');
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    staticDir: resolve(env.STATIC_DIR ?? 'dist'),
    publicUrl,
    redisUrl,
    redisPrefix: env.REDIS_PREFIX ?? 'carnet:',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    backupDir,
    sweepIntervalMs: sweepSeconds * 1000,
    limits: limitsFromEnv(env),
    viewerConnectSrc: viewerConnectSrcFromEnv(env.VIEWER_CONNECT_SRC),
  };
}

/**
 * VIEWER_CONNECT_SRC: http(s) origins separated by spaces or commas. Each is written back
 * as the URL parser reads its origin, so nothing else can slip into the policy.
 */
export function viewerConnectSrcFromEnv(raw: string | undefined): string[] {
  const origins: string[] = [];
  for (const item of (raw ?? '').split(/[\s,]+/).filter(Boolean)) {
    let url: URL | null = null;
    try {
      url = new URL(item);
    } catch {
      // reported below
    }
    const bare = url !== null && url.href.replace(/\/$/, '') === url.origin;
    if (!url || !/^https?:$/.test(url.protocol) || !bare) {
      throw new Error(
        `VIEWER_CONNECT_SRC must list origins such as http://127.0.0.1:9000, got "${item}"`,
      );
    }
    origins.push(url.origin);
  }
  return origins;
}
