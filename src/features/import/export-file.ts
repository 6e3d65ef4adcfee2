import type { i18n as I18n } from 'i18next';
import type { CarnetStore } from '../../record/store.ts';
import { bundleOfChoice, type BundleChoice } from '../share/share-bundle.ts';

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
  choice: BundleChoice,
  now = new Date(),
): Promise<File> {
  const bundle = await bundleOfChoice(store, i18n, choice, now);
  const name = `carnet-ips-${now.toISOString().slice(0, 10)}.json`;
  return new File([JSON.stringify(bundle, null, 2)], name, { type: FHIR_JSON });
}
