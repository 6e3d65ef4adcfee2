// @ts-check
/**
 * carnet/import-zones: which modules a file may import, decided on the module an import
 * resolves to, never on how it is spelt. `../crypto/vault.ts`, `../crypto/vault`,
 * `./../crypto/vault.js` and `/src/crypto/vault.ts` (Vite's root-relative form) are one
 * module. Globs over the specifier text miss some spellings: the old zone for
 * `crypto/sodium` let `../../crypto/sodium.ts` through.
 *
 * Options: `{ zones: Zone[] }`, the complete list for the files of one config block
 * (flat config replaces a rule's options, it does not merge them). A Zone is
 *   from:         what it guards: './'-prefixed paths from the repository root
 *                 (a file or a folder) and bare package names ('dexie');
 *   allow:        inside `from`, the './'-prefixed modules that stay importable (the
 *                 allow-list; a trailing '*' matches a name prefix);
 *   allowInTests: more of them, for `*.test.ts(x)` files only;
 *   message:      why, shown to whoever trips over it.
 * Checked: import and export ... from, `import type`, `import()`, `import x = require()`,
 * `typeof import()` types and `new URL('./x.ts', import.meta.url)` (how workers start).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: zone paths are relative to it, whatever ESLint's cwd. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEST_FILE = /\.test\.[cm]?[jt]sx?$/;
// `.d.ts` first, so `x.d.ts` and `x.ts` name the same module `x`.
const SOURCE_EXTENSION = /(?:\.d)?\.[cm]?[jt]sx?$/;

/** A repo-relative path as a module name: posix, no extension, no trailing `/index`. */
const moduleName = (/** @type {string} */ p) =>
  p.replace(SOURCE_EXTENSION, '').replace(/\/index$/, '');

/** `@scope/name/deep` -> `@scope/name`; `name/deep` -> `name`. */
const packageName = (/** @type {string} */ specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * What a specifier points at: `{ module }` (repo-relative, see moduleName) for paths,
 * `{ pkg }` for bare names.
 * @param {string} specifier
 * @param {string} importer absolute path of the importing file
 * @returns {{ module: string } | { pkg: string }}
 */
function resolve(specifier, importer) {
  // Vite suffixes (`?worker`, `?url`, `?raw`) and fragments do not change the module.
  const bare = specifier.replace(/[?#].*$/s, '');
  let absolute;
  if (bare.startsWith('.')) absolute = path.resolve(path.dirname(importer), bare);
  else if (bare.startsWith('/'))
    absolute = bare.startsWith(ROOT) ? bare : path.join(ROOT, bare); // Vite: `/src/...`
  else return { pkg: packageName(bare) };
  const relative = path.relative(ROOT, absolute).split(path.sep).join('/');
  return { module: moduleName(relative) };
}

/** Does `module` fall under `entry` (a module, a folder, or a `prefix*`)? */
function covers(/** @type {string} */ entry, /** @type {string} */ module) {
  if (entry.endsWith('*')) return module.startsWith(moduleName(entry.slice(0, -1)));
  const name = moduleName(entry);
  return module === name || module.startsWith(`${name}/`);
}

const stringList = { type: 'array', items: { type: 'string' } };

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Keep each layer to the modules it may import (see DESIGN.md).' },
    schema: [
      {
        type: 'object',
        properties: {
          zones: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                from: stringList,
                allow: stringList,
                allowInTests: stringList,
                message: { type: 'string', minLength: 1 },
              },
              required: ['from', 'message'],
              additionalProperties: false,
            },
          },
        },
        required: ['zones'],
        additionalProperties: false,
      },
    ],
    messages: {
      path: "'{{specifier}}' is {{target}}: {{message}}",
      package: "'{{specifier}}': {{message}}",
    },
  },

  create(context) {
    /** @type {{ zones: { from: string[], allow?: string[], allowInTests?: string[], message: string }[] }} */
    const { zones } = context.options[0];
    const isTest = TEST_FILE.test(context.filename);
    const paths = (/** @type {string[] | undefined} */ list) =>
      (list ?? []).filter((e) => e.startsWith('./')).map((e) => e.slice(2));

    const rules = zones.map((zone) => ({
      guarded: paths(zone.from),
      packages: zone.from.filter((e) => !e.startsWith('./')),
      allowed: [...paths(zone.allow), ...(isTest ? paths(zone.allowInTests) : [])],
      message: zone.message,
    }));

    /**
     * @param {import('estree').Node} node
     * @param {unknown} specifier
     */
    function check(node, specifier) {
      if (typeof specifier !== 'string') return; // `import(variable)`: nothing to resolve
      const target = resolve(specifier, context.filename);
      for (const zone of rules) {
        if ('pkg' in target) {
          if (zone.packages.includes(target.pkg)) {
            context.report({
              node,
              messageId: 'package',
              data: { specifier, message: zone.message },
            });
            return;
          }
        } else if (
          zone.guarded.some((entry) => covers(entry, target.module)) &&
          !zone.allowed.some((entry) => covers(entry, target.module))
        ) {
          context.report({
            node,
            messageId: 'path',
            data: { specifier, target: target.module, message: zone.message },
          });
          return;
        }
      }
    }

    /** A string literal, or a template literal without `${}`. */
    const literal = (/** @type {any} */ node) => {
      if (node?.type === 'Literal') return node.value;
      if (node?.type === 'TemplateLiteral' && node.expressions.length === 0)
        return node.quasis[0].value.cooked;
      return undefined;
    };

    /** @type {Record<string, (node: any) => void>} */
    const visitors = {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => {
        if (node.source) check(node.source, node.source.value);
      },
      ImportExpression: (node) => check(node.source, literal(node.source)),
      TSExternalModuleReference: (node) => check(node, literal(node.expression)),
      // typescript-eslint 8 names the string `source`; older versions `argument.literal`.
      TSImportType: (node) => check(node, literal(node.source ?? node.argument?.literal)),
      // `new URL('./worker.ts', import.meta.url)`: how Vite is told to bundle a worker.
      NewExpression: (node) => {
        const [url, base] = node.arguments;
        const isImportMetaUrl =
          base?.type === 'MemberExpression' &&
          base.object.type === 'MetaProperty' &&
          base.object.meta.name === 'import' &&
          base.property.name === 'url';
        const specifier = literal(url);
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'URL' &&
          isImportMetaUrl &&
          typeof specifier === 'string' &&
          specifier.startsWith('.')
        )
          check(url, specifier);
      },
    };
    return visitors;
  },
};
