// Lint rules that hold the process boundaries: the folder names the process.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import noImportCycle from './tools/lint/no-import-cycle.mjs';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'worker_threads'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message, allowTypeImports: false }] }],
});

export default tseslint.config(
  { ignores: ['out/', 'out-*/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'tests/e2e/output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['main/common/**/*.ts'],
    rules: restrict(['electron', ...nodeBuiltins, '../core/*', '../node/*', '../electron-main/*', 'react*'], 'main/common is shared by every process: plain TypeScript only.'),
  },
  {
    files: ['main/core/**/*.ts', 'main/node/**/*.ts'],
    rules: restrict(['electron', '../electron-main/*', '**/renderer/**', 'react*'], 'The core runs in plain Node: no Electron, no renderer code.'),
  },
  {
    files: ['main/core/**/*.ts'],
    plugins: { dossier: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: { 'dossier/no-import-cycle': ['error', { root: 'main/core' }] },
  },
  {
    // Pure code: it runs in the search worker, in tests and wherever it is needed, with no Node API.
    files: ['main/core/search/engine/**/*.ts', 'main/core/search/query.ts', 'main/core/text/**/*.ts'],
    rules: restrict(['electron', ...nodeBuiltins, '**/renderer/**', 'react*'], 'Pure code: no Node API here (pass in what it needs).'),
  },
  {
    files: ['preload/**/*.ts'],
    rules: restrict([...nodeBuiltins, '**/main/core/**', '**/main/node/**', '**/main/electron-main/**', '**/renderer/**'], 'The preload only bridges the contract to IPC.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...nodeBuiltins], message: 'The renderer is a web page: no Node, no Electron.' },
            { group: ['**/main/*', '!**/main/common', '**/preload/**'], message: 'The renderer reaches main/ only through main/common/: the contract and the code every process shares.' },
            {
              regex: 'main/common/contract(?!/values$)(/.*)?$',
              message: 'The schemas would bring zod into the page: import plain values from main/common/contract/values (types from anywhere in the contract).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
