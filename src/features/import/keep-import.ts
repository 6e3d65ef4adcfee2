import { formatIsoDate } from '../../i18n/format.ts';
import type { NewDocument } from '../../record/document-store.ts';
import { ORIGINAL_RECORD_MIME_TYPES, validateDocument } from '../../record/documents.ts';
import { newId } from '../../record/ids.ts';
import type { CarnetStore } from '../../record/store.ts';
import type { Entry } from '../../record/types.ts';
import { MAX_SHORT } from '../../record/validate.ts';
import type { ImportCandidate, ImportPaper } from '../../share/import-map.ts';
import type { OpenedImport } from '../../share/import-open.ts';

/**
 * Writing what the patient kept: the picked entries (provenance `clinician`, and `addedBy`
 * naming the source and its date), the attached papers as documents, and the original
 * file, sealed, as a document linked to every kept entry ("Received from <source>, <date>"),
 * shown on each entry's screen.
 * All or nothing: on any failure, what this call wrote is removed again.
 */

/** Who it came from, in words: the link's label, the card's issuer, the author, the server. */
export function sourceName(opened: OpenedImport): string | undefined {
  const issuer = opened.source.issuers?.[0];
  const issuerHost = issuer ? hostOf(issuer) : undefined;
  return opened.source.label ?? opened.batch.author ?? issuerHost ?? opened.source.host;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** The date shown with the source: when it was written, else today. */
export function sourceDate(opened: OpenedImport, now: Date): string {
  return opened.batch.date ?? now.toISOString().slice(0, 10);
}

/**
 * Whether the original file(s) can be kept, as one imported record (a document of its own):
 * FHIR JSON and health card files (record/documents.ts ORIGINAL_RECORD_MIME_TYPES). SECURITY:
 * sealed like any page, and marked sensitive (see keepImport).
 */
export function canKeepOriginal(opened: OpenedImport): boolean {
  return (
    opened.originals.length > 0 &&
    opened.originals.every((f) => ORIGINAL_RECORD_MIME_TYPES.includes(f.mime))
  );
}

/** A document's date, when it is one the store accepts (a date, not in the future). */
function paperDate(date: string | undefined, now: number): string | undefined {
  if (!date) return undefined;
  const probe = validateDocument(
    { profileId: 'x', title: 'x', type: 'medical-other', entryIds: [], sensitive: false, date },
    now,
  );
  return probe.date ? undefined : date;
}

function blobOf(data: Uint8Array, mime: string): Blob {
  return new Blob([data as Uint8Array<ArrayBuffer>], { type: mime });
}

export interface KeepChoice {
  readonly opened: OpenedImport;
  readonly items: readonly ImportCandidate[];
  readonly papers: readonly ImportPaper[];
  readonly profileId: string;
  /** The original's title, already in the patient's words ("Received from X, 3 Nov 2026"). */
  readonly sourceTitle: string;
  readonly untitled: string;
}

/**
 * Who it came from and when, as each kept entry carries it (`addedBy`, the same field a
 * clinician's reply fills): "Added by <source>, <date>". The name is the source's own
 * words (a link label, an issuer): given by the sender, never verified.
 */
function addedByOf(opened: OpenedImport, now: number): Entry['addedBy'] {
  const name = (sourceName(opened) ?? '').slice(0, MAX_SHORT);
  return name ? { name, date: sourceDate(opened, new Date(now)) } : undefined;
}

/** Stores the picks; resolves to the ids of the entries written. */
export async function keepImport(store: CarnetStore, choice: KeepChoice, now = Date.now()) {
  const addedBy = addedByOf(choice.opened, now);
  const entries: Entry[] = choice.items.map((c) => ({
    ...c.entry,
    ...(addedBy ? { addedBy } : {}),
    id: newId(),
    profileId: choice.profileId,
    createdAt: now,
    updatedAt: now,
  }));
  const docs: string[] = [];
  const saved: string[] = [];
  const add = async (doc: NewDocument) => docs.push((await store.documents.add(doc)).id);
  try {
    for (const paper of choice.papers) {
      const date = paperDate(paper.date, now);
      await add({
        profileId: choice.profileId,
        title: (paper.title ?? choice.untitled).slice(0, MAX_SHORT),
        ...(date ? { date } : {}),
        type: 'medical-other',
        entryIds: [],
        sensitive: false,
        provenance: 'clinician',
        files: paper.files.map((f) => ({ blob: blobOf(f.data, f.mime), mime: f.mime })),
      });
    }
    for (const entry of entries) {
      await store.saveEntry(entry);
      saved.push(entry.id);
    }
    if (canKeepOriginal(choice.opened)) {
      const date = paperDate(choice.opened.batch.date, now);
      await add({
        profileId: choice.profileId,
        title: choice.sourceTitle.slice(0, MAX_SHORT),
        ...(date ? { date } : {}),
        type: 'medical-other',
        entryIds: saved,
        // SECURITY: the original holds everything, picked or not: never shared unpicked.
        sensitive: true,
        provenance: 'clinician',
        files: choice.opened.originals.map((f) => ({ blob: blobOf(f.data, f.mime), mime: f.mime })),
      });
    }
  } catch (err) {
    for (const id of saved) await store.deleteEntry(id).catch(() => undefined);
    for (const id of docs) await store.documents.remove(id).catch(() => undefined);
    throw err;
  }
  return saved;
}

/** The original's title in the patient's language. */
export function sourceTitleOf(
  t: (key: 'source.title' | 'source.unknown', options?: Record<string, string>) => string,
  opened: OpenedImport,
  lng: string,
  now: Date,
): string {
  const source = sourceName(opened) ?? t('source.unknown');
  return t('source.title', { source, date: formatIsoDate(sourceDate(opened, now), lng) });
}
