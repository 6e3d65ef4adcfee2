import { DOCUMENT_MIME_TYPES, MAX_DOCUMENT_FILE_BYTES } from '../record/documents.ts';
import type { Entry } from '../record/types.ts';
import { ShareError } from './errors.ts';
import { LIMITS, referenceIndex } from './ips-collect.ts';
import { readDate } from './ips-labels.ts';
import { fitEntry } from './import-fit.ts';
import { candidateOf } from './import-resources.ts';
import { obj, objs, str } from './json.ts';

/**
 * Someone else's FHIR (an IPS, any Bundle, lone resources, a health card's bundle) as
 * entries Carnet can keep: one candidate per clinical resource, coded onto Carnet's
 * vocabulary where a mapping is known (import-codes.ts), the rest kept as written. Nothing
 * is stored here: the patient sees every candidate and picks. Hostile input is bounded by
 * the viewer's LIMITS (ips-collect.ts); what is cut is counted, never silently lost.
 */

/** An entry as an import proposes it: everything but the ids and times given when kept. */
export type ImportedEntry = Omit<Entry, 'id' | 'profileId' | 'createdAt' | 'updatedAt'>;

export interface ImportCandidate {
  /** Unique within the import (for lists and picks). */
  readonly key: string;
  readonly entry: ImportedEntry;
  /** True when its code is not in Carnet's vocabulary (kept with its system, code and words). */
  readonly unmapped: boolean;
}

/** One attached paper: its pages as bytes, ready to become a document. */
export interface ImportPaper {
  readonly key: string;
  readonly title?: string;
  readonly date?: string;
  readonly files: readonly { readonly mime: string; readonly data: Uint8Array }[];
}

export interface ImportBatch {
  readonly items: readonly ImportCandidate[];
  readonly papers: readonly ImportPaper[];
  /** Who wrote it, from the Composition (custodian, else author), when it says. */
  readonly author?: string;
  /** When it was written (Composition date, else the bundle's timestamp). */
  readonly date?: string;
  /** Resources and attachments left out: past the LIMITS, or of a kind no paper can hold. */
  readonly omitted: number;
}

/** Resources that are context, never an entry of their own. */
const CONTEXT_TYPES = new Set([
  'Composition',
  'Patient',
  'Medication',
  'Organization',
  'Practitioner',
  'PractitionerRole',
  'Device',
  'Binary',
  'Bundle',
  'Provenance',
  'Location',
  'RelatedPerson',
]);

type Resource = Record<string, unknown>;

/**
 * Reads every resource of the given parsed files (Bundles or lone resources) as one import.
 * Throws ShareError('unsupported-content') when no file is FHIR at all.
 */
export function mapFhir(files: readonly unknown[], now = Date.now()): ImportBatch {
  const entries: Resource[] = [];
  let fhir = false;
  for (const json of files) {
    const o = obj(json);
    if (!o || !str(o.resourceType)) continue;
    fhir = true;
    if (o.resourceType === 'Bundle') entries.push(...objs(o.entry));
    else entries.push({ resource: o });
  }
  if (!fhir) throw new ShareError('unsupported-content');
  const resolve = referenceIndex(entries);
  const resources = entries.map((e) => obj(e.resource)).filter((r) => r !== undefined);
  const bundle = files.map(obj).find((o) => o?.resourceType === 'Bundle');
  const composition = resources.find((r) => r.resourceType === 'Composition');
  const lang = str(composition?.language) ?? str(bundle?.language);

  const items: ImportCandidate[] = [];
  const papers: ImportPaper[] = [];
  let omitted = 0;
  for (const r of resources) {
    const type = str(r.resourceType) ?? '';
    if (CONTEXT_TYPES.has(type)) continue;
    if (type === 'DocumentReference') {
      if (papers.length >= LIMITS.documents) omitted++;
      else {
        const paper = paperOf(r, `p${papers.length}`);
        omitted += paper.skipped;
        if (paper.files.length > 0) papers.push(paper);
      }
      continue;
    }
    if (items.length >= LIMITS.total) {
      omitted++;
      continue;
    }
    const candidate = candidateOf(r, resolve, lang);
    if (candidate === 'absent') continue;
    const entry = candidate && fitEntry(candidate.entry, now);
    if (candidate && entry) items.push({ key: `i${items.length}`, ...candidate, entry });
    else omitted++;
  }
  const author =
    nameOf(resolve(composition?.custodian)) ??
    nameOf(resolve(objs(composition?.author)[0])) ??
    str(obj(composition?.custodian)?.display) ??
    str(objs(composition?.author)[0]?.display);
  const date = readDate(composition?.date) ?? readDate(bundle?.timestamp);
  return {
    items,
    papers,
    ...(author ? { author } : {}),
    ...(date ? { date } : {}),
    omitted,
  };
}

/** An Organization's or Practitioner's name; a Patient author (Carnet's shares) names no one. */
function nameOf(r: Resource | undefined): string | undefined {
  if (!r || r.resourceType === 'Patient') return undefined;
  const n = str(r.name) ?? objs(r.name).map((x) => str(x.text) ?? str(x.family))[0];
  return n;
}

/**
 * A DocumentReference's attachments that can become pages of a document (photos, PDF,
 * under the size a document accepts); `skipped` counts the others (links elsewhere,
 * other file types, too large, undecodable).
 */
function paperOf(r: Resource, key: string): ImportPaper & { skipped: number } {
  const files: { mime: string; data: Uint8Array }[] = [];
  let skipped = 0;
  const attachments = objs(r.content)
    .map((c) => obj(c.attachment))
    .filter((a) => a !== undefined);
  for (const a of attachments) {
    const mime = str(a.contentType)?.split(';')[0]?.trim().toLowerCase();
    const data = str(a.data);
    // Base64 is 4 characters for 3 bytes: refuse before decoding anything too large.
    if (
      !mime ||
      !data ||
      !DOCUMENT_MIME_TYPES.includes(mime) ||
      (data.length / 4) * 3 > MAX_DOCUMENT_FILE_BYTES
    ) {
      skipped++;
      continue;
    }
    try {
      files.push({ mime, data: fromBase64(data) });
    } catch {
      skipped++;
    }
  }
  const title = str(r.description) ?? str(attachments[0]?.title) ?? str(obj(r.type)?.text);
  const date = readDate(attachments[0]?.creation) ?? readDate(r.date);
  return { key, ...(title ? { title } : {}), ...(date ? { date } : {}), files, skipped };
}

/** Standard base64 (FHIR `Attachment.data`), white space forgiven; throws on anything else. */
function fromBase64(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ''));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
