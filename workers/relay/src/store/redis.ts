import { createHash, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { log } from '../log.ts';
import {
  APPEND_REPLY,
  APPEND_UPLOAD,
  BEGIN_REPLY,
  BEGIN_UPLOAD,
  COMMIT_REPLY,
  COMMIT_UPLOAD,
  PURGE_DEAD,
  RECORD_USE,
  REMOVE_REPLY,
  REMOVE_SHARE,
  RETURN_ATTEMPT,
  TAKE_ATTEMPT,
} from './redis-scripts.ts';
import {
  ACCESS_LOG_MAX,
  CHUNK_BYTES,
  UPLOAD_WINDOW_MS,
  type Access,
  type FileMeta,
  type FileUpload,
  type NewShare,
  type ReplyMeta,
  type ReplyUpload,
  type ShareMeta,
  type ShareStore,
  type StoredFile,
  type SweepResult,
} from './store.ts';

/**
 * The shared store: Redis or Valkey, so any number of relay instances can stand behind a
 * load balancer. Every key of a share carries a native TTL at the share's expiry, and
 * every check-then-change runs as one Lua script (redis-scripts.ts), so the passcode
 * budget and the use count hold across instances. The keys of one share share a hash tag.
 * A file is one string key: an upload APPENDs to a key of its own as the bytes arrive and,
 * once whole, is RENAMEd over the file's key; readers take it in GETRANGE windows.
 *
 * Deployment: one primary (or Sentinel). Persistence (AOF `everysec`) decides how many
 * seconds of counters a Redis crash can lose; see SECURITY.md.
 */
export class RedisStore implements ShareStore {
  private readonly redis: Redis;
  private readonly p: string;
  private readonly shas = new Map<string, string>();

  /** `url`: redis://host:port/db. `prefix` separates several relays on one database. */
  constructor(url: string, prefix = 'carnet:') {
    // Auto-pipelining sends the commands of concurrent requests in one write.
    this.redis = new Redis(url, { maxRetriesPerRequest: 3, enableAutoPipelining: true });
    // SECURITY: ioredis would print unhandled connection errors itself; only the class
    // name goes to our log, never the URL (it may hold a password).
    this.redis.on('error', (err: Error) => log.warn(`Redis connection error: ${err.name}`));
    this.p = prefix;
  }

  /** Resolves once connected, so start-up fails loudly when Redis is unreachable. */
  async ready(): Promise<void> {
    await this.redis.ping();
  }

  private share(id: string): string {
    return `${this.p}shl:{${id}}`;
  }
  private fileKey(id: string, index: number): string {
    return `${this.share(id)}:f:${index}`;
  }
  private uploadKey(id: string, upload: number): string {
    return `${this.share(id)}:u:${upload}`;
  }
  private accessKey(id: string): string {
    return `${this.share(id)}:a`;
  }
  private replyIndex(id: string): string {
    return `${this.share(id)}:r`;
  }
  private replyKey(id: string, replyId: string): string {
    return `${this.share(id)}:r:${replyId}`;
  }
  private pendingReplyKey(id: string, n: number): string {
    return `${this.share(id)}:rp:${n}`;
  }
  private get expSet(): string {
    return `${this.p}exp`;
  }
  private get deadSet(): string {
    return `${this.p}dead`;
  }

  private async run(
    script: string,
    keys: string[],
    args: (string | number | Buffer)[],
  ): Promise<unknown> {
    let sha = this.shas.get(script);
    if (!sha) {
      sha = createHash('sha1').update(script).digest('hex');
      this.shas.set(script, sha);
    }
    try {
      return await this.redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return await this.redis.eval(script, keys.length, ...keys, ...args);
    }
  }

  async create(share: NewShare): Promise<void> {
    const key = this.share(share.id);
    // Pending, the share lives until its upload window closes; complete, until `exp`.
    const untilMs = Math.min(share.exp * 1000, share.createdAt + UPLOAD_WINDOW_MS);
    const files: FileMeta[] = share.files.map((f) => ({
      contentType: f.contentType,
      length: f.length,
    }));
    const fields: Record<string, string | number> = {
      token: share.tokenHash,
      exp: share.exp,
      created: share.createdAt,
      uses: 0,
      n: files.length,
      pending: files.length,
      files: JSON.stringify(files),
      active: share.createdAt,
    };
    if (share.passcodeHash !== null && share.attempts !== null) {
      fields.pass = share.passcodeHash;
      fields.rem = share.attempts;
    }
    if (share.maxUses !== null) fields.max = share.maxUses;
    if (share.replyTokenHash) fields.rt = share.replyTokenHash;
    // MULTI/EXEC: the share appears whole or not at all.
    const result = await this.redis
      .multi()
      .hset(key, fields)
      .pexpireat(key, untilMs)
      .zadd(this.expSet, untilMs, share.id)
      .exec();
    const failed = result?.find(([err]) => err);
    if (!result || failed) throw new Error('Redis transaction failed');
  }

  async get(id: string): Promise<ShareMeta | null> {
    const h = await this.redis.hgetall(this.share(id));
    if (!h.token || !h.exp || !h.files) return null;
    return {
      id,
      tokenHash: h.token,
      exp: Number(h.exp),
      passcodeHash: h.pass ?? null,
      remainingAttempts: h.rem === undefined ? null : Number(h.rem),
      maxUses: h.max === undefined ? null : Number(h.max),
      uses: Number(h.uses ?? 0),
      files: JSON.parse(h.files) as FileMeta[],
      pending: Number(h.pending ?? 0),
    };
  }

  async beginUpload(id: string, index: number, now: number): Promise<FileUpload | null> {
    const share = this.share(id);
    const begun = await this.run(BEGIN_UPLOAD, [share], [index, now]);
    if (!Array.isArray(begun)) return null;
    const [upload, filesJson, exp, created] = begun as [number, string, string, string];
    const length = (JSON.parse(filesJson) as FileMeta[])[index]?.length;
    if (length === undefined) return null;
    const key = this.uploadKey(id, upload);
    const untilMs = Math.min(Number(exp) * 1000, Number(created) + UPLOAD_WINDOW_MS);
    let appended = 0;
    return {
      length,
      append: async (bytes: Buffer): Promise<boolean> => {
        if (appended + bytes.length > length) return false;
        const n = Number(await this.run(APPEND_UPLOAD, [share, key], [bytes, untilMs]));
        if (n < 0) return false; // removed or complete meanwhile
        appended = n;
        return true;
      },
      commit: async (): Promise<{ complete: boolean } | null> => {
        const pending = Number(
          await this.run(
            COMMIT_UPLOAD,
            [share, key, this.fileKey(id, index), this.expSet],
            [length, index, id, `${share}:f:`],
          ),
        );
        if (pending >= 0) return { complete: pending === 0 };
        await this.redis.del(key);
        return null;
      },
      abort: async (): Promise<void> => {
        await this.redis.del(key); // a committed upload's key is gone already (renamed)
      },
    };
  }

  async takeAttempt(id: string, now: number): Promise<number | null> {
    const left = Number(await this.run(TAKE_ATTEMPT, [this.share(id), this.deadSet], [now, id]));
    return left < 0 ? null : left;
  }

  async returnAttempt(id: string): Promise<void> {
    await this.run(RETURN_ATTEMPT, [this.share(id), this.deadSet], [id]);
  }

  async recordUse(id: string, access: Access): Promise<boolean> {
    const ok = await this.run(
      RECORD_USE,
      [this.share(id), this.accessKey(id), this.deadSet],
      [access.at, JSON.stringify(access), ACCESS_LOG_MAX, id],
    );
    return Number(ok) === 1;
  }

  async openFile(id: string, index: number): Promise<StoredFile | null> {
    return await this.openString(this.fileKey(id, index));
  }

  /** A stored file or reply (one string), read in GETRANGE windows of CHUNK_BYTES. */
  private async openString(key: string): Promise<StoredFile | null> {
    const length = await this.redis.strlen(key);
    if (length === 0) return null; // absent: a stored JWE is never empty
    const redis = this.redis;
    return {
      length,
      async *chunks(): AsyncGenerator<Buffer, void, undefined> {
        for (let at = 0; at < length; at += CHUNK_BYTES) {
          const want = Math.min(CHUNK_BYTES, length - at);
          const data = await redis.getrangeBuffer(key, at, at + want - 1);
          if (data.length !== want) throw new Error('file deleted while read');
          yield data;
        }
      },
    };
  }

  async ticketKey(): Promise<Buffer> {
    const name = `${this.p}ticket-key`;
    await this.redis.set(name, randomBytes(32), 'NX');
    const key = await this.redis.getBuffer(name);
    if (!key || key.length !== 32) throw new Error('Redis holds no usable ticket key');
    return key;
  }

  async accesses(id: string): Promise<Access[]> {
    const items = await this.redis.lrange(this.accessKey(id), 0, -1);
    return items.map((s) => JSON.parse(s) as Access);
  }

  async remove(id: string): Promise<boolean> {
    const key = this.share(id);
    const deleted = await this.run(
      REMOVE_SHARE,
      [key, this.accessKey(id), this.expSet, this.deadSet],
      [id, key],
    );
    return Number(deleted) > 0;
  }

  async sweep(now: number, deadGraceMs: number): Promise<SweepResult> {
    // Native TTLs already drop expired keys; this also clears the index sets and covers a
    // relay clock that runs ahead of the Redis clock.
    let expired = 0;
    for (const id of await this.redis.zrangebyscore(this.expSet, '-inf', now)) {
      if (await this.remove(id)) expired++;
      else await this.redis.zrem(this.expSet, id);
    }
    let purged = 0;
    const cutoff = now - deadGraceMs;
    for (const id of await this.redis.zrangebyscore(this.deadSet, '-inf', cutoff)) {
      const r = await this.run(
        PURGE_DEAD,
        [this.share(id), this.deadSet],
        [id, cutoff, `${this.share(id)}:f:`],
      );
      purged += Number(r);
    }
    return { expired, purged };
  }

  async replyTokenHash(id: string): Promise<string | null> {
    return await this.redis.hget(this.share(id), 'rt');
  }

  async beginReply(
    id: string,
    replyId: string,
    at: number,
    max: number,
  ): Promise<ReplyUpload | 'full' | null> {
    const share = this.share(id);
    const begun = await this.run(BEGIN_REPLY, [share], [at, max]);
    if (!Array.isArray(begun)) return Number(begun) === 0 ? 'full' : null;
    const [n, expMs] = (begun as [number, number]).map(Number) as [number, number];
    const key = this.pendingReplyKey(id, n);
    // A reply cut off by a relay that died is not kept past the upload window.
    const untilMs = Math.min(expMs, at + UPLOAD_WINDOW_MS);
    let length = 0;
    let closed = false; // committed or aborted: nothing more is appended
    return {
      append: async (bytes: Buffer): Promise<boolean> => {
        if (closed) return false;
        const r = Number(await this.run(APPEND_REPLY, [share, key], [bytes, untilMs]));
        if (r < 0) return false; // removed meanwhile
        length = r;
        return true;
      },
      commit: async (): Promise<'stored' | 'full' | null> => {
        closed = true;
        const entry: ReplyMeta = { id: replyId, at, length };
        const r = Number(
          await this.run(
            COMMIT_REPLY,
            [share, this.replyIndex(id), key, this.replyKey(id, replyId)],
            [at, max, replyId, length, JSON.stringify(entry)],
          ),
        );
        return r === 1 ? 'stored' : r === 0 ? 'full' : null;
      },
      abort: async (): Promise<void> => {
        closed = true;
        await this.redis.del(key); // a committed reply's key is gone already (renamed)
      },
    };
  }

  async replies(id: string): Promise<ReplyMeta[]> {
    const entries = Object.values(await this.redis.hgetall(this.replyIndex(id)));
    return entries
      .map((s) => JSON.parse(s) as ReplyMeta)
      .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  }

  async openReply(id: string, replyId: string): Promise<StoredFile | null> {
    return await this.openString(this.replyKey(id, replyId));
  }

  async removeReply(id: string, replyId: string): Promise<boolean> {
    const n = await this.run(
      REMOVE_REPLY,
      [this.replyIndex(id), this.replyKey(id, replyId)],
      [replyId],
    );
    return Number(n) === 1;
  }

  async hit(bucket: string, key: string, now: number): Promise<number> {
    const window = Math.floor(now / 60_000);
    const k = `${this.p}rl:${bucket}:${window}:${key}`;
    const result = await this.redis.multi().incr(k).pexpire(k, 120_000).exec();
    return Number(result?.[0]?.[1] ?? 0);
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
