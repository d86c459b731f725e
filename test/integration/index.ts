// Entry point of the integration suite, run inside VS Code's extension host by
// scripts/vscode-host.mjs (code-server, offline) or @vscode/test-electron
// (.vscode-test.mjs, desktop). Runs every compiled *.test.js next to this file
// with mocha (BDD, like the unit tests) and closes with the line CI reads:
// `N passed, N failed`.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** Called by VS Code once the extension host is up; rejects when a test failed. */
export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false, // the output is forwarded as plain text
    timeout: 30_000,
    slow: 2_000,
  });
  if (process.env.DA_TEST_GREP) mocha.grep(process.env.DA_TEST_GREP);

  const root = __dirname;
  // The Restricted Mode tests need an untrusted workspace (`vscode-host.mjs test --restricted`),
  // every other test a trusted one: each run takes the files that fit its workspace.
  const restricted = !vscode.workspace.isTrusted;
  const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.test.js') && /(^|[\\/])restricted\.test\.js$/.test(f) === restricted).sort();
  if (files.length === 0) {
    console.log('0 passed, 0 failed');
    throw new Error(`no *.test.js files under ${root}: compile the suite with \`npm run compile-tests\``);
  }
  for (const f of files) mocha.addFile(path.join(root, f));

  const stats = await new Promise<Mocha.Stats>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve(runner.stats ?? emptyStats()));
    } catch (err) {
      reject(err);
    }
  });
  const passed = stats.passes;
  const failed = stats.failures;
  if (stats.pending) console.log(`${stats.pending} pending (skipped)`);
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} integration test(s) failed`);
  if (passed === 0) throw new Error('no integration test ran');
}

function emptyStats(): Mocha.Stats {
  return { suites: 0, tests: 0, passes: 0, pending: 0, failures: 0 };
}
