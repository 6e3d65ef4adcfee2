import { ShareError } from './errors.ts';
import { plainText, readPatient, type IpsDocument, type IpsPatient } from './ips-context.ts';
import {
  LIMITS,
  collector,
  nextKeyOf,
  readBudget,
  referenceIndex,
  type ReadBudget,
  type Resolve,
} from './ips-collect.ts';
import { readItem, type IpsItem } from './ips-items.ts';
import { FHIR } from './fhir-types.ts';
import { readConcept, readDate, type Label } from './ips-labels.ts';
import { obj, objs, str } from './json.ts';

/**
 * A tolerant reader of FHIR R4 International Patient Summary bundles, Carnet's or anyone
 * else's. It finds the Composition, maps its sections by LOINC code, resolves references
 * by `fullUrl` (also `urn:uuid:` and relative `Type/id`) and keeps whatever it can of
 * resources it half understands. It never throws on odd content: only input that is not
 * a Bundle at all is refused, as `unsupported-content`. A lone resource (an Immunization,
 * a Patient...) is read as a bundle of one (`readFhir`).
 */

export type { IpsAttachment, IpsDocument, IpsPatient } from './ips-context.ts';
export { plainText } from './ips-context.ts';

export type SectionKind =
  'allergies' | 'medications' | 'problems' | 'immunizations' | 'results' | 'coverage' | 'other';

/** IPS section LOINC codes -> the sections the viewer shows first, in this order. */
const SECTION_CODES: Readonly<Record<string, SectionKind>> = {
  '48765-2': 'allergies',
  '10160-0': 'medications',
  '11450-4': 'problems',
  '11369-6': 'immunizations',
  '30954-2': 'results',
  '48768-6': 'coverage',
};
const ORDER: readonly SectionKind[] = [
  'allergies',
  'medications',
  'problems',
  'immunizations',
  'results',
  'coverage',
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
  Coverage: 'coverage',
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
  /** Lines left out under the reader's limits (ips-collect.ts LIMITS). */
  readonly omitted?: number;
}

export interface IpsSummary {
  readonly title?: string;
  /**
   * True when the Composition's author is its subject: the patient wrote it and chose what
   * went in (every Carnet share). Empty sections then mean "not communicated".
   */
  readonly authoredByPatient: boolean;
  /** Who it was made for, from Carnet's audience category: `doctor`, `social`, `custom`. */
  readonly audience?: string;
  /** ISO date the summary was written. */
  readonly date?: string;
  readonly patient: IpsPatient | null;
  readonly sections: readonly IpsSection[];
  readonly documents: readonly IpsDocument[];
  /** What the reader's limits left out: whole sections, and documents. */
  readonly omitted?: { readonly sections: number; readonly documents: number };
}

/**
 * Reads a parsed FHIR Bundle. Throws ShareError('unsupported-content') for anything else.
 * `budget` is what the share may still show (ips-collect.ts): pass the same one for
 * every file of a share.
 */
export function readIps(json: unknown, budget: ReadBudget = readBudget()): IpsSummary {
  const bundle = obj(json);
  if (!bundle || bundle.resourceType !== 'Bundle') throw new ShareError('unsupported-content');
  const entries = objs(bundle.entry);
  const resolve = referenceIndex(entries);
  const resources = entries.map((e) => obj(e.resource)).filter((r) => r !== undefined);
  const composition = resources.find((r) => r.resourceType === 'Composition');
  const patient =
    (composition && resolve(composition.subject)) ??
    resources.find((r) => r.resourceType === 'Patient');
  const collect = collector(resolve, budget);
  const { documents, addDocument, itemsOf } = collect;
  const composed = composition ? flattenSections(objs(composition.section)) : [];
  const read = composed.slice(0, Math.max(0, budget.sections));
  budget.sections -= read.length;
  let omittedSections = composed.length - read.length;

  const sections = composition
    ? read.flatMap((s) => readSection(s, nextKeyOf(budget, 's'), resolve, itemsOf))
    : groupWithoutComposition(resources, resolve, collect, budget, () => omittedSections++);
  for (const r of resources) if (r.resourceType === 'DocumentReference') addDocument(r);
  sections.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));

  const title = composition && str(composition.title);
  const date = readDate(composition?.date) ?? readDate(bundle.timestamp);
  const authoredByPatient =
    patient !== undefined && objs(composition?.author).some((a) => resolve(a) === patient);
  const audience = objs(composition?.category)
    .flatMap((c) => objs(c.coding))
    .find((c) => c.system === FHIR.carnetAudience);
  const audienceCode = str(audience?.code);
  return {
    ...(title ? { title } : {}),
    authoredByPatient,
    ...(audienceCode ? { audience: audienceCode } : {}),
    ...(date ? { date } : {}),
    patient: patient ? readPatient(patient) : null,
    sections,
    documents,
    ...(omittedSections > 0 || collect.omittedDocuments() > 0
      ? { omitted: { sections: omittedSections, documents: collect.omittedDocuments() } }
      : {}),
  };
}

/** One Composition section; none when it lists only documents (shown as the list instead). */
function readSection(
  s: Record<string, unknown>,
  key: string,
  resolve: Resolve,
  itemsOf: (refs: unknown) => { items: IpsItem[]; omitted: number },
): IpsSection[] {
  const refs = objs(s.entry);
  const onlyDocs =
    refs.length > 0 && refs.every((ref) => resolve(ref)?.resourceType === 'DocumentReference');
  const { items, omitted } = itemsOf(refs);
  if (onlyDocs) return [];
  const loinc = objs(obj(s.code)?.coding)
    .map((c) => str(c.code))
    .find((c) => c !== undefined && c in SECTION_CODES);
  const emptyReason = readConcept(s.emptyReason);
  const narrative = items.length === 0 ? plainText(obj(s.text)?.div) : undefined;
  return [
    {
      key,
      kind: (loinc ? SECTION_CODES[loinc] : undefined) ?? 'other',
      title: str(s.title) ?? readConcept(s.code)?.text ?? null,
      items,
      ...(emptyReason ? { emptyReason } : {}),
      ...(narrative ? { narrative } : {}),
      ...(omitted > 0 ? { omitted } : {}),
    },
  ];
}

/** Sub-sections nested deeper than this are ignored (a hostile bundle could nest thousands). */
const MAX_SECTION_DEPTH = 8;

/** Sub-sections are shown as sections of their own, after their parent. */
function flattenSections(list: Record<string, unknown>[], depth = 0): Record<string, unknown>[] {
  if (depth >= MAX_SECTION_DEPTH) return [];
  return list.flatMap((s) => [s, ...flattenSections(objs(s.section), depth + 1)]);
}

/**
 * Groups a bundle without a Composition by resource type. A group past the budget's
 * sections is left out and counted once (`onOmittedSection`).
 */
function groupWithoutComposition(
  resources: Record<string, unknown>[],
  resolve: Resolve,
  collect: Pick<ReturnType<typeof collector>, 'nextKey' | 'take'>,
  budget: ReadBudget,
  onOmittedSection: () => void,
): IpsSection[] {
  // One pass, each resource appended to its group: linear in the number of resources.
  const groups = new Map<string, IpsSection & { items: IpsItem[]; omitted: number }>();
  const dropped = new Set<string>();
  for (const r of resources) {
    const type = str(r.resourceType) ?? 'Resource';
    if (CONTEXT_TYPES.has(type)) continue;
    const kind = KIND_OF_TYPE[type] ?? 'other';
    const id = kind === 'other' ? type : kind;
    let group = groups.get(id);
    if (!group) {
      if (budget.sections <= 0) {
        if (!dropped.has(id)) onOmittedSection();
        dropped.add(id);
        continue;
      }
      budget.sections--;
      const title = kind === 'other' ? type : null;
      group = { key: nextKeyOf(budget, 'g'), kind, title, items: [], omitted: 0 };
      groups.set(id, group);
    }
    if (group.items.length < LIMITS.perSection && collect.take()) {
      group.items.push(readItem(r, collect.nextKey(), resolve));
    } else group.omitted++;
  }
  return [...groups.values()].map(({ omitted, ...group }) =>
    omitted > 0 ? { ...group, omitted } : group,
  );
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

/** A parsed FHIR resource other than a Bundle: an object that names its `resourceType`. */
export function isLoneResource(json: unknown): json is Record<string, unknown> {
  const resource = obj(json);
  return resource !== undefined && str(resource.resourceType) !== undefined && !isBundle(json);
}

function isBundle(json: unknown): boolean {
  return obj(json)?.resourceType === 'Bundle';
}

/**
 * Reads lone resources (files of a share that hold one resource each) together, as one
 * bundle, so an Observation finds the Patient it points to in another file.
 */
export function readResources(
  resources: readonly Record<string, unknown>[],
  budget: ReadBudget = readBudget(),
): IpsSummary {
  const entry = resources.map((resource) => ({ resource }));
  return readIps({ resourceType: 'Bundle', type: 'collection', entry }, budget);
}
