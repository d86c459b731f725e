// The package a user installs: `npm run package` builds the .vsix, code-server installs it with
// --install-extension into a fresh extensions folder, and a workbench WITHOUT the source folder
// (no extensionDevelopmentPath) opens a sample statement. A hover on a glossary term must answer,
// and Go to Definition must open the built-in glossary inside the extensions folder: proof that
// what runs is the installed copy.
//
// Run: npm run test:e2e (or node --test test/e2e/package.test.mjs); needs the offline host.
// `npm run package` rebuilds dist/ for production; the development build is restored afterwards.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { REPO, cleanup, copyWorkspace, hoverWord, installSignalHandlers, openFile, tempDir, withWorkbench } from './lib.mjs';

const STATEMENT = 'china-belarus-2022.statement';
const TIMEOUT = 30_000;
const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const EXTENSION_FOLDER = `${manifest.publisher}.${manifest.name}-${manifest.version}`;

installSignalHandlers();

let page;
let server;
let release;
let session;
let vsix;

before(async () => {
  vsix = path.join(tempDir('da-vsix-'), `${manifest.name}.vsix`);
  // The same command as `npm run package`, with the package written to a temp folder.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packaged = spawnSync(npm, ['run', 'package', '--', '--out', vsix], { cwd: REPO, encoding: 'utf8' });
  const output = `${packaged.stdout}\n${packaged.stderr}`;
  if (packaged.status !== 0) throw new Error(`npm run package failed (${packaged.status}):\n${output}`);
  if (/\bWARNING\b|will be broken/i.test(output)) throw new Error(`npm run package warned:\n${output}`);

  const folder = copyWorkspace(path.join(REPO, 'samples'));
  const ready = new Promise((resolve, reject) => {
    session = withWorkbench(
      {
        folder,
        extensionDevelopmentPath: null, // only the installed package
        install: [vsix],
        // The window title is the active editor's full path: where Go to Definition went.
        settings: { 'window.title': '${activeEditorLong}' },
        viewport: { width: 1400, height: 850 },
      },
      async (ctx) => {
        resolve(ctx);
        await new Promise((r) => (release = r));
      },
    );
    session.catch(reject);
  });
  ({ page, server } = await ready);
  await openFile(page, STATEMENT, 90_000);
});

after(async () => {
  release?.();
  await session?.catch(() => {});
  await cleanup();
  // Back to the development build (source maps) that the other tests and `npm start` use.
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'ignore' });
});

test('the installed folder holds exactly the files vsce packaged', () => {
  const installed = path.join(server.dirs.extensions, EXTENSION_FOLDER);
  const files = readdirSync(installed, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) =>
      path
        .relative(installed, path.join(e.parentPath ?? e.path, e.name))
        .split(path.sep)
        .join('/'),
    )
    .sort();
  const listed = execFileSync(path.join(REPO, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], { cwd: REPO, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  // vsce stores these three under the names the Marketplace reads, and adds its manifest.
  const renamed = { 'README.md': 'readme.md', 'CHANGELOG.md': 'changelog.md', LICENSE: 'LICENSE.txt' };
  const expected = [...listed.map((f) => renamed[f] ?? f), '.vsixmanifest'].sort();
  assert.deepStrictEqual(files, expected);
});

test('a hover on a glossary term answers from the installed package', async () => {
  const text = await hoverWord(page, 'one-China principle', TIMEOUT);
  assert.match(text, /one-China principle/);
  assert.match(text, /Taiwan/);
  await page.keyboard.press('Escape');
});

test('Go to Definition opens the built-in glossary inside the extensions folder, not the source folder', async () => {
  // hoverWord left the cursor at the start of the term.
  await page.keyboard.press('F12');
  const expected = path.join(server.dirs.extensions, EXTENSION_FOLDER, 'glossary') + path.sep;
  const title = await page
    .waitForFunction(() => document.title.includes('.yaml') && document.title, null, { timeout: TIMEOUT })
    .then((h) => h.jsonValue())
    .catch(async () => assert.fail(`Go to Definition opened no glossary file; the window title is "${await page.title()}"`));
  assert.ok(title.startsWith(expected), `the definition is at "${title}", not under ${expected}`);
  assert.ok(!title.startsWith(REPO + path.sep), `the definition is in the source folder: ${title}`);
});
