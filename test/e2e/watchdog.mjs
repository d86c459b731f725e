// The parent of code-server, in its own process group: node test/e2e/watchdog.mjs <code-server args…>.
// It stops the whole tree — code-server, its extension hosts (which VS Code starts in sessions of
// their own, so a group kill misses them) and its pty host — when its stdin closes: on an orderly
// stop by test/e2e/lib.mjs, and also when the script that started it dies without cleaning up,
// even on SIGKILL (the pipe closes with it). It lists the descendants before signalling, because
// orphans are re-parented and could no longer be found (see processTree.mjs for each platform).
import { spawn } from 'node:child_process';
import { descendants, killTree, signalAll } from './processTree.mjs';

const child = spawn(process.execPath, process.argv.slice(2), { stdio: ['ignore', 'inherit', 'inherit'] });
child.on('error', (err) => {
  console.error(err);
  process.exit(1);
});

let stopping = false;
async function stopAll() {
  if (stopping) return;
  stopping = true;
  // Everything below this process, code-server first; SIGKILL after 4 s to whatever is left.
  await killTree(child.pid, { signal: 'SIGTERM', graceMs: 4000 });
  signalAll(descendants(process.pid), 'SIGKILL');
  if (process.platform !== 'win32') {
    try {
      process.kill(-process.pid, 'SIGKILL'); // the group, ourselves included
    } catch {
      // not a group leader
    }
  }
  process.exit(0);
}

child.on('exit', (code) => {
  if (stopping) return;
  signalAll(descendants(process.pid), 'SIGKILL');
  process.exit(code ?? 1);
});
process.stdin.on('end', stopAll);
process.stdin.on('error', stopAll);
process.stdin.resume();
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, stopAll);
