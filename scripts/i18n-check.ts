/**
 * `npm run i18n:check`: prints, for every language and namespace, the share of French keys
 * present, then the problems found. Exits 1 on any fatal problem:
 * - a shipped language below 100 % in any namespace, or any language below 100 % in vocab;
 * - `{{variables}}` that differ from French;
 * - a plural category that the language's CLDR rules need and a plural key lacks;
 * - a string identical to English that scripts/i18n-identical-allowed.json does not allow;
 * - a French word of FRENCH_WORDS (i18n-check-text.ts) left untranslated in another
 *   language, outside parentheses after a translation, unless
 *   scripts/i18n-french-allowed.json allows it there with a reason;
 * - a placeholder: an empty string, TODO/TBD/FIXME/XXX, a "[fr]" tag, "???", lorem ipsum,
 *   or the French or English text still wrapped in markers ("[Save]");
 * - an unreadable locale file, or a missing or malformed `_meta.json` (including its
 *   "reviewFirst" list, which must name existing French keys).
 * Keys present in a language but not in French are listed as warnings; keys missing from
 * languages not yet shipped are counted in the table but not listed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, SHIPPED_LANGUAGES } from '../src/i18n/languages.ts';
import {
  VOCAB_NAMESPACE,
  checkNamespace,
  flattenKeys,
  parseAllowList,
  reviewableKeys,
  validateMeta,
  type FlatStrings,
  type Problem,
} from './i18n-check-lib.ts';
import { formatTable, type CoverageRow } from './i18n-check-table.ts';
import { parseFrenchAllowList, type FrenchAllowance } from './i18n-check-text.ts';

const ROOT = join(import.meta.dirname, '..');
const LOCALES = join(ROOT, 'public', 'locales');
const ALLOW_FILE = join(ROOT, 'scripts', 'i18n-identical-allowed.json');
const FRENCH_ALLOW_FILE = join(ROOT, 'scripts', 'i18n-french-allowed.json');
/** Problems printed per language and kind before "... and N more". */
const SHOWN = 15;

type Loaded = { ok: true; value: unknown } | { ok: false; error: string } | undefined;

function readJson(path: string): Loaded {
  if (!existsSync(path)) return undefined;
  try {
    return { ok: true, value: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const problems: Problem[] = [];
const flat = (lng: string, ns: string): FlatStrings | undefined => {
  const loaded = readJson(join(LOCALES, lng, `${ns}.json`));
  if (loaded === undefined) return undefined;
  if (!loaded.ok) {
    problems.push({ lng, ns, key: '', kind: 'json', message: loaded.error, fatal: true });
    return undefined;
  }
  return flattenKeys(loaded.value, (key) =>
    problems.push({ lng, ns, key, kind: 'json', message: 'value is not a string', fatal: true }),
  );
};

const namespaces = existsSync(join(LOCALES, 'fr'))
  ? readdirSync(join(LOCALES, 'fr'))
      .filter((f) => f.endsWith('.json') && f !== '_meta.json')
      .map((f) => f.slice(0, -'.json'.length))
      .sort((a, b) => (a === VOCAB_NAMESPACE ? 1 : b === VOCAB_NAMESPACE ? -1 : a.localeCompare(b)))
  : [];

const allowLoaded = readJson(ALLOW_FILE);
const allow = allowLoaded?.ok ? parseAllowList(allowLoaded.value) : {};
if (allowLoaded && !allowLoaded.ok) {
  problems.push({
    lng: '-',
    ns: '-',
    key: ALLOW_FILE,
    kind: 'json',
    message: allowLoaded.error,
    fatal: true,
  });
}

const frenchAllowLoaded = readJson(FRENCH_ALLOW_FILE);
let frenchAllow: FrenchAllowance[] = [];
let frenchAllowError = frenchAllowLoaded?.ok === false ? frenchAllowLoaded.error : undefined;
if (frenchAllowLoaded?.ok) {
  try {
    frenchAllow = parseFrenchAllowList(frenchAllowLoaded.value);
  } catch (error) {
    frenchAllowError = error instanceof Error ? error.message : String(error);
  }
}
if (frenchAllowError !== undefined) {
  problems.push({
    lng: '-',
    ns: '-',
    key: FRENCH_ALLOW_FILE,
    kind: 'json',
    message: frenchAllowError,
    fatal: true,
  });
}

const reference = new Map(namespaces.map((ns) => [ns, flat('fr', ns) ?? {}]));
const knownKeys = reviewableKeys(reference);
const english = new Map(namespaces.map((ns) => [ns, flat('en', ns)]));
const rows: CoverageRow[] = [];

for (const { code: lng } of LANGUAGES) {
  const shipped = SHIPPED_LANGUAGES.includes(lng);
  const before = problems.length;
  const cells: Record<string, { present: number; total: number }> = {};
  for (const ns of namespaces) {
    const result = checkNamespace({
      lng,
      ns,
      reference: reference.get(ns) ?? {},
      english: lng === 'en' ? undefined : english.get(ns),
      strings: lng === 'fr' ? reference.get(ns) : lng === 'en' ? english.get(ns) : flat(lng, ns),
      mustBeComplete: shipped || ns === VOCAB_NAMESPACE,
      allow,
      frenchAllow,
    });
    cells[ns] = { present: result.present, total: result.total };
    problems.push(...result.problems);
  }
  const metaLoaded = readJson(join(LOCALES, lng, '_meta.json'));
  let meta: CoverageRow['meta'] = 'ok';
  if (metaLoaded === undefined) {
    meta = 'missing';
    problems.push({ lng, ns: '_meta', key: '', kind: 'meta', message: 'missing', fatal: true });
  } else {
    const errors = metaLoaded.ok ? validateMeta(metaLoaded.value, knownKeys) : [metaLoaded.error];
    if (errors.length > 0) meta = 'invalid';
    for (const message of errors) {
      problems.push({ lng, ns: '_meta', key: '', kind: 'meta', message, fatal: true });
    }
  }
  const fatal = problems.slice(before).filter((p) => p.fatal).length;
  rows.push({ lng, shipped, cells, meta, fatal });
}

for (const dir of readdirSync(LOCALES, { withFileTypes: true })) {
  if (dir.isDirectory() && !LANGUAGES.some((l) => l.code === dir.name)) {
    problems.push({
      lng: dir.name,
      ns: '-',
      key: '',
      kind: 'extra',
      message: 'locale folder for a language not in src/i18n/languages.ts',
      fatal: false,
    });
  }
}

console.log('Share of French keys present (vocab must be complete in every language;');
console.log('every namespace must be complete in shipped languages):\n');
console.log(formatTable(rows, namespaces));

const groups = new Map<string, Problem[]>();
for (const p of problems) {
  // Gaps in languages not yet shipped are expected; the table shows them.
  if (p.kind === 'missing' && !p.fatal) continue;
  const id = `${p.fatal ? 'error' : 'warning'} ${p.lng} ${p.kind}`;
  groups.set(id, [...(groups.get(id) ?? []), p]);
}
const sorted = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
if (sorted.length > 0) console.log('');
for (const [id, list] of sorted) {
  console.log(`${id} (${list.length}):`);
  for (const p of list.slice(0, SHOWN)) {
    console.log(`  ${p.ns}${p.key ? `:${p.key}` : ''} — ${p.message}`);
  }
  if (list.length > SHOWN) console.log(`  ... and ${list.length - SHOWN} more`);
}

const fatal = problems.filter((p) => p.fatal).length;
const warnings = problems.filter((p) => !p.fatal && p.kind !== 'missing').length;
console.log(`\ni18n check: ${fatal} error(s), ${warnings} warning(s).`);
process.exitCode = fatal > 0 ? 1 : 0;
