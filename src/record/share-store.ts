import type { VaultService } from '../crypto/types.ts';
import type { CarnetDb } from '../db/index.ts';
import { deleteSealed, getAllSealed, getSealed, putSealed } from '../db/index.ts';
import { RecordError } from './errors.ts';
import { recordOp } from './failures.ts';
import type { ShareRecord } from './shares.ts';
import { decodeShare } from './shares.ts';

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
export function createShareStore(vault: VaultService, db: () => Promise<CarnetDb>): ShareStore {
  // The tail of the write queue: every save and update waits for the one before it.
  let writes: Promise<unknown> = Promise.resolve();
  const queued = <T>(write: () => Promise<T>): Promise<T> => {
    const next = writes.then(write, write);
    writes = next.catch(() => undefined);
    return next;
  };

  const seal = async (share: ShareRecord): Promise<void> => {
    const [env] = await vault.seal([
      {
        table: 'shares',
        id: share.id,
        plaintext: new TextEncoder().encode(JSON.stringify(share)),
      },
    ]);
    if (!env) throw new RecordError('unavailable');
    await putSealed(await db(), 'shares', [{ id: share.id, updatedAt: Date.now(), env }]);
  };

  const read = async (id: string): Promise<ShareRecord | null> => {
    const row = await getSealed(await db(), 'shares', id);
    if (!row) return null;
    const [plaintext] = await vault.open([{ table: 'shares', id, envelope: row.env }]);
    const share = plaintext ? decodeShare(plaintext) : null;
    return share && share.id === id ? share : null;
  };

  return {
    list: () =>
      recordOp(async () => {
        const rows = await getAllSealed(await db(), 'shares');
        const opened = await vault.openSettled(
          rows.map((r) => ({ table: 'shares', id: r.id, envelope: r.env })),
        );
        if (opened.some((r) => !r.ok && r.code === 'locked')) throw new RecordError('locked');
        const shares: ShareRecord[] = [];
        opened.forEach((r, i) => {
          const share = r.ok ? decodeShare(r.plaintext) : null;
          if (share && share.id === rows[i]?.id) shares.push(share);
        });
        return shares.sort((a, b) => b.createdAt - a.createdAt);
      }),
    save: (share) => recordOp(() => queued(() => seal(share))),
    update: (id, change) =>
      recordOp(() =>
        queued(async () => {
          const current = await read(id);
          if (!current) return null;
          const next = change(current);
          await seal(next);
          return next;
        }),
      ),
    remove: (id) => recordOp(async () => deleteSealed(await db(), 'shares', id)),
  };
}
