import { createContext, useContext } from 'react';
import { matchLanguage } from '../i18n/languages.ts';
import french from '../../public/locales/fr/viewer.json';

/**
 * The viewer's own small translator: one namespace (`viewer`), French built in so the
 * first screen needs no extra request, other languages fetched from our origin. It
 * keeps the doctor's download small (no i18next); keys, `{{variables}}` and plural
 * suffixes (`_one`, `_many`, `_other`, chosen by Intl.PluralRules) follow the app's rules.
 */

type Tree = { readonly [key: string]: string | Tree };
type Vars = Readonly<Record<string, string | number>>;

/** `pin.wrong_one` and `pin.wrong_other` are both `pin.wrong`: `count` picks the form. */
type PluralBase<K extends string> = K extends `${infer Base}_${Intl.LDMLPluralRule}` ? Base : K;
/** The dotted path of every string in `T`. */
type KeysOf<T> = {
  [K in keyof T & string]: T[K] extends string ? PluralBase<K> : `${K}.${KeysOf<T[K]>}`;
}[keyof T & string];
/** A key of viewer.json, as French has it (every other language is checked against French). */
export type ViewerKey = KeysOf<typeof french>;

/** Translates `key` with `vars`; `count` picks the plural form. */
export interface Translator {
  readonly lng: string;
  readonly t: (key: ViewerKey, vars?: Vars) => string;
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Builds a translator over `strings`, falling back to French for any missing key. */
export function makeTranslator(lng: string, strings: Tree): Translator {
  const plural = new Intl.PluralRules(lng);
  const number = new Intl.NumberFormat(lng);
  const find = (key: string) => lookup(strings, key) ?? lookup(french, key);
  return {
    lng,
    t: (key, vars = {}) => {
      const count = vars.count;
      const template =
        (typeof count === 'number'
          ? (find(`${key}_${plural.select(count)}`) ?? find(`${key}_other`))
          : undefined) ??
        find(key) ??
        key;
      return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
        const value = vars[name];
        if (value === undefined) return whole;
        return typeof value === 'number' ? number.format(value) : value;
      });
    },
  };
}

/** French or the first of the browser's languages that Carnet ships. */
export function viewerLanguage(preferred: readonly string[]): string {
  return matchLanguage(preferred) ?? 'fr';
}

/** Loads the viewer strings for `lng` from our origin; French if anything goes wrong. */
export async function loadTranslator(lng: string): Promise<Translator> {
  if (lng === 'fr') return makeTranslator('fr', french);
  try {
    const res = await fetch(`/locales/${encodeURIComponent(lng)}/viewer.json`);
    if (!res.ok) return makeTranslator('fr', french);
    return makeTranslator(lng, (await res.json()) as Tree);
  } catch {
    return makeTranslator('fr', french);
  }
}

export const TranslatorContext = createContext<Translator>(makeTranslator('fr', french));

/** The viewer's translator, from context. */
export function useT(): Translator {
  return useContext(TranslatorContext);
}
