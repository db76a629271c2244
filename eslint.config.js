// @ts-check
// Flat config. typescript-eslint "recommended" without type information, to
// keep `npm run lint` fast. The one project-specific rule set is the lib/
// boundary: the engine gets its environment passed in and must run under plain
// Node, so it may not reach for extension APIs, WXT, Dexie, Preact, Node
// built-ins or browser globals.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

const libForbiddenImports = {
  paths: [
    ...['wxt', '#imports', 'dexie', 'webextension-polyfill', 'preact'].map((name) => ({
      name,
      message: 'lib/ is the pure engine: no extension, WXT, storage or UI imports.',
    })),
    ...nodeBuiltins.map((name) => ({
      name,
      message: 'lib/ must run in the browser too: no Node built-ins.',
    })),
  ],
  patterns: [
    {
      group: ['wxt/*', '@wxt-dev/*', 'preact/*', 'preact-*', 'dexie/*', 'webextension-polyfill/*'],
      message: 'lib/ is the pure engine: no extension, WXT, storage or UI imports.',
    },
    { group: ['node:*'], message: 'lib/ must run in the browser too: no Node built-ins.' },
  ],
};

const libForbiddenGlobals = [
  'browser',
  'chrome',
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'navigator',
  'location',
].map((name) => ({
  name,
  message: `lib/ gets its environment passed in (a Document, a Window): do not use the global \`${name}\`.`,
}));

export default defineConfig(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', 'web-ext-artifacts/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Node-side code: build scripts, the CLI, benchmarks, configs, end-to-end tests.
    files: ['scripts/**', 'cli/**', 'bench/**', 'tests/e2e/**', '*.config.{js,ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Extension code runs in the browser. WXT's auto-imports (defineBackground,
    // browser…) are imported explicitly from '#imports', so no globals are needed
    // for them; TypeScript checks undefined names anyway.
    files: [
      'entrypoints/**',
      'components/**',
      'content/**',
      'background/**',
      'pages/**',
      'protocol/**',
    ],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': ['error', libForbiddenImports],
      'no-restricted-globals': ['error', ...libForbiddenGlobals],
    },
  },
);
