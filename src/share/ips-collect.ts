import { readDocument, type IpsDocument } from './ips-context.ts';
import { readItem, type IpsItem } from './ips-items.ts';
import { textLabel } from './ips-labels.ts';
import { obj, objs, str } from './json.ts';

/** A resource of the bundle, as parsed JSON. */
export type Resource = Record<string, unknown>;

/** Finds the resource a Reference points to, or undefined. */
export type Resolve = (ref: unknown) => Resource | undefined;

/**
 * The bundle's resources by every name a reference may use: `fullUrl`, `Type/id`, and
 * `urn:uuid:<id>`; relative references to an absolute base resolve by their last two parts.
 */
export function referenceIndex(entries: readonly Record<string, unknown>[]): Resolve {
  const index = new Map<string, Resource>();
  for (const e of entries) {
    const resource = obj(e.resource);
    if (!resource) continue;
    const fullUrl = str(e.fullUrl);
    const type = str(resource.resourceType);
    const id = str(resource.id);
    if (fullUrl) index.set(fullUrl, resource);
    if (type && id) {
      index.set(`${type}/${id}`, resource);
      if (!index.has(`urn:uuid:${id}`)) index.set(`urn:uuid:${id}`, resource);
    }
  }
  return (ref) => {
    const r = str(obj(ref)?.reference);
    if (!r) return undefined;
    return index.get(r) ?? index.get(r.replace(/^.*\/(\w+\/[^/]+)$/, '$1'));
  };
}

/**
 * Limits on what one summary shows, so a small hostile bundle (thousands of sections all
 * pointing at one report with thousands of results) cannot grow into millions of lines and
 * crash the doctor's page. What is cut is counted and said ("N more not shown").
 */
export const LIMITS = {
  /** Lines in one section. */
  perSection: 300,
  /** Lines in the whole summary. */
  total: 3000,
  /** Results a report brings in after it. */
  perReport: 100,
  /** Documents listed. */
  documents: 200,
  /** Sections read. */
  sections: 100,
} as const;

/**
 * Turns references into summary lines and collects the documents met on the way, each
 * once. Keys are unique within one summary. `itemsOf` returns the lines and how many it
 * left out under LIMITS.
 */
export function collector(resolve: Resolve) {
  const documents: IpsDocument[] = [];
  const seenDocs = new Set<Resource>();
  let counter = 0;
  let left: number = LIMITS.total;
  let omittedDocuments = 0;
  const nextKey = () => `i${counter++}`;
  const addDocument = (r: Resource) => {
    if (seenDocs.has(r)) return;
    seenDocs.add(r);
    if (documents.length >= LIMITS.documents) omittedDocuments++;
    else documents.push(readDocument(r, `doc${documents.length}`));
  };
  const take = () => {
    if (left <= 0) return false;
    left--;
    return true;
  };
  const itemsOf = (
    refs: unknown,
    seen = new Set<Resource>(),
    nested = false,
  ): { items: IpsItem[]; omitted: number } => {
    const out: IpsItem[] = [];
    const cap = nested ? LIMITS.perReport : LIMITS.perSection;
    let omitted = 0;
    for (const ref of objs(refs)) {
      const r = resolve(ref);
      if (r?.resourceType === 'DocumentReference') {
        addDocument(r);
        continue;
      }
      // A resource listed twice in a section (or a report listing itself) shows once.
      if (r && seen.has(r)) continue;
      if (out.length >= cap || !take()) {
        omitted++;
        continue;
      }
      if (!r) {
        const shown = textLabel(ref.display);
        if (shown)
          out.push({ key: nextKey(), resourceType: 'Resource', label: shown, absent: false });
        else left++;
        continue;
      }
      seen.add(r);
      out.push(readItem(r, nextKey(), resolve));
      // A report's results are lines of their own, right after it (one level: a report
      // that lists itself or another report is not followed further), within the caps.
      if (r.resourceType === 'DiagnosticReport' && !nested) {
        // The report's lines were taken from the summary's budget as they were read.
        const results = itemsOf(r.result, seen, true);
        for (const item of results.items) {
          if (out.length < cap) out.push(item);
          else {
            omitted++;
            left++;
          }
        }
        omitted += results.omitted;
      }
    }
    return { items: out, omitted };
  };
  return {
    documents,
    addDocument,
    itemsOf,
    nextKey,
    /** Takes one line from the summary's budget; false when it is spent. */
    take,
    omittedDocuments: () => omittedDocuments,
  };
}
