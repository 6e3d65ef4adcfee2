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
 * What one share may still show, shared by every file read from it: the LIMITS hold for
 * the whole share (a hostile share could otherwise send a hundred files at the limit),
 * and keys stay unique across its files. Spent as the files are read.
 */
export interface ReadBudget {
  /** Lines left (LIMITS.total). */
  lines: number;
  /** Documents left (LIMITS.documents). */
  documents: number;
  /** Sections left (LIMITS.sections). */
  sections: number;
  /** The next number of each key prefix (`s0`, `i0`, `doc0`...). */
  readonly counters: Map<string, number>;
}

/** A full budget, for one share. */
export function readBudget(): ReadBudget {
  return {
    lines: LIMITS.total,
    documents: LIMITS.documents,
    sections: LIMITS.sections,
    counters: new Map(),
  };
}

/** A key unique within the share: `prefix` and the next number. */
export function nextKeyOf(budget: ReadBudget, prefix: string): string {
  const n = budget.counters.get(prefix) ?? 0;
  budget.counters.set(prefix, n + 1);
  return `${prefix}${n}`;
}

/**
 * Turns references into summary lines and collects the documents met on the way, each
 * once. Keys are unique within the share. `itemsOf` returns the lines and how many it
 * left out under LIMITS; lines and documents are taken from `budget`.
 */
export function collector(resolve: Resolve, budget: ReadBudget = readBudget()) {
  const documents: IpsDocument[] = [];
  const seenDocs = new Set<Resource>();
  let omittedDocuments = 0;
  const nextKey = () => nextKeyOf(budget, 'i');
  const addDocument = (r: Resource) => {
    if (seenDocs.has(r)) return;
    seenDocs.add(r);
    if (budget.documents <= 0) omittedDocuments++;
    else {
      budget.documents--;
      documents.push(readDocument(r, nextKeyOf(budget, 'doc')));
    }
  };
  const take = () => {
    if (budget.lines <= 0) return false;
    budget.lines--;
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
        else budget.lines++;
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
            budget.lines++;
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
