// Runs the suites that need a real VS Code — `integration` (test/integration, in the extension
// host, trusted and then in Restricted Mode) or `e2e` (test/e2e, the workbench driven in a browser)
// — in the offline VS Code: code-server + Debian's Chromium, set up by scripts/setup-host.sh.
//
//   node test/run-in-vscode.mjs integration|web|e2e
//
// `web` is the feature suite bundled for the browser, run in VS Code's web worker extension host.
//
// That host needs Linux, apt (Debian, Ubuntu) or DA_SKIP_APT=1 with the packages already there,
// and Node 20 (code-server 4.100.3 refuses others). Where it cannot be set up:
//   - under CI (CI=true), or with DA_REQUIRE_HOST=1, the run fails, naming what is missing:
//     CI runs everything;
//   - elsewhere the integration suite runs in a desktop VS Code through @vscode/test-electron
//     (.vscode-test.mjs) when that package is installed and VSCODE_EXECUTABLE_PATH names a
//     VS Code (or DA_ALLOW_DOWNLOAD=1 lets it download one); otherwise the suite is skipped with
//     the reason and how to run it, and the exit status is 0, so `npm test` still checks the rest.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (msg) => console.log(`[run-in-vscode] ${msg}`);

/** Why the offline VS Code cannot be set up on this machine; empty when it can. */
export function hostBlockers({ platform = process.platform, nodeVersion = process.versions.node, env = process.env, onPath = commandExists } = {}) {
  const reasons = [];
  if (platform !== 'linux') {
    reasons.push(`it runs on Linux only (code-server + Debian's Chromium, installed with apt), and this is ${platform}`);
  } else if (!onPath('dpkg-query') && !env.DA_SKIP_APT) {
    reasons.push('this Linux has no apt/dpkg (scripts/setup-host.sh installs Debian packages; with DA_SKIP_APT=1 it uses what is installed, DA_CHROMIUM naming the browser)');
  }
  const major = Number(nodeVersion.split('.')[0]);
  if (major !== 20) reasons.push(`code-server 4.100.3 needs Node 20, and this is Node ${nodeVersion}`);
  return reasons;
}

function commandExists(name) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return dirs.some((dir) => existsSync(path.join(dir, name)));
}

/** Whether CI or the user asks for every suite to run (then a missing host is a failure). */
function hostRequired(env = process.env) {
  const ci = (env.CI ?? '').toLowerCase();
  return (ci !== '' && ci !== 'false' && ci !== '0') || !!env.DA_REQUIRE_HOST;
}

function run(command, args) {
  say(`${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: REPO, stdio: 'inherit' });
  if (result.error) {
    console.error(`[run-in-vscode] could not run ${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

function hasTestElectron() {
  try {
    createRequire(path.join(REPO, 'package.json')).resolve('@vscode/test-electron');
    return true;
  } catch {
    return false;
  }
}

function main(suite) {
  if (suite !== 'integration' && suite !== 'web' && suite !== 'e2e') {
    console.error('usage: node test/run-in-vscode.mjs integration|web|e2e');
    return 2;
  }
  const blockers = hostBlockers();
  if (blockers.length === 0) {
    const setup = run('bash', [path.join('scripts', 'setup-host.sh')]);
    if (setup !== 0) return setup;
    if (suite === 'e2e') return run(process.execPath, [path.join('test', 'e2e', 'run.mjs')]);
    if (suite === 'web') {
      const built = run(process.execPath, [path.join('scripts', 'build-web-tests.mjs')]);
      return built || run(process.execPath, [path.join('scripts', 'vscode-host.mjs'), 'test', '--web']);
    }
    const trusted = run(process.execPath, [path.join('scripts', 'vscode-host.mjs'), 'test']);
    const restricted = run(process.execPath, [path.join('scripts', 'vscode-host.mjs'), 'test', '--restricted']);
    return trusted || restricted;
  }

  const why = `the offline VS Code cannot be set up here: ${blockers.join('; ')}`;
  if (hostRequired()) {
    console.error(`[run-in-vscode] ERROR: the ${suite} tests must run (CI or DA_REQUIRE_HOST is set), but ${why}.`);
    return 1;
  }
  if (suite === 'integration' && hasTestElectron() && (process.env.VSCODE_EXECUTABLE_PATH || process.env.DA_ALLOW_DOWNLOAD)) {
    say(`${why}; running the integration suite in a desktop VS Code through @vscode/test-electron instead (trusted workspace only)`);
    return run(process.execPath, ['.vscode-test.mjs']);
  }
  const how =
    suite === 'integration'
      ? hasTestElectron()
        ? 'To run them in a desktop VS Code, set VSCODE_EXECUTABLE_PATH to its executable (or DA_ALLOW_DOWNLOAD=1 to let @vscode/test-electron download one).'
        : 'To run them in a desktop VS Code, install @vscode/test-electron and set VSCODE_EXECUTABLE_PATH (see .vscode-test.mjs).'
      : suite === 'web'
        ? 'They run in the web worker extension host of the offline VS Code, and need it.'
        : 'They drive the workbench of the offline VS Code in Chromium, and need it.';
  console.log('');
  console.log(`SKIPPED: the ${suite} tests, because ${why}.`);
  console.log(how);
  console.log('CI (CI=true) and DA_REQUIRE_HOST=1 make this a failure instead.');
  console.log('');
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv[2]);
}
