// Bundles the web suite (test/web/index.ts → out/test/web/suite.js) for VS Code's web worker
// extension host, where a test module may require nothing but `vscode`: mocha comes from its browser
// build, and `assert` from test/web/assert.ts (Node's is not there). Run by `npm run test:web`.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await build({
  absWorkingDir: root,
  entryPoints: ['test/web/index.ts'],
  outfile: 'out/test/web/suite.js',
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  sourcemap: 'inline',
  external: ['vscode'],
  alias: { assert: './test/web/assert.ts' },
  logLevel: 'warning',
});
console.log('build-web-tests: out/test/web/suite.js');
