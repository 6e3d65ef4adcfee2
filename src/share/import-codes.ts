import type { CodedTerm } from '../record/types.ts';
import type { TermKind } from '../vocab/index.ts';
import { CODE_SYSTEM_URIS, termsOfKind } from '../vocab/index.ts';
import { obj, objs, str } from './json.ts';

/**
 * Codes from someone else's FHIR onto Carnet's vocabulary. A coding whose system and code
 * name a Carnet term becomes that term, so it is shown in every language Carnet speaks. A
 * coding Carnet has no term for is kept as it came, system, code and words, never dropped:
 * the patient still sees the words, and a later share sends the code on.
 */

/** The key a term gets when Carnet's vocabulary has no entry for its code (see codeOf). */
export const UNMAPPED_KEY = 'unmapped';

/** CVX, the US vaccine codes many immunization records use (cdc.gov/vaccines/programs/iis). */
const CVX_URI = 'http://hl7.org/fhir/sid/cvx';

/**
 * CVX codes -> the WHO ATC code of the same vaccine in Carnet's vocabulary (ATC J07). Only
 * codes whose vaccine Carnet names exactly: a CVX code for a combination Carnet has no term
 * for (DTaP alone, Td) stays unmapped and is kept as CVX.
 */
const CVX_TO_ATC: Readonly<Record<string, string>> = {
  '03': 'J07BD52', // MMR
  '05': 'J07BD01', // measles
  '08': 'J07BC01', // hepatitis B, paediatric
  '43': 'J07BC01', // hepatitis B, adult
  '45': 'J07BC01', // hepatitis B, unspecified
  '83': 'J07BC02', // hepatitis A, paediatric
  '52': 'J07BC02', // hepatitis A, adult
  '85': 'J07BC02', // hepatitis A, unspecified
  '104': 'J07BC20', // hepatitis A and B
  '10': 'J07BF03', // IPV
  '02': 'J07BF04', // OPV
  '17': 'J07AG01', // Hib, unspecified
  '48': 'J07AG01', // Hib PRP-T
  '19': 'J07AN01', // BCG
  '130': 'J07CA02', // DTaP-IPV
  '120': 'J07CA06', // DTaP-Hib-IPV
  '146': 'J07CA09', // DTaP-IPV-Hib-HepB
  '35': 'J07AM01', // tetanus toxoid
  '112': 'J07AM01', // tetanus toxoid, unspecified
  '165': 'J07BM03', // HPV9
  '103': 'J07AH07', // meningococcal C conjugate
  '114': 'J07AH08', // MenACWY-D
  '136': 'J07AH08', // MenACWY-CRM
  '147': 'J07AH08', // MenACWY, unspecified
  '203': 'J07AH08', // MenACWY-TT
  '162': 'J07AH09', // MenB-FHbp
  '163': 'J07AH09', // MenB-4C
  '133': 'J07AL02', // PCV13
  '152': 'J07AL02', // pneumococcal conjugate, unspecified
  '215': 'J07AL02', // PCV15
  '216': 'J07AL02', // PCV20
  '33': 'J07AL01', // PPSV23
  '207': 'J07BN01', // COVID-19 mRNA (Moderna)
  '208': 'J07BN01', // COVID-19 mRNA (Pfizer-BioNTech)
  '212': 'J07BN02', // COVID-19 vector (Janssen)
  '210': 'J07BN02', // COVID-19 vector (AstraZeneca)
  '510': 'J07BN03', // COVID-19 inactivated (Sinopharm)
  '511': 'J07BN03', // COVID-19 inactivated (CoronaVac)
  '88': 'J07BB02', // influenza, unspecified
  '141': 'J07BB02', // influenza, injectable
  '150': 'J07BB02', // influenza, injectable, quadrivalent
  '21': 'J07BK01', // varicella
  '121': 'J07BK03', // zoster, live
  '187': 'J07BK03', // zoster, recombinant
  '116': 'J07BH01', // rotavirus, pentavalent
  '119': 'J07BH01', // rotavirus, monovalent
  '122': 'J07BH01', // rotavirus, unspecified
  '37': 'J07BL01', // yellow fever
  '25': 'J07AP03', // typhoid, oral
  '101': 'J07AP03', // typhoid, ViCPs
  '91': 'J07AP03', // typhoid, unspecified
  '18': 'J07BG01', // rabies, intramuscular
  '90': 'J07BG01', // rabies, unspecified
};

/** FHIR system URI -> Carnet's code system, trailing slashes and case forgiven. */
const SYSTEM_OF_URI = new Map<string, string>(
  Object.entries(CODE_SYSTEM_URIS).map(([system, uri]) => [normalUri(uri), system]),
);

function normalUri(uri: string): string {
  return uri.trim().replace(/\/+$/, '').toLowerCase();
}

/** One coding as written, with its system URI when it has one. */
interface Coding {
  readonly system?: string;
  readonly code: string;
  readonly display?: string;
}

/** The codings of a CodeableConcept, in order; codings without a code are skipped. */
function codingsOf(concept: unknown): Coding[] {
  return objs(obj(concept)?.coding).flatMap((c) => {
    const code = str(c.code);
    const system = str(c.system);
    const display = str(c.display);
    return code ? [{ code, ...(system ? { system } : {}), ...(display ? { display } : {}) }] : [];
  });
}

/** The Carnet term of `kind` this coding names, if any. */
function termOf(kind: TermKind, coding: Coding): CodedTerm | undefined {
  if (!coding.system) return undefined;
  const uri = normalUri(coding.system);
  if (kind === 'vaccine' && uri === CVX_URI) {
    const atc = CVX_TO_ATC[coding.code.padStart(2, '0')];
    return atc ? termOf(kind, { system: CODE_SYSTEM_URIS.atc, code: atc }) : undefined;
  }
  const system = SYSTEM_OF_URI.get(uri);
  if (!system) return undefined;
  const code =
    system === 'atc' || system.startsWith('icd10') ? coding.code.toUpperCase() : coding.code;
  const term = termsOfKind(kind).find(
    (t) =>
      (t.system === system && t.code === code) ||
      // Allergens that moved to SNOMED CT still answer to Carnet's old code (vocab/terms.ts).
      (system === 'carnet-allergen' && t.key === `allergy.${code}`),
  );
  return term && { system: term.system, code: term.code, key: term.key };
}

/** A concept read for an entry: Carnet's term, or the code kept as written, and words. */
export interface ReadConcept {
  readonly term?: CodedTerm;
  /** The words the source wrote (the concept's text or a coding's display). */
  readonly text?: string;
  /** True when the concept has a code Carnet's vocabulary does not know. */
  readonly unmapped: boolean;
}

/**
 * Reads a CodeableConcept for an entry of term kind `kind`: the first coding Carnet knows
 * wins; else the first coding is kept as an unmapped term (`UNMAPPED_KEY`), its system the
 * FHIR URI as written; the words are the concept's `text`, else a coding's display.
 */
export function readCode(kind: TermKind, concept: unknown): ReadConcept {
  const codings = codingsOf(concept);
  const text = str(obj(concept)?.text) ?? codings.find((c) => c.display)?.display;
  for (const coding of codings) {
    const term = termOf(kind, coding);
    if (term) return { term, ...(text ? { text } : {}), unmapped: false };
  }
  const first = codings[0];
  if (!first) return { ...(text ? { text } : {}), unmapped: false };
  const term: CodedTerm = { system: first.system ?? '', code: first.code, key: UNMAPPED_KEY };
  return { term, text: text ?? first.code, unmapped: true };
}

/** Whether a term is one of Carnet's vocabulary, marked sensitive there (HIV, mental health...). */
export function isSensitiveTerm(kind: TermKind, term: CodedTerm | undefined): boolean {
  if (!term || term.key === UNMAPPED_KEY) return false;
  return termsOfKind(kind).some((t) => t.key === term.key && t.sensitive === true);
}
