// test/e2e/processTree.mjs on this machine's platform (/proc on Linux, `ps` on macOS, taskkill on
// Windows): a tree of real processes is listed, described and stopped whole.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { alive, descendants, killTree, processInfo } from '../e2e/processTree.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts node → node (sleeping), and resolves with both pids once the grandchild runs. */
function startTree() {
  const grandchild = `setInterval(() => {}, 1000)`;
  const child = `const c = require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'ignore' }); console.log(c.pid); setInterval(() => {}, 1000);`;
  const proc = spawn(process.execPath, ['-e', child], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    proc.stdout.once('data', (d) => resolve({ proc, child: proc.pid, grandchild: Number(String(d).trim()) }));
    proc.on('error', reject);
  });
}

describe('processTree', function () {
  this.timeout(20_000);
  let tree;
  afterEach(() => {
    for (const pid of [tree?.child, tree?.grandchild]) {
      try {
        if (pid) process.kill(pid, 'SIGKILL');
      } catch {
        // stopped by the test
      }
    }
  });

  it('lists the processes below a pid and describes one', async function () {
    if (process.platform === 'win32') this.skip(); // Windows: taskkill walks the tree itself
    tree = await startTree();
    const below = descendants(process.pid);
    assert.ok(below.includes(tree.child) && below.indexOf(tree.child) < below.indexOf(tree.grandchild), String(below));
    assert.deepEqual(descendants(tree.child), [tree.grandchild]);
    const info = processInfo(tree.grandchild);
    assert.equal(info.ppid, tree.child);
    assert.match(info.comm, /node/);
    assert.ok(info.start, 'a start time');
    assert.equal(processInfo(tree.grandchild).start, info.start, 'the same start time when asked again');
  });

  it('stops a whole tree, grandchildren included', async () => {
    tree = await startTree();
    assert.ok(alive(tree.child) && alive(tree.grandchild));
    await killTree(tree.child, { graceMs: 5000 });
    const deadline = Date.now() + 5000;
    while ((alive(tree.child) || alive(tree.grandchild)) && Date.now() < deadline) await sleep(50);
    assert.ok(!alive(tree.grandchild), 'the grandchild is stopped too');
    assert.ok(!alive(tree.child), 'the child is stopped');
  });
});
