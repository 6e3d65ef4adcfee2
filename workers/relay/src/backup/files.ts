import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readWithin } from '../body.ts';

/** Temp files start with this; final files are named by 64 hex characters. */
const TEMP_PREFIX = '.upload-';
const FINAL_NAME = /^[0-9a-f]{64}$/;

/** Why a body was not kept. */
export type ReceiveRefusal = 'too_large' | 'timeout' | 'aborted' | 'empty';

export type Received =
  { ok: true; temp: string; size: number; at: number } | { ok: false; why: ReceiveRefusal };

/** A stored file opened for reading: its size and mtime, and a stream of its bytes. */
export interface OpenedFile {
  size: number;
  modifiedAt: number;
  /** The bytes, read as the client takes them; closes the file at the end or on cancel. */
  stream(): ReadableStream<Uint8Array>;
  /** Closes the file without reading it. */
  close(): Promise<void>;
}

/**
 * The backup files in one directory (DATA_DIR/backups, or BACKUP_DIR shared by several
 * relays). One file per backup, named by the SHA-256 of its locator; uploads go to a temp
 * file in the same directory and are renamed over it only once complete and fsynced, so
 * whoever reads the final name sees a whole old file or a whole new one, never a part.
 */
export class BackupFiles {
  constructor(readonly dir: string) {}

  /** Creates the directory (owner-only) if needed. */
  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
  }

  private final(key: string): string {
    return join(this.dir, key);
  }

  /**
   * Streams `body` into a new temp file, one chunk at a time (memory stays at a chunk or
   * two whatever the size), and makes it durable: mtime set to `clock()` at the end, then
   * fsync. Stops, deleting the temp file, past `maxBytes`, after `idleMs` without a byte,
   * when the client goes away, or for an empty body.
   */
  async receive(
    body: ReadableStream<Uint8Array> | null,
    opts: { maxBytes: number; idleMs: number; clock: () => number },
  ): Promise<Received> {
    if (body === null) return { ok: false, why: 'empty' };
    const temp = join(this.dir, `${TEMP_PREFIX}${randomBytes(16).toString('hex')}`);
    const file = await open(temp, 'wx', 0o600);
    const reader = body.getReader();
    let size = 0;
    let why: ReceiveRefusal | null = null;
    let at = 0;
    let kept = false; // until the file is whole and durable, any way out deletes it
    try {
      for (;;) {
        const next = await readWithin(reader, opts.idleMs);
        if (next === 'timeout' || next === 'aborted') {
          why = next;
          break;
        }
        if (next.done) break;
        size += next.value.byteLength;
        if (size > opts.maxBytes) {
          why = 'too_large';
          break;
        }
        await writeAll(file, next.value);
      }
      if (why === null && size === 0) why = 'empty';
      if (why === null) {
        at = opts.clock();
        await file.utimes(at / 1000, at / 1000);
        await file.sync();
        kept = true;
      }
    } finally {
      if (!kept) reader.cancel().catch(() => undefined);
      await file.close();
      if (!kept) await rm(temp, { force: true });
    }
    return why === null ? { ok: true, temp, size, at } : { ok: false, why };
  }

  /** Renames a received temp file over `key`'s file and makes the rename durable. */
  async commit(temp: string, key: string): Promise<void> {
    await rename(temp, this.final(key));
    await this.syncDir();
  }

  /** Deletes a temp file that was not committed (nothing when it was). */
  async discard(temp: string): Promise<void> {
    await rm(temp, { force: true });
  }

  /** Opens `key`'s file, or null when there is none. The size is the opened file's own. */
  async open(key: string): Promise<OpenedFile | null> {
    let file: FileHandle;
    try {
      file = await open(this.final(key), 'r');
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    try {
      const info = await file.stat();
      return {
        size: info.size,
        modifiedAt: Math.round(info.mtimeMs),
        stream: () =>
          Readable.toWeb(
            createReadStream('', { fd: file, highWaterMark: 256 * 1024 }),
          ) as ReadableStream<Uint8Array>,
        close: () => file.close(),
      };
    } catch (err) {
      await file.close();
      throw err;
    }
  }

  /** Size and mtime of `key`'s file, or null. */
  async stat(key: string): Promise<{ size: number; modifiedAt: number } | null> {
    try {
      const info = await stat(this.final(key));
      return { size: info.size, modifiedAt: Math.round(info.mtimeMs) };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  /** Deletes `key`'s file durably. True when it existed. */
  async remove(key: string): Promise<boolean> {
    try {
      await rm(this.final(key));
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
    await this.syncDir();
    return true;
  }

  /**
   * Deletes temp files untouched since `staleBefore` (uploads cut off by a crash), and
   * returns the keys of final files not modified since `oldBefore`, for the caller to
   * check against the index. Times are epoch ms.
   */
  async scan(staleBefore: number, oldBefore: number): Promise<{ temps: number; old: string[] }> {
    let temps = 0;
    const old: string[] = [];
    for (const entry of await readdir(this.dir, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const isTemp = entry.name.startsWith(TEMP_PREFIX);
      if (!isTemp && !FINAL_NAME.test(entry.name)) continue;
      const info = await stat(join(this.dir, entry.name)).catch(() => null);
      if (!info) continue;
      if (isTemp && info.mtimeMs < staleBefore) {
        await rm(join(this.dir, entry.name), { force: true });
        temps++;
      } else if (!isTemp && info.mtimeMs < oldBefore) {
        old.push(entry.name);
      }
    }
    return { temps, old };
  }

  /** fsync of the directory: makes a rename or an unlink in it survive a power cut. */
  private async syncDir(): Promise<void> {
    const dir = await open(this.dir, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }
}

/** Writes every byte of `chunk` (a file write may take fewer at a time). */
async function writeAll(file: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await file.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}
