// Integration tests in a desktop VS Code, for people who have one.
//
// CI and offline machines use `npm run test:integration` instead (code-server +
// headless Chromium, scripts/vscode-host.mjs): @vscode/test-electron downloads a
// VS Code build unless it is told where one is installed.
//
//   VSCODE_EXECUTABLE_PATH=/usr/share/code/code npm run test:electron
//
// Runs the same compiled suite (out/test/integration/index.js, which closes with
// `N passed, N failed`) on a temporary copy of test/integration/workspace, with
// a throwaway user-data folder and other extensions disabled. Build first:
// `npm run build && npm run compile-tests`. DA_ALLOW_DOWNLOAD=1 lets
// @vscode/test-electron download VS Code (`DA_VSCODE_VERSION`, default stable)
// where the internet is reachable.
//
// Imported rather than run, this file is also a config for @vscode/test-cli and
// the "Extension Test Runner" extension (`files`, `workspaceFolder`, `mocha`).
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.dirname(fileURLToPath(import.meta.url));
const executable = process.env.VSCODE_EXECUTABLE_PATH || undefined;

export default {
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  workspaceFolder: './test/integration/workspace',
  mocha: { ui: 'bdd', timeout: 30_000 },
  ...(executable ? { useInstallation: { fromPath: executable } } : {}),
};

async function main() {
  let testElectron;
  try {
    testElectron = await import('@vscode/test-electron');
  } catch {
    console.error(
      '@vscode/test-electron is not installed. It is optional (CI uses `npm run test:integration`);\n' +
        'to use a desktop VS Code, install it with:  npm install --save-dev @vscode/test-electron@^2.5.2',
    );
    return 1;
  }
  if (!executable && !process.env.DA_ALLOW_DOWNLOAD) {
    console.error(
      'VSCODE_EXECUTABLE_PATH is not set, so @vscode/test-electron would download VS Code from\n' +
        'update.code.visualstudio.com, which this machine and CI cannot reach. Either point it at an\n' +
        'installed VS Code, e.g.\n' +
        '  VSCODE_EXECUTABLE_PATH=/usr/share/code/code npm run test:electron          (Linux)\n' +
        '  VSCODE_EXECUTABLE_PATH="/Applications/Visual Studio Code.app/Contents/MacOS/Electron" npm run test:electron\n' +
        'or set DA_ALLOW_DOWNLOAD=1 where the internet is reachable, or run the offline host:\n' +
        '  npm run setup:host && npm run test:integration',
    );
    return 1;
  }
  const extensionTestsPath = path.join(repo, 'out', 'test', 'integration', 'index.js');
  if (!existsSync(extensionTestsPath)) {
    console.error(`${path.relative(repo, extensionTestsPath)} not found: run \`npm run build && npm run compile-tests\` first`);
    return 1;
  }

  // Tests may write into the workspace: give them a copy.
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'da-electron-'));
  const workspace = path.join(tmp, 'workspace');
  cpSync(path.join(repo, 'test', 'integration', 'workspace'), workspace, { recursive: true });
  try {
    await testElectron.runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version: process.env.DA_VSCODE_VERSION || 'stable' }),
      extensionDevelopmentPath: repo,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions', // test-electron itself adds --skip-welcome, --disable-workspace-trust, …
        '--user-data-dir',
        path.join(tmp, 'user-data'),
        '--extensions-dir',
        path.join(tmp, 'extensions'),
      ],
    });
    return 0;
  } catch (err) {
    console.error(`integration tests failed: ${err?.message ?? err}`);
    return 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
