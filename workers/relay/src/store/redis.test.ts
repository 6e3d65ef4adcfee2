import { describe, expect, it } from 'vitest';
import { fakeJwe, newShare, putShare } from '../testing/fixtures.ts';
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
    await putShare(relay.store, share);
    await relay.store.recordUse(share.id, { recipient: 'r', at: Date.now() });
    const keys = await raw.keys(`${prefix}shl:{${share.id}}*`);
    expect(keys).toHaveLength(3);
    for (const k of keys) {
      const at = await raw.pexpiretime(k);
      expect(at).toBe(share.exp * 1000);
    }
    await raw.quit();
  });

  it('keeps an upload under way only until the share is removed, and a pending share no longer than its window', async () => {
    const { Redis } = await import('ioredis');
    const { url, prefix } = relay.redis;
    const raw = new Redis(url);
    const now = Date.now();
    const share = newShare({ jwes: [fakeJwe(100)], exp: Math.floor(now / 1000) + 5 * 3600 }, now);
    await relay.store.create(share);
    const upload = (await relay.store.beginUpload(share.id, 0, now))!;
    expect(await upload.append(Buffer.from(share.jwes[0]!.slice(0, 50)))).toBe(true);
    const keys = await raw.keys(`${prefix}shl:{${share.id}}*`);
    expect(keys).toHaveLength(2); // the share and the upload
    for (const k of keys) expect(await raw.pexpiretime(k)).toBe(now + 3600_000);
    await relay.store.remove(share.id);
    expect(await upload.append(Buffer.from('x'))).toBe(false);
    expect(await raw.keys(`${prefix}shl:{${share.id}}*`)).toEqual([]);
    await raw.quit();
  });

  it('keeps a reply under way no longer than the upload window, and only while its share exists', async () => {
    const { Redis } = await import('ioredis');
    const { url, prefix } = relay.redis;
    const raw = new Redis(url);
    const now = Date.now();
    const share = newShare(
      { replyTokenHash: 'h'.repeat(43), exp: Math.floor(now / 1000) + 5 * 3600 },
      now,
    );
    await putShare(relay.store, share);
    const reply = await relay.store.beginReply(share.id, 'r'.repeat(43), now, 20);
    if (reply === null || reply === 'full') throw new Error('reply refused');
    expect(await reply.append(Buffer.from(fakeJwe(50)))).toBe(true);
    const [pending] = await raw.keys(`${prefix}shl:{${share.id}}:rp:*`);
    expect(await raw.pexpiretime(pending!)).toBe(now + 3600_000);
    await relay.store.remove(share.id);
    expect(await raw.keys(`${prefix}shl:{${share.id}}*`)).toEqual([]);
    expect(await reply.append(Buffer.from('x'))).toBe(false);
    expect(await raw.keys(`${prefix}shl:{${share.id}}*`)).toEqual([]);
    await raw.quit();
  });
});
