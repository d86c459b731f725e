// `npm start` serves VS Code (code-server) until it is stopped, and stopping it by its process id
// must stop VS Code too: code-server, its extension host and pty host, and nothing left answering
// on the port. Both ways a user has: SIGTERM to `node scripts/vscode-host.mjs start`, and SIGTERM
// to `npm start` itself (whose `sh -c` used to die alone, leaving VS Code running as an orphan).
//
// Run: npm run test:e2e (or node --test test/e2e/start.test.mjs); needs the offline host.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, test } from 'node:test';
import { REPO, freePort } from './lib.mjs';
import { alive, descendants, signalAll } from './processTree.mjs';

const STARTUP_MS = 120_000; // `npm start` builds first
const STOP_MS = 10_000; // "within a few seconds": the watchdog gives code-server 4 s, then kills

const started = new Set(); // every pid seen in a tree we started, killed at the end if still alive

after(() => {
  signalAll(started, 'SIGKILL');
});

async function answers(port) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `command args` (which starts VS Code on `port`), waits until the port answers, sends SIGTERM
 * to the command's own pid and asserts that the port closes and the whole process tree ends.
 */
async function startThenStop(command, args, port) {
  const child = spawn(command, args, {
    cwd: REPO,
    env: { ...process.env, DA_PORT: String(port), DA_NO_DESKTOP: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child.pid);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = false;
  child.on('exit', () => (exited = true));

  const deadline = Date.now() + STARTUP_MS;
  while (!(await answers(port))) {
    if (exited) assert.fail(`${command} ${args.join(' ')} exited before VS Code answered:\n${output}`);
    if (Date.now() > deadline) assert.fail(`VS Code did not answer on port ${port} within ${STARTUP_MS / 1000} s:\n${output}`);
    await sleep(250);
  }
  const tree = descendants(child.pid);
  for (const pid of tree) started.add(pid);
  assert.ok(tree.length >= 3, `expected npm/node, the watchdog and code-server below ${child.pid}, found ${tree.length} process(es)`);

  child.kill('SIGTERM');
  const stopBy = Date.now() + STOP_MS;
  for (;;) {
    const left = tree.filter(alive);
    const open = await answers(port);
    if (!open && left.length === 0) break;
    if (Date.now() > stopBy) {
      assert.fail(
        `${STOP_MS / 1000} s after SIGTERM to ${child.pid}: port ${port} ${open ? 'still answers' : 'is closed'}, ${left.length} process(es) left: ${left.join(' ')}\n${output}`,
      );
    }
    await sleep(200);
  }
}

test('SIGTERM to `node scripts/vscode-host.mjs start` stops VS Code', async () => {
  await startThenStop(process.execPath, ['scripts/vscode-host.mjs', 'start', '--workspace', 'samples'], await freePort());
});

test('SIGTERM to `npm start` stops VS Code', async () => {
  await startThenStop(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['start'], await freePort());
});
