import type { EntryDetails } from '../record/types.ts';
import { SENSITIVE_SCHEMES } from '../record/types.ts';
import { readCoverage } from './coverage-read.ts';
import { FHIR } from './fhir-types.ts';
import type { Resolve } from './ips-collect.ts';
import { languageOf, readDate } from './ips-labels.ts';
import { isSensitiveTerm, readCode, type ReadConcept } from './import-codes.ts';
import { importDosage } from './import-dosage.ts';
import type { ImportCandidate } from './import-map.ts';
import { num, obj, objs, str } from './json.ts';

/**
 * One FHIR resource as a candidate entry, by resource type: the reverse of
 * ips-resources.ts, tolerant like the viewer's reader (ips-items.ts). A resource type
 * Carnet has no kind for is kept as a note in its own words.
 */

type Resource = Record<string, unknown>;
type Candidate = Omit<ImportCandidate, 'key'>;
/** `absent`: an IPS "no known / no information" statement, which is not an item. */
type Read = Candidate | 'absent' | null;

/** The common fields: words beside a code, language, sensitivity from the vocabulary. */
function base(
  kind: Parameters<typeof isSensitiveTerm>[0],
  concept: ReadConcept,
  r: Resource,
  details: EntryDetails,
  lang: string | undefined,
): Candidate {
  // Carnet writes the patient's own words beside a code as `note` (fhir-write.ts entryNotes).
  const notes = objs(r.note).flatMap((n) => {
    const text = str(n.text);
    return text ? [{ text, lang: languageOf(n) }] : [];
  });
  const coded = concept.term !== undefined && !concept.unmapped;
  const text = coded ? notes.map((n) => n.text).join('\n') || undefined : concept.text;
  const textLang = (coded ? notes[0]?.lang : undefined) ?? lang;
  return {
    entry: {
      ...(concept.term ? { term: concept.term } : {}),
      ...(text ? { text } : {}),
      ...(text && textLang ? { textLang } : {}),
      details,
      provenance: 'clinician',
      sensitive: isSensitiveTerm(kind, concept.term),
    },
    unmapped: concept.unmapped,
  };
}

/** A resource with neither a code nor words names nothing: not a candidate. */
function named(concept: ReadConcept, make: () => Candidate): Candidate | null {
  return concept.term || concept.text ? make() : null;
}

const isAbsent = (c: unknown) => objs(obj(c)?.coding).some((x) => x.system === FHIR.absentUnknown);

/** A status that may be a CodeableConcept (clinicalStatus) or a code (status). */
function statusOf(r: Resource): string | undefined {
  return str(objs(obj(r.clinicalStatus)?.coding)[0]?.code) ?? str(r.status);
}

function allergy(r: Resource, lang: string | undefined): Read {
  if (isAbsent(r.code)) return 'absent';
  const concept = readCode('allergy', r.code);
  const reactions = objs(r.reaction).flatMap((x) =>
    objs(x.manifestation).map((m) => readCode('reaction', m)),
  );
  const coded = reactions.flatMap((x) => (x.term && !x.unmapped ? [x.term.key] : []));
  const words = reactions.filter((x) => !x.term || x.unmapped).map((x) => x.text);
  const described = objs(r.reaction).map((x) => str(x.description));
  const reaction = [...words, ...described].filter(Boolean).join(', ');
  const criticality = str(r.criticality);
  const severity =
    criticality === 'high' || objs(r.reaction).some((x) => x.severity === 'severe')
      ? 'severe'
      : criticality === 'low'
        ? 'mild'
        : 'unknown';
  return named(concept, () =>
    base(
      'allergy',
      concept,
      r,
      {
        kind: 'allergy',
        ...(coded.length > 0 ? { reactions: [...new Set(coded)] } : {}),
        ...(reaction ? { reaction } : {}),
        severity,
      },
      lang,
    ),
  );
}

const STOPPED = ['completed', 'stopped', 'entered-in-error', 'cancelled', 'not-taken'];

function medication(r: Resource, lang: string | undefined, resolve: Resolve): Read {
  const code = r.medicationCodeableConcept ?? resolve(r.medicationReference)?.code;
  if (isAbsent(code)) return 'absent';
  const read = readCode('medication', code);
  // A medicine named only by its reference's display still has a name.
  const display = str(obj(r.medicationReference)?.display);
  const concept = read.term || read.text || !display ? read : { text: display, unmapped: false };
  const since =
    readDate(obj(r.effectivePeriod)?.start) ??
    readDate(r.effectiveDateTime) ??
    readDate(r.authoredOn);
  const { dosage, instructions } = importDosage(r.dosage ?? r.dosageInstruction);
  const prescriber = str(obj(r.informationSource)?.display) ?? str(obj(r.requester)?.display);
  return named(concept, () =>
    base(
      'medication',
      concept,
      r,
      {
        kind: 'medication',
        ...(dosage ? { dosage } : {}),
        ...(instructions ? { instructions } : {}),
        ...(since ? { since } : {}),
        ...(prescriber ? { prescriber } : {}),
        current: !STOPPED.includes(statusOf(r) ?? ''),
      },
      lang,
    ),
  );
}

function condition(r: Resource, lang: string | undefined): Read {
  if (isAbsent(r.code)) return 'absent';
  const concept = readCode('condition', r.code);
  const since = readDate(r.onsetDateTime) ?? readDate(obj(r.onsetPeriod)?.start);
  const active = !['resolved', 'inactive', 'remission'].includes(statusOf(r) ?? '');
  return named(concept, () =>
    base('condition', concept, r, { kind: 'condition', ...(since ? { since } : {}), active }, lang),
  );
}

function immunization(r: Resource, lang: string | undefined): Read {
  const concept = readCode('vaccine', r.vaccineCode);
  const date = readDate(r.occurrenceDateTime);
  const doseNumber = num(objs(r.protocolApplied)[0]?.doseNumberPositiveInt);
  return named(concept, () =>
    base(
      'vaccine',
      concept,
      r,
      {
        kind: 'vaccination',
        ...(date ? { date } : {}),
        ...(doseNumber !== undefined ? { doseNumber } : {}),
      },
      lang,
    ),
  );
}

function observation(r: Resource, lang: string | undefined): Read {
  const concept = readCode('test', r.code);
  const q = obj(r.valueQuantity);
  const value =
    num(q?.value)?.toString() ??
    str(r.valueString) ??
    str(obj(r.valueCodeableConcept)?.text) ??
    num(r.valueInteger)?.toString();
  const unit = q ? (str(q.unit) ?? str(q.code)) : undefined;
  const date =
    readDate(r.effectiveDateTime) ?? readDate(obj(r.effectivePeriod)?.start) ?? readDate(r.issued);
  return named(concept, () =>
    base(
      'test',
      concept,
      r,
      {
        kind: 'result',
        ...(value ? { value } : {}),
        ...(value && unit ? { unit } : {}),
        ...(date ? { date } : {}),
      },
      lang,
    ),
  );
}

/** A right or paper, as a share writes one (ips-resources.ts); see coverage-read.ts. */
function coverage(r: Resource, lang: string | undefined): Read {
  const { text, ...details } = readCoverage(r, { text: str, date: readDate });
  return {
    entry: {
      ...(text ? { text } : {}),
      ...(text && lang ? { textLang: lang } : {}),
      details: { kind: 'right', ...details },
      provenance: 'clinician',
      // Asylum papers start sensitive, as when the patient adds one.
      sensitive: SENSITIVE_SCHEMES.includes(details.scheme),
    },
    unmapped: false,
  };
}

/** Any other resource (a procedure, a report, a care plan) is kept as a note, in its words. */
function note(r: Resource, lang: string | undefined): Read {
  const concept = readCode('condition', r.code ?? r.type);
  const text = concept.text ?? str(r.description) ?? str(r.title) ?? str(r.conclusion);
  if (!text) return null;
  const date =
    readDate(r.performedDateTime) ??
    readDate(r.effectiveDateTime) ??
    readDate(r.date) ??
    readDate(r.issued);
  return {
    entry: {
      text,
      ...(lang ? { textLang: lang } : {}),
      details: { kind: 'note', ...(date ? { date } : {}) },
      provenance: 'clinician',
      sensitive: false,
    },
    unmapped: false,
  };
}

/** One clinical resource as a candidate; `lang` is the bundle's language, for its words. */
export function candidateOf(r: Resource, resolve: Resolve, lang: string | undefined): Read {
  switch (r.resourceType) {
    case 'AllergyIntolerance':
      return allergy(r, lang);
    case 'MedicationStatement':
    case 'MedicationRequest':
      return medication(r, lang, resolve);
    case 'Condition':
      return condition(r, lang);
    case 'Immunization':
      return immunization(r, lang);
    case 'Observation':
      return observation(r, lang);
    case 'Coverage':
      return coverage(r, lang);
    default:
      return note(r, lang);
  }
}
