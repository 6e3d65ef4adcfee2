import { FHIR } from './fhir-types.ts';
import { languageOf, readConcept, readDate, type Label } from './ips-labels.ts';
import { num, obj, objs, str } from './json.ts';

/**
 * The context around an International Patient Summary's lines: who it is about (the
 * Patient) and the papers attached (DocumentReference), plus narrative text. Tolerant
 * like the rest of the reader: odd values are skipped, nothing throws.
 */

export interface IpsPatient {
  /** The official name (Latin letters on Carnet's bundles), else the first usual one. */
  readonly name?: string;
  /** The other names written, such as the name in the patient's own script. */
  readonly otherNames: readonly { readonly text: string; readonly lang?: string }[];
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

/** Reads a Patient: name, birth date, sex, languages spoken, interpreter needed. */
function nameText(n: Record<string, unknown>): string | undefined {
  const given = Array.isArray(n.given) ? n.given.map(str).filter(Boolean) : [];
  return str(n.text) ?? ([...given, str(n.family)].filter(Boolean).join(' ') || undefined);
}

export function readPatient(p: Record<string, unknown>): IpsPatient {
  const names = objs(p.name);
  const chosen =
    names.find((n) => n.use === 'official') ?? names.find((n) => n.use === 'usual') ?? names[0];
  const name = chosen && nameText(chosen);
  const otherNames = names
    .filter((n) => n !== chosen)
    .flatMap((n) => {
      const text = nameText(n);
      const lang = languageOf(n);
      return text && text !== name ? [{ text, ...(lang ? { lang } : {}) }] : [];
    });
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
  const ext = objs(p.extension).find((e) => e.url === FHIR.interpreterRequired);
  const birthDate = readDate(p.birthDate);
  const gender = str(p.gender);
  return {
    ...(name ? { name } : {}),
    otherNames,
    ...(birthDate ? { birthDate } : {}),
    ...(gender ? { gender } : {}),
    languages: [...new Set(languages)],
    ...(typeof ext?.valueBoolean === 'boolean' ? { interpreterRequired: ext.valueBoolean } : {}),
  };
}

/** Reads a DocumentReference: one paper, its attachments in order. */
export function readDocument(r: Record<string, unknown>, key: string): IpsDocument {
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
