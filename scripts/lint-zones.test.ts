/**
 * The import zones in eslint.config.js, run for real: probe sources are linted with the
 * repository's own config as if they sat in each layer, and must be refused or let through.
 *
 * The zones are syntactic, so the probes are linted without type information: the
 * type-aware parser only accepts files that exist on disk and takes seconds to load the
 * program, and writing probe files into src/ would race the other tools reading it.
 * Everything else (which block matches which path, the zone lists) is the real config.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const RULE = 'carnet/import-zones';

/** Where each probe is linted from. Depth matters: `../..` from src/features/<group>/. */
const at = {
  'src/main.tsx': 'src/main.tsx',
  app: 'src/app/Probe.tsx',
  features: 'src/features/x/Probe.tsx',
  'features test': 'src/features/x/probe.test.ts',
  db: 'src/db/probe.ts',
  'db (nested)': 'src/db/nested/probe.ts',
  'db test': 'src/db/probe.test.ts',
  record: 'src/record/probe.ts',
  'record test': 'src/record/probe.test.ts',
  share: 'src/share/probe.ts',
  vocab: 'src/vocab/probe.ts',
  i18n: 'src/i18n/probe.ts',
  ui: 'src/ui/Probe.tsx',
  viewer: 'src/viewer/probe.ts',
  crypto: 'src/crypto/probe.ts',
  'crypto/sodium.ts': 'src/crypto/sodium.ts',
  relay: 'workers/relay/src/probe.ts',
  bench: 'bench/harness/probe.ts',
} as const;
type Place = keyof typeof at;

/** [where, specifier]: the probe is `import '<specifier>';`. */
const refused: [Place, string][] = [
  // The key's own modules, however the path is spelt.
  ['features', '../../crypto/sodium.ts'],
  ['features', '../../crypto/sodium'],
  ['features', '../../crypto/sodium.js'],
  ['features', './../../crypto/../crypto/sodium.ts'],
  ['features', '/src/crypto/sodium.ts'],
  ['features', '../../crypto/worker.ts'],
  ['features', '../../crypto/worker.ts?worker'],
  ['features', '../../crypto/vault.ts'],
  ['features', '../../crypto/client.ts'],
  ['features', '../../crypto/protocol.ts'],
  ['features', '../../crypto/test-helpers.ts'],
  ['features', 'libsodium-wrappers-sumo'],
  ['features', '../../db/index.ts'],
  ['features', '../../db'],
  ['features', '../../db/repo'],
  ['features', 'dexie'],
  ['features', '../../app/App.tsx'],
  ['features test', '../../crypto/sodium.ts'],
  ['features test', '../../crypto/kdf.ts'],
  ['src/main.tsx', './crypto/sodium.ts'],
  ['src/main.tsx', './crypto/client.ts'],
  ['app', '../crypto/vault.ts'],
  ['db', '../crypto/sodium.ts'],
  ['db', '../crypto/sodium'],
  ['db', '../crypto/kdf.ts'],
  ['db', '../crypto/vault.ts'],
  ['db', '../crypto/worker.ts'],
  ['db', '../crypto/client.ts'],
  ['db', 'libsodium-wrappers-sumo'],
  ['db', '../record/types.ts'],
  ['db', '../share/protocol.ts'],
  ['db', 'react'],
  ['db (nested)', '../../crypto/sodium.ts'],
  ['db (nested)', '../../crypto/worker'],
  ['db test', '../crypto/sodium.ts'],
  ['db test', '../crypto/kdf.ts'],
  ['record', '../crypto/sodium.ts'],
  ['record', '../crypto/kdf.ts'],
  ['record', '../crypto/vault.ts'],
  ['record', '../crypto/worker.ts'],
  ['record', '../crypto/test-helpers.ts'],
  ['record', '../ui/Button.tsx'],
  ['record', '../features/shell/errors.ts'],
  ['record', 'i18next'],
  ['record', 'react'],
  ['record test', '../crypto/envelope.ts'],
  ['share', '../crypto/sodium.ts'],
  ['share', '../crypto/client.ts'],
  ['share', '../crypto/envelope'],
  ['share', 'react-i18next'],
  ['vocab', '../crypto/vault.ts'],
  ['vocab', '../i18n/setup.ts'],
  ['i18n', '../crypto/encoding.ts'],
  ['i18n', '../crypto/sodium.ts'],
  ['i18n', '../db/schema.ts'],
  ['i18n', '../ui/Button.tsx'],
  ['ui', '../crypto/types.ts'],
  ['ui', '../record/types.ts'],
  ['ui', '../db'],
  ['viewer', '../crypto/types.ts'],
  ['viewer', '../crypto/sodium.ts'],
  ['viewer', '../db/index.ts'],
  ['viewer', '../record/types.ts'],
  ['viewer', '../features/shell/errors.ts'],
  ['viewer', 'libsodium-wrappers-sumo'],
  ['viewer', 'dexie'],
  ['crypto', 'libsodium-wrappers-sumo'],
  ['crypto', '../db/index.ts'],
  ['crypto', '../record/types.ts'],
  ['crypto', '../share/protocol.ts'],
  ['crypto', '../main.tsx'],
  ['crypto', 'dexie'],
  ['crypto', 'react'],
  ['relay', '../../../src/share/jwe.ts'],
  ['relay', '../../../src/crypto/types.ts'],
  ['relay', '../../../src/record/types.ts'],
  ['relay', 'libsodium-wrappers-sumo'],
  ['bench', 'libsodium-wrappers-sumo'],
];

/** [where, code]: other ways to reach a module, each checked too. */
const refusedForms: [Place, string][] = [
  ['features', "export * from '../../crypto/vault.ts';"],
  ['features', "export type { Vault } from '../../crypto/vault.ts';"],
  ['features', "export const vault = await import('../../crypto/vault.ts');"],
  ['features', 'export const sodium = await import(`libsodium-wrappers-sumo`);'],
  ['features', "export type Vault = import('../../crypto/vault.ts').Vault;"],
  ['features', "import vault = require('../../crypto/vault.ts');"],
  [
    'features',
    "export const worker = new Worker(new URL('../../crypto/worker.ts', import.meta.url));",
  ],
  ['db', "export { Vault } from '../crypto/vault';"],
  ['crypto', "export const sodium = await import('libsodium-wrappers-sumo');"],
];

const allowed: [Place, string][] = [
  ['features', '../../crypto/types.ts'],
  ['features', '../../crypto/types'],
  ['features', '../../crypto/encoding.ts'],
  ['features', '../../crypto/secret-rules.ts'],
  ['features', '../../record/store.ts'],
  ['features', '../../share/shlink.ts'],
  ['features', '../../ui/Button.tsx'],
  ['features', 'react'],
  ['features test', '../../crypto/vault.ts'],
  ['features test', '../../crypto/test-helpers.ts'],
  ['src/main.tsx', './crypto/types.ts'],
  ['app', '../features/shell/errors.ts'],
  ['db', '../crypto/types.ts'],
  ['db', '../crypto/encoding.ts'],
  ['db', 'dexie'],
  ['db test', '../crypto/test-helpers.ts'],
  ['db test', '../crypto/vault.ts'],
  ['record', '../crypto/client.ts'],
  ['record', '../crypto/types.ts'],
  ['record', '../crypto/encoding.ts'],
  ['record', '../crypto/secret-rules.ts'],
  ['record', '../db/index.ts'],
  ['record test', '../crypto/test-helpers.ts'],
  ['record test', '../crypto/vault.ts'],
  ['share', '../crypto/encoding.ts'],
  ['share', '../record/types.ts'],
  ['share', 'jose'],
  ['viewer', '../share/open-link.ts'],
  ['viewer', '../i18n/format.ts'],
  ['i18n', 'react-i18next'],
  ['crypto', './sodium.ts'],
  ['crypto', './vault.ts'],
  ['crypto/sodium.ts', 'libsodium-wrappers-sumo'],
  ['relay', '../../../src/share/protocol.ts'],
  ['bench', '../../src/crypto/kdf.ts'],
];

// One instance for every probe.
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: join(root, 'eslint.config.js'),
  overrideConfig: tseslint.configs.disableTypeChecked,
});

async function zoneErrors(place: Place, code: string) {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: join(root, at[place]) });
  const messages = result?.messages ?? [];
  // A probe that does not parse proves nothing either way.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId === RULE);
}

const imports = (specifier: string) => `import '${specifier}';`;

describe('import zones', () => {
  it.each([
    ...refused.map(([place, specifier]) => [place, imports(specifier)] as const),
    ...refusedForms,
  ])('%s refuses %s', async (place, code) => {
    const errors = await zoneErrors(place, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.severity).toBe(2);
    // Every refusal says why, not only what.
    expect(errors[0]?.message).toMatch(/: \S.{20,}/);
  });

  it.each(allowed)('%s allows %j', async (place, specifier) => {
    expect(await zoneErrors(place, imports(specifier))).toEqual([]);
  });
});
