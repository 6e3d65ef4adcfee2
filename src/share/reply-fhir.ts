import { fromBase64Url, toBase64 } from '../crypto/encoding.ts';
import { DOCUMENT_TYPES } from '../record/documents.ts';
import type { Dosage } from '../record/types.ts';
import { INSURANCE_SCHEMES, type RightScheme } from '../record/types.ts';
import { CODE_SYSTEM_URIS, termByKey } from '../vocab/index.ts';
import { termByCode } from '../vocab/terms.ts';
import type { TermKind } from '../vocab/index.ts';
import { readCoverage, RIGHT_SYSTEM } from './coverage-read.ts';
import { ShareError } from './errors.ts';
import type { FhirBundle, FhirBundleEntry, FhirResource } from './fhir-types.ts';
import { FHIR } from './fhir-types.ts';
import { ref } from './fhir-write.ts';
import { importDosage } from './import-dosage.ts';
import { fhirDosage } from './ips-dosage.ts';
import { num, obj, objs, str } from './json.ts';
import {
  REPLY_FILE_MAX_BYTES,
  REPLY_FILE_TYPES,
  REPLY_LIMITS,
  type Reply,
  type ReplyFileType,
  type ReplyItem,
} from './reply-model.ts';

/**
 * A reply as a FHIR R4 `collection` Bundle and back. Written by the viewer, read by the
 * patient's app; the reader trusts nothing (the sender is anyone who opened the share):
 * every item is checked against the bounds of REPLY_LIMITS, and a bundle that breaks
 * them, or is not a reply at all, is refused whole (`unsupported-content`).
 */

/** RPPS, the French national identifier of health professionals (OID 1.2.250.1.71.4.2.1). */
const RPPS_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.1';
/** Carnet's own code for a paper's kind (a right's is RIGHT_SYSTEM). */
const DOCUMENT_SYSTEM = 'urn:carnet:document-type';
/** The tag that marks a Bundle as a Carnet reply. */
const REPLY_TAG = { system: 'urn:carnet:bundle', code: 'reply' };

/** French dose words for the Dosage text, when the writer has them. */
type DoseText = (dosage: Dosage) => string;

/** Words the writer has for a Bundle's text parts, in the reply's language. */
interface WriteOptions {
  doseText?: DoseText;
  /** A paper's or right's name ("Titre de séjour"); the scheme's id without it. */
  schemeText?: (scheme: RightScheme) => string;
}

/** Writes `reply` as a collection Bundle: a Practitioner, then one resource per item. */
export function buildReplyBundle(
  reply: Reply,
  options: WriteOptions & { uuid?: () => string } = {},
): FhirBundle {
  const uuid = options.uuid ?? (() => crypto.randomUUID());
  const author = `urn:uuid:${uuid()}`;
  const practitioner: FhirResource = {
    resourceType: 'Practitioner',
    ...(reply.author.rpps
      ? { identifier: [{ system: RPPS_SYSTEM, value: reply.author.rpps }] }
      : {}),
    name: [{ text: reply.author.name }],
  };
  const entry: FhirBundleEntry[] = [{ fullUrl: author, resource: practitioner }];
  for (const item of reply.items) {
    entry.push({
      fullUrl: `urn:uuid:${uuid()}`,
      resource: itemResource(item, reply, author, options),
    });
  }
  return {
    resourceType: 'Bundle',
    language: reply.lang,
    type: 'collection',
    timestamp: `${reply.date}T00:00:00Z`,
    entry,
    ...{ meta: { tag: [REPLY_TAG] } },
  };
}

function concept(item: { term?: { key: string; code: string }; text?: string }) {
  const term = item.term ? termByKey(item.term.key) : undefined;
  return {
    ...(term ? { coding: [{ system: CODE_SYSTEM_URIS[term.system], code: term.code }] } : {}),
    ...(item.text ? { text: item.text } : {}),
  };
}

const SUBJECT = { display: 'patient' };

function itemResource(
  item: ReplyItem,
  reply: Reply,
  author: string,
  options: WriteOptions,
): FhirResource {
  switch (item.kind) {
    case 'medication':
      return medicationRequest(item, reply, author, options);
    case 'vaccination':
      return {
        resourceType: 'Immunization',
        status: 'completed',
        vaccineCode: concept(item),
        patient: SUBJECT,
        occurrenceDateTime: item.date,
        primarySource: true,
        ...(item.lot ? { lotNumber: item.lot } : {}),
        performer: [{ actor: ref(author) }],
      };
    case 'result': {
      const value = Number(item.value.replace(',', '.'));
      return {
        resourceType: 'Observation',
        status: 'final',
        category: [{ coding: [{ system: FHIR.observationCategory, code: 'laboratory' }] }],
        code: concept(item),
        subject: SUBJECT,
        ...(item.date ? { effectiveDateTime: item.date } : {}),
        performer: [ref(author)],
        ...(Number.isFinite(value) && item.value.trim() !== ''
          ? { valueQuantity: { value, ...(item.unit ? { unit: item.unit } : {}) } }
          : { valueString: item.value }),
      };
    }
    case 'right':
      return coverage(item, options);
    case 'note':
      return {
        resourceType: 'Communication',
        status: 'completed',
        language: reply.lang,
        ...(item.date ? { sent: item.date } : {}),
        sender: ref(author),
        payload: [{ contentString: item.text }],
      };
    case 'document':
      return documentReference(item, reply, author);
  }
}

type Of<K extends ReplyItem['kind']> = Extract<ReplyItem, { kind: K }>;

/** A prescription line: the medicine, its structured dose and, when said, its duration. */
function medicationRequest(
  item: Of<'medication'>,
  reply: Reply,
  author: string,
  options: WriteOptions,
): FhirResource {
  const dose = item.dosage
    ? fhirDosage(item.dosage, { fr: {} }, { fr: options.doseText ?? (() => '') })
    : {};
  const repeat = { ...obj(obj(dose.timing)?.repeat) };
  if (item.days) {
    Object.assign(repeat, {
      boundsDuration: { value: item.days, unit: 'd', system: FHIR.ucum, code: 'd' },
    });
  }
  return {
    resourceType: 'MedicationRequest',
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: concept(item),
    subject: SUBJECT,
    authoredOn: reply.date,
    requester: ref(author),
    dosageInstruction: [{ ...dose, ...(Object.keys(repeat).length ? { timing: { repeat } } : {}) }],
  };
}

/**
 * A paper or right as a Coverage, as a share writes one (ips-resources.ts): "<name> —
 * <words>" as the type's text, the number as `subscriberId`, the validity as `period`,
 * who issued it as the payor; the scheme's id as a coding too, so the reader never
 * depends on the words.
 */
function coverage(item: Of<'right'>, options: WriteOptions): FhirResource {
  const label =
    item.scheme === 'other' ? undefined : (options.schemeText?.(item.scheme) ?? item.scheme);
  const name = [label, item.text].filter(Boolean).join(' — ') || item.scheme;
  const payor =
    item.issuer ?? (INSURANCE_SCHEMES.includes(item.scheme) ? 'Assurance Maladie' : name);
  return {
    resourceType: 'Coverage',
    status: 'active',
    type: { coding: [{ system: RIGHT_SYSTEM, code: item.scheme }], text: name },
    beneficiary: SUBJECT,
    ...(item.number ? { subscriberId: item.number } : {}),
    ...(item.validFrom || item.validUntil
      ? {
          period: {
            ...(item.validFrom ? { start: item.validFrom } : {}),
            ...(item.validUntil ? { end: item.validUntil } : {}),
          },
        }
      : {}),
    payor: [{ display: payor }],
  };
}

/** A letter, prescription or paper, its bytes inline. */
function documentReference(item: Of<'document'>, reply: Reply, author: string): FhirResource {
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    type: { coding: [{ system: DOCUMENT_SYSTEM, code: item.type }] },
    date: `${reply.date}T00:00:00Z`,
    author: [ref(author)],
    description: item.title,
    content: [
      {
        attachment: {
          contentType: item.contentType,
          data: toBase64(item.data),
          title: item.title,
        },
      },
    ],
  };
}

/** Refuses the whole reply: it is not one Carnet can trust to read. */
function refuse(): never {
  throw new ShareError('unsupported-content');
}

function short(value: unknown, max: number = REPLY_LIMITS.short): string | undefined {
  const s = str(value)?.trim();
  if (s === undefined || s === '') return undefined;
  if (s.length > max) refuse();
  return s;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A FHIR date or dateTime cut to its date, or undefined; anything else refuses the reply. */
function dateOf(value: unknown): string | undefined {
  const s = str(value);
  if (s === undefined) return undefined;
  const day = s.slice(0, 10);
  if (!DATE.test(day) || s.length > 40) refuse();
  return day;
}

/** A coding of `kind` as a known term, or its words; one neither known nor worded refuses. */
function codedOf(kind: TermKind, value: unknown): { term?: ReplyTermRef; text?: string } {
  const c = obj(value);
  const text = short(c?.text);
  for (const coding of objs(c?.coding).slice(0, 5)) {
    const system = Object.entries(CODE_SYSTEM_URIS).find(([, uri]) => uri === str(coding.system));
    const code = short(coding.code, 40);
    if (!system || !code) continue;
    const term = termByCode(system[0] as keyof typeof CODE_SYSTEM_URIS, code);
    if (term && term.kind === kind) {
      return {
        term: { system: term.system, code: term.code, key: term.key },
        ...(text ? { text } : {}),
      };
    }
  }
  if (!text) refuse();
  return { text };
}

type ReplyTermRef = { system: string; code: string; key: string };

/**
 * Reads a reply Bundle (already decrypted and parsed). Throws ShareError
 * `unsupported-content` when it is not a Carnet reply or breaks a bound.
 */
export function readReplyBundle(json: unknown): Reply {
  const bundle = obj(json);
  if (bundle?.resourceType !== 'Bundle' || bundle.type !== 'collection') refuse();
  const entries = objs(bundle.entry);
  if (entries.length < 2 || entries.length > REPLY_LIMITS.items + 1) refuse();
  const resources = entries.map((e) => obj(e.resource) ?? refuse());
  const [first, ...rest] = resources;
  if (first?.resourceType !== 'Practitioner') refuse();
  const name = short(objs(first.name)[0]?.text) ?? refuse();
  const rpps = short(objs(first.identifier).find((i) => i.system === RPPS_SYSTEM)?.value, 20);
  if (rpps !== undefined && !/^\d{11}$/.test(rpps)) refuse();
  const date = dateOf(bundle.timestamp) ?? refuse();
  const lang = short(bundle.language, 35) ?? 'fr';
  const items = rest.map(readItem);
  if (items.filter((i) => i.kind === 'document').length > REPLY_LIMITS.files) refuse();
  return { author: { name, ...(rpps ? { rpps } : {}) }, date, lang, items };
}

function readItem(r: Record<string, unknown>): ReplyItem {
  switch (r.resourceType) {
    case 'MedicationRequest': {
      const dosage = objs(r.dosageInstruction).slice(0, 1);
      const days = num(obj(obj(obj(dosage[0]?.timing)?.repeat)?.boundsDuration)?.value);
      const read = importDosage(dosage);
      return {
        kind: 'medication',
        ...codedOf('medication', r.medicationCodeableConcept),
        ...(read.dosage ? { dosage: read.dosage } : {}),
        ...(days !== undefined && Number.isInteger(days) && days > 0 && days <= 3650
          ? { days }
          : {}),
      };
    }
    case 'Immunization': {
      const lot = short(r.lotNumber, 60);
      return {
        kind: 'vaccination',
        ...codedOf('vaccine', r.vaccineCode),
        date: dateOf(r.occurrenceDateTime) ?? refuse(),
        ...(lot ? { lot } : {}),
      };
    }
    case 'Observation': {
      const q = obj(r.valueQuantity);
      const value = q ? String(num(q.value) ?? refuse()) : (short(r.valueString) ?? refuse());
      const unit = short(q?.unit, 40);
      const date = dateOf(r.effectiveDateTime);
      return {
        kind: 'result',
        ...codedOf('test', r.code),
        value,
        ...(unit ? { unit } : {}),
        ...(date ? { date } : {}),
      };
    }
    case 'Coverage':
      return readRight(r);
    case 'Communication': {
      const text = short(objs(r.payload)[0]?.contentString, REPLY_LIMITS.text) ?? refuse();
      const date = dateOf(r.sent);
      return { kind: 'note', text, ...(date ? { date } : {}) };
    }
    case 'DocumentReference':
      return readDocument(r);
    default:
      return refuse();
  }
}

/** A paper or right (see coverage), read as an import reads one, within the reply's bounds. */
function readRight(r: Record<string, unknown>): ReplyItem {
  const right = readCoverage(r, { text: short, date: dateOf });
  // A paper of another kind must be named.
  if (right.scheme === 'other' && !right.text) refuse();
  return { kind: 'right', ...right };
}

function readDocument(r: Record<string, unknown>): ReplyItem {
  const code = str(objs(obj(r.type)?.coding).find((c) => c.system === DOCUMENT_SYSTEM)?.code);
  const type = DOCUMENT_TYPES.find((t) => t === code) ?? 'medical-other';
  const attachment = obj(objs(r.content)[0]?.attachment) ?? refuse();
  const contentType = REPLY_FILE_TYPES.find((t) => t === str(attachment.contentType)) ?? refuse();
  const base64 = str(attachment.data) ?? refuse();
  // SECURITY: the size is checked on the text, before anything is decoded.
  if (base64.length > Math.ceil(REPLY_FILE_MAX_BYTES / 3) * 4 + 4) refuse();
  const data = decodeBase64(base64);
  if (data.length === 0 || !looksLike(contentType, data)) refuse();
  const title = short(r.description) ?? short(attachment.title) ?? '';
  return { kind: 'document', title, type, contentType, data };
}

function decodeBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) refuse();
  try {
    return fromBase64Url(text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
  } catch {
    return refuse();
  }
}

/**
 * SECURITY: a file must start as its type says (PDF, JPEG or PNG magic bytes), so a
 * page of HTML or a script labelled as a PDF never reaches the document viewer.
 */
function looksLike(type: ReplyFileType, data: Uint8Array): boolean {
  const starts = (...bytes: number[]) => bytes.every((b, i) => data[i] === b);
  if (type === 'application/pdf') return starts(0x25, 0x50, 0x44, 0x46, 0x2d);
  if (type === 'image/jpeg') return starts(0xff, 0xd8, 0xff);
  return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
}
