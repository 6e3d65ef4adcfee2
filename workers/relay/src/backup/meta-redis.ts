import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { log } from '../log.ts';
import type { BackupIndex, BackupMeta } from './meta.ts';

/** KEYS: record hash, used index. ARGV: at ms, key. Moves `used` forward when the record exists. */
const TOUCH = `
local used = redis.call('HGET', KEYS[1], 'used')
if not used then return 0 end
if tonumber(used) < tonumber(ARGV[1]) then
  redis.call('HSET', KEYS[1], 'used', ARGV[1])
  redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
end
return 1
`;

/** KEYS: lock. ARGV: holder. Releases the lock only if this holder still has it. */
const UNLOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** A lock outlives a holder that died by this long, ms; holders need milliseconds. */
const LOCK_TTL_MS = 30_000;
/** How long a commit waits for the lock before it fails, ms. */
const LOCK_WAIT_MS = 15_000;

/**
 * Backup records in Redis, for several relays sharing one Redis and one BACKUP_DIR.
 * Each record is one hash (`token`, `size`, `updated`, `used`) plus its place in a sorted
 * set by `used` for the sweeper; both change together (MULTI or a Lua script). Commit
 * locks are Redis keys (SET NX PX), released only by their holder.
 */
export class RedisBackupIndex implements BackupIndex {
  private readonly redis: Redis;
  private readonly p: string;

  /** `url`: redis://host:port/db. `prefix`: the relay's REDIS_PREFIX. */
  constructor(url: string, prefix = 'carnet:') {
    this.redis = new Redis(url, { maxRetriesPerRequest: 3 });
    // SECURITY: only the error's class name is logged, never the URL (it may hold a password).
    this.redis.on('error', (err: Error) => log.warn(`Redis connection error: ${err.name}`));
    this.p = prefix;
  }

  /** Resolves once connected, so start-up fails loudly when Redis is unreachable. */
  async ready(): Promise<void> {
    await this.redis.ping();
  }

  private record(key: string): string {
    return `${this.p}backup:${key}`;
  }
  private get usedIndex(): string {
    return `${this.p}backups-used`;
  }

  async get(key: string): Promise<BackupMeta | null> {
    const h = await this.redis.hgetall(this.record(key));
    if (!h.token || !h.size || !h.updated || !h.used) return null;
    return {
      tokenHash: h.token,
      size: Number(h.size),
      updatedAt: Number(h.updated),
      usedAt: Number(h.used),
    };
  }

  async set(key: string, meta: BackupMeta): Promise<void> {
    const result = await this.redis
      .multi()
      .hset(this.record(key), {
        token: meta.tokenHash,
        size: meta.size,
        updated: meta.updatedAt,
        used: meta.usedAt,
      })
      .zadd(this.usedIndex, meta.usedAt, key)
      .exec();
    if (!result || result.some(([err]) => err)) throw new Error('Redis transaction failed');
  }

  async touch(key: string, at: number): Promise<void> {
    await this.redis.eval(TOUCH, 2, this.record(key), this.usedIndex, at, key);
  }

  async remove(key: string): Promise<boolean> {
    const result = await this.redis.multi().del(this.record(key)).zrem(this.usedIndex, key).exec();
    return Number(result?.[0]?.[1] ?? 0) > 0;
  }

  async unusedSince(before: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.usedIndex, '-inf', `(${before}`, 'LIMIT', 0, limit);
  }

  async withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    const lock = `${this.p}backup-lock:${key}`;
    const holder = randomBytes(16).toString('base64url');
    const deadline = Date.now() + LOCK_WAIT_MS;
    while ((await this.redis.set(lock, holder, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new Error('backup lock not acquired in time');
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 20));
    }
    try {
      return await task();
    } finally {
      await this.redis.eval(UNLOCK, 1, lock, holder);
    }
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
