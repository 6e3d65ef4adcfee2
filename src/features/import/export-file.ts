import type { i18n as I18n } from 'i18next';
import type { CarnetStore } from '../../record/store.ts';
import { buildIps, type SharedPaper } from '../../share/ips-build.ts';
import type { ShareChoice } from '../share/useCreateShare.ts';
import { shareWords } from '../share/share-labels.ts';

/**
 * "Export my summary as a standard file": the same FHIR R4 IPS Bundle a share carries
 * (share/ips-build.ts, the same words), of what the patient picked, as a JSON file.
 * SECURITY: the file is plaintext by design (any IPS-capable system must read it); the
 * screen says so before it is made, and nothing is sent anywhere: the patient hands it on.
 */

/** The MIME type FHIR JSON files carry. */
const FHIR_JSON = 'application/fhir+json';

/** Builds the file. Its name holds the date only, never the patient's name. */
export async function exportSummary(
  store: CarnetStore,
  i18n: I18n,
  choice: Omit<ShareChoice, 'hours' | 'passcode'>,
  now = new Date(),
): Promise<File> {
  const fr = i18n.getFixedT('fr', 'documents');
  const documents: SharedPaper[] = [];
  for (const doc of choice.documents) {
    const pages = await Promise.all(
      doc.files.map(async (file) => ({
        contentType: file.mime,
        data: new Uint8Array(await (await store.documents.readFile(file)).arrayBuffer()),
      })),
    );
    documents.push({
      title: doc.title,
      ...(doc.date ? { date: doc.date } : {}),
      type: doc.type,
      typeLabel: fr(`types.${doc.type}`, { defaultValue: doc.type }),
      pages,
    });
  }
  const bundle = buildIps({
    profile: choice.profile,
    audience: choice.audience,
    entries: choice.entries,
    declaredNone: choice.declaredNone,
    documents,
    words: await shareWords(i18n, choice.profile.language),
    now,
  });
  const name = `carnet-ips-${now.toISOString().slice(0, 10)}.json`;
  return new File([JSON.stringify(bundle, null, 2)], name, { type: FHIR_JSON });
}
