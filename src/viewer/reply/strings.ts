import french from '../../../public/locales/fr/viewer-reply.json';
import { makeTranslator, type ViewerKey } from '../i18n.ts';

/**
 * The reply form's strings: a second viewer namespace (`viewer-reply.json`), loaded with
 * the form, so the summary's first load carries none of them. Same rules as viewer.json:
 * French built in, other languages fetched from our origin, French for anything missing.
 */

type Tree = { readonly [key: string]: string | Tree };
type PluralBase<K extends string> = K extends `${infer Base}_${Intl.LDMLPluralRule}` ? Base : K;
type KeysOf<T> = {
  [K in keyof T & string]: T[K] extends string ? PluralBase<K> : `${K}.${KeysOf<T[K]>}`;
}[keyof T & string];
export type ReplyKey = KeysOf<typeof french>;

export interface ReplyStrings {
  readonly lng: string;
  readonly t: (key: ReplyKey, vars?: Readonly<Record<string, string | number>>) => string;
}

function merged(base: Tree, over: Tree): Tree {
  const out: Record<string, string | Tree> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = base[k];
    out[k] = typeof v === 'object' && typeof b === 'object' ? merged(b, v) : v;
  }
  return out;
}

function over(lng: string, tree: Tree): ReplyStrings {
  const inner = makeTranslator(lng, merged(french, tree));
  return { lng, t: (key, vars) => inner.t(key as ViewerKey, vars) };
}

/** The form's strings in `lng`; French when that language has none or cannot be fetched. */
export async function loadReplyStrings(lng: string): Promise<ReplyStrings> {
  if (lng === 'fr') return over('fr', {});
  try {
    const res = await fetch(`/locales/${encodeURIComponent(lng)}/viewer-reply.json`);
    if (res.ok) return over(lng, (await res.json()) as Tree);
  } catch {
    // French below
  }
  return over('fr', {});
}
