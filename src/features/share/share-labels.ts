import type { i18n as I18n } from 'i18next';
import { CLINICIAN_LANGUAGE } from '../../i18n/languages.ts';
import { loadVocabulary } from '../../i18n/setup.ts';
import type { IpsLabels } from '../../share/ips-resources.ts';

/** Vocabulary labels for a bundle: French, and the patient's own language beside it. */
export async function ipsLabels(i18n: I18n, patientLanguage: string): Promise<IpsLabels> {
  const fr = await loadVocabulary(CLINICIAN_LANGUAGE);
  if (patientLanguage === CLINICIAN_LANGUAGE) return { fr };
  await i18n.loadLanguages(patientLanguage);
  const own =
    (i18n.getResourceBundle(patientLanguage, 'vocab') as Record<string, string> | undefined) ?? {};
  return { fr, patient: { lng: patientLanguage, labels: own } };
}
