// typescript-eslint on the sources; the core must never import `vscode` (it also runs in the CLI).
// The .mjs scripts and test infrastructure are linted too, with Node's globals (and the browser's
// in the end-to-end helpers, whose functions run in the workbench page through page.evaluate).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The globals of Node.js that the scripts use (Node ≥ 20). */
const nodeGlobals = Object.fromEntries(
  [
    'AbortController',
    'AbortSignal',
    'Buffer',
    'URL',
    'URLSearchParams',
    'TextDecoder',
    'TextEncoder',
    'clearInterval',
    'clearTimeout',
    'console',
    'fetch',
    'performance',
    'process',
    'queueMicrotask',
    'setImmediate',
    'setInterval',
    'setTimeout',
    'structuredClone',
  ].map((name) => [name, 'readonly']),
);
/** The browser globals of functions that run in the workbench page (page.evaluate, waitForFunction). */
const pageGlobals = Object.fromEntries(['document', 'window', 'getComputedStyle', 'requestAnimationFrame', 'NodeFilter'].map((name) => [name, 'readonly']));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/host/**', '.vscode-test/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core must stay editor-free: put editor code in src/vscode.' }] }],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: nodeGlobals },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['test/e2e/**/*.mjs', 'scripts/icon.mjs'],
    languageOptions: { globals: { ...nodeGlobals, ...pageGlobals } },
  },
  {
    files: ['test/unit/**/*.mjs'],
    languageOptions: { globals: { ...nodeGlobals, describe: 'readonly', it: 'readonly', before: 'readonly', after: 'readonly', beforeEach: 'readonly', afterEach: 'readonly' } },
  },
);
