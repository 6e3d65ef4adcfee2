/**
 * The patient's paper documents over the vault and IndexedDB. Every page and thumbnail is
 * a sealed file (per-file key, 63 KiB secretstream chunks); the metadata is one sealed row
 * in `documents`, written last: it is the commit point of an import.
 */
import type { FileVault, VaultService } from '../crypto/types.ts';
import type { CarnetDb } from '../db/index.ts';
import { deleteOrphanFileChunks, getFileHeader, listFileIds, readFileChunks } from '../db/index.ts';
import type { ImportProgress, NewDocumentFile } from './document-import.ts';
import { sealDocumentFiles } from './document-import.ts';
import type { DocumentDetails, DocumentFile, PaperDocument } from './documents.ts';
import { documentFileIds, filesFitTogether, sortDocuments, validateDocument } from './documents.ts';
import { RecordError } from './errors.ts';
import { recordOp } from './failures.ts';
import { newId } from './ids.ts';
import type { IndexWriter } from './index-writer.ts';
import { indexWriter } from './index-writer.ts';
import { PaperDocumentSchema } from './schemas.ts';
import type { SealedTable } from './sealed-table.ts';
import { sealedTable } from './sealed-table.ts';
import type { Provenance } from './types.ts';
import { hasErrors } from './validate.ts';

/**
 * Chunks read per round trip when opening a file: 32 x 63 KiB, about 2 MB of ciphertext,
 * with up to OPEN_BATCHES_IN_FLIGHT more being decrypted meanwhile. What follows the last read
 * (its batches decrypted) cannot overlap anything, so smaller batches than 64 shorten it;
 * much smaller ones (16) cost more in IndexedDB round trips.
 */
export const DOCUMENT_READ_BATCH = 32;

export type { NewDocumentFile } from './document-import.ts';

/** A document to add: what the patient typed, and its prepared pages and thumbnail. */
export interface NewDocument extends DocumentDetails {
  readonly files: readonly NewDocumentFile[];
  readonly thumbnail?: NewDocumentFile;
  readonly provenance?: Provenance;
}

/** The documents as loaded after unlock, newest first. */
export interface DocumentList {
  readonly documents: PaperDocument[];
  /** Rows that failed authentication or decoding, or lost a page: never shown, counted. */
  readonly unreadable: number;
}

/** Paper documents as the screens see them: plaintext in and out. Errors are RecordError. */
export interface DocumentStore {
  list(): Promise<DocumentList>;
  /**
   * Seals and stores every file, then the metadata. On any failure (storage full, lock)
   * every file already written is deleted: no partial document is ever left.
   */
  add(doc: NewDocument, onProgress?: ImportProgress): Promise<PaperDocument>;
  /** Renames, re-dates, re-types or re-links a document; its files are untouched. */
  update(id: string, details: DocumentDetails): Promise<PaperDocument>;
  /** Deletes the document, then its files. */
  remove(id: string): Promise<void>;
  /**
   * Decrypts one file of a document into bytes the caller owns (pdf.js takes them over, a
   * share seals them); a tampered or truncated file throws `corrupt`.
   */
  readBytes(file: DocumentFile): Promise<Uint8Array<ArrayBuffer>>;
  /**
   * The same file as a Blob of its type, for a `blob:` URL or a download. The decrypted
   * bytes it was made from are overwritten.
   */
  readFile(file: DocumentFile): Promise<Blob>;
  /**
   * Removes what interrupted imports and deletions left: chunks without a header, and
   * files that no document owns. Run once after unlock; imports wait for it. Resolves to
   * the number of files removed.
   */
  sweep(): Promise<number>;
}

/**
 * The DocumentStore over a vault (files), the app's database, and the sealed `documents`
 * table that holds each document's metadata. A store passes its one index `writer` and its
 * `table` over it.
 */
export function createDocumentStore(
  vault: VaultService & FileVault,
  db: () => Promise<CarnetDb>,
  {
    writer = indexWriter(vault, db),
    table = sealedTable(vault, db, 'documents', PaperDocumentSchema, writer),
  }: { writer?: IndexWriter; table?: SealedTable<PaperDocument> } = {},
): DocumentStore {
  // Imports and sweeps run one at a time, so a sweep never removes a file being imported.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  async function readAll(): Promise<{ docs: PaperDocument[]; unreadable: number }> {
    const { values, unreadable } = await table.list();
    return { docs: values, unreadable };
  }

  const saveRow = (doc: PaperDocument) => table.put([doc], (d) => d.updatedAt);

  const readBytes = (file: DocumentFile) =>
    recordOp(async () => {
      const d = await db();
      const header = await getFileHeader(d, file.fileId);
      if (!header) throw new RecordError('not-found');
      return vault.openFile(
        file.fileId,
        header,
        readFileChunks(d, file.fileId, DOCUMENT_READ_BATCH),
      );
    });

  return {
    list: () =>
      recordOp(async () => {
        const { docs, unreadable } = await readAll();
        return wholeDocuments(docs, unreadable, new Set(await listFileIds(await db())));
      }),
    add: (input, onProgress) =>
      recordOp(() =>
        serial(async () => addDocument(vault, await db(), writer, saveRow, input, onProgress)),
      ),
    update: (id, input) =>
      recordOp(async () => {
        const fields = validateDocument(input);
        if (hasErrors(fields)) throw new RecordError('invalid', { fields });
        const current = await table.get(id);
        if (!current) throw new RecordError('not-found');
        // Rebuilt from the edited fields, so a cleared date or language is gone, not kept.
        const doc: PaperDocument = {
          id: current.id,
          ...details(input),
          files: current.files,
          ...(current.thumbnail ? { thumbnail: current.thumbnail } : {}),
          provenance: current.provenance,
          createdAt: current.createdAt,
          updatedAt: Date.now(),
        };
        await saveRow(doc);
        return doc;
      }),
    remove: (id) =>
      recordOp(async () => {
        const doc = (await readAll()).docs.find((x) => x.id === id);
        // The document and its files go together, in one transaction.
        await writer.commit([
          { table: 'documents', delete: [id] },
          { table: 'files', delete: doc ? documentFileIds(doc) : [] },
        ]);
      }),
    readBytes,
    readFile: async (file) => {
      const bytes = await readBytes(file);
      const blob = new Blob([bytes], { type: file.mime });
      // SECURITY: the Blob holds its own copy; the decrypted bytes are overwritten.
      bytes.fill(0);
      return blob;
    },
    sweep: () =>
      recordOp(() => serial(async () => sweepFiles(await db(), writer, await readAll()))),
  };
}

/** Seals the files, then writes the metadata row: the commit point of an import. */
async function addDocument(
  vault: FileVault,
  d: CarnetDb,
  writer: IndexWriter,
  saveRow: (doc: PaperDocument) => Promise<void>,
  input: NewDocument,
  onProgress?: ImportProgress,
): Promise<PaperDocument> {
  const fields = validateDocument(input);
  if (input.files.length === 0) fields.files = 'required';
  else if (!filesFitTogether(input.files.map((f) => f.mime))) fields.files = 'bad-value';
  if (hasErrors(fields)) throw new RecordError('invalid', { fields });
  const sealed = await sealDocumentFiles(
    vault,
    d,
    writer,
    input.files,
    input.thumbnail,
    onProgress,
  );
  const now = Date.now();
  const doc: PaperDocument = {
    id: newId(),
    ...details(input),
    ...sealed,
    provenance: input.provenance ?? 'paper',
    createdAt: now,
    updatedAt: now,
  };
  try {
    await saveRow(doc);
  } catch (err) {
    // Without its metadata row, the files belong to nothing: remove them again.
    await writer.commit([{ table: 'files', delete: documentFileIds(doc) }]).catch(() => undefined);
    throw err;
  }
  return doc;
}

/**
 * Removes chunks without a header, then files no document owns. A document that cannot be
 * read still owns its files: nothing is removed while one exists. Returns the count removed.
 */
async function sweepFiles(
  d: CarnetDb,
  writer: IndexWriter,
  { docs, unreadable }: { docs: readonly PaperDocument[]; unreadable: number },
): Promise<number> {
  // Chunks without a header belong to no file the index knows: they go as they are.
  const orphans = await deleteOrphanFileChunks(d);
  if (unreadable > 0) return orphans;
  const owned = new Set(docs.flatMap(documentFileIds));
  const unowned = (await listFileIds(d)).filter((fileId) => !owned.has(fileId));
  await writer.commit([{ table: 'files', delete: unowned }]);
  return orphans + unowned.length;
}

/**
 * The list as shown: never a document that lost a page (counted as unreadable instead);
 * a lost thumbnail is only dropped. `present` holds the ids of the files stored whole.
 */
function wholeDocuments(
  docs: readonly PaperDocument[],
  unreadable: number,
  present: ReadonlySet<string>,
): DocumentList {
  const whole = docs.filter((doc) => doc.files.every((f) => present.has(f.fileId)));
  const documents = whole.map((doc) =>
    doc.thumbnail && !present.has(doc.thumbnail.fileId) ? withoutThumbnail(doc) : doc,
  );
  return {
    documents: sortDocuments(documents),
    unreadable: unreadable + docs.length - whole.length,
  };
}

/** The patient-edited fields only, with optional ones absent rather than empty. */
function details(input: DocumentDetails): DocumentDetails {
  return {
    profileId: input.profileId,
    title: input.title.trim(),
    ...(input.date ? { date: input.date } : {}),
    type: input.type,
    ...(input.lang ? { lang: input.lang } : {}),
    entryIds: [...input.entryIds],
    sensitive: input.sensitive,
  };
}

function withoutThumbnail(doc: PaperDocument): PaperDocument {
  const copy: { -readonly [K in keyof PaperDocument]: PaperDocument[K] } = { ...doc };
  delete copy.thumbnail;
  return copy;
}
