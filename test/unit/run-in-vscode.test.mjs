// test/run-in-vscode.mjs on a machine where the offline VS Code cannot be set up (simulated with a
// PATH without dpkg-query, as on a Linux without apt): it says what it skipped and why and exits 0,
// unless CI (or DA_REQUIRE_HOST) asks for everything, where it fails.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostBlockers } from '../run-in-vscode.mjs';

const SCRIPT = fileURLToPath(new URL('../run-in-vscode.mjs', import.meta.url));

function runWithout(suite, env) {
  const emptyBin = mkdtempSync(path.join(os.tmpdir(), 'da-no-apt-'));
  const clean = { ...process.env, PATH: emptyBin, CI: '', DA_REQUIRE_HOST: '', DA_SKIP_APT: '', VSCODE_EXECUTABLE_PATH: '', DA_ALLOW_DOWNLOAD: '' };
  return spawnSync(process.execPath, [SCRIPT, suite], { env: { ...clean, ...env }, encoding: 'utf8' });
}

describe('run-in-vscode', () => {
  it('names what keeps the offline VS Code from being set up', () => {
    assert.deepEqual(hostBlockers({ platform: 'linux', nodeVersion: '20.20.2', env: {}, onPath: () => true }), []);
    assert.match(hostBlockers({ platform: 'darwin', nodeVersion: '20.20.2', env: {}, onPath: () => true }).join(), /Linux only .* darwin/);
    assert.match(hostBlockers({ platform: 'win32', nodeVersion: '22.3.0', env: {}, onPath: () => true }).join('\n'), /win32\n.*Node 22\.3\.0/);
    assert.match(hostBlockers({ platform: 'linux', nodeVersion: '20.20.2', env: {}, onPath: () => false }).join(), /no apt\/dpkg/);
    assert.deepEqual(hostBlockers({ platform: 'linux', nodeVersion: '20.20.2', env: { DA_SKIP_APT: '1' }, onPath: () => false }), []);
  });

  it('skips a suite it cannot run with the reason, and exits 0 so the rest of npm test counts', () => {
    for (const suite of ['integration', 'e2e']) {
      const result = runWithout(suite, {});
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`SKIPPED: the ${suite} tests, because the offline VS Code cannot be set up here: this Linux has no apt/dpkg|Linux only`));
    }
  });

  it('fails instead under CI, or when DA_REQUIRE_HOST asks for every suite', () => {
    for (const env of [{ CI: 'true' }, { DA_REQUIRE_HOST: '1' }]) {
      const result = runWithout('integration', env);
      assert.equal(result.status, 1, JSON.stringify(env));
      assert.match(result.stderr, /ERROR: the integration tests must run .* cannot be set up here/);
    }
  });
});
