import { describe, expect, it } from 'vitest';
import { newShare } from '../testing/fixtures.ts';
import { openStore, setUpRelay, type RedisTestStore } from '../testing/setup.ts';
import { storeContract } from './store-contract.ts';

let contract: RedisTestStore;
storeContract(
  'Redis',
  async () => (contract = await openStore('Redis')).store,
  () => contract.close(),
);

describe('Redis store keys', () => {
  const relay = setUpRelay('Redis');

  it('gives every key of a share a native TTL at its expiry', async () => {
    const { Redis } = await import('ioredis');
    const { url, prefix } = relay.redis;
    const raw = new Redis(url);
    const share = newShare();
    await relay.store.create(share);
    await relay.store.recordUse(share.id, { recipient: 'r', at: Date.now() });
    const keys = await raw.keys(`${prefix}shl:{${share.id}}*`);
    expect(keys).toHaveLength(3);
    for (const k of keys) {
      const at = await raw.pexpiretime(k);
      expect(at).toBe(share.exp * 1000);
    }
    await raw.quit();
  });
});
