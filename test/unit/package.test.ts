import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { ROOT } from './helpers';

/** The glob matcher vsce itself reads .vscodeignore with. */
const { minimatch } = createRequire(require.resolve('@vscode/vsce/package.json'))('minimatch') as {
  minimatch: (file: string, pattern: string, options: { dot: boolean }) => boolean;
};

interface Manifest {
  main: string;
  browser: string;
  icon: string;
  bin?: Record<string, string>;
  repository?: { url: string };
  contributes: {
    languages: { configuration?: string }[];
    grammars: { path: string }[];
    snippets: { path: string }[];
    yamlValidation: { url: string }[];
  };
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const relative = (p: string) => path.posix.normalize(p.replace(/^\.\//, ''));

/** What the extension loads at run time, read from the manifest and the folders it names. */
function expectedFiles(): string[] {
  const { contributes } = manifest;
  return [
    'package.json',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
    manifest.icon,
    manifest.main,
    manifest.browser,
    // Read beside the bundle at activation (src/extension.ts, src/node/platform.ts).
    'dist/glossaryWorker.js',
    'dist/builtin-glossary.json',
    'dist/builtin-glossary.bin',
    // The built-in glossary's sources: Go to Definition opens an entry where it is defined.
    ...readdirSync(path.join(ROOT, 'glossary'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `glossary/${f}`),
    ...contributes.languages.flatMap((l) => (l.configuration ? [l.configuration] : [])),
    ...contributes.grammars.map((g) => g.path),
    ...contributes.snippets.map((s) => s.path),
    ...contributes.yamlValidation.map((v) => v.url),
    // The walkthrough: its pages, the picture and the glossary template they use
    // (src/vscode/gettingStarted.ts), and the sample its first step opens.
    ...readdirSync(path.join(ROOT, 'walkthrough')).map((f) => `walkthrough/${f}`),
    'samples/china-belarus-2022.statement',
  ]
    .map(relative)
    .filter((f, i, all) => all.indexOf(f) === i)
    .sort();
}

/** The files `vsce` puts in the package, as `vsce ls` lists them. */
function packagedFiles(): string[] {
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  const out = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .sort();
}

describe('package (the .vsix)', function () {
  this.timeout(30_000);
  let files: string[];
  before(function () {
    assert.ok(existsSync(path.join(ROOT, manifest.main)), `${manifest.main} is missing: run \`npm run build\` first`);
    files = packagedFiles();
  });

  it('holds exactly what the extension loads, plus README, CHANGELOG, LICENSE and the icon', () => {
    assert.deepStrictEqual(files, expectedFiles());
  });

  it('leaves out the CLI bundle and the README screenshots', () => {
    const cli = Object.values(manifest.bin ?? {}).map(relative);
    assert.ok(cli.length > 0, 'package.json names the CLI in `bin`');
    for (const f of cli) assert.ok(!files.includes(f), `${f} is in the package`);
    // Pictures: the icon, and the walkthrough's own (never the README's, in images/).
    assert.deepStrictEqual(
      files.filter((f) => /\.(png|jpe?g|gif|svg)$/i.test(f) && !f.startsWith('walkthrough/')),
      [relative(manifest.icon)],
    );
  });

  it('re-includes in .vscodeignore only files that exist', () => {
    const patterns = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('!'))
      .map((l) => l.slice(1).trim());
    assert.ok(patterns.length > 0);
    const dead = patterns.filter((p) => !files.some((f) => minimatch(f, p, { dot: true })));
    assert.deepStrictEqual(dead, [], 'patterns in .vscodeignore that match no file');
  });

  it('names the repository, so vsce can point the README images at it', () => {
    assert.match(manifest.repository?.url ?? '', /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
  });
});
