import type { Entry, EntryKind, Profile } from '../record/types.ts';
import type { FhirBundle, FhirBundleEntry, FhirResource, IpsSectionName } from './fhir-types.ts';
import { FHIR, IPS_SECTIONS } from './fhir-types.ts';
import type { IpsLabels } from './ips-resources.ts';
import { absentResource, entryResource, patientResource } from './ips-resources.ts';
import { narrative } from './narrative.ts';

/** A paper document shared with the summary: its bytes go into a DocumentReference. */
export interface IpsDocument {
  readonly title: string;
  /** The paper's own date (YYYY, YYYY-MM or YYYY-MM-DD), when known. */
  readonly date?: string;
  /** The kind of paper, in French (lab result, hospital letter...). */
  readonly typeLabel: string;
  /** Its pages (photos) or its one PDF, in order. */
  readonly pages: readonly { readonly contentType: string; readonly data: Uint8Array }[];
}

export interface IpsInput {
  readonly profile: Profile;
  /** Only the entries the patient picked. */
  readonly entries: readonly Entry[];
  readonly documents: readonly IpsDocument[];
  readonly labels: IpsLabels;
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

/** IPS requires these three sections; when empty they say "none known" explicitly. */
const REQUIRED: readonly ('allergies' | 'medications' | 'problems')[] = [
  'allergies',
  'medications',
  'problems',
];

const ORDER: readonly IpsSectionName[] = [
  'allergies',
  'medications',
  'problems',
  'immunizations',
  'results',
  'coverage',
];

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Builds a FHIR R4 International Patient Summary document bundle from what the patient
 * chose to share: Composition first, then the Patient, then one resource per entry and
 * document. French is the language of the document; the patient's language rides along
 * as FHIR translations. Nothing the patient did not pick goes in.
 */
export function buildIps(input: IpsInput): FhirBundle {
  const uuid = input.uuid ?? (() => crypto.randomUUID());
  const url = () => `urn:uuid:${uuid()}`;
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

  for (const entry of input.entries) {
    const section = SECTION_OF[entry.details.kind];
    const resource = entryResource(entry, patientUrl, input.labels);
    if (!section || !resource) continue;
    add(section, resource, lineOf(entry, input.labels));
  }
  for (const kind of REQUIRED) {
    if (!bySection.has(kind)) add(kind, absentResource(kind, patientUrl), NONE[kind]);
  }

  const sections = ORDER.filter((name) => bySection.has(name)).map((name) => {
    const { urls, lines } = bySection.get(name)!;
    return {
      title: TITLES[name],
      code: { coding: [{ system: FHIR.loinc, ...IPS_SECTIONS[name] }] },
      text: { status: 'generated', div: narrative(lines) },
      entry: urls.map((reference) => ({ reference })),
    };
  });

  const documentUrls: string[] = [];
  for (const doc of input.documents) {
    const fullUrl = url();
    documentUrls.push(fullUrl);
    bundleEntries.push({
      fullUrl,
      resource: {
        resourceType: 'DocumentReference',
        status: 'current',
        type: { text: doc.typeLabel },
        subject: { reference: patientUrl },
        date: input.now.toISOString(),
        description: doc.title,
        content: doc.pages.map((page, i) => ({
          attachment: {
            contentType: page.contentType,
            data: base64(page.data),
            title: doc.pages.length > 1 ? `${doc.title} (${i + 1}/${doc.pages.length})` : doc.title,
            ...(doc.date ? { creation: doc.date } : {}),
          },
        })),
      },
    });
  }
  if (documentUrls.length > 0) {
    sections.push({
      title: 'Documents',
      text: { status: 'generated', div: narrative(input.documents.map((d) => d.title)) },
      entry: documentUrls.map((reference) => ({ reference })),
    } as (typeof sections)[number]);
  }

  const compositionUrl = url();
  const composition: FhirResource = {
    resourceType: 'Composition',
    meta: { profile: [FHIR.ipsComposition] },
    language: 'fr',
    status: 'final',
    type: {
      coding: [{ system: FHIR.loinc, code: '60591-5', display: 'Patient summary Document' }],
    },
    subject: { reference: patientUrl },
    date: input.now.toISOString(),
    author: [{ reference: patientUrl }],
    title: 'Synthèse médicale partagée par le patient (Carnet)',
    section: sections,
  };
  return {
    resourceType: 'Bundle',
    language: 'fr',
    identifier: { system: 'urn:ietf:rfc:3986', value: url() },
    type: 'document',
    timestamp: input.now.toISOString(),
    entry: [{ fullUrl: compositionUrl, resource: composition }, ...bundleEntries],
  };
}

const TITLES: Record<IpsSectionName, string> = {
  allergies: 'Allergies et intolérances',
  medications: 'Traitements en cours',
  problems: 'Problèmes de santé',
  immunizations: 'Vaccinations',
  results: 'Résultats',
  coverage: 'Droits et couverture maladie',
};

const NONE: Record<'allergies' | 'medications' | 'problems', string> = {
  allergies: 'Aucune allergie connue déclarée',
  medications: 'Aucun traitement connu déclaré',
  problems: 'Aucun problème de santé connu déclaré',
};

function lineOf(entry: Entry, labels: IpsLabels): string {
  const name = (entry.term && labels.fr[entry.term.key]) ?? entry.text ?? entry.term?.code ?? '';
  return entry.text && entry.term ? `${name} (${entry.text})` : name;
}
