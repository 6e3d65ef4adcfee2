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
 * Turns references into summary lines and collects the documents met on the way, each
 * once. Keys are unique within one summary.
 */
export function collector(resolve: Resolve) {
  const documents: IpsDocument[] = [];
  const seenDocs = new Set<Resource>();
  let counter = 0;
  const nextKey = () => `i${counter++}`;
  const addDocument = (r: Resource) => {
    if (seenDocs.has(r)) return;
    seenDocs.add(r);
    documents.push(readDocument(r, `doc${documents.length}`));
  };
  const itemsOf = (refs: unknown, seen = new Set<Resource>(), nested = false): IpsItem[] => {
    const out: IpsItem[] = [];
    for (const ref of objs(refs)) {
      const r = resolve(ref);
      if (!r) {
        const shown = textLabel(ref.display);
        if (shown)
          out.push({ key: nextKey(), resourceType: 'Resource', label: shown, absent: false });
        continue;
      }
      // A resource listed twice in a section (or a report listing itself) shows once.
      if (seen.has(r)) continue;
      seen.add(r);
      if (r.resourceType === 'DocumentReference') {
        addDocument(r);
        continue;
      }
      out.push(readItem(r, nextKey(), resolve));
      // A report's results are lines of their own, right after it (one level: a report
      // that lists itself or another report is not followed further).
      if (r.resourceType === 'DiagnosticReport' && !nested) {
        out.push(...itemsOf(r.result, seen, true));
      }
    }
    return out;
  };
  return { documents, addDocument, itemsOf, nextKey };
}
