// Building blocks for driving a real VS Code offline: code-server (the VS Code
// server from npm, installed in test/host by scripts/setup-host.sh) plus headless
// Debian Chromium through playwright-core. Used by scripts/vscode-host.mjs
// (`test`, `start`, `screenshot`) and by the end-to-end tests beside this file.
//
// Every process started here is registered for cleanup: call `cleanup()` (or use
// `withWorkbench`, which does) and install `installSignalHandlers()` once in a CLI.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alive, killTree, processInfo } from './processTree.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The repository root (this file lives in <repo>/test/e2e). */
export const REPO = path.resolve(HERE, '..', '..');
/** The host package folder with code-server and playwright-core. */
export const HOST_DIR = path.join(REPO, 'test', 'host');
/** Debian's Chromium (override with DA_CHROMIUM). */
export const CHROMIUM = process.env.DA_CHROMIUM || '/usr/bin/chromium';

const CODE_SERVER_ENTRY = path.join(HOST_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const SETUP_HINT = 'run `npm run setup:host` (bash scripts/setup-host.sh) first';

// ------------------------------------------------------------------ cleanup

const cleanups = [];

/** Registers an async cleanup step; returns a function that runs it once and unregisters it. */
export function onCleanup(fn) {
  let done = false;
  const run = async () => {
    if (done) return;
    done = true;
    const i = cleanups.indexOf(run);
    if (i >= 0) cleanups.splice(i, 1);
    await fn();
  };
  cleanups.push(run);
  return run;
}

/** Runs every registered cleanup step, newest first; never throws. */
export async function cleanup() {
  while (cleanups.length) {
    const run = cleanups[cleanups.length - 1];
    try {
      await run();
    } catch (err) {
      console.error(`[vscode-host] cleanup step failed: ${err?.message ?? err}`);
    }
  }
}

let signalsInstalled = false;
let requestedExit = null;
/** Set by installSignalHandlers: cleans up, then exits with the code. */
let stopAndExit = null;
/** The exit code a signal or fatal error asked for, or null. */
export function exitRequested() {
  return requestedExit;
}
/** On SIGINT/SIGTERM/SIGHUP and on uncaught errors: clean up, then exit (130/143/129/1). */
export function installSignalHandlers() {
  if (signalsInstalled) return;
  signalsInstalled = true;
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  let exiting = false;
  const bail = async (code, why) => {
    if (exiting) return;
    exiting = true;
    requestedExit = code;
    if (why) console.error(`[vscode-host] ${why}; stopping code-server and Chromium`);
    await cleanup();
    process.exit(code);
  };
  stopAndExit = bail;
  for (const [sig, code] of Object.entries(codes)) process.on(sig, () => bail(code, `received ${sig}`));
  process.on('uncaughtException', (err) => {
    console.error('[vscode-host] uncaught exception:', err);
    bail(1);
  });
  process.on('unhandledRejection', (err) => {
    console.error('[vscode-host] unhandled rejection:', err);
    bail(1);
  });
}

/**
 * Cleans up and exits (as on SIGHUP) once the process that started this one is gone. `npm start`
 * runs us under `sh -c`, and a SIGTERM to npm's pid ends npm and that shell but not us: without
 * this, we would live on as an orphan and VS Code would keep answering on its port. Watches the
 * parent and, when the parent is a shell (the `sh -c` of an npm script), its parent too: then
 * even a SIGKILL of npm, which leaves the shell waiting, stops us. Installs the signal handlers.
 */
export function exitWithParent(intervalMs = 500) {
  installSignalHandlers();
  const parent = process.ppid;
  if (parent <= 1) return;
  const watched = [];
  if (/^(sh|dash|bash|zsh|ksh|ash)$/.test(processInfo(parent)?.comm ?? '')) {
    const grandparent = processInfo(parent)?.ppid;
    if (grandparent && grandparent > 1) watched.push({ pid: grandparent, start: processInfo(grandparent)?.start ?? null });
  }
  // Gone: re-parented (Unix), no longer running (Windows keeps the ppid), or its pid now names
  // another process (a different start time).
  const gone = (p) => !alive(p.pid) || (p.start !== null && processInfo(p.pid)?.start !== p.start);
  const timer = setInterval(() => {
    if (process.ppid === parent && !gone({ pid: parent, start: null }) && !watched.some(gone)) return;
    clearInterval(timer);
    stopAndExit(129, 'the process that started this one (npm) has exited');
  }, intervalMs);
  timer.unref();
}

// ------------------------------------------------------------------ helpers

/** Parses a duration: plain number = seconds; suffixes ms, s, m, h. */
export function parseDuration(text, fallbackMs) {
  if (text === undefined || text === '') return fallbackMs;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(String(text));
  if (!m) throw new Error(`bad duration ${JSON.stringify(text)} (use e.g. 600, 90s, 10m)`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's'];
  return Math.round(Number(m[1]) * unit);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves with a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Creates a temp dir removed at cleanup (unless DA_KEEP_TMP is set). */
export function tempDir(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  onCleanup(() => {
    if (process.env.DA_KEEP_TMP) console.error(`[vscode-host] kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Copies a folder to a fresh temp dir (so tests may write there) and returns the copy's path. */
export function copyWorkspace(src) {
  if (!existsSync(src)) throw new Error(`workspace folder not found: ${src}`);
  const dest = path.join(tempDir('da-workspace-'), path.basename(src));
  cpSync(src, dest, { recursive: true });
  return dest;
}

/** Loads playwright-core from test/host. */
export function loadPlaywright() {
  const req = createRequire(path.join(HOST_DIR, 'package.json'));
  try {
    return req('playwright-core');
  } catch {
    throw new Error(`playwright-core is not installed in test/host: ${SETUP_HINT}`);
  }
}

// ------------------------------------------------------------------ code-server

// The parent of code-server: it stops the whole tree when its stdin closes (watchdog.mjs).
const WATCHDOG = path.join(HERE, 'watchdog.mjs');

/**
 * Starts code-server on 127.0.0.1 with throwaway user-data, extensions and agent
 * folders, waits for /healthz and returns { port, baseUrl, logs, stop }.
 * `install`: .vsix files to install into the fresh extensions folder before it starts.
 * `logs` collects the server's output lines; `onLine(line)` sees each as it comes.
 * `settings` (an object) is merged over the default user settings, e.g.
 * `{ 'editor.fontSize': 15 }`. (code-server 4.100 ignores a preset
 * `workbench.colorTheme` and starts in Light+: use `setColorTheme(page, …)`.)
 */
export async function startCodeServer({ port, onLine, healthTimeoutMs = 90_000, settings, install } = {}) {
  if (!existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server is not installed in test/host: ${SETUP_HINT}`);
  const fixedPort = port !== undefined && port !== null && port !== '';
  for (let attempt = 1; ; attempt++) {
    const p = fixedPort ? Number(port) : await freePort();
    try {
      return await startCodeServerOnce(p, onLine, healthTimeoutMs, settings, install);
    } catch (err) {
      if (fixedPort || attempt >= 3 || !err.portInUse) throw err;
      console.error(`[vscode-host] port ${p} was taken; retrying with another port`);
    }
  }
}

async function startCodeServerOnce(port, onLine, healthTimeoutMs, settings = {}, install = []) {
  const root = tempDir('da-code-server-');
  const dirs = {};
  for (const d of ['user-data', 'extensions', 'agent', 'xdg-config', 'xdg-data', 'xdg-cache']) {
    dirs[d] = path.join(root, d);
    mkdirSync(dirs[d], { recursive: true });
  }
  const config = path.join(root, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  // A few user settings that keep the UI quiet and deterministic.
  mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  writeFileSync(
    path.join(dirs['user-data'], 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'chat.disableAIFeatures': true,
        // Cleaner screenshots: no grey boxes on other occurrences of the hovered word.
        'editor.occurrencesHighlight': 'off',
        'editor.selectionHighlight': false,
        // Statements are prose: wrap, so every term is on screen to hover.
        'editor.wordWrap': 'on',
        ...settings,
      },
      null,
      2,
    ),
  );

  const args = [
    CODE_SERVER_ENTRY,
    '--config',
    config,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    dirs['user-data'],
    '--extensions-dir',
    dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    // Workspace trust is off unless the settings turn it on (the Restricted Mode run).
    ...(settings['security.workspace.trust.enabled'] === true ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--log',
    'info',
  ];
  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: '{}',
    VSCODE_AGENT_FOLDER: dirs.agent,
    XDG_CONFIG_HOME: dirs['xdg-config'],
    XDG_DATA_HOME: dirs['xdg-data'],
    XDG_CACHE_HOME: dirs['xdg-cache'],
  };
  delete env.PORT; // code-server would prefer it over --bind-addr
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  delete env.VSCODE_IPC_HOOK_CLI;

  for (const vsix of install) await installExtension(vsix, dirs, env);

  const proc = spawn(process.execPath, [WATCHDOG, ...args], {
    cwd: root,
    env,
    // Own process group on Unix, killed as a whole (on Windows `detached` would open a console).
    detached: process.platform !== 'win32',
    windowsHide: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const logs = [];
  let exited = null;
  const exitPromise = new Promise((resolve) =>
    proc.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    }),
  );
  const collect = (stream) => {
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        logs.push(line);
        onLine?.(line);
      }
    });
  };
  collect(proc.stdout);
  collect(proc.stderr);

  const stop = onCleanup(async () => {
    if (exited) return;
    proc.stdin.end(); // the watchdog stops the whole tree and exits
    const deadline = Date.now() + 8000;
    while (!exited && Date.now() < deadline) await sleep(50);
    if (exited) return;
    // Belt and braces: the watchdog did not manage; stop what is left from here.
    await killTree(proc.pid, { signal: 'SIGKILL', graceMs: 1000 });
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + healthTimeoutMs;
  for (;;) {
    if (exited) {
      await stop();
      const err = new Error(`code-server exited (${exited.code ?? exited.signal}) before answering /healthz:\n${logs.slice(-30).join('\n')}`);
      err.portInUse = logs.some((l) => l.includes('EADDRINUSE'));
      throw err;
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${baseUrl}/healthz within ${healthTimeoutMs / 1000} s:\n${logs.slice(-30).join('\n')}`);
    }
    await sleep(200);
  }
  return { port, baseUrl, logs, dirs, proc, exited: exitPromise, stop };
}

/**
 * Installs a .vsix into the server's (fresh) extensions folder with code-server's own
 * `--install-extension`, as a user installs a package: offline, no gallery.
 */
async function installExtension(vsix, dirs, env) {
  const args = [CODE_SERVER_ENTRY, '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions, '--install-extension', path.resolve(vsix)];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
  if (code !== 0 || !/successfully installed/.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${code}):\n${output.trim()}`);
  }
}

/**
 * The workbench URL that opens `folder` with the extension at `extensionDevelopmentPath`
 * loaded in the (remote, Node) extension host, and runs `extensionTestsPath` if given. With
 * `extensionDevelopmentKind: 'web'` the extension runs in the web worker extension host instead
 * (its `browser` entry, as on vscode.dev), and so does the suite.
 */
export function workbenchUrl(baseUrl, { folder, extensionDevelopmentPath, extensionTestsPath, extensionDevelopmentKind }) {
  const authority = new URL(baseUrl).host;
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (extensionDevelopmentKind) payload.push(['extensionDevelopmentKind', extensionDevelopmentKind]);
  payload.push(['skipWelcome', 'true']);
  const q = [];
  if (folder) q.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
  q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${baseUrl}/?${q.join('&')}`;
}

// ------------------------------------------------------------------ Chromium

/** Launches headless Debian Chromium via playwright-core; closed at cleanup. */
export async function launchBrowser({ headless = true } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: ${SETUP_HINT} (installs Debian's chromium)`);
  const { chromium } = loadPlaywright();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
    // Our own handlers clean up code-server too.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const close = onCleanup(async () => {
    await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
  });
  return { browser, close };
}

// ------------------------------------------------------------------ workbench

/**
 * Starts code-server and Chromium, opens the workbench on `folder` with the repo's
 * extension loaded, runs `fn({ page, server, browser, url })`, and always cleans up.
 * Options: folder, extensionDevelopmentPath (default: the repo), extensionTestsPath,
 * viewport, onLog(level, message) for the workbench automation log, port, beforeGoto(page),
 * settings (user settings merged over the defaults, e.g. a colour theme), install (.vsix files
 * installed into the fresh extensions folder first; pass extensionDevelopmentPath: null to test
 * only what they install), extensionDevelopmentKind ('web': the web worker extension host).
 */
export async function withWorkbench(options, fn) {
  const {
    folder,
    extensionDevelopmentPath = REPO,
    extensionTestsPath,
    extensionDevelopmentKind,
    viewport = { width: 1400, height: 900 },
    onLog,
    onServerLine,
    port,
    beforeGoto,
    settings,
    install,
  } = options;
  const started = [];
  try {
    const server = await startCodeServer({ port, onLine: onServerLine, settings, install });
    started.push(server.stop);
    const { browser, close } = await launchBrowser();
    started.push(close);
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    if (onLog) await page.exposeFunction('codeAutomationLog', (level, message) => onLog(level, message));
    if (beforeGoto) await beforeGoto(page);
    const url = workbenchUrl(server.baseUrl, { folder, extensionDevelopmentPath, extensionTestsPath, extensionDevelopmentKind });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return await fn({ page, server, browser, url });
  } finally {
    for (const stop of started.reverse()) await stop();
  }
}

/** Waits until the workbench has rendered its editor area. */
export async function waitForWorkbench(page, timeout = 60_000) {
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout });
}

/** Opens a workspace file through Quick Open (Ctrl+P, type the name, Enter) and waits for its editor. */
export async function openFile(page, fileName, timeout = 30_000) {
  await waitForWorkbench(page, timeout);
  const base = path.basename(fileName);
  const deadline = Date.now() + timeout;
  // Quick Open only finds files once the file search service is up: retry.
  for (;;) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(fileName);
    // Enter opens the focused row: wait until that is the file (right after the input
    // changes, the list can still show the recently opened files, with another on top).
    const item = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: base }).first();
    try {
      await item.waitFor({ state: 'visible', timeout: 5_000 });
      await page.keyboard.press('Enter');
      break;
    } catch {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`Quick Open did not find ${fileName}`);
    }
  }
  await page.locator(`.tabs-container .tab.active[aria-label*="${base.replace(/"/g, '\\"')}"]`).waitFor({ state: 'visible', timeout: Math.max(1000, deadline - Date.now()) });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout });
  return page.locator('.editor-instance .monaco-editor').first();
}

/**
 * Hovers the first occurrence of `word` in the active editor (found with the
 * editor's Find widget, so it is scrolled into view) and waits for the hover
 * widget; returns its text. Retries the mouse move until the hover has content.
 * `options.at`: find this text instead (it must start with `word`), to hover a
 * later occurrence, e.g. hoverWord(page, '白方', 30_000, { at: '白方支持' }).
 */
export async function hoverWord(page, word, timeout = 30_000, { at = word } = {}) {
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-lines').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  const find = page.locator('.editor-instance .find-widget textarea, .editor-instance .find-widget input').first();
  await find.waitFor({ state: 'visible', timeout: 10_000 });
  await find.fill(at); // selects the first match after the cursor
  await page.keyboard.press('Escape');
  // Collapse the selection onto the match's start: no selection highlights in
  // the picture, and the cursor marks which occurrence to hover.
  await page.keyboard.press('ArrowLeft');
  await nextFrames(page);

  const deadline = Date.now() + timeout;
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents');
  for (;;) {
    const box = await wordBox(page, word);
    if (!box) throw new Error(`"${word}" is not visible in the active editor`);
    await page.mouse.move(box.x - 40, box.y + box.height + 40); // move off, then onto the word
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    try {
      await hover.first().waitFor({ state: 'visible', timeout: 5_000 });
      const text = (await hover.first().innerText()).trim();
      if (text && !/^Loading\.\.\.$/.test(text)) {
        // Let the fade-in finish so a screenshot shows the hover opaque.
        await page.waitForFunction(
          () => [...document.querySelectorAll('.monaco-hover')].every((el) => el.getAnimations({ subtree: true }).every((a) => a.playState !== 'running')),
          null,
          { timeout: 5_000 },
        );
        return text;
      }
    } catch {
      // no hover yet: move again
    }
    if (Date.now() > deadline) throw new Error(`no hover appeared over "${word}" within ${timeout / 1000} s`);
  }
}

async function nextFrames(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Screen box of the occurrence of `word` at the cursor in the active editor,
 * else of the topmost visible one.
 */
async function wordBox(page, word) {
  return page.evaluate((w) => {
    const root = document.querySelector('.editor-instance .monaco-editor');
    const lines = root?.querySelector('.view-lines');
    if (!lines) return null;
    const cursor = root.querySelector('.cursors-layer .cursor')?.getBoundingClientRect();
    // Only what is on screen: long lines run on under the minimap and past the edge.
    const view = (root.querySelector('.lines-content')?.parentElement ?? lines).getBoundingClientRect();
    const minimap = root.querySelector('.minimap')?.getBoundingClientRect();
    if (minimap && minimap.width > 0) view.width = Math.min(view.width, minimap.left - view.left);
    const hits = [];
    // A rendered line is split into token spans: search its whole text, then
    // map the offsets back to text nodes (so "United Nations" is found too).
    for (const line of lines.querySelectorAll('.view-line')) {
      const nodes = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
      const text = nodes
        .map((n) => n.data)
        .join('')
        .replace(/\u00a0/g, ' '); // Monaco renders spaces as U+00A0
      const at = (offset) => {
        for (const n of nodes) {
          if (offset <= n.data.length) return [n, offset];
          offset -= n.data.length;
        }
        return null;
      };
      for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
        const start = at(i);
        const end = at(i + w.length);
        if (!start || !end) continue;
        const range = document.createRange();
        range.setStart(...start);
        range.setEnd(...end);
        const r = range.getBoundingClientRect();
        const inView = r.left >= view.left && r.right <= view.right && r.top >= view.top && r.bottom <= view.bottom;
        if (r.width > 0 && r.height > 0 && inView) hits.push({ x: r.x, y: r.y, width: r.width, height: r.height });
      }
    }
    if (!hits.length) return null;
    if (cursor && cursor.height > 0) {
      const atCursor = hits.find((h) => Math.abs(h.y + h.height / 2 - (cursor.y + cursor.height / 2)) < h.height / 2 && Math.abs(h.x - cursor.x) < 4);
      if (atCursor) return atCursor;
    }
    return hits.sort((a, b) => a.y - b.y || a.x - b.x)[0];
  }, word);
}

/**
 * Opens `file` (relative to `folder`) in a workbench with the repo's extension,
 * optionally hovers `hover`, and saves a PNG of the page to `out`.
 * Returns { out, hoverText }.
 */
export async function screenshot({ folder, file, out, hover, extensionDevelopmentPath = REPO, viewport, onLog, settleMs = 500 }) {
  return withWorkbench({ folder, extensionDevelopmentPath, viewport, onLog }, async ({ page }) => {
    await openFile(page, file);
    let hoverText;
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    try {
      if (hover) hoverText = await hoverWord(page, hover);
      else await page.waitForTimeout(settleMs); // let semantic colouring and decorations paint
    } catch (err) {
      const failed = path.resolve(out).replace(/(\.png)?$/i, '.failed.png');
      await page.screenshot({ path: failed }).catch(() => {});
      err.message += ` (the page as it was: ${failed})`;
      throw err;
    }
    await page.screenshot({ path: out });
    return { out: path.resolve(out), hoverText };
  });
}

/**
 * Runs a command from the Command Palette by its title (e.g. "Explorer: Focus on
 * Outline View"): F1, type the title, wait for the exact entry, Enter.
 */
export async function runCommand(page, title, timeout = 15_000) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', {
    has: page.locator('.monaco-highlighted-label', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
  });
  await row.first().waitFor({ state: 'visible', timeout });
  await row.first().click();
  // Closed, or reused by the command for a picker of its own (Color Theme…).
  await page.waitForFunction(
    (text) => {
      const el = document.querySelector('.quick-input-widget input');
      return !el || !el.checkVisibility() || el.value !== text;
    },
    `>${title}`,
    { timeout },
  );
}

/**
 * Switches the colour theme through Preferences: Color Theme (the theme's label,
 * e.g. "Default Dark Modern", "Default Light Modern") and waits until the
 * workbench shows it. The choice is written to the (temporary) user settings.
 */
export async function setColorTheme(page, label, timeout = 15_000) {
  await waitForWorkbench(page, timeout);
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  const deadline = Date.now() + timeout;
  for (;;) {
    await runCommand(page, 'Preferences: Color Theme', timeout);
    // Type only once the theme picker lists its themes: right after the command runs, the
    // input can still be the closing Command Palette's, and the name would go there.
    const listed = await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: /Default (Light|Dark) Modern/ })
      .first()
      .waitFor({ state: 'visible', timeout: Math.min(10_000, Math.max(1000, deadline - Date.now())) })
      .then(() => true)
      .catch(() => false);
    if (listed) {
      await input.fill(label);
      const offered = await row
        .waitFor({ state: 'visible', timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (offered) break;
    }
    if (Date.now() > deadline) throw new Error(`the Color Theme picker did not offer "${label}"`);
    await page.keyboard.press('Escape');
  }
  await row.click();
  await input.waitFor({ state: 'hidden', timeout });
  // The theme's id is in the workbench's classes (…-themes-dark_modern-json).
  const slug = label
    .replace(/^Default /, '')
    .toLowerCase()
    .replace(/\+/g, '_plus')
    .replace(/\s+/g, '_');
  await page.waitForFunction((s) => document.querySelector('.monaco-workbench').className.includes(`-${s}-json`), slug, { timeout });
}
