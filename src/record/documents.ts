/**
 * Paper documents: photos and PDFs of the patient's papers, with the metadata that finds
 * them again. The metadata row is sealed in the `documents` table; each page is a sealed
 * file (files/fileChunks tables), and so is the thumbnail the list shows.
 */
import type { InferOutput } from 'valibot';
import type { DocumentFileSchema, PaperDocumentSchema } from './schemas.ts';
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

/**
 * File types of an imported record kept whole, as it arrived: FHIR JSON, and a SMART Health
 * Card file (`{"verifiableCredential": [JWS...]}`). A document of these files is an
 * imported record (isImportedRecord): said for what it is and saved as a copy, never drawn.
 */
export const ORIGINAL_RECORD_MIME_TYPES = [
  'application/fhir+json',
  'application/smart-health-card',
];

/**
 * Whether files may make one document: pages only (DOCUMENT_MIME_TYPES), or an imported
 * record's originals only (ORIGINAL_RECORD_MIME_TYPES), never a mix.
 */
export function filesFitTogether(mimes: readonly string[]): boolean {
  return (
    mimes.every((mime) => DOCUMENT_MIME_TYPES.includes(mime)) ||
    mimes.every((mime) => ORIGINAL_RECORD_MIME_TYPES.includes(mime))
  );
}

/** Whether a document is an imported record kept whole (see ORIGINAL_RECORD_MIME_TYPES). */
export function isImportedRecord(doc: Pick<PaperDocument, 'files'>): boolean {
  return (
    doc.files.length > 0 && doc.files.every((f) => ORIGINAL_RECORD_MIME_TYPES.includes(f.mime))
  );
}

/** The largest file accepted, in bytes (50 MB). */
export const MAX_DOCUMENT_FILE_BYTES = 50 * 1024 * 1024;

/** One stored file of a document: a photographed page, or a whole PDF. */
export type DocumentFile = Readonly<InferOutput<typeof DocumentFileSchema>>;

/** A paper document (see PaperDocumentSchema). Exists only in memory while unlocked. */
export type PaperDocument = Readonly<InferOutput<typeof PaperDocumentSchema>>;

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

/** Every sealed file a document owns: its pages and its thumbnail. */
export function documentFileIds(doc: PaperDocument): string[] {
  return [...doc.files.map((f) => f.fileId), ...(doc.thumbnail ? [doc.thumbnail.fileId] : [])];
}
