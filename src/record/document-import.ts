import type { FileVault } from '../crypto/types.ts';
import type { CarnetDb } from '../db/index.ts';
import { deleteFile, putFileChunks } from '../db/index.ts';
import type { DocumentFile } from './documents.ts';
import {
  DOCUMENT_MIME_TYPES,
  MAX_DOCUMENT_FILE_BYTES,
  ORIGINAL_RECORD_MIME_TYPES,
} from './documents.ts';
import { RecordError } from './errors.ts';
import { newId } from './ids.ts';
import type { IndexWriter } from './index-writer.ts';

/** One file to store: the bytes as they will be kept (already downscaled and stripped). */
export interface NewDocumentFile {
  readonly blob: Blob;
  /** One of DOCUMENT_MIME_TYPES, or ORIGINAL_RECORD_MIME_TYPES for an imported record. */
  readonly mime: string;
}

/** Called during an import with plaintext bytes stored so far and the total. */
export type ImportProgress = (doneBytes: number, totalBytes: number) => void;

/**
 * Seals a document's files one by one into the database (chunks, then the header that
 * makes a file whole and enters it in the vault index), reporting progress about every MiB.
 * On any failure, every file this call wrote is deleted before the error is rethrown: an
 * import leaves all or none.
 */
export async function sealDocumentFiles(
  vault: FileVault,
  db: CarnetDb,
  writer: IndexWriter,
  pages: readonly NewDocumentFile[],
  thumbnail: NewDocumentFile | undefined,
  onProgress?: ImportProgress,
): Promise<{ files: DocumentFile[]; thumbnail?: DocumentFile }> {
  const total = pages.reduce((n, f) => n + f.blob.size, 0);
  /** Files with chunks stored but no header yet: not in the index. */
  let started: string | undefined;
  /** Files whose header is stored: whole, and in the index. */
  const whole: string[] = [];
  async function sealOne(file: NewDocumentFile, progress: (bytes: number) => void) {
    const known =
      DOCUMENT_MIME_TYPES.includes(file.mime) || ORIGINAL_RECORD_MIME_TYPES.includes(file.mime);
    if (!known || file.blob.size > MAX_DOCUMENT_FILE_BYTES) {
      throw new RecordError('invalid', { fields: { files: 'bad-value' } });
    }
    const fileId = newId();
    started = fileId;
    let bytes = 0;
    const header = await vault.sealFile(fileId, file.blob, async (chunks) => {
      await putFileChunks(db, fileId, chunks);
      bytes = Math.min(file.blob.size, bytes + 1024 * 1024);
      progress(bytes);
    });
    await writer.commit([
      { table: 'files', put: [{ id: fileId, updatedAt: Date.now(), env: header }] },
    ]);
    whole.push(fileId);
    started = undefined;
    return { fileId, mime: file.mime, size: file.blob.size } satisfies DocumentFile;
  }
  try {
    const files: DocumentFile[] = [];
    let done = 0;
    for (const page of pages) {
      files.push(
        await sealOne(page, (bytes) => onProgress?.(Math.min(total, done + bytes), total)),
      );
      done += page.blob.size;
    }
    const thumb = thumbnail && (await sealOne(thumbnail, () => undefined));
    return { files, ...(thumb ? { thumbnail: thumb } : {}) };
  } catch (err) {
    // SECURITY/robustness: leave nothing behind; a failed delete is swept after unlock. A
    // file cut short is in no index: its chunks go as they are, without a write that a full
    // disk could refuse.
    if (started) await deleteFile(db, started).catch(() => undefined);
    await writer.commit([{ table: 'files', delete: whole }]).catch(() => undefined);
    throw err;
  }
}
