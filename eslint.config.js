import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const RENDERER_PATTERNS = [
  {
    group: ['**/db/**', '**/electron/**', 'electron', 'better-sqlite3', 'drizzle-orm*', 'node:*'],
    message: 'The renderer reaches the back end only through the API client.',
  },
  { regex: 'features/[^/]+/', message: 'Use a feature through its index, not its internals.' },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'db/migrations/**',
      'tests/bench/results/**',
      'tests/e2e/artifacts/**',
      '.electron-native/**',
      '.prof/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Prettier (npm run lint) keeps code to 120 columns; what it cannot break (strings, patterns, URLs) is left long.
      'max-len': [
        'error',
        {
          code: 120,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignoreUrls: true,
          ignoreTrailingComments: true,
        },
      ],
    },
  },
  {
    // The renderer talks to the back end only through the API client: no store, no Node, no Electron.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: RENDERER_PATTERNS }] },
  },
  {
    // A feature is used through its index.ts; its files never reach into a sibling feature.
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...RENDERER_PATTERNS,
            {
              regex: '^\\.\\./(?!\\.\\./)[^/]+/',
              message: "A feature does not reach into another feature's internals.",
            },
          ],
        },
      ],
    },
  },
  {
    // Only the Electron shell imports electron; the back end runs headless too.
    files: ['shared/**', 'db/**', 'electron/backend/**', 'electron/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/main and electron/preload import electron.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'The back end does not import the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', '**/db/**', '**/electron/**', '**/renderer/**'],
              message: 'shared/ is imported by both sides: no Node, no store, no UI.',
            },
          ],
        },
      ],
    },
  },
);
