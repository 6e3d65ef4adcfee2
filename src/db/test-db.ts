/**
 * The one database lifecycle of db/ and record/ tests: every test opens fresh, uniquely
 * named databases (fake-indexeddb in unit tests), and after it each is closed and deleted,
 * whoever opened it, so no test sees another's rows.
 */
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { afterEach } from 'vitest';
import { deleteDatabase, openCarnetDb } from './repo.ts';
import { CarnetDb } from './schema.ts';

let counter = 0;
/** Names handed out during the current test: their databases go after it. */
const names = new Set<string>();
/** Handles the tests opened themselves: closed before the databases are deleted. */
const opened: { close(): void }[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  // A handle a store under test still holds closes itself on the deletion's versionchange.
  for (const name of [...names]) await deleteDatabase(name);
  names.clear();
});

/**
 * A database name no other test uses. The database of that name is deleted after the
 * current test, whether the test opened it (with Dexie, raw IndexedDB or a store under
 * test) or not.
 */
export function freshDbName(prefix = 'carnet-test'): string {
  const name = `${prefix}-${Date.now()}-${counter++}`;
  names.add(name);
  return name;
}

/** Closes `db` after the current test (and deletes its database, when freshDbName named it). */
export function trackDb<T extends { close(): void }>(db: T): T {
  opened.push(db);
  return db;
}

/**
 * A new, open database for one test, closed and deleted after it. `prepare` runs on it
 * before it opens (a DBCore middleware such as `fillDiskAfter`).
 */
export async function freshDb(
  prefix = 'carnet-test',
  prepare?: (db: CarnetDb) => void,
): Promise<CarnetDb> {
  const name = freshDbName(prefix);
  if (!prepare) return trackDb(await openCarnetDb(name));
  const db = trackDb(new CarnetDb(name));
  prepare(db);
  await db.open();
  return db;
}

/**
 * Makes `db` behave like a phone whose disk fills up: the first `okPuts` put batches into
 * `table` succeed, every later one throws QuotaExceededError. Call before the first use.
 */
export function fillDiskAfter(db: CarnetDb, table: string, okPuts: number): void {
  let puts = 0;
  db.use({
    stack: 'dbcore',
    name: `disk-full-${table}`,
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const inner = down.table(name);
        return {
          ...inner,
          mutate: async (req: DBCoreMutateRequest) => {
            if (name === table && req.type === 'put' && ++puts > okPuts) {
              throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            }
            return inner.mutate(req);
          },
        };
      },
    }),
  });
}
