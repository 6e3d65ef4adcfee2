// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Import zones. Dependencies flow one way:
 *   app -> features -> share / record / db / i18n / vocab / ui -> crypto
 * Each rule says why, so whoever trips over it learns the design rather than the lint.
 */
const layer = (files, patterns) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns }],
  },
});
const forbid = (group, message) => ({ group, message });

const above = {
  app: forbid(['**/app/*', '**/app'], 'Only the app shell imports app/: it sits at the top.'),
  features: forbid(
    ['**/features/*', '**/features/**'],
    'Lower layers never import features/: dependencies flow features -> share/record/db/i18n -> crypto.',
  ),
  ui: forbid(
    ['**/ui/*', '**/ui'],
    'Core layers never show UI: return or throw error codes instead.',
  ),
  i18n: forbid(
    ['**/i18n/*', '**/i18n', 'i18next', 'react-i18next'],
    'Core layers never translate: return error codes; features map them to errors: keys.',
  ),
  react: forbid(['react', 'react-dom', 'react-router'], 'Core layers are UI-free.'),
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'public/**',
      'dev-dist/**',
      'bench/.dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-console': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  layer(
    ['src/crypto/**'],
    [
      above.app,
      above.features,
      above.ui,
      above.i18n,
      above.react,
      forbid(
        ['**/db/*', '**/db', '**/record/*', '**/record', '**/share/*', '**/share', 'dexie'],
        'crypto/ is the bottom layer: it imports nothing from above it and never touches storage.',
      ),
    ],
  ),
  layer(
    ['src/db/**'],
    [
      above.app,
      above.features,
      above.ui,
      above.i18n,
      above.react,
      forbid(
        ['**/record/*', '**/record', '**/share/*', '**/share'],
        'db/ stores ciphertext only; the domain model lives above it in record/.',
      ),
      forbid(
        ['**/crypto/sodium', 'libsodium-wrappers-sumo'],
        'db/ never sees a key: only crypto/ touches libsodium.',
      ),
    ],
  ),
  layer(
    ['src/record/**', 'src/share/**', 'src/vocab/**'],
    [above.app, above.features, above.ui, above.i18n, above.react],
  ),
  layer(
    ['src/i18n/**'],
    [
      above.app,
      above.features,
      above.ui,
      forbid(['**/crypto/*', '**/db/*', '**/db'], 'i18n/ is about words, never storage or keys.'),
    ],
  ),
  layer(
    ['src/ui/**'],
    [
      above.app,
      above.features,
      forbid(
        ['**/crypto/*', '**/db/*', '**/db', '**/record/*', '**/record'],
        'ui/ is presentational: data comes in through props from feature hooks.',
      ),
    ],
  ),
  layer(
    ['src/features/**'],
    [
      above.app,
      forbid(
        ['**/db/*', '**/db', 'dexie'],
        'Components use feature hooks over record/, never the database directly.',
      ),
      forbid(
        ['**/crypto/sodium', '**/crypto/worker', 'libsodium-wrappers-sumo'],
        'Only crypto/ touches libsodium; features talk to the vault through record/.',
      ),
    ],
  ),
  layer(
    ['src/viewer/**'],
    [
      above.app,
      above.features,
      forbid(
        [
          '**/crypto/*',
          '**/crypto',
          '**/db/*',
          '**/db',
          '**/record/*',
          '**/record',
          'dexie',
          'libsodium-wrappers-sumo',
        ],
        "The doctor's viewer runs on a stranger's phone from one link: WebCrypto through jose only, no libsodium, no vault, no patient-app code, so it stays small and holds no keys but the link's.",
      ),
    ],
  ),
  {
    files: ['src/**'],
    ignores: ['src/crypto/sodium.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='libsodium-wrappers-sumo']",
          message: 'src/crypto/sodium.ts is the one libsodium entry point.',
        },
      ],
    },
  },
  {
    files: ['workers/relay/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              ['**/src/*/**', '!**/src/share/protocol*'],
              'The relay shares only protocol types with the app.',
            ),
          ],
        },
      ],
    },
  },
  {
    // Plain JavaScript config files have no types to check against.
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['scripts/**', 'bench/**', 'e2e/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-console': 'off' },
  },
  {
    // Playwright fixtures call `use()`, which is not React's hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
);
