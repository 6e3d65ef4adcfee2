/**
 * Tolerant readers for the FHIR datatypes an International Patient Summary shows:
 * CodeableConcept (with translations), Quantity, dates. Input is `unknown` JSON from a
 * share anyone may have written; nothing here throws, odd values are skipped.
 */

import { FHIR } from './fhir-types.ts';
import { num, obj, objs, str } from './json.ts';

/** A label as the bundle wrote it, with its translations by BCP 47 tag. */
export interface Label {
  /** The display (or text) as written: French in Carnet's bundles. */
  readonly text: string;
  /** `lang` -> `content` from the FHIR translation extension on `_display` / `_text`. */
  readonly translations: Readonly<Record<string, string>>;
  /** True for `text` with no coding: free text, shown as written. */
  readonly freeText: boolean;
  /** The first coding, when there is one. */
  readonly code?: { readonly system?: string; readonly code: string };
  /** A second, different text (`CodeableConcept.text` beside a coded display). */
  readonly note?: string;
  /** The language `text` is written in, when the bundle says (the language extension). */
  readonly lang?: string;
}

/** Translations held by an element's `_x` companion (FHIR primitive extensions). */
export function translationsOf(element: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ext of objs(obj(element)?.extension)) {
    if (ext.url !== FHIR.translation) continue;
    let lang: string | undefined;
    let content: string | undefined;
    for (const part of objs(ext.extension)) {
      if (part.url === 'lang') lang = str(part.valueCode) ?? str(part.valueString);
      if (part.url === 'content') content = str(part.valueString) ?? str(part.valueMarkdown);
    }
    if (lang && content && !(lang in out)) out[lang] = content;
  }
  return out;
}

/**
 * Reads a CodeableConcept. The first coding with a display wins; `text` is used when no
 * coding has one; a bare code is shown as the code. Null when there is nothing to show.
 */
export function readConcept(value: unknown): Label | null {
  const concept = obj(value);
  if (!concept) return null;
  const codings = objs(concept.coding);
  const text = str(concept.text);
  const shown = codings.find((c) => str(c.display)) ?? codings.find((c) => str(c.code));
  const first = shown ?? codings[0];
  const code = first && str(first.code);
  const system = first && str(first.system);
  const coded = code ? { code: { code, ...(system ? { system } : {}) } } : {};
  const display = shown && str(shown.display);
  if (display) {
    return {
      text: display,
      translations: translationsOf(shown._display),
      freeText: false,
      ...coded,
      ...(text && text !== display ? { note: text } : {}),
    };
  }
  if (text) {
    const lang = languageOf(concept._text);
    return {
      text,
      translations: translationsOf(concept._text),
      freeText: codings.length === 0,
      ...coded,
      ...(lang ? { lang } : {}),
    };
  }
  if (code) return { text: code, translations: {}, freeText: false, ...coded };
  return null;
}

/** The language an element says it is written in (R4 `language` extension), if any. */
export function languageOf(element: unknown): string | undefined {
  const ext = objs(obj(element)?.extension).find((e) => e.url === FHIR.language);
  return str(ext?.valueCode);
}

/** A plain string as a label (free text, as written). */
export function textLabel(value: unknown, companion?: unknown): Label | null {
  const text = str(value);
  return text ? { text, translations: translationsOf(companion), freeText: true } : null;
}

/** Whether a label is an IPS "absent or unknown" statement (e.g. no-known-allergies). */
export function isAbsent(label: Label | null): boolean {
  return label?.code?.system === FHIR.absentUnknown;
}

/** A measured value: number with its unit, or words. */
export interface Amount {
  readonly value: number | string;
  readonly unit?: string;
}

/** Reads a Quantity (`value` + `unit`, or `code` when no unit is written). */
export function readQuantity(value: unknown): Amount | null {
  const q = obj(value);
  if (!q) return null;
  const n = num(q.value);
  if (n === undefined) return null;
  const unit = str(q.unit) ?? str(q.code);
  return { value: n, ...(unit ? { unit } : {}) };
}

/** An ISO date or date-time (YYYY, YYYY-MM, YYYY-MM-DD, with time), cut to the date. */
export function readDate(value: unknown): string | undefined {
  const s = str(value);
  if (!s) return undefined;
  const m = /^(\d{4})(-\d{2})?(-\d{2})?/.exec(s);
  return m ? m[0] : undefined;
}

/** The first date found among a resource's date fields, in the order given. */
export function firstDate(
  resource: Record<string, unknown>,
  fields: readonly string[],
): string | undefined {
  for (const field of fields) {
    const value = resource[field];
    const date = readDate(value) ?? readDate(obj(value)?.start);
    if (date) return date;
  }
  return undefined;
}
