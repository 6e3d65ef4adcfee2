/**
 * The languages Carnet speaks: French and English, and those most spoken by people
 * seeking asylum in France. Each name is written in its own script; there are no flags
 * (a flag is a state, not a language, and may be the very state a person fled).
 */
export interface Language {
  /** BCP 47 tag, also the folder name under public/locales/. */
  readonly code: string;
  /** The language's name in itself. */
  readonly nativeName: string;
  /** Its name in French, for the doctor and the social worker. */
  readonly frenchName: string;
  readonly dir: 'ltr' | 'rtl';
}

export const LANGUAGES: readonly Language[] = [
  { code: 'fr', nativeName: 'Français', frenchName: 'français', dir: 'ltr' },
  { code: 'en', nativeName: 'English', frenchName: 'anglais', dir: 'ltr' },
  { code: 'ar', nativeName: 'العربية', frenchName: 'arabe', dir: 'rtl' },
  { code: 'prs', nativeName: 'دری', frenchName: 'dari', dir: 'rtl' },
  { code: 'ps', nativeName: 'پښتو', frenchName: 'pachto', dir: 'rtl' },
  { code: 'ur', nativeName: 'اردو', frenchName: 'ourdou', dir: 'rtl' },
  { code: 'bn', nativeName: 'বাংলা', frenchName: 'bengali', dir: 'ltr' },
  { code: 'tr', nativeName: 'Türkçe', frenchName: 'turc', dir: 'ltr' },
  { code: 'ka', nativeName: 'ქართული', frenchName: 'géorgien', dir: 'ltr' },
  { code: 'sq', nativeName: 'Shqip', frenchName: 'albanais', dir: 'ltr' },
  { code: 'ru', nativeName: 'Русский', frenchName: 'russe', dir: 'ltr' },
  { code: 'uk', nativeName: 'Українська', frenchName: 'ukrainien', dir: 'ltr' },
  { code: 'ti', nativeName: 'ትግርኛ', frenchName: 'tigrigna', dir: 'ltr' },
  { code: 'so', nativeName: 'Soomaali', frenchName: 'somali', dir: 'ltr' },
  { code: 'ht', nativeName: 'Kreyòl ayisyen', frenchName: 'créole haïtien', dir: 'ltr' },
  { code: 'es', nativeName: 'Español', frenchName: 'espagnol', dir: 'ltr' },
  { code: 'pt', nativeName: 'Português', frenchName: 'portugais', dir: 'ltr' },
  { code: 'ro', nativeName: 'Română', frenchName: 'roumain', dir: 'ltr' },
  { code: 'ta', nativeName: 'தமிழ்', frenchName: 'tamoul', dir: 'ltr' },
  { code: 'zh-Hans', nativeName: '简体中文', frenchName: 'chinois (mandarin)', dir: 'ltr' },
];

/**
 * Languages whose every namespace is complete and which the picker offers; `npm run
 * i18n:check` fails if one of them misses a key. Today: all of them.
 */
export const SHIPPED_LANGUAGES: readonly string[] = LANGUAGES.map((l) => l.code);

/** The language of the GP's view and of the national health system. */
export const CLINICIAN_LANGUAGE = 'fr';

export function findLanguage(code: string): Language | undefined {
  return LANGUAGES.find((l) => l.code === code);
}

export function directionOf(code: string): 'ltr' | 'rtl' {
  return findLanguage(code)?.dir ?? 'ltr';
}

/**
 * Browser tags that name a shipped language differently: Chinese tags carry a region or
 * no script (`zh-CN`, `zh`), and Dari is Persian as spoken in Afghanistan (`fa-AF`).
 */
const ALIASES: Readonly<Record<string, string>> = {
  zh: 'zh-Hans',
  'zh-cn': 'zh-Hans',
  'zh-sg': 'zh-Hans',
  'fa-af': 'prs',
};

/**
 * The first of `tags` (a browser's `navigator.languages`) that Carnet ships, as a shipped
 * code: an exact tag, a more specific tag of a shipped one (`zh-Hans-CN`), a known alias,
 * or the base language (`en-GB` -> `en`). Undefined when none matches.
 */
export function matchLanguage(tags: readonly string[]): string | undefined {
  const shipped = new Map(SHIPPED_LANGUAGES.map((c) => [c.toLowerCase(), c]));
  for (const raw of tags) {
    const tag = raw.toLowerCase();
    const exact = shipped.get(tag) ?? ALIASES[tag];
    if (exact) return exact;
    const parent = [...shipped.keys()].find((c) => tag.startsWith(`${c}-`));
    if (parent) return shipped.get(parent);
    const base = tag.split('-')[0] ?? '';
    const byBase = shipped.get(base) ?? ALIASES[base];
    if (byBase) return byBase;
  }
  return undefined;
}
