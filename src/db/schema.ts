/**
 * The IndexedDB schema. Every table holds either non-secret settings or ciphertext; none
 * holds a name, a kind, a date of care or a file name in clear (see SECURITY.md).
 * Importing this module loads Dexie: the app reaches it only through `openCarnetDb`
 * (a dynamic import), so Dexie never weighs on the first screen.
 */
import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { FileChunkRow, KeyringRow, MetaRow, SealedRow, VaultIndexRow } from './tables.ts';
import { DEFAULT_DB_NAME } from './tables.ts';

export * from './tables.ts';

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
  /** The patient's sealed preferences (backup settings). */
  declare prefs: Table<SealedRow, string>;
  /** The vault index: a root, its buckets (see record/vault-index.ts), maybe a legacy mark. */
  declare vaultIndex: Table<VaultIndexRow, string | number>;

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
    this.version(4).stores({
      prefs: 'id, updatedAt',
    });
    this.version(5)
      .stores({ vaultIndex: 'key' })
      // Runs only when a database made before the index is upgraded, never for a new one:
      // the mark lets the next unlock build the index over what is there (and only then).
      .upgrade((tx) => tx.table('vaultIndex').put({ key: 'legacy' }));
  }
}
