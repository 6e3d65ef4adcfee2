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
