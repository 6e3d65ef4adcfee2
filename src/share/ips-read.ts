import { ShareError } from './errors.ts';
import { readItem, type IpsItem } from './ips-items.ts';
import { num, obj, objs, readConcept, readDate, str, textLabel, type Label } from './ips-labels.ts';

/**
 * A tolerant reader of FHIR R4 International Patient Summary bundles, Carnet's or anyone
 * else's. It finds the Composition, maps its sections by LOINC code, resolves references
 * by `fullUrl` (also `urn:uuid:` and relative `Type/id`) and keeps whatever it can of
 * resources it half understands. It never throws on odd content: only input that is not
 * a Bundle at all is refused, as `unsupported-content`.
 */

export type SectionKind =
  'allergies' | 'medications' | 'problems' | 'immunizations' | 'results' | 'other';

/** IPS section LOINC codes -> the sections the viewer shows first, in this order. */
export const SECTION_CODES: Readonly<Record<string, SectionKind>> = {
  '48765-2': 'allergies',
  '10160-0': 'medications',
  '11450-4': 'problems',
  '11369-6': 'immunizations',
  '30954-2': 'results',
};
const ORDER: readonly SectionKind[] = [
  'allergies',
  'medications',
  'problems',
  'immunizations',
  'results',
  'other',
];
/** Where resources go when a bundle has no Composition. */
const KIND_OF_TYPE: Readonly<Record<string, SectionKind>> = {
  AllergyIntolerance: 'allergies',
  MedicationStatement: 'medications',
  MedicationRequest: 'medications',
  Condition: 'problems',
  Immunization: 'immunizations',
  Observation: 'results',
  DiagnosticReport: 'results',
};
/** Resources that are context, not summary lines. */
const CONTEXT_TYPES = new Set([
  'Composition',
  'Patient',
  'Medication',
  'Organization',
  'Practitioner',
  'PractitionerRole',
  'Device',
  'DocumentReference',
  'Binary',
]);

export interface IpsSection {
  readonly key: string;
  readonly kind: SectionKind;
  /** The section's own title, as written; null when it has none. */
  readonly title: string | null;
  readonly items: readonly IpsItem[];
  /** Section.emptyReason, when the section says why it is empty. */
  readonly emptyReason?: Label;
  /** The narrative as plain text, for sections with no readable entries. */
  readonly narrative?: string;
}

export interface IpsPatient {
  readonly name?: string;
  readonly birthDate?: string;
  /** administrative-gender: male, female, other, unknown. */
  readonly gender?: string;
  /** BCP 47 tags (or the words written), preferred first. */
  readonly languages: readonly string[];
  /** patient-interpreterRequired; undefined when the bundle does not say. */
  readonly interpreterRequired?: boolean;
}

/** One attachment of a document: a page photo, a PDF, or a link elsewhere. */
export interface IpsAttachment {
  readonly contentType?: string;
  /** Base64 content (attachment.data), decoded only when opened. */
  readonly data?: string;
  /** attachment.url, when the content is elsewhere. */
  readonly url?: string;
  readonly size?: number;
}

/** A DocumentReference: one paper, with its pages or files in order. */
export interface IpsDocument {
  readonly key: string;
  readonly title: string | null;
  readonly type?: Label;
  readonly date?: string;
  readonly parts: readonly IpsAttachment[];
}

export interface IpsSummary {
  readonly title?: string;
  /** ISO date the summary was written. */
  readonly date?: string;
  readonly patient: IpsPatient | null;
  readonly sections: readonly IpsSection[];
  readonly documents: readonly IpsDocument[];
}

const INTERPRETER_URL = 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired';

/** Reads a parsed FHIR Bundle. Throws ShareError('unsupported-content') for anything else. */
export function readIps(json: unknown): IpsSummary {
  const bundle = obj(json);
  if (!bundle || bundle.resourceType !== 'Bundle') throw new ShareError('unsupported-content');
  const entries = objs(bundle.entry);
  const index = new Map<string, Record<string, unknown>>();
  entries.forEach((e) => {
    const resource = obj(e.resource);
    if (!resource) return;
    const fullUrl = str(e.fullUrl);
    const type = str(resource.resourceType);
    const id = str(resource.id);
    if (fullUrl) index.set(fullUrl, resource);
    if (type && id) {
      index.set(`${type}/${id}`, resource);
      if (!index.has(`urn:uuid:${id}`)) index.set(`urn:uuid:${id}`, resource);
    }
  });
  const resolve = (ref: unknown): Record<string, unknown> | undefined => {
    const r = str(obj(ref)?.reference);
    if (!r) return undefined;
    return index.get(r) ?? index.get(r.replace(/^.*\/(\w+\/[^/]+)$/, '$1'));
  };
  const resources = entries.map((e) => obj(e.resource)).filter((r) => r !== undefined);
  const composition = resources.find((r) => r.resourceType === 'Composition');
  const patient =
    (composition && resolve(composition.subject)) ??
    resources.find((r) => r.resourceType === 'Patient');

  const documents: IpsDocument[] = [];
  const seenDocs = new Set<Record<string, unknown>>();
  const addDocument = (r: Record<string, unknown>) => {
    if (seenDocs.has(r)) return;
    seenDocs.add(r);
    documents.push(readDocument(r, `doc${documents.length}`));
  };
  let counter = 0;
  const itemsOf = (
    refs: unknown,
    seen = new Set<Record<string, unknown>>(),
    nested = false,
  ): IpsItem[] => {
    const out: IpsItem[] = [];
    for (const ref of objs(refs)) {
      const r = resolve(ref);
      // A resource listed twice in a section (or a report listing itself) shows once.
      if (r && seen.has(r)) continue;
      if (r) seen.add(r);
      if (!r) {
        const shown = textLabel(ref.display);
        if (shown)
          out.push({ key: `i${counter++}`, resourceType: 'Resource', label: shown, absent: false });
        continue;
      }
      if (r.resourceType === 'DocumentReference') {
        addDocument(r);
        continue;
      }
      out.push(readItem(r, `i${counter++}`, resolve));
      // A report's results are lines of their own, right after it (one level: a report
      // that lists itself or another report is not followed further).
      if (r.resourceType === 'DiagnosticReport' && !nested) {
        out.push(...itemsOf(r.result, seen, true));
      }
    }
    return out;
  };

  let sections: IpsSection[];
  if (composition) {
    sections = flattenSections(objs(composition.section)).flatMap((s, i) => {
      const refs = objs(s.entry);
      // A section that lists only documents is shown as the documents list instead.
      const onlyDocs =
        refs.length > 0 && refs.every((ref) => resolve(ref)?.resourceType === 'DocumentReference');
      const items = itemsOf(refs);
      if (onlyDocs) return [];
      const coding = objs(obj(s.code)?.coding);
      const loinc = coding
        .map((c) => str(c.code))
        .find((c) => c !== undefined && c in SECTION_CODES);
      const emptyReason = readConcept(s.emptyReason);
      const narrative = items.length === 0 ? plainText(obj(s.text)?.div) : undefined;
      const section: IpsSection = {
        key: `s${i}`,
        kind: (loinc ? SECTION_CODES[loinc] : undefined) ?? 'other',
        title: str(s.title) ?? readConcept(s.code)?.text ?? null,
        items,
        ...(emptyReason ? { emptyReason } : {}),
        ...(narrative ? { narrative } : {}),
      };
      return [section];
    });
  } else {
    sections = groupWithoutComposition(resources, resolve, () => `i${counter++}`);
  }
  for (const r of resources) if (r.resourceType === 'DocumentReference') addDocument(r);
  sections.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));

  const title = composition && str(composition.title);
  const date = readDate(composition?.date) ?? readDate(bundle.timestamp);
  return {
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    patient: patient ? readPatient(patient) : null,
    sections,
    documents,
  };
}

/** Sub-sections nested deeper than this are ignored (a hostile bundle could nest thousands). */
const MAX_SECTION_DEPTH = 8;

/** Sub-sections are shown as sections of their own, after their parent. */
function flattenSections(list: Record<string, unknown>[], depth = 0): Record<string, unknown>[] {
  if (depth >= MAX_SECTION_DEPTH) return [];
  return list.flatMap((s) => [s, ...flattenSections(objs(s.section), depth + 1)]);
}

function groupWithoutComposition(
  resources: Record<string, unknown>[],
  resolve: (ref: unknown) => Record<string, unknown> | undefined,
  nextKey: () => string,
): IpsSection[] {
  const groups = new Map<string, IpsItem[]>();
  for (const r of resources) {
    const type = str(r.resourceType) ?? 'Resource';
    if (CONTEXT_TYPES.has(type)) continue;
    groups.set(type, [...(groups.get(type) ?? []), readItem(r, nextKey(), resolve)]);
  }
  const byKind = new Map<string, IpsSection>();
  for (const [type, items] of groups) {
    const kind = KIND_OF_TYPE[type] ?? 'other';
    const id = kind === 'other' ? type : kind;
    const prev = byKind.get(id);
    byKind.set(id, {
      key: `g${byKind.size}`,
      kind,
      title: kind === 'other' ? type : null,
      items: [...(prev?.items ?? []), ...items],
    });
  }
  return [...byKind.values()];
}

function readPatient(p: Record<string, unknown>): IpsPatient {
  const names = objs(p.name);
  const chosen = names.find((n) => n.use === 'official' || n.use === 'usual') ?? names[0];
  const given = Array.isArray(chosen?.given) ? chosen.given.map(str).filter(Boolean) : [];
  const name =
    str(chosen?.text) ?? ([...given, str(chosen?.family)].filter(Boolean).join(' ') || undefined);
  const comms = objs(p.communication);
  const ordered = [
    ...comms.filter((c) => c.preferred === true),
    ...comms.filter((c) => c.preferred !== true),
  ];
  const languages = ordered
    .map((c) => {
      const concept = obj(c.language);
      const coding = objs(concept?.coding);
      return str(coding.find((x) => str(x.code))?.code) ?? str(concept?.text);
    })
    .filter((l): l is string => l !== undefined);
  const ext = objs(p.extension).find((e) => e.url === INTERPRETER_URL);
  const birthDate = readDate(p.birthDate);
  const gender = str(p.gender);
  return {
    ...(name ? { name } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...(gender ? { gender } : {}),
    languages: [...new Set(languages)],
    ...(typeof ext?.valueBoolean === 'boolean' ? { interpreterRequired: ext.valueBoolean } : {}),
  };
}

function readDocument(r: Record<string, unknown>, key: string): IpsDocument {
  const type = readConcept(r.type) ?? undefined;
  const attachments = objs(r.content)
    .map((c) => obj(c.attachment))
    .filter((a) => a !== undefined);
  const first = attachments[0];
  // Pages titled "Letter (1/3)" share the document's title: the description comes first.
  const title = str(r.description) ?? str(first?.title) ?? type?.text ?? null;
  const date = readDate(first?.creation) ?? readDate(r.date);
  const parts = attachments.map((a): IpsAttachment => {
    const contentType = str(a.contentType);
    const data = str(a.data);
    const url = str(a.url);
    const size = num(a.size);
    return {
      ...(contentType ? { contentType } : {}),
      ...(data ? { data } : {}),
      ...(url ? { url } : {}),
      ...(size !== undefined ? { size } : {}),
    };
  });
  return { key, title, ...(type ? { type } : {}), ...(date ? { date } : {}), parts };
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** XHTML narrative as plain text: tags dropped, line breaks kept, entities decoded. */
export function plainText(div: unknown): string | undefined {
  const html = str(div);
  if (!html) return undefined;
  const text = html
    .replace(/<(br|\/p|\/li|\/tr|\/h\d|\/div)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code =
          name[1] === 'x' || name[1] === 'X'
            ? parseInt(name.slice(2), 16)
            : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return text || undefined;
}

/** Every language the bundle's labels are translated into, most used first. */
export function translationLanguages(summary: IpsSummary): string[] {
  const counts = new Map<string, number>();
  const count = (l: Label | null | undefined) => {
    for (const lang of Object.keys(l?.translations ?? {}))
      counts.set(lang, (counts.get(lang) ?? 0) + 1);
  };
  for (const s of summary.sections) {
    for (const item of s.items) {
      count(item.label);
      item.reactions?.forEach(count);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([lang]) => lang);
}
