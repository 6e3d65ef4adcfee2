import { describe, expect, it } from 'vitest';
import { openCarnetDb, putMeta } from './repo.ts';
import { freshDb, freshDbName } from './test-db.ts';

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

// Tests run in order within a file: the second sees what the first left behind.
describe('the test database lifecycle', () => {
  let left: string[] = [];

  it('opens a fresh, empty database under a name no other test uses', async () => {
    const a = await freshDb();
    const b = await freshDb();
    expect(a.name).not.toBe(b.name);
    expect(await a.meta.count()).toBe(0);
    await putMeta(a, 'lockAfterIdleMs', 60_000);
    const named = freshDbName();
    await openCarnetDb(named); // as a store under test would, left open on purpose
    left = [a.name, b.name, named];
    expect(await databaseNames()).toEqual(expect.arrayContaining(left));
  });

  it('deleted every one of them after that test, open handles included', async () => {
    expect(left).toHaveLength(3);
    const names = await databaseNames();
    for (const name of left) expect(names).not.toContain(name);
  });
});
