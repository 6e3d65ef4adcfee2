import { recordOp } from './failures.ts';
import type { SealedTable } from './sealed-table.ts';
import type { ShareRecord } from './shares.ts';

/** The patient's shares as the phone remembers them. Errors are RecordError. */
export interface ShareStore {
  /** Newest first. Rows that fail to open are skipped (and counted nowhere: they hold no health data). */
  list(): Promise<ShareRecord[]>;
  save(share: ShareRecord): Promise<void>;
  /**
   * Applies `change` to the share as stored now and saves the result; null when there is
   * no such share. Writes run one after another, so a status check that lands while the
   * patient revokes cannot put back the share without its `revokedAt`.
   */
  update(id: string, change: (current: ShareRecord) => ShareRecord): Promise<ShareRecord | null>;
  remove(id: string): Promise<void>;
}

/** Shares sealed in the `shares` table, each bound to its row id like every record. */
export function createShareStore(table: SealedTable<ShareRecord>): ShareStore {
  // The tail of the write queue: every save and update waits for the one before it.
  let writes: Promise<unknown> = Promise.resolve();
  const queued = <T>(write: () => Promise<T>): Promise<T> => {
    const next = writes.then(write, write);
    writes = next.catch(() => undefined);
    return next;
  };
  const seal = (share: ShareRecord) => table.put([share]);

  return {
    list: () =>
      recordOp(async () => {
        const { values } = await table.list();
        return values.sort((a, b) => b.createdAt - a.createdAt);
      }),
    save: (share) => recordOp(() => queued(() => seal(share))),
    update: (id, change) =>
      recordOp(() =>
        queued(async () => {
          const current = await table.get(id);
          if (!current) return null;
          const next = change(current);
          await seal(next);
          return next;
        }),
      ),
    remove: (id) => recordOp(() => table.remove([id])),
  };
}
