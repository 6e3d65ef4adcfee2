import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { afterEach } from 'vitest';
import { deleteDatabase, openCarnetDb } from './repo.ts';
import type { CarnetDb } from './schema.ts';

let counter = 0;
const opened: CarnetDb[] = [];

// Every database a test opened is closed and deleted after it, so tests never share state.
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await deleteDatabase(db.name);
  }
});

/** A database name no other test uses. */
export function uniqueDbName(prefix = 'carnet-test'): string {
  return `${prefix}-${Date.now()}-${counter++}`;
}

/** Closes and deletes `db` after the current test. */
export function trackDb<T extends CarnetDb>(db: T): T {
  opened.push(db);
  return db;
}

/** A new, uniquely named database for one test (on fake-indexeddb in unit tests). */
export async function freshDb(prefix = 'carnet-test'): Promise<CarnetDb> {
  return trackDb(await openCarnetDb(uniqueDbName(prefix)));
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
