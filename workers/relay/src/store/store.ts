import type { ShlContentType } from '../../../../src/share/protocol.ts';

/**
 * The relay's storage contract. Two implementations (SQLite, Redis) pass the same
 * contract suite (store-contract.ts). Times are epoch milliseconds unless named `exp`,
 * which is epoch seconds as in the SHL payload.
 *
 * SECURITY: a store holds ciphertext (JWE strings), hashes of secrets (management token,
 * passcode) and the access list. It never holds a key, a passcode or a token in clear.
 */
export interface ShareStore {
  /** Stores a whole share atomically: after a crash it is either whole or absent. */
  create(share: NewShare): Promise<void>;

  /** The share's metadata (no file bodies), or null when absent or swept. */
  get(id: string): Promise<ShareMeta | null>;

  /**
   * Takes one passcode attempt from the budget before the passcode is checked. Atomic:
   * under any number of parallel callers at most `remaining` succeed. Returns the budget
   * left after taking, or null when the share is absent, expired at `now`, or has none left.
   */
  takeAttempt(id: string, now: number): Promise<number | null>;

  /** Gives back an attempt taken for a passcode that proved right. */
  returnAttempt(id: string): Promise<void>;

  /**
   * Counts one successful open: checks (atomically) that the share exists, is unexpired at
   * `access.at`, still has its files and has uses left, then increments uses and appends
   * the access. Returns false, changing nothing, when the share is not usable. Resolves
   * only once the count is durable.
   */
  recordUse(id: string, access: Access): Promise<boolean>;

  /** The JWE of file `index`, or null. */
  readFile(id: string, index: number): Promise<string | null>;

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
   * Deletes every share expired at `now`, and the files of dead shares (attempts or uses
   * exhausted) whose last activity is older than `deadGraceMs`.
   */
  sweep(now: number, deadGraceMs: number): Promise<SweepResult>;

  /** Counts one request in a fixed one-minute window; returns the count so far in it. */
  hit(bucket: string, key: string, now: number): Promise<number>;

  close(): Promise<void>;
}

/** How many accesses a share remembers; older ones are overwritten first. */
export const ACCESS_LOG_MAX = 200;

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
  files: { contentType: ShlContentType; jwe: string }[];
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
}

export interface FileMeta {
  contentType: ShlContentType;
  /** Length of the JWE string in characters (= bytes: base64url and dots only). */
  length: number;
}

export interface Access {
  recipient: string;
  at: number;
}

export interface SweepResult {
  expired: number;
  purged: number;
}

/** True when the share can still be opened at `now`. */
export function isActive(share: ShareMeta, now: number): boolean {
  if (share.exp * 1000 <= now) return false;
  if (share.remainingAttempts !== null && share.remainingAttempts <= 0) return false;
  if (share.maxUses !== null && share.uses >= share.maxUses) return false;
  return share.files.length > 0;
}
