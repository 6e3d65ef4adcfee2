/**
 * The tables' names and row shapes, without Dexie (so screens that never touch the
 * database do not load it). The schema itself is in schema.ts.
 */
import type { Envelope, Keyring } from '../crypto/types.ts';

/** The database name the app uses. Tests and benchmarks pass their own. */
export const DEFAULT_DB_NAME = 'carnet';

/** The one keyring row: both wraps of the vault key (not secret without the PIN or code). */
export interface KeyringRow {
  readonly key: 'main';
  readonly keyring: Keyring;
  /**
   * Wrong PIN or passphrase attempts since the last success, counted before each check
   * (see repo.ts reserveAttempt). Kept here so it cannot be deleted apart from the vault.
   */
  readonly attempts?: number;
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
 * `documents` holds paper documents' metadata (title, type, date, their files' ids), sealed;
 * `prefs` holds the patient's sealed preferences (the relay backup's access, when on).
 */
export type SealedTable = 'profiles' | 'entries' | 'shares' | 'documents' | 'prefs';

/** All sealed table names, in a fixed order. */
export const SEALED_TABLES: readonly SealedTable[] = [
  'profiles',
  'entries',
  'shares',
  'documents',
  'prefs',
];

/** Tables whose rows the vault index covers: the sealed tables and the file headers. */
export type IndexedTable = SealedTable | 'files';

/**
 * The root of the vault index (record/vault-index.ts says what it means). Not secret:
 * digests of ciphertext, a counter and a time.
 */
export interface IndexRootRow {
  readonly key: 'root';
  /**
   * Goes up by one with every change the app makes (compare-and-set: a write commits only
   * over the version it read, so two tabs never both write over the same one).
   */
  readonly version: number;
  /** When the app last deleted a row or file of the record (ms since the epoch), 0 if never. */
  readonly deletedAt: number;
  /** Each bucket's SHA-256, 32 bytes each, bucket by bucket; empty until first sealed. */
  readonly digests: Uint8Array;
  /** The root's MAC under the vault key (32 bytes); empty until first sealed. */
  readonly mac: Uint8Array;
}

/** One bucket of the vault index: its items (row key and digest), encoded and sorted. */
export interface IndexBucketRow {
  /** The bucket's number, from 0. */
  readonly key: number;
  readonly items: Uint8Array;
}

/**
 * Left by the upgrade of a database made before the vault index existed: the index is built
 * at the next unlock (see schema.ts, version 5).
 */
export interface IndexLegacyRow {
  readonly key: 'legacy';
}

export type VaultIndexRow = IndexRootRow | IndexBucketRow | IndexLegacyRow;

/**
 * One sealed piece of a file. The primary key is [fileId+index]; `data` is secretstream
 * ciphertext (crypto/filestream.ts). SECURITY: no name, type or size in clear beyond what
 * the number of chunks shows (the size to within 63 KiB, 64 KiB for older files).
 */
export interface FileChunkRow {
  readonly fileId: string;
  readonly index: number;
  readonly data: Uint8Array;
}
