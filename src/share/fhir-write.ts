import type { Entry } from '../record/types.ts';
import type { LabelMap } from '../vocab/index.ts';
import { CODE_SYSTEM_URIS, termByKey } from '../vocab/index.ts';
import type { CodeableConcept, Coding } from './fhir-types.ts';
import { FHIR } from './fhir-types.ts';

/**
 * Small writers for the FHIR datatypes Carnet's bundles use: references, "data absent"
 * markers, languages and translations, coded concepts. French is the document's language;
 * the patient's language rides along as FHIR translations.
 */

/** Labels the bundle is written with: French always, the patient's language beside it. */
export interface IpsLabels {
  readonly fr: LabelMap;
  readonly patient?: { readonly lng: string; readonly labels: LabelMap };
}

export function ref(fullUrl: string) {
  return { reference: fullUrl };
}

/**
 * The `_field` companion saying a required value is unknown (data-absent-reason), so a
 * required element is never invented nor left out: `{ _birthDate: absent() }`.
 */
export function absent(reason: 'unknown' | 'asked-unknown' = 'unknown') {
  return { extension: [{ url: FHIR.dataAbsentReason, valueCode: reason }] };
}

/** The extension saying which language a string, note or name is written in. */
export function languageOf(lng: string) {
  return { url: FHIR.language, valueCode: lng };
}

/** A `_display` / `_text` companion holding one translation. */
export function translated(lng: string, content: string) {
  return {
    extension: [
      {
        url: FHIR.translation,
        extension: [
          { url: 'lang', valueCode: lng },
          { url: 'content', valueString: content },
        ],
      },
    ],
  };
}

/**
 * A vocabulary key as a CodeableConcept: the code in its system, with no display of our
 * own (the official display belongs to the code system), Carnet's French label as `text`
 * and the patient's language as its translation. Codes come from the vocabulary by key,
 * so a term moved to a better system (an allergen to SNOMED CT) is written the new way
 * even for entries saved before.
 */
export function conceptOfKey(
  key: string,
  labels: IpsLabels,
  fallback?: { system?: string; code: string },
): CodeableConcept {
  const term = termByKey(key);
  const system = term ? CODE_SYSTEM_URIS[term.system] : fallback?.system;
  const code = term?.code ?? fallback?.code;
  const concept: CodeableConcept = {};
  if (code) {
    const coding: Coding = { ...(system ? { system } : {}), code };
    concept.coding = [coding];
  }
  const fr = labels.fr[key];
  if (fr) concept.text = fr;
  const own = labels.patient?.labels[key];
  if (fr && own && labels.patient && labels.patient.lng !== 'fr') {
    concept._text = translated(labels.patient.lng, own);
  }
  return concept;
}

/**
 * A stored term's system as a FHIR URI: Carnet's own systems by name (`atc`), and the URI
 * as written for a code Carnet does not know (an imported one keeps its source's system).
 */
function systemUri(system: string): string | undefined {
  if (Object.hasOwn(CODE_SYSTEM_URIS, system)) {
    return CODE_SYSTEM_URIS[system as keyof typeof CODE_SYSTEM_URIS];
  }
  return /^(https?:\/\/|urn:)/i.test(system) ? system : undefined;
}

/**
 * Whether an entry's words name its code: a code without a Carnet label (one brought in
 * from another system) has only its source's words, so they go in the concept's `text`.
 */
function wordsNameCode(entry: Entry): boolean {
  return entry.term !== undefined && termByKey(entry.term.key) === undefined;
}

/**
 * What an entry is about: its coded term (see conceptOfKey), or the patient's own words
 * as `text` labelled with their language. Words beside a code go to `note` instead
 * (see patientNote), never into the coded concept, except for a code Carnet does not
 * know: kept with its system, code and the source's words, so sharing it again or
 * exporting it loses nothing of what was imported.
 */
export function conceptOf(entry: Entry, labels: IpsLabels): CodeableConcept {
  if (entry.term) {
    const system = systemUri(entry.term.system);
    const concept = conceptOfKey(entry.term.key, labels, {
      ...(system ? { system } : {}),
      code: entry.term.code,
    });
    if (concept.text) return concept;
    const words = wordsNameCode(entry) ? entry.text?.trim() : undefined;
    if (!words) return { ...concept, text: entry.term.code };
    return {
      ...concept,
      text: words,
      ...(entry.textLang ? { _text: { extension: [languageOf(entry.textLang)] } } : {}),
    };
  }
  return {
    text: entry.text ?? '',
    ...(entry.textLang ? { _text: { extension: [languageOf(entry.textLang)] } } : {}),
  };
}

/** An Annotation holding the patient's own words, labelled with their language. */
function patientNote(text: string, lng: string | undefined) {
  return { ...(lng ? { extension: [languageOf(lng)] } : {}), text };
}

/** The patient's words beside a code (a coded entry's free text), as `note`. */
export function entryNotes(entry: Entry, more: readonly (string | undefined)[] = []) {
  // Words that name an unknown code are already the concept's text (conceptOf).
  const beside = entry.term && !wordsNameCode(entry) ? entry.text : undefined;
  const texts = [beside, ...more].filter((t): t is string => t !== undefined && t.trim() !== '');
  return texts.length > 0 ? { note: texts.map((t) => patientNote(t, entry.textLang)) } : {};
}
