import type { ShlContentType } from '../../../../src/share/protocol.ts';

/**
 * The relay's storage contract. Two implementations (SQLite, Redis) pass the same
 * contract suite (store-contract.ts). Times are epoch milliseconds unless named `exp`,
 * which is epoch seconds as in the SHL payload.
 *
 * SECURITY: a store holds ciphertext (JWE bytes, replies included), hashes of secrets
 * (management token, passcode, reply token) and the access list. Replies belong to their
 * share: removing, expiring or sweeping a share deletes them with it. It never holds a key, a passcode or a token in clear.
 *
 * Files are stored and read in chunks of about CHUNK_BYTES, so no file is ever whole in
 * the relay's memory, whatever its size.
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

  /**
   * Registers the SHA-256 of a share's reply token (write-back), once, while the share is
   * pending. False, changing nothing, when the share is absent, complete or has one.
   */
  setReplyToken(id: string, tokenHash: string): Promise<boolean>;

  /** The share's reply token hash, or null when it has none or is absent. */
  replyTokenHash(id: string): Promise<string | null>;

  /**
   * Stores one reply, atomically checking that the share is complete, unexpired at
   * `reply.at`, not blocked (passcode attempts spent) and has received fewer than `max`
   * replies in its life. 'stored', 'full' (the limit is reached) or 'gone' (nothing kept).
   */
  addReply(id: string, reply: NewReply, max: number): Promise<'stored' | 'full' | 'gone'>;

  /** The share's stored replies, oldest first (empty when the share is absent). */
  replies(id: string): Promise<ReplyMeta[]>;

  /** One reply's bytes, or null. */
  openReply(id: string, replyId: string): Promise<Buffer | null>;

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

/** One file being stored: bytes appended in order, then committed or aborted. */
export interface FileUpload {
  /** The length the share declared for this file, bytes. */
  readonly length: number;
  /**
   * Stores the next bytes (a copy: the caller reuses `bytes` once this resolves). False,
   * keeping nothing more, when the share was removed or completed meanwhile, or the bytes
   * would pass `length`: the caller stops.
   */
  append(bytes: Buffer): Promise<boolean>;
  /**
   * Makes the appended bytes (exactly `length` of them) the file, replacing an earlier
   * upload of the same index, atomically. Resolves whether the share is now complete, or
   * null when it was removed or completed meanwhile, or the length is wrong (nothing kept).
   */
  commit(): Promise<{ complete: boolean } | null>;
  /** Deletes what was appended; nothing once committed. */
  abort(): Promise<void>;
}

/** A stored file, opened for reading. */
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

/** A reply as it arrives: a compact JWE the relay cannot read. */
export interface NewReply {
  /** 43 base64url characters (32 random bytes). */
  id: string;
  /** Arrival, epoch ms. */
  at: number;
  body: Buffer;
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
