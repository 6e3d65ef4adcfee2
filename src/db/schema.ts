/**
 * The IndexedDB schema. Every table holds either non-secret settings or ciphertext; none
 * holds a name, a kind, a date of care or a file name in clear (see SECURITY.md).
 */
import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { Envelope, Keyring } from '../crypto/types.ts';

/** The database name the app uses. Tests and benchmarks pass their own. */
export const DEFAULT_DB_NAME = 'carnet';

/** The one keyring row: both wraps of the vault key (not secret without the PIN or code). */
export interface KeyringRow {
  readonly key: 'main';
  readonly keyring: Keyring;
}

/** A small non-secret setting or counter. */
export interface MetaRow {
  readonly key: string;
  readonly value: unknown;
}

/**
 * A sealed record: an opaque random id, when it was last written (ms since the epoch), and
 * the envelope. SECURITY: nothing else; the profile, kind, name and dates live inside `env`.
 */
export interface SealedRow {
  readonly id: string;
  readonly updatedAt: number;
  readonly env: Envelope;
}

/**
 * Tables whose rows are SealedRow. `shares` holds share metadata (links, tokens), sealed;
 * `documents` holds paper documents' metadata (title, type, date, their files' ids), sealed.
 */
export type SealedTable = 'profiles' | 'entries' | 'shares' | 'documents';

/** All sealed table names, in a fixed order. */
export const SEALED_TABLES: readonly SealedTable[] = ['profiles', 'entries', 'shares', 'documents'];

/**
 * One sealed piece of a file. The primary key is [fileId+index]; `data` is secretstream
 * ciphertext (crypto/filestream.ts). SECURITY: no name, type or size in clear beyond what
 * the number of chunks shows (the size to within 64 KiB).
 */
export interface FileChunkRow {
  readonly fileId: string;
  readonly index: number;
  readonly data: Uint8Array;
}

/** Carnet's Dexie database. Add tables with a new `version(n)`; never edit a shipped one. */
export class CarnetDb extends Dexie {
  declare keyring: Table<KeyringRow, 'main'>;
  declare meta: Table<MetaRow, string>;
  declare profiles: Table<SealedRow, string>;
  declare entries: Table<SealedRow, string>;
  declare shares: Table<SealedRow, string>;
  /** File headers (sealed file key and length); a file exists once its header row does. */
  declare files: Table<SealedRow, string>;
  declare fileChunks: Table<FileChunkRow, [string, number]>;
  /** Paper documents' sealed metadata; a document exists once its row does. */
  declare documents: Table<SealedRow, string>;

  /** Opens (lazily, on first use) the database called `name`. */
  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    this.version(1).stores({
      keyring: 'key',
      meta: 'key',
      profiles: 'id, updatedAt',
      entries: 'id, updatedAt',
      shares: 'id, updatedAt',
    });
    this.version(2).stores({
      files: 'id, updatedAt',
      fileChunks: '[fileId+index], fileId',
    });
    this.version(3).stores({
      documents: 'id, updatedAt',
    });
  }
}
