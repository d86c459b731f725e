// typescript-eslint on the sources; the core must never import `vscode` (it also runs in the CLI),
// and the code the Node and web builds share must never import a Node module (the web build runs
// in a web worker: vscode.dev, github.dev). The .mjs scripts and test infrastructure are linted
// too, with Node's globals (and the browser's in the end-to-end helpers, whose functions run in the
// workbench page through page.evaluate).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Node's own modules (`fs`, `path`, `worker_threads`, `fs/promises` …, and any `node:` name). */
const noNodeModules = {
  paths: builtinModules.map((name) => ({
    name,
    message: 'Code shared with the web build may not use Node modules: pass what it needs in through HostPlatform (src/vscode/platform.ts).',
  })),
  patterns: [
    { group: ['node:*'], message: 'Code shared with the web build may not use Node modules: pass what it needs in through HostPlatform (src/vscode/platform.ts).' },
    { group: ['**/node/*'], message: 'src/node is for the Node build only: pass what shared code needs in through HostPlatform (src/vscode/platform.ts).' },
  ],
};

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
    files: ['src/vscode/**/*.ts', 'src/extension.ts', 'src/extension.web.ts'],
    rules: { 'no-restricted-imports': ['error', noNodeModules] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...noNodeModules, paths: [{ name: 'vscode', message: 'src/core must stay editor-free: put editor code in src/vscode.' }, ...noNodeModules.paths] },
      ],
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
