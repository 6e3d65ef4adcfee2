import type { i18n as I18n } from 'i18next';
import { CLINICIAN_LANGUAGE } from '../../i18n/languages.ts';
import { loadVocabulary } from '../../i18n/setup.ts';
import { RIGHT_SCHEMES } from '../../record/types.ts';
import type { ResourceWords } from '../../share/ips-resources.ts';
import { doseWords } from '../entries/dose-words.ts';

/**
 * The words a bundle is written with: vocabulary labels, dose phrases and right schemes
 * in French, and the patient's own language beside them.
 */
export async function shareWords(i18n: I18n, patientLanguage: string): Promise<ResourceWords> {
  const fr = await loadVocabulary(CLINICIAN_LANGUAGE);
  await i18n.loadNamespaces(['entry', 'vocab']);
  await i18n.loadLanguages([CLINICIAN_LANGUAGE, patientLanguage]);
  const frT = i18n.getFixedT(CLINICIAN_LANGUAGE, ['entry', 'vocab']);
  const schemes = Object.fromEntries(RIGHT_SCHEMES.map((s) => [s, frT(`entry:scheme.${s}`)]));
  const frenchDose = doseWords(frT, CLINICIAN_LANGUAGE);
  if (patientLanguage === CLINICIAN_LANGUAGE) {
    return { labels: { fr }, dose: { fr: frenchDose }, schemes };
  }
  const own =
    (i18n.getResourceBundle(patientLanguage, 'vocab') as Record<string, string> | undefined) ?? {};
  const ownT = i18n.getFixedT(patientLanguage, ['entry', 'vocab']);
  return {
    labels: { fr, patient: { lng: patientLanguage, labels: own } },
    dose: {
      fr: frenchDose,
      patient: { lng: patientLanguage, words: doseWords(ownT, patientLanguage) },
    },
    schemes,
  };
}
