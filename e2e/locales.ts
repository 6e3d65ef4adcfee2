import { readFileSync } from 'node:fs';

type Json = { [key: string]: string | Json };

/** A translated string from public/locales, so tests follow the wording wherever it changes. */
export function label(lng: string, ns: string, path: string): string {
  const json = JSON.parse(readFileSync(`public/locales/${lng}/${ns}.json`, 'utf8')) as Json;
  // vocab.json is flat (keys hold dots); the other namespaces nest.
  let node: string | Json | undefined = json;
  if (ns === 'vocab') node = json[path];
  else for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no ${lng}/${ns}:${path}`);
  return node;
}

/** A translated string with its `{{variables}}` filled in, as i18next would. */
export function phrase(
  lng: string,
  ns: string,
  path: string,
  vars: Readonly<Record<string, string | number>>,
): string {
  return label(lng, ns, path).replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A translated template as a whole-text pattern: each `{{variable}}` given in `values`
 * matches its value, every other one (a date, a language name) matches anything.
 */
export function pattern(
  lng: string,
  ns: string,
  path: string,
  values: Readonly<Record<string, string>> = {},
): RegExp {
  const source = label(lng, ns, path)
    .split(/(\{\{\s*\w+\s*\}\})/)
    .map((part) => {
      const name = /^\{\{\s*(\w+)\s*\}\}$/.exec(part)?.[1];
      if (name === undefined) return escape(part);
      const value = values[name];
      return value === undefined ? '.+' : escape(value);
    })
    .join('');
  return new RegExp(`^\\s*${source}\\s*$`);
}
