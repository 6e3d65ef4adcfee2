import type { VaultService } from '../crypto/types.ts';
import type { CarnetDb } from '../db/index.ts';
import { deleteSealed, getAllSealed, putSealed } from '../db/index.ts';
import { RecordError } from './errors.ts';
import { recordOp } from './failures.ts';
import type { ShareRecord } from './shares.ts';
import { decodeShare } from './shares.ts';

/** The patient's shares as the phone remembers them. Errors are RecordError. */
export interface ShareStore {
  /** Newest first. Rows that fail to open are skipped (and counted nowhere: they hold no health data). */
  list(): Promise<ShareRecord[]>;
  save(share: ShareRecord): Promise<void>;
  remove(id: string): Promise<void>;
}

/** Shares sealed in the `shares` table, each bound to its row id like every record. */
export function createShareStore(vault: VaultService, db: () => Promise<CarnetDb>): ShareStore {
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
    save: (share) =>
      recordOp(async () => {
        const [env] = await vault.seal([
          {
            table: 'shares',
            id: share.id,
            plaintext: new TextEncoder().encode(JSON.stringify(share)),
          },
        ]);
        if (!env) throw new RecordError('unavailable');
        await putSealed(await db(), 'shares', [{ id: share.id, updatedAt: Date.now(), env }]);
      }),
    remove: (id) => recordOp(async () => deleteSealed(await db(), 'shares', id)),
  };
}
