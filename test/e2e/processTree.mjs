// Process trees on Linux, macOS and Windows, for stopping everything the offline VS Code starts:
// code-server, its extension hosts (which VS Code starts in sessions of their own, so a process
// group kill misses them) and its pty host. Linux reads /proc (no child process, cheap enough to
// poll); other Unix systems ask `ps`; Windows has `taskkill /T`, which stops a tree by itself.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const LINUX = process.platform === 'linux';
const WINDOWS = process.platform === 'win32';

/** Every process as [pid, ppid] pairs, or [] where this platform cannot list them. */
function processTable() {
  if (LINUX) {
    const rows = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = procStat(Number(entry));
      if (fields) rows.push([Number(entry), Number(fields[1])]);
    }
    return rows;
  }
  if (WINDOWS) return [];
  try {
    const out = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number))
      .filter(([pid, ppid]) => pid > 0 && ppid >= 0);
  } catch {
    return [];
  }
}

/** The fields of /proc/<pid>/stat after the command name, or null (no such process). */
function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * The pids below `root` (children, grandchildren, …), parents before their children. Empty on
 * Windows, where {@link killTree} needs no list.
 */
export function descendants(root) {
  const children = new Map();
  for (const [pid, ppid] of processTable()) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  const out = [];
  const walk = (pid) => {
    for (const child of children.get(pid) ?? []) {
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

/**
 * What is known of a running process: its parent, command name and start time (the start time
 * with the pid names one process, even if the pid is reused later). Null when it is not running
 * or this platform cannot tell (Windows: callers fall back to {@link alive}).
 */
export function processInfo(pid) {
  if (LINUX) {
    const fields = procStat(pid);
    if (!fields) return null;
    let comm = null;
    try {
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      // exited meanwhile
    }
    // Field 22 of stat is the start time.
    return { ppid: Number(fields[1]), comm, start: fields[19] };
  }
  if (WINDOWS) return null;
  try {
    // lstart is five words ("Mon Nov 30 07:26:38 2026"); comm may hold spaces, so it goes last.
    const out = execFileSync('ps', ['-o', 'ppid=,lstart=,comm=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const words = out.split(/\s+/);
    if (words.length < 7) return null;
    return { ppid: Number(words[0]), start: words.slice(1, 6).join(' '), comm: path.basename(words.slice(6).join(' ')) };
  } catch {
    return null;
  }
}

/** Whether a process with this pid is running. */
export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM'; // running, but not ours to signal
  }
}

/** Sends `signal` to each pid that is still there. */
export function signalAll(pids, signal) {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Stops `root` and everything below it. Unix: lists the tree first (orphans are re-parented and
 * could no longer be found), sends `signal`, and SIGKILL to whatever is left after `graceMs`.
 * Windows: `taskkill /T /F`, which walks the tree itself.
 */
export async function killTree(root, { signal = 'SIGTERM', graceMs = 4000 } = {}) {
  if (WINDOWS) {
    // Console programs such as node and code-server take no polite request to close from taskkill:
    // /F straight away; /T takes the tree.
    try {
      execFileSync('taskkill', ['/pid', String(root), '/T', '/F'], { stdio: 'ignore' });
    } catch {
      // gone already
    }
    const deadline = Date.now() + graceMs;
    while (alive(root) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return;
  }
  const tree = [root, ...descendants(root)];
  signalAll(tree, signal);
  const deadline = Date.now() + graceMs;
  while (tree.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  signalAll([...descendants(root), ...tree.filter(alive)], 'SIGKILL');
}
