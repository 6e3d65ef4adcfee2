import type { BackendModule } from 'i18next';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadLocaleBundle } from './bundles.ts';
import {
  CLINICIAN_LANGUAGE,
  LANGUAGES,
  SHIPPED_LANGUAGES,
  directionOf,
  matchLanguage,
} from './languages.ts';
import { NAMESPACES } from './namespaces.ts';

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

/**
 * Reads a namespace out of its language's bundle (one file per language, fetched once and
 * cached for offline use by bundles.ts). A failed load online is reported as retryable, as
 * i18next's own HTTP backend does for a network error.
 */
const bundleBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(lng, ns, callback) {
    loadLocaleBundle(lng).then(
      (bundle) => callback(null, (bundle.namespaces[ns] ?? {}) as Record<string, unknown>),
      // Offline, waiting would not help: French or English show at once instead.
      (err: unknown) => callback(err instanceof Error ? err : String(err), navigator.onLine),
    );
  },
};

/**
 * Starts i18next with the locales served from our own origin: French is precached, the
 * language in use is cached the first time it loads (bundles.ts).
 */
export async function setupI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', applyDocumentLanguage);
  await i18next
    .use(bundleBackend)
    .use(initReactI18next)
    .init({
      lng: initialLanguage(),
      fallbackLng: ['en', CLINICIAN_LANGUAGE],
      // Every language can load (a patient's vocabulary for the French side-by-side view);
      // the picker offers only the shipped ones as the interface language.
      supportedLngs: LANGUAGES.map((l) => l.code),
      ns: [...NAMESPACES],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      showSupportNotice: false,
      returnNull: false,
      react: { useSuspense: true },
    });
  applyDocumentLanguage(i18next.language);
  return i18next;
}

/**
 * Switches the UI language and remembers it on this device. The language is loaded (and
 * cached for offline use) first: one never used before on this phone cannot load offline,
 * and then nothing changes and this rejects with LanguageUnavailableError.
 */
export async function changeLanguage(lng: string): Promise<void> {
  await loadLocaleBundle(lng);
  safeStorage()?.setItem(LANGUAGE_KEY, lng);
  await i18next.changeLanguage(lng);
}

/** Loads another language's vocabulary labels (the French column of the bilingual view). */
export async function loadVocabulary(lng: string): Promise<Record<string, string>> {
  await i18next.loadLanguages(lng);
  await i18next.loadNamespaces('vocab');
  return (i18next.getResourceBundle(lng, 'vocab') as Record<string, string> | undefined) ?? {};
}
