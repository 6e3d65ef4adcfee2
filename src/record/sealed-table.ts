import * as v from 'valibot';
import type { VaultService } from '../crypto/types.ts';
import type { CarnetDb, SealedRow, SealedTable as TableName } from '../db/index.ts';
import { getAllSealed, getSealed } from '../db/index.ts';
import { RecordError } from './errors.ts';
import type { IndexWriter } from './index-writer.ts';
import { indexWriter } from './index-writer.ts';
import { noteSealedDigests } from './vault-index.ts';

/**
 * One sealed table: every record kind (profiles, entries, documents, shares, and any
 * table added later) is read and written through this, so each gets the same seal, the
 * same decoding against its schema and the same row-id check; every write goes through the
 * vault index (index-writer.ts), in the same transaction as the rows.
 */

/**
 * Rows sealed per request to the worker when many are put at once (an import):
 * storage writes one batch while the worker seals the next (index-writer.ts,
 * commitStreamed). Fewer rows than this are sealed first, then written.
 */
export const SEAL_BATCH = 100;

/** Values stored in a sealed table: each carries the id of the row it lives in. */
export interface Identified {
  readonly id: string;
}

/** What `list` found: the values that opened, and how many rows did not. */
interface Listed<T> {
  readonly values: T[];
  /** Rows that failed authentication, decoding or the row-id check: never shown, counted. */
  readonly unreadable: number;
}

export interface SealedTable<T extends Identified> {
  readonly name: TableName;
  /** Opens every row. Throws RecordError('locked') when the vault locked meanwhile. */
  list(): Promise<Listed<T>>;
  /** Opens one row; null when absent, unreadable or not this row's value. */
  get(id: string): Promise<T | null>;
  /** Seals values into rows ready for `put` or an atomic batch of the index writer. */
  seal(values: readonly T[], updatedAt?: (value: T) => number): Promise<SealedRow[]>;
  /** Seals and stores values, all in one transaction with the index's update. */
  put(values: readonly T[], updatedAt?: (value: T) => number): Promise<void>;
  /** Deletes rows by id, in one transaction with the index's update. */
  remove(ids: readonly string[]): Promise<void>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Plaintext <-> bytes for one schema: JSON in UTF-8, checked against the schema when read,
 * so a record that authenticates but was written by a buggy or future version is counted
 * as unreadable rather than shown half-broken.
 */
export function jsonCodec<T>(schema: v.GenericSchema<unknown, T>) {
  return {
    /** The JSON text whose UTF-8 is sealed (the crypto worker encodes it: sealTexts). */
    text: (value: T): string => JSON.stringify(value),
    encode: (value: T): Uint8Array => encoder.encode(JSON.stringify(value)),
    decode: (bytes: Uint8Array): T | null => {
      try {
        const parsed = v.safeParse(schema, JSON.parse(decoder.decode(bytes)));
        return parsed.success ? parsed.output : null;
      } catch {
        return null;
      }
    },
  };
}

/**
 * A sealed table of `schema` values over the vault and the app's database. A store passes
 * its one `writer`, so that its writes queue one behind the other.
 */
export function sealedTable<T extends Identified>(
  vault: VaultService,
  db: () => Promise<CarnetDb>,
  name: TableName,
  schema: v.GenericSchema<unknown, T>,
  writer: IndexWriter = indexWriter(vault, db),
): SealedTable<T> {
  const codec = jsonCodec(schema);
  // SECURITY: a row whose sealed id differs from its row id is treated as tampered: the
  // associated data binds the table and the id, and the plaintext must agree with both.
  const own = (value: T | null, rowId: string | undefined): value is T =>
    value !== null && value.id === rowId;

  async function seal(values: readonly T[], updatedAt?: (value: T) => number) {
    const { envelopes: envs, digests } = await vault.sealTexts(
      name,
      values.map((value) => value.id),
      values.map(codec.text),
    );
    if (envs.length !== values.length) throw new RecordError('unavailable');
    // The index writer takes each row's digest from the worker instead of hashing it.
    noteSealedDigests(envs, digests);
    const now = Date.now();
    return values.map((value, i): SealedRow => ({
      id: value.id,
      updatedAt: updatedAt?.(value) ?? now,
      env: envs[i]!,
    }));
  }

  return {
    name,
    async list() {
      const rows = await getAllSealed(await db(), name);
      const opened = await vault.openSettled(
        rows.map((r) => ({ table: name, id: r.id, envelope: r.env })),
      );
      if (opened.some((r) => !r.ok && r.code === 'locked')) throw new RecordError('locked');
      const values: T[] = [];
      let unreadable = 0;
      opened.forEach((r, i) => {
        const value = r.ok ? codec.decode(r.plaintext) : null;
        if (own(value, rows[i]?.id)) values.push(value);
        else unreadable++;
      });
      return { values, unreadable };
    },
    async get(id) {
      const row = await getSealed(await db(), name, id);
      if (!row) return null;
      const [result] = await vault.openSettled([{ table: name, id, envelope: row.env }]);
      if (result && !result.ok && result.code === 'locked') throw new RecordError('locked');
      const value = result?.ok ? codec.decode(result.plaintext) : null;
      return own(value, id) ? value : null;
    },
    seal,
    async put(values, updatedAt) {
      if (values.length === 0) return;
      if (values.length <= SEAL_BATCH) {
        await writer.commit([{ table: name, put: await seal(values, updatedAt) }]);
        return;
      }
      // Every batch goes to the worker now; it seals them in order while storage writes.
      const batches: Promise<SealedRow[]>[] = [];
      for (let at = 0; at < values.length; at += SEAL_BATCH) {
        batches.push(seal(values.slice(at, at + SEAL_BATCH), updatedAt));
      }
      await writer.commitStreamed(name, batches);
    },
    async remove(ids) {
      if (ids.length === 0) return;
      await writer.commit([{ table: name, delete: ids }]);
    },
  };
}
