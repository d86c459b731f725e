/**
 * Entry point of the web suite: the features of the web build (dist/web/extension.js) in VS Code's
 * web worker extension host, the one vscode.dev and github.dev run. scripts/build-web-tests.mjs
 * bundles it for the browser (out/test/web/suite.js) and `scripts/vscode-host.mjs test --web` runs
 * it; it closes with the line CI reads: `N passed, N failed`.
 */
import './mochaSetup';
import './features.test';

/** Called by VS Code once the extension host is up; rejects when a test failed. */
export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats ?? {};
      if (pending) console.log(`${pending} pending (skipped)`);
      console.log(`${passes} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} web test(s) failed`));
      else if (passes === 0) reject(new Error('no web test ran'));
      else resolve();
    });
  });
}
