import type { ShlContentType } from '../../../../src/share/protocol.ts';

/**
 * The relay's storage contract. Two implementations (SQLite, Redis) pass the same
 * contract suite (store-contract.ts). Times are epoch milliseconds unless named `exp`,
 * which is epoch seconds as in the SHL payload.
 *
 * SECURITY: a store holds ciphertext (JWE bytes, replies included), hashes of secrets
 * (management token, passcode, reply token) and the access list. Replies belong to their
 * share: removing, expiring or sweeping a share deletes them with it. It never holds a
 * key, a passcode or a token in clear.
 *
 * Files and replies are stored and read in chunks of about CHUNK_BYTES, so none is ever
 * whole in the relay's memory, whatever its size.
 */
export interface ShareStore {
  /**
   * Stores a new share's metadata atomically (after a crash it is whole or absent). It is
   * pending, never opens, until every file is stored (beginUpload); one still pending
   * UPLOAD_WINDOW_MS after `createdAt` (or at its expiry, if sooner) is deleted.
   */
  create(share: NewShare): Promise<void>;

  /** The share's metadata (no file bodies), or null when absent or swept. */
  get(id: string): Promise<ShareMeta | null>;

  /**
   * Starts storing file `index` of a pending share that is unexpired at `now`; null when
   * there is no such share or file, or every file is stored already. Several uploads of
   * one index may run at once: the last to commit wins, and none sees another's bytes.
   */
  beginUpload(id: string, index: number, now: number): Promise<FileUpload | null>;

  /**
   * Takes one passcode attempt from the budget before the passcode is checked. Atomic:
   * under any number of parallel callers at most `remaining` succeed. Returns the budget
   * left after taking, or null when the share is absent, expired at `now`, or has none left.
   */
  takeAttempt(id: string, now: number): Promise<number | null>;

  /** Gives back an attempt taken for a passcode that proved right. */
  returnAttempt(id: string): Promise<void>;

  /**
   * Counts one successful open: checks (atomically) that the share exists, is complete,
   * is unexpired at `access.at`, still has its files and has uses left, then increments
   * uses and appends the access. Returns false, changing nothing, when the share is not
   * usable. Resolves only once the count is durable.
   */
  recordUse(id: string, access: Access): Promise<boolean>;

  /** File `index` as stored (its length and its bytes, read a chunk at a time), or null. */
  openFile(id: string, index: number): Promise<StoredFile | null>;

  /**
   * The 32-byte key that seals `location` tickets (tickets.ts), made at random on first
   * use and the same for every relay on this store.
   */
  ticketKey(): Promise<Buffer>;

  /** The access list, oldest first, at most ACCESS_LOG_MAX entries. */
  accesses(id: string): Promise<Access[]>;

  /** Deletes the share and everything stored for it at once. True when it existed. */
  remove(id: string): Promise<boolean>;

  /**
   * Deletes every share expired at `now` and every share still pending UPLOAD_WINDOW_MS
   * after its creation, and the files of dead shares (attempts or uses exhausted) whose
   * last activity is older than `deadGraceMs`.
   */
  sweep(now: number, deadGraceMs: number): Promise<SweepResult>;

  /** The share's reply token hash (given at creation), or null when it has none or is absent. */
  replyTokenHash(id: string): Promise<string | null>;

  /**
   * Starts storing reply `replyId` (43 base64url characters, fresh) of a share that takes
   * replies at `at`: complete, unexpired, not blocked (passcode attempts spent). 'full' when
   * it has received `max` replies in its life already, null when it takes none now. The
   * reply is listed and readable only once committed; one never committed is deleted with
   * its share, or UPLOAD_WINDOW_MS after it began.
   */
  beginReply(
    id: string,
    replyId: string,
    at: number,
    max: number,
  ): Promise<ReplyUpload | 'full' | null>;

  /** The share's stored (committed) replies, oldest first (empty when the share is absent). */
  replies(id: string): Promise<ReplyMeta[]>;

  /** One committed reply's bytes, read a chunk at a time, or null. */
  openReply(id: string, replyId: string): Promise<StoredFile | null>;

  /** Deletes one reply. True when it existed. */
  removeReply(id: string, replyId: string): Promise<boolean>;

  /** Counts one request in a fixed one-minute window; returns the count so far in it. */
  hit(bucket: string, key: string, now: number): Promise<number>;

  close(): Promise<void>;
}

/** How many accesses a share remembers; older ones are overwritten first. */
export const ACCESS_LOG_MAX = 200;

/** Size of the chunks a file is stored and read in, bytes (the last one may be shorter). */
export const CHUNK_BYTES = 1024 * 1024;

/** How long a share may wait for its files after its creation, ms; then it is deleted. */
export const UPLOAD_WINDOW_MS = 3600_000;

/**
 * A body being stored as it arrives (uploads.ts): bytes appended in order, then committed
 * (the stored bytes become what the store serves) or aborted (they are deleted).
 */
export interface JweSink<T> {
  /**
   * Stores the next bytes (a copy: the caller reuses `bytes` once this resolves). False,
   * keeping nothing more, when the share is gone meanwhile or the bytes pass the limit:
   * the caller stops.
   */
  append(bytes: Buffer): Promise<boolean>;
  /** Makes the appended bytes the stored body, atomically; null (nothing kept) when gone. */
  commit(): Promise<T | null>;
  /** Deletes what was appended; nothing once committed. */
  abort(): Promise<void>;
}

/**
 * One file being stored. `append` refuses bytes past `length` and stops once the share is
 * removed or complete. `commit` makes the appended bytes (exactly `length` of them) the
 * file, replacing an earlier upload of the same index, and resolves whether the share is
 * now complete; null when it was removed or completed meanwhile, or the length is wrong.
 */
export interface FileUpload extends JweSink<{ complete: boolean }> {
  /** The length the share declared for this file, bytes. */
  readonly length: number;
}

/**
 * One reply being stored. `append` stops once the share is removed. `commit` counts it
 * against the share's lifetime limit and lists it, atomically, checking again that the
 * share takes replies: 'stored', 'full' (the limit was reached meanwhile) or null (the
 * share is gone or no longer takes replies); in the last two cases nothing is kept.
 */
export type ReplyUpload = JweSink<'stored' | 'full'>;

/** A stored file (or reply), opened for reading. */
export interface StoredFile {
  /** Bytes (= characters: a compact JWE is ASCII). */
  readonly length: number;
  /**
   * The bytes, one chunk at a time, read as the consumer asks for them. Throws when the
   * file is deleted (revoked, swept) while being read.
   */
  chunks(): AsyncGenerator<Buffer, void, undefined>;
}

export interface NewShare {
  /** 43 base64url characters (32 random bytes). */
  id: string;
  /** SHA-256 of the management token, base64url. */
  tokenHash: string;
  /** Expiry, epoch seconds. */
  exp: number;
  createdAt: number;
  /** Argon2id encoded hash (`$argon2id$v=19$m=...`), or null without passcode. */
  passcodeHash: string | null;
  /** Attempt budget when a passcode is set, else null. */
  attempts: number | null;
  maxUses: number | null;
  /** Each file's type and declared length; the bytes come later, one upload each. */
  files: FileMeta[];
  /** SHA-256 of the reply token, base64url; null when the share takes no reply. */
  replyTokenHash: string | null;
}

export interface ShareMeta {
  id: string;
  tokenHash: string;
  exp: number;
  passcodeHash: string | null;
  remainingAttempts: number | null;
  maxUses: number | null;
  uses: number;
  /** File list without bodies; empty once the files of a dead share were purged. */
  files: FileMeta[];
  /** Files not yet stored; the share opens only at 0. */
  pending: number;
}

export interface FileMeta {
  contentType: ShlContentType;
  /** Length of the JWE in bytes (= characters: base64url and dots only). */
  length: number;
}

export interface Access {
  recipient: string;
  at: number;
}

export interface ReplyMeta {
  id: string;
  at: number;
  /** Bytes. */
  length: number;
}

export interface SweepResult {
  expired: number;
  purged: number;
}

/** True when the share can be opened at `now`. */
export function isActive(share: ShareMeta, now: number): boolean {
  if (share.exp * 1000 <= now || share.pending > 0) return false;
  if (share.remainingAttempts !== null && share.remainingAttempts <= 0) return false;
  if (share.maxUses !== null && share.uses >= share.maxUses) return false;
  return share.files.length > 0;
}
