// Builds the extension and the CLI into dist/ with esbuild, then precompiles the built-in glossary
// (glossary/*.yaml → dist/builtin-glossary.json) with the freshly built CLI, failing on any error.
// Usage: node scripts/build.mjs [--production]
import { build } from 'esbuild';
import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'fs';
import { fileURLToPath } from 'url';
import path from 'path';
import { generateGrammar } from './grammar.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
process.chdir(root);
mkdirSync('dist', { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  // es2022, not node18/node20: esbuild's node tables lower \p{…} regex literals to `new RegExp` on every call.
  target: 'es2022',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};
// The CLI's worker threads (`extract --jobs N`, src/node/extractRun.ts) run dist/cliWorker.js.
const entries = [
  { in: 'src/cli.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'src/node/cliWorker.ts', out: 'cliWorker' },
];
if (existsSync('src/extension.ts')) {
  // The extension parses workspace glossaries in a worker thread (src/core/glossaryParser.ts).
  entries.push({ in: 'src/extension.node.ts', out: 'extension' }, { in: 'src/node/glossaryWorker.ts', out: 'glossaryWorker' });
  // The web build (the manifest's `browser`, for vscode.dev and github.dev): a web worker, so no
  // Node module at all; esbuild fails on any import of one (`platform: 'browser'` resolves none).
  entries.push({ in: 'src/extension.web.ts', out: 'web/extension', platform: 'browser' });
}
await Promise.all(
  entries.map((e) =>
    build({
      ...common,
      platform: e.platform ?? common.platform,
      entryPoints: [e.in],
      outfile: `dist/${e.out}.js`,
      external: ['vscode'],
      banner: e.banner ? { js: e.banner } : undefined,
    }),
  ),
);

const files = readdirSync('glossary')
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => `glossary/${f}`);
const args = ['dist/cli.js', 'glossary', '--no-builtin', '--format', 'json', ...files.flatMap((f) => ['--glossary', f])];
import { spawnSync } from 'child_process';
const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const problems = run.stderr.split('\n').filter(Boolean);
const warnings = problems.filter((l) => / warning: /.test(l));
for (const line of problems.filter((l) => !/ warning: /.test(l))) console.error(line);
if (warnings.length) console.log(`build: the built-in glossary has ${warnings.length} warning(s); see them with: node dist/cli.js check glossary/*.yaml`);
if (run.status !== 0) {
  console.error('build: the built-in glossary has errors (listed above); fix them first.');
  process.exit(1);
}
const json = run.stdout;
// Compact: the extension parses this at activation.
const glossary = JSON.parse(json);
writeFileSync('dist/builtin-glossary.json', JSON.stringify(glossary));
// Precompile its matcher (dist/builtin-glossary.bin) with the core itself, bundled to a scratch file.
const precompile = path.join('node_modules', '.cache', 'diplomatic-annotator', 'precompile.js');
await build({ ...common, sourcemap: false, entryPoints: ['src/node/precompile.ts'], outfile: precompile });
const compiled = spawnSync(process.execPath, [precompile, 'dist/builtin-glossary.json', 'dist/builtin-glossary.bin'], { encoding: 'utf8' });
if (compiled.status !== 0) {
  console.error(`build: could not precompile the built-in glossary: ${compiled.stderr}`);
  process.exit(1);
}
// The grammar's scopes come from the one list of kinds, src/core/kinds.ts, bundled in memory.
const kindsBundle = await build({ entryPoints: ['src/core/kinds.ts'], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'warning' });
const kinds = await import(`data:text/javascript;base64,${Buffer.from(kindsBundle.outputFiles[0].contents).toString('base64')}`);
writeFileSync('syntaxes/statement.tmLanguage.json', JSON.stringify(generateGrammar(glossary.entries, kinds), null, 2) + '\n');
const count = glossary.entries.length;
console.log(
  `build: dist/cli.js, dist/cliWorker.js${entries.length > 1 ? ', dist/extension.js, dist/glossaryWorker.js, dist/web/extension.js' : ''}, dist/builtin-glossary.json (${count} entries from ${files.length} files) and its precompiled matcher, syntaxes/statement.tmLanguage.json`,
);
