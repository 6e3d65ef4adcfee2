import i18next from 'i18next';
import HttpBackend from 'i18next-http-backend';
import { initReactI18next } from 'react-i18next';
import {
  CLINICIAN_LANGUAGE,
  LANGUAGES,
  SHIPPED_LANGUAGES,
  directionOf,
  matchLanguage,
} from './languages.ts';

/** Every namespace under public/locales/<lng>/. */
const NAMESPACES = [
  'common',
  'onboarding',
  'unlock',
  'summary',
  'entry',
  'settings',
  'errors',
  'vocab',
  'documents',
  'share',
  'backup',
  'restore',
] as const;

/** Where the chosen language is remembered. Not secret: the unlock screen needs it. */
const LANGUAGE_KEY = 'carnet.language';

/** The language chosen earlier on this device, or one the browser prefers that Carnet has. */
function initialLanguage(): string {
  const saved = safeStorage()?.getItem(LANGUAGE_KEY);
  if (saved && SHIPPED_LANGUAGES.includes(saved)) return saved;
  return matchLanguage(navigator.languages) ?? CLINICIAN_LANGUAGE;
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Sets `<html lang dir>` so screen readers, fonts and logical CSS follow the language. */
function applyDocumentLanguage(lng: string): void {
  document.documentElement.lang = lng;
  document.documentElement.dir = directionOf(lng);
}

/** Starts i18next with the locales served from our own origin (precached for offline use). */
export async function setupI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', applyDocumentLanguage);
  await i18next
    .use(HttpBackend)
    .use(initReactI18next)
    .init({
      lng: initialLanguage(),
      fallbackLng: ['en', CLINICIAN_LANGUAGE],
      // Every language can load (a patient's vocabulary for the French side-by-side view);
      // the picker offers only the shipped ones as the interface language.
      supportedLngs: LANGUAGES.map((l) => l.code),
      ns: [...NAMESPACES],
      defaultNS: 'common',
      backend: { loadPath: '/locales/{{lng}}/{{ns}}.json' },
      interpolation: { escapeValue: false },
      showSupportNotice: false,
      returnNull: false,
      react: { useSuspense: true },
    });
  applyDocumentLanguage(i18next.language);
  return i18next;
}

/** Switches the UI language and remembers it on this device. */
export async function changeLanguage(lng: string): Promise<void> {
  safeStorage()?.setItem(LANGUAGE_KEY, lng);
  await i18next.changeLanguage(lng);
}

/** Loads another language's vocabulary labels (the French column of the bilingual view). */
export async function loadVocabulary(lng: string): Promise<Record<string, string>> {
  await i18next.loadLanguages(lng);
  await i18next.loadNamespaces('vocab');
  return (i18next.getResourceBundle(lng, 'vocab') as Record<string, string> | undefined) ?? {};
}
