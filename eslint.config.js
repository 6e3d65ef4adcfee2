// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importZones from './scripts/eslint-rules/import-zones.js';

/**
 * Import zones. Dependencies flow one way:
 *   app -> features -> share / record / db / i18n / vocab / ui -> crypto
 * carnet/import-zones (scripts/eslint-rules/import-zones.js) resolves every import against
 * the importing file, so a zone holds however the path is spelt (`../crypto/vault.ts`,
 * `../crypto/vault`, `./crypto/vault`, `import()`, `new URL(..., import.meta.url)`).
 * `from` takes './'-prefixed paths from the repository root and package names; `allow` is
 * the allow-list inside it. Each zone says why, so whoever trips over it learns the design
 * rather than the lint.
 */
const forbid = (from, message, allowed = {}) => ({ from, message, ...allowed });

const sodium = forbid(
  ['libsodium-wrappers-sumo'],
  'src/crypto/sodium.ts is the one libsodium entry point: one place to audit, one lazily loaded chunk inside the crypto worker.',
);

/**
 * Outside src/crypto, only its public modules: the contract and CryptoError (types.ts) and
 * pure helpers that hold no key (encoding.ts, secret-rules.ts). `extra` widens the list for
 * one layer. Tests may also use the in-process vault and its helpers.
 */
const cryptoPublic = (message, extra = []) =>
  forbid(['./src/crypto'], message, {
    allow: [
      './src/crypto/types.ts',
      './src/crypto/encoding.ts',
      './src/crypto/secret-rules.ts',
      ...extra,
    ],
    allowInTests: ['./src/crypto/test-helpers.ts', './src/crypto/vault.ts'],
  });
const keysStayInCrypto =
  'keys and libsodium stay inside src/crypto, in the worker. Outside it, import only types.ts, encoding.ts and secret-rules.ts; record/ alone opens the vault through client.ts.';

const above = {
  app: forbid(['./src/app'], 'Only the app shell imports app/: it sits at the top.'),
  features: forbid(
    ['./src/features'],
    'Lower layers never import features/: dependencies flow features -> share/record/db/i18n -> crypto.',
  ),
  ui: forbid(['./src/ui'], 'Core layers never show UI: return or throw error codes instead.'),
  i18n: forbid(
    ['./src/i18n', 'i18next', 'react-i18next'],
    'Core layers never translate: return error codes; features map them to errors: keys.',
  ),
  react: forbid(['react', 'react-dom', 'react-router'], 'Core layers are UI-free.'),
};
const core = [above.app, above.features, above.ui, above.i18n, above.react];

/**
 * The complete zone list for some files (libsodium's zone always included). A file takes
 * the list of the last block that matches it: lists replace each other, they do not add up.
 */
const zones = (files, list, ignores) => ({
  files,
  ...(ignores ? { ignores } : {}),
  rules: { 'carnet/import-zones': ['error', { zones: [...list, sodium] }] },
});

/** Zones of src/crypto itself; sodium.ts gets them without libsodium's. */
const cryptoZones = [
  ...core,
  forbid(
    ['./src', 'dexie'],
    'crypto/ is the bottom layer: it imports only its own files, nothing from above it, and never touches storage.',
    { allow: ['./src/crypto'] },
  ),
];

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
    plugins: { 'react-hooks': reactHooks, carnet: { rules: { 'import-zones': importZones } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-console': 'error',
      // The build runs React's API on Preact (vite-plugins/react-on-preact.ts): no React 19
      // only API, which Preact does not have.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'react',
              importNames: ['use', 'useActionState', 'useOptimistic', 'useFormStatus'],
              message: 'Preact runs the app (vite-plugins/react-on-preact.ts) and has no such API.',
            },
            {
              name: 'react-dom',
              importNames: ['flushSync', 'useFormStatus'],
              message: 'Preact runs the app (vite-plugins/react-on-preact.ts) and has no such API.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  // Every file: libsodium only through src/crypto/sodium.ts.
  zones(['**/*.{js,mjs,cjs,ts,mts,cts,tsx}'], []),
  // src/ outside the layers below (main.tsx, app/): the whole app, but keys stay in crypto.
  zones(['src/**'], [cryptoPublic(`The app shell: ${keysStayInCrypto}`)]),
  zones(['src/crypto/**'], cryptoZones, ['src/crypto/sodium.ts']),
  {
    files: ['src/crypto/sodium.ts'],
    rules: { 'carnet/import-zones': ['error', { zones: cryptoZones }] },
  },
  zones(
    ['src/db/**'],
    [
      ...core,
      forbid(
        ['./src/record', './src/share'],
        'db/ stores ciphertext only; the domain model lives above it in record/.',
      ),
      cryptoPublic(`db/ never sees a key or a plaintext: ${keysStayInCrypto}`),
    ],
  ),
  zones(
    ['src/record/**'],
    [
      ...core,
      cryptoPublic(
        `record/ talks to the vault through its client, never its insides: ${keysStayInCrypto}`,
        ['./src/crypto/client.ts'],
      ),
    ],
  ),
  zones(
    ['src/share/**', 'src/vocab/**'],
    [...core, cryptoPublic(`Shares use WebCrypto through jose: ${keysStayInCrypto}`)],
  ),
  zones(
    ['src/i18n/**'],
    [
      above.app,
      above.features,
      above.ui,
      forbid(['./src/crypto', './src/db'], 'i18n/ is about words, never storage or keys.'),
    ],
  ),
  zones(
    ['src/ui/**'],
    [
      above.app,
      above.features,
      forbid(
        ['./src/crypto', './src/db', './src/record'],
        'ui/ is presentational: data comes in through props from feature hooks.',
      ),
    ],
  ),
  zones(
    ['src/features/**'],
    [
      above.app,
      forbid(
        ['./src/db', 'dexie'],
        'Components use feature hooks over record/, never the database directly.',
      ),
      cryptoPublic(`Features reach the vault through record/: ${keysStayInCrypto}`),
    ],
  ),
  zones(
    ['src/import-fetch/**'],
    [
      forbid(
        ['./src', 'react', 'react-dom', 'i18next', 'dexie', 'jose'],
        'The import page talks to other servers: it holds no key and no record code, only its own files.',
        { allow: ['./src/import-fetch'] },
      ),
    ],
  ),
  zones(
    ['src/viewer/**'],
    [
      above.app,
      above.features,
      forbid(
        ['./src/crypto', './src/db', './src/record', 'dexie'],
        "The doctor's viewer runs on a stranger's phone from one link: WebCrypto through jose only, no libsodium, no vault, no patient-app code, so it stays small and holds no keys but the link's.",
      ),
    ],
  ),
  zones(
    ['workers/relay/**'],
    [
      forbid(
        ['./src'],
        'The relay shares only the wire protocol (types and their schemas) with the app.',
        {
          allow: ['./src/share/protocol*'],
        },
      ),
    ],
  ),
  {
    // Size limits, so a module or a function that grows past what one person reads at once
    // is split before it becomes the next 14,000-line App.tsx. Tests, fixtures and
    // contract suites are long lists of cases, not logic, and are left out.
    files: ['src/**/*.ts', 'workers/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    ignores: [
      '**/*.test.ts',
      '**/*.test-helper.ts',
      '**/fixtures/**',
      '**/testing/**',
      '**/*-contract.ts',
    ],
    rules: {
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // A component's body is mostly markup: more room than a function, the same file limit.
    files: ['src/**/*.tsx'],
    ignores: ['**/*.test.tsx'],
    rules: {
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 150, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Dates go through src/i18n/format.ts, which holds them to the Gregorian calendar:
    // left to itself, Intl shows Dari and Pashto dates in the Solar Hijri one.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/i18n/format.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
          message: 'Format dates with src/i18n/format.ts (Gregorian in every language).',
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
