import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  openBackups,
  openStore,
  setUpRelay,
  type TestBackups,
  type TestStore,
} from '../testing/setup.ts';
import { backupContract, newId, streamOf } from './backup-contract.ts';

for (const kind of ['SQLite', 'Redis'] as const) {
  let opened: TestStore;
  let backups: TestBackups;
  backupContract(
    kind,
    async () => {
      opened = await openStore(kind);
      return (backups = await openBackups(opened));
    },
    async () => {
      await backups.close();
      await opened.close();
    },
  );
}

describe('what a backup leaves in the stores', () => {
  const sqlite = setUpRelay('SQLite');
  const redis = setUpRelay('Redis');
  const put = async (backups: TestBackups, locator: string, token: string): Promise<void> => {
    const result = await backups.store.put(locator, token, streamOf(randomBytes(1000)), {
      maxBytes: 10_000,
      now: Date.now,
    });
    expect(result.status).toBe('created');
  };

  it('never the locator or the token, on SQLite', async () => {
    const [locator, token] = [newId(), newId()];
    await put(sqlite.backups, locator, token);
    const dir = dirname(sqlite.file);
    for (const name of readdirSync(dir)) {
      const text = readFileSync(`${dir}/${name}`).toString('latin1');
      expect(text).not.toContain(locator);
      expect(text).not.toContain(token);
    }
    expect(readdirSync(sqlite.backups.dir).join(' ')).not.toContain(locator);
  });

  it('never the locator or the token, on Redis', async () => {
    const [locator, token] = [newId(), newId()];
    await put(redis.backups, locator, token);
    const { Redis } = await import('ioredis');
    const raw = new Redis(redis.redis.url);
    const keys = await raw.keys('*');
    const dump = [...keys];
    for (const key of keys) {
      const type = await raw.type(key);
      if (type === 'hash') dump.push(...Object.values(await raw.hgetall(key)));
      if (type === 'zset') dump.push(...(await raw.zrange(key, '0', '-1')));
    }
    await raw.quit();
    expect(dump.length).toBeGreaterThan(2);
    for (const item of dump) {
      expect(item).not.toContain(locator);
      expect(item).not.toContain(token);
    }
  });
});
