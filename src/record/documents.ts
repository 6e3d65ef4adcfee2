/**
 * Paper documents: photos and PDFs of the patient's papers, with the metadata that finds
 * them again. The metadata row is sealed in the `documents` table; each page is a sealed
 * file (files/fileChunks tables), and so is the thumbnail the list shows.
 */
import type { IsoDate, Provenance } from './types.ts';
import { PROVENANCES } from './types.ts';
import type { FieldErrors } from './validate.ts';
import { isIsoDate, MAX_SHORT } from './validate.ts';

/** Medical kinds of paper, in the order the type picker shows them. */
export const MEDICAL_DOCUMENT_TYPES = [
  'lab-result',
  'hospital-letter',
  'prescription',
  'vaccination-record',
  'imaging-report',
  'certificate',
  'medical-other',
] as const;

/** Administrative kinds of paper. */
export const ADMIN_DOCUMENT_TYPES = [
  'insurance-rights',
  'asylum-papers',
  'domiciliation',
  'admin-other',
] as const;

/** Every kind of paper, medical first. Stored by these ids; labels are `documents:types.<id>`. */
export const DOCUMENT_TYPES = [...MEDICAL_DOCUMENT_TYPES, ...ADMIN_DOCUMENT_TYPES] as const;
/** One kind of paper. */
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * Kinds of paper marked sensitive as soon as they are picked (the patient may unmark them):
 * medical certificates written for an asylum claim, and asylum papers.
 */
export const SENSITIVE_BY_DEFAULT: readonly DocumentType[] = ['certificate', 'asylum-papers'];

/** File types a document page may have: what the import accepts and the viewer shows. */
export const DOCUMENT_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

/** The largest file accepted, in bytes (50 MB). */
export const MAX_DOCUMENT_FILE_BYTES = 50 * 1024 * 1024;

/** One stored file of a document: a photographed page, or a whole PDF. */
export interface DocumentFile {
  /** Opaque random id of the sealed file. */
  readonly fileId: string;
  /** MIME type of the plaintext (one of DOCUMENT_MIME_TYPES). */
  readonly mime: string;
  /** Plaintext size in bytes. */
  readonly size: number;
}

/** A paper document. Exists only in memory while unlocked; stored sealed. */
export interface PaperDocument {
  readonly id: string;
  readonly profileId: string;
  readonly title: string;
  /** The date printed on the paper, when known. */
  readonly date?: IsoDate;
  readonly type: DocumentType;
  /** BCP 47 tag of the language the paper is written in, when known. */
  readonly lang?: string;
  /** Pages in order: photos, or one PDF. Never empty. */
  readonly files: readonly DocumentFile[];
  /** The small sealed image the list shows, when one could be made. */
  readonly thumbnail?: DocumentFile;
  /** Entries this paper supports (a lab result for a condition). */
  readonly entryIds: readonly string[];
  /** Sensitive papers (asylum medical certificates, HIV results...) are never shared unpicked. */
  readonly sensitive: boolean;
  readonly provenance: Provenance;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The fields the patient edits (title, date, type...), without ids, files or times. */
export type DocumentDetails = Pick<
  PaperDocument,
  'profileId' | 'title' | 'date' | 'type' | 'lang' | 'entryIds' | 'sensitive'
>;

/** The newest first: by the paper's date when known, else by when it was added. */
export function sortDocuments(docs: readonly PaperDocument[]): PaperDocument[] {
  const key = (d: PaperDocument) => d.date ?? new Date(d.createdAt).toISOString().slice(0, 10);
  return [...docs].sort((a, b) => key(b).localeCompare(key(a)) || b.createdAt - a.createdAt);
}

/** Checks what the patient typed; field names match DocumentDetails. */
export function validateDocument(doc: DocumentDetails, now = Date.now()): FieldErrors {
  const errors: FieldErrors = {};
  if (!doc.title.trim()) errors.title = 'required';
  else if (doc.title.length > MAX_SHORT) errors.title = 'too-long';
  if (!doc.profileId) errors.profileId = 'required';
  if (!DOCUMENT_TYPES.includes(doc.type)) errors.type = 'bad-value';
  if (doc.date !== undefined) {
    if (!isIsoDate(doc.date)) errors.date = 'bad-date';
    else if (doc.date > new Date(now).toISOString().slice(0, doc.date.length)) {
      errors.date = 'future-date';
    }
  }
  if (doc.lang !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(doc.lang)) {
    errors.lang = 'bad-value';
  }
  return errors;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Plaintext bytes of a document's metadata, for sealing. JSON, UTF-8. */
export function encodeDocument(doc: PaperDocument): Uint8Array {
  return encoder.encode(JSON.stringify(doc));
}

function isFile(v: unknown): v is DocumentFile {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return typeof f.fileId === 'string' && typeof f.mime === 'string' && typeof f.size === 'number';
}

/** The document, or null when the bytes are not a document this version understands. */
export function decodeDocument(bytes: Uint8Array): PaperDocument | null {
  try {
    const v = JSON.parse(decoder.decode(bytes)) as Record<string, unknown> | null;
    if (typeof v !== 'object' || v === null) return null;
    if (typeof v.id !== 'string' || typeof v.profileId !== 'string') return null;
    if (typeof v.title !== 'string' || !DOCUMENT_TYPES.includes(v.type as DocumentType)) {
      return null;
    }
    if (!Array.isArray(v.files) || v.files.length === 0 || !v.files.every(isFile)) return null;
    if (v.thumbnail !== undefined && !isFile(v.thumbnail)) return null;
    if (!Array.isArray(v.entryIds) || !PROVENANCES.includes(v.provenance as Provenance)) {
      return null;
    }
    return v as unknown as PaperDocument;
  } catch {
    return null;
  }
}

/** Every sealed file a document owns: its pages and its thumbnail. */
export function documentFileIds(doc: PaperDocument): string[] {
  return [...doc.files.map((f) => f.fileId), ...(doc.thumbnail ? [doc.thumbnail.fileId] : [])];
}
