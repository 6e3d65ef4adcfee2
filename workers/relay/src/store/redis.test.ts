import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../testing/redis-server.ts';
import { newShare } from '../testing/fixtures.ts';
import { RedisStore } from './redis.ts';
import { storeContract } from './store-contract.ts';

let redis: TestRedis;
let store: RedisStore;
storeContract(
  'Redis',
  async () => {
    redis = await startRedis();
    store = new RedisStore(redis.url, 'contract:');
    await store.ready();
    return store;
  },
  async () => {
    await store.close();
    await redis.stop();
  },
);

describe('Redis store keys', () => {
  let server: TestRedis;
  let s: RedisStore;
  beforeAll(async () => {
    server = await startRedis();
    s = new RedisStore(server.url, 'ttl:');
    await s.ready();
  });
  afterAll(async () => {
    await s.close();
    await server.stop();
  });

  it('gives every key of a share a native TTL at its expiry', async () => {
    const { Redis } = await import('ioredis');
    const raw = new Redis(server.url);
    const share = newShare();
    await s.create(share);
    await s.recordUse(share.id, { recipient: 'r', at: Date.now() });
    const keys = await raw.keys(`ttl:shl:{${share.id}}*`);
    expect(keys).toHaveLength(3);
    for (const k of keys) {
      const at = await raw.pexpiretime(k);
      expect(at).toBe(share.exp * 1000);
    }
    await raw.quit();
  });
});
