import { toBase64 } from '../crypto/encoding.ts';
import type { DocumentType } from '../record/documents.ts';
import type { Audience } from '../record/shares.ts';
import type { DeclarableKind, Entry, EntryKind, Profile } from '../record/types.ts';
import type { FhirBundle, FhirBundleEntry, FhirResource, IpsSectionName } from './fhir-types.ts';
import { FHIR, IPS_SECTIONS } from './fhir-types.ts';
import { frenchDate, lineOf } from './ips-lines.ts';
import type { ResourceWords } from './ips-resources.ts';
import { absentResource, entryResource, patientResource } from './ips-resources.ts';
import { narrative } from './narrative.ts';

/** A paper shared with the summary: its bytes go into a DocumentReference. */
export interface SharedPaper {
  readonly title: string;
  /** The paper's own date (YYYY, YYYY-MM or YYYY-MM-DD), when known. */
  readonly date?: string;
  readonly type: DocumentType;
  /** The kind of paper, in French (lab result, hospital letter...). */
  readonly typeLabel: string;
  /** Its pages (photos) or its one PDF, in order. */
  readonly pages: readonly { readonly contentType: string; readonly data: Uint8Array }[];
}

export interface IpsInput {
  readonly profile: Profile;
  /** Who the share is for: a social worker's share holds administrative sections only. */
  readonly audience: Audience;
  /** Only the entries the patient picked. */
  readonly entries: readonly Entry[];
  /** The patient's standing "no known ..." statements that they picked for this share. */
  readonly declaredNone?: readonly DeclarableKind[];
  readonly documents: readonly SharedPaper[];
  readonly words: ResourceWords;
  readonly now: Date;
  /** New `urn:uuid:` values; injectable for reproducible tests. */
  readonly uuid?: () => string;
}

const SECTION_OF: Partial<Record<EntryKind, IpsSectionName>> = {
  allergy: 'allergies',
  medication: 'medications',
  condition: 'problems',
  vaccination: 'immunizations',
  result: 'results',
  right: 'coverage',
};

/** Where each kind of paper goes: always a section that IPS allows DocumentReference in. */
const PAPER_SECTION: Record<DocumentType, IpsSectionName> = {
  'lab-result': 'results',
  'imaging-report': 'results',
  'vaccination-record': 'immunizations',
  prescription: 'planOfCare',
  'hospital-letter': 'pastIllness',
  certificate: 'pastIllness',
  'medical-other': 'pastIllness',
  'insurance-rights': 'coverage',
  'asylum-papers': 'socialHistory',
  domiciliation: 'socialHistory',
  'admin-other': 'socialHistory',
};

const DECLARED: Record<'allergies' | 'medications' | 'problems', DeclarableKind> = {
  allergies: 'allergy',
  medications: 'medication',
  problems: 'condition',
};

/** The sections each audience's document has, in reading order. */
const MEDICAL_ORDER: readonly IpsSectionName[] = [
  'allergies',
  'medications',
  'problems',
  'immunizations',
  'results',
  'pastIllness',
  'planOfCare',
  'coverage',
  'socialHistory',
];
const SOCIAL_ORDER: readonly IpsSectionName[] = ['coverage', 'socialHistory'];

const TITLES: Record<IpsSectionName, string> = {
  allergies: 'Allergies et intolérances',
  medications: 'Traitements',
  problems: 'Problèmes de santé',
  immunizations: 'Vaccinations',
  results: 'Résultats',
  coverage: 'Droits et couverture maladie',
  pastIllness: 'Courriers et comptes rendus',
  planOfCare: 'Ordonnances',
  socialHistory: 'Papiers administratifs',
};

const NOT_COMMUNICATED = 'Non communiqué par le patient';
const DECLARED_LINE: Record<'allergies' | 'medications' | 'problems', string> = {
  allergies: 'Aucune allergie connue, déclaré par le patient le {date}',
  medications: 'Aucun traitement connu, déclaré par le patient le {date}',
  problems: 'Aucun problème de santé connu, déclaré par le patient le {date}',
};

/**
 * The sentence every shared document opens with. SECURITY: it is the same whether or not
 * the patient left anything out, so it reveals nothing about what was held back.
 */
export const CHOSEN_BY_PATIENT =
  'Ce document contient ce que le patient a choisi de partager. Il a été rempli par le patient ' +
  'et n’a pas été vérifié par un professionnel de santé.';

function paperResource(doc: SharedPaper, patient: string, now: Date): FhirResource {
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    type: { text: doc.typeLabel },
    subject: { reference: patient },
    date: now.toISOString(),
    description: doc.title,
    content: doc.pages.map((page, i) => ({
      attachment: {
        contentType: page.contentType,
        data: toBase64(page.data),
        title: doc.pages.length > 1 ? `${doc.title} (${i + 1}/${doc.pages.length})` : doc.title,
        ...(doc.date ? { creation: doc.date } : {}),
      },
    })),
  };
}

type Section = Record<string, unknown>;

/** The Composition: who it is about and by (the patient), for whom, its sections. */
function compositionOf(input: IpsInput, sections: Section[], patientUrl: string): FhirResource {
  const social = input.audience === 'social';
  return {
    resourceType: 'Composition',
    ...(social ? {} : { meta: { profile: [FHIR.ipsComposition] } }),
    language: 'fr',
    text: { status: 'generated', div: narrative([CHOSEN_BY_PATIENT]) },
    status: 'final',
    type: social
      ? { text: 'Informations administratives' }
      : { coding: [{ system: FHIR.loinc, code: '60591-5', display: 'Patient summary Document' }] },
    category: [{ coding: [{ system: FHIR.carnetAudience, code: input.audience }] }],
    subject: { reference: patientUrl },
    date: input.now.toISOString(),
    author: [{ reference: patientUrl }],
    title: social
      ? 'Informations administratives partagées par la personne (Carnet)'
      : 'Synthèse médicale partagée par le patient (Carnet)',
    section: sections,
  };
}

/**
 * Builds the FHIR R4 document a share carries, from what the patient chose:
 * - for a doctor (or a custom choice), an International Patient Summary (IPS 1.1): the
 *   three required sections always present, holding the picked entries, the patient's own
 *   "no known ..." statement, or "no information" (never "none" for what was left out);
 * - for a social worker, an administrative document: rights and papers only.
 * French is the document's language; the patient's language rides along as translations.
 * Nothing the patient did not pick goes in.
 */
export function buildIps(input: IpsInput): FhirBundle {
  const uuid = input.uuid ?? (() => crypto.randomUUID());
  const url = () => `urn:uuid:${uuid()}`;
  const social = input.audience === 'social';
  const patientUrl = url();
  const bundleEntries: FhirBundleEntry[] = [
    { fullUrl: patientUrl, resource: patientResource(input.profile) },
  ];
  const bySection = new Map<IpsSectionName, { urls: string[]; lines: string[] }>();
  const add = (section: IpsSectionName, resource: FhirResource, line: string) => {
    const fullUrl = url();
    bundleEntries.push({ fullUrl, resource });
    const s = bySection.get(section) ?? { urls: [], lines: [] };
    s.urls.push(fullUrl);
    s.lines.push(line);
    bySection.set(section, s);
  };
  const order = social ? SOCIAL_ORDER : MEDICAL_ORDER;

  for (const entry of input.entries) {
    const section = SECTION_OF[entry.details.kind];
    if (!section || !order.includes(section)) continue;
    const resource = entryResource(entry, patientUrl, input.words);
    if (resource) add(section, resource, lineOf(entry, input.words));
  }
  if (!social) {
    for (const name of ['allergies', 'medications', 'problems'] as const) {
      if (bySection.has(name)) continue;
      const at = input.declaredNone?.includes(DECLARED[name])
        ? input.profile.declaredNone?.[DECLARED[name]]
        : undefined;
      const declaredAt = at === undefined ? undefined : new Date(at).toISOString();
      const line = declaredAt
        ? DECLARED_LINE[name].replace('{date}', frenchDate(declaredAt.slice(0, 10)))
        : NOT_COMMUNICATED;
      add(name, absentResource(name, patientUrl, declaredAt), line);
    }
  }
  for (const doc of input.documents) {
    const section = PAPER_SECTION[doc.type];
    if (!order.includes(section)) continue;
    add(section, paperResource(doc, patientUrl, input.now), `${doc.typeLabel} : ${doc.title}`);
  }

  const sections = order
    .filter((name) => bySection.has(name) || (social && name === 'coverage'))
    .map((name) => {
      const found = bySection.get(name);
      return {
        title: TITLES[name],
        code: { coding: [{ system: FHIR.loinc, ...IPS_SECTIONS[name] }] },
        text: { status: 'generated', div: narrative(found?.lines ?? [NOT_COMMUNICATED]) },
        ...(found
          ? { entry: found.urls.map((reference) => ({ reference })) }
          : { emptyReason: { coding: [{ system: FHIR.listEmptyReason, code: 'unavailable' }] } }),
      };
    });

  const composition = compositionOf(input, sections, patientUrl);
  return {
    resourceType: 'Bundle',
    language: 'fr',
    identifier: { system: 'urn:ietf:rfc:3986', value: url() },
    type: 'document',
    timestamp: input.now.toISOString(),
    entry: [{ fullUrl: url(), resource: composition }, ...bundleEntries],
  };
}
