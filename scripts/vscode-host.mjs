#!/usr/bin/env node
// Runs the extension inside a real VS Code without internet: code-server (the VS
// Code server, from npm) + headless Debian Chromium via playwright-core. Install
// the host first with `npm run setup:host`.
//
//   node scripts/vscode-host.mjs test [--extension DIR] [--tests FILE] [--workspace DIR] [--restricted] [--web]
//       With --web, the extension and the suite (default out/test/web/suite.js, bundled by
//       scripts/build-web-tests.mjs) run in the web worker extension host, as on vscode.dev.
//       With --restricted, workspace trust is on and the folder opens untrusted (Restricted
//       Mode): the suite then runs only its Restricted Mode tests (test/integration/index.ts).
//       Runs the compiled integration suite (out/test/integration/index.js) in the
//       extension host on a temp copy of test/integration/workspace; exits with
//       the suite's code. Env: DA_TEST_TIMEOUT (seconds, or 90s/10m; default 10m),
//       DA_VERBOSE=1 (also print code-server and browser logs),
//       DA_KEEP_TMP=1 (keep temp folders).
//   node scripts/vscode-host.mjs start [--workspace DIR]
//       Desktop `code` on PATH: opens it with the extension loaded. Otherwise sets up
//       the offline host (scripts/setup-host.sh, where it can be) and serves VS Code
//       at a localhost URL with the extension loaded until Ctrl-C.
//       Env: DA_PORT (default: a free port).
//   node scripts/vscode-host.mjs screenshot FILE OUT.png [--hover WORD] [--workspace DIR]
//       Opens FILE (relative to the workspace, default test/fixtures) via Quick
//       Open, optionally hovers WORD, and saves a PNG.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import { hostBlockers } from '../test/run-in-vscode.mjs';
import { REPO, cleanup, copyWorkspace, exitRequested, exitWithParent, parseDuration, screenshot, startCodeServer, withWorkbench, workbenchUrl } from '../test/e2e/lib.mjs';

const log = (msg) => console.error(`[vscode-host] ${msg}`);

const USAGE = `usage:
  node scripts/vscode-host.mjs test [--extension DIR] [--tests FILE] [--workspace DIR] [--restricted] [--web]
  node scripts/vscode-host.mjs start [--workspace DIR] [--port N]
  node scripts/vscode-host.mjs screenshot FILE OUT.png [--hover WORD] [--workspace DIR]`;

function readManifest(extDir) {
  const file = path.join(extDir, 'package.json');
  if (!existsSync(file)) throw new Error(`no package.json in extension folder ${extDir}`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Warns when the extension's compiled entry point is missing (it would not activate). */
function checkExtensionBuilt(extDir) {
  const manifest = readManifest(extDir);
  if (manifest.main && !existsSync(path.resolve(extDir, manifest.main))) {
    log(
      `WARNING: ${path.relative(REPO, path.resolve(extDir, manifest.main)) || manifest.main} does not exist: run \`npm run build\` first; the extension cannot activate without it`,
    );
  }
  return manifest;
}

// ------------------------------------------------------------------ errors from our extension

/** Splits a VS Code log file into entries (a timestamped line plus its continuation lines). */
function logEntries(text) {
  const entries = [];
  for (const line of text.split('\n')) {
    if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \[/.test(line) || entries.length === 0) entries.push(line);
    else entries[entries.length - 1] += `\n${line}`;
  }
  return entries.filter((e) => e.trim());
}

/**
 * Finds the errors that the extension host logged for the extension under test
 * (failed activation, uncaught errors and rejections whose stack runs through
 * the extension's own files) in the server's remoteexthost.log files. Errors
 * raised in the test files themselves are left to mocha's report.
 */
function findExtensionErrors(userDataDir, extDir, extId) {
  const logsDir = path.join(userDataDir, 'logs');
  if (!existsSync(logsDir)) return [];
  const files = readdirSync(logsDir, { recursive: true })
    .filter((f) => /(^|[\\/])exthost\d*[\\/]remoteexthost\.log$/.test(f))
    .map((f) => path.join(logsDir, f));
  return files.flatMap((file) => extensionErrorsIn(readFileSync(file, 'utf8'), extDir, extId));
}

/** The extension's errors in the text of one extension host log (see findExtensionErrors). */
function extensionErrorsIn(text, extDir, extId) {
  const testsDir = path.join(extDir, 'out', 'test') + path.sep;
  const ownFile = new RegExp(`${escapeRe(extDir + path.sep)}[^\\s:)]+`, 'g');
  const isOwnFile = (f) => !f.startsWith(testsDir) && !f.includes(`${path.sep}node_modules${path.sep}`);
  const found = [];
  const entries = logEntries(text);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (!/^\S+ \S+ \[error\]/.test(e)) continue;
    if (/(integration|web) test\(s\) failed|no (integration|web) test ran/.test(e)) continue; // our own index.ts
    const activationFailed = e.includes(`Activating extension ${extId} failed`) || e.includes(`Activating extension '${extId}' failed`);
    const mentionsId = e.toLowerCase().includes(extId.toLowerCase());
    const ownFrames = (e.match(ownFile) ?? []).filter(isOwnFile);
    if (!(activationFailed || mentionsId || ownFrames.length)) continue;
    found.push(e);
    // "Activating extension X failed due to an error:" is followed by the error itself.
    if (activationFailed && entries[i + 1] && /^\S+ \S+ \[error\]/.test(entries[i + 1]) && !found.includes(entries[i + 1])) {
      found.push(entries[++i]);
    }
  }
  return found;
}

/** The server log's lines about an extension host that died (a signal, or a fatal error before it). */
function findHostExits(userDataDir) {
  const logsDir = path.join(userDataDir, 'logs');
  if (!existsSync(logsDir)) return [];
  const files = readdirSync(logsDir, { recursive: true }).filter((f) => /(^|[\\/])remoteagent\.log$/.test(f));
  const lines = files.flatMap((f) => readFileSync(path.join(logsDir, f), 'utf8').split('\n'));
  return lines.filter((l) => /FATAL ERROR|Extension Host Process exited with code: \S+, signal: (?!null)/.test(l)).map((l) => l.replace(/^.*?<stderr> |^.*?\] /, ''));
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ------------------------------------------------------------------ test

/**
 * The workbench calls codeAutomationLog(level, [message, ...args]) with the
 * extension host's console arguments (mocha's reporter uses printf-style
 * formats) as well as its own log lines.
 */
function formatLogArgs(args) {
  if (!Array.isArray(args)) return String(args);
  if (args.length === 0) return '';
  return typeof args[0] === 'string' ? format(...args) : args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
}

/** The suite's closing line (test/integration/index.ts), as CI reads it. */
const SUMMARY = /^\s*\d+ passed, \d+ failed\s*$/;

/** The workbench's own start-up chatter (shown with DA_VERBOSE=1). */
const WORKBENCH_NOISE = new RegExp(
  [
    '^Resolv(ing|ed) connection token',
    '^Creating a socket',
    '^Ignoring fetching additional builtin extensions',
    '^Updating additional builtin extensions cache',
    '^\\[Service Worker\\]',
    '^ChatSessionStore:',
    '^No search provider registered for scheme',
    // The Restricted Mode run: the workspace-trust prompt is refused, so the folder stays untrusted.
    '^DialogService: refused to show dialog in tests\\. Contents: Do you trust the authors',
  ].join('|'),
);

async function runTests(opts) {
  const extDir = path.resolve(opts.extension ?? REPO);
  const defaultTests = opts.web ? path.join(REPO, 'out', 'test', 'web', 'suite.js') : path.join(REPO, 'out', 'test', 'integration', 'index.js');
  const testsPath = path.resolve(opts.tests ?? defaultTests);
  const workspaceSrc = path.resolve(opts.workspace ?? path.join(REPO, 'test', 'integration', 'workspace'));
  const timeoutMs = parseDuration(process.env.DA_TEST_TIMEOUT, 10 * 60_000);
  const verbose = !!process.env.DA_VERBOSE;

  if (!existsSync(testsPath)) {
    const how = opts.web ? '`node scripts/build-web-tests.mjs`' : '`npm run compile-tests` (tsc -p tsconfig.test.json)';
    throw new Error(`${path.relative(REPO, testsPath)} not found: build the suite with ${how}`);
  }
  const manifest = checkExtensionBuilt(extDir);
  const extId = `${manifest.publisher}.${manifest.name}`;
  const folder = copyWorkspace(workspaceSrc);
  const t0 = Date.now();
  const host = opts.web ? 'the web worker extension host of ' : '';
  log(`running ${path.relative(REPO, testsPath) || testsPath} for ${extId} in ${host}code-server + Chromium (timeout ${Math.round(timeoutMs / 1000)} s)`);

  let reportExit, reportFailure;
  const exitReported = new Promise((resolve, reject) => {
    reportExit = resolve;
    reportFailure = reject;
  });
  exitReported.catch(() => {}); // observed by the race below; may reject before it starts
  let hostLogs = [];
  let userDataDir;
  let summary = null;
  const serverTail = [];
  const savedLogs = path.join(REPO, '.vscode-test', 'host-logs');
  rmSync(savedLogs, { recursive: true, force: true });

  // Overall timeout, start-up included: fail the run (which stops everything);
  // should a step hang even so, clean up and exit hard a little later.
  const timeoutText = `timed out after ${Math.round(timeoutMs / 1000)} s (DA_TEST_TIMEOUT)`;
  const softTimer = setTimeout(() => reportFailure(new Error(timeoutText)), timeoutMs);
  const hardTimer = setTimeout(async () => {
    log(`ERROR: ${timeoutText}; forcing shutdown`);
    await cleanup();
    process.exit(1);
  }, timeoutMs + 20_000);
  hardTimer.unref();

  const onServerLine = (line) => {
    serverTail.push(line);
    if (serverTail.length > 200) serverTail.shift();
    if (verbose) process.stderr.write(`[code-server] ${line}\n`);
  };

  const reported = await withWorkbench(
    {
      folder,
      // --restricted: workspace trust on, so the folder opens in Restricted Mode (untrusted).
      settings: {
        ...(opts.restricted ? { 'security.workspace.trust.enabled': true } : {}),
        // --web: VS Code 1.100's web workbench reads `extensionDevelopmentKind` from the payload
        // but its extension host picker never consults it (it reads another property), so the
        // extension would run in the remote Node host. `remote.extensionKind` = web puts it in the
        // web worker host, where the suite then runs too (it lies inside the extension's folder).
        ...(opts.web ? { 'remote.extensionKind': { [extId]: ['web'] } } : {}),
      },
      extensionDevelopmentPath: extDir,
      extensionTestsPath: testsPath,
      extensionDevelopmentKind: opts.web ? 'web' : undefined,
      onServerLine,
      onLog: (level, args) => {
        const text = formatLogArgs(args);
        if (WORKBENCH_NOISE.test(text)) {
          if (verbose) process.stderr.write(`[workbench ${level}] ${text}\n`);
          return;
        }
        // Hold back the suite's closing `N passed, N failed` line: it is printed
        // last, after our own messages, so it stays the output's closing line.
        const lines = text.replace(/\n$/, '').split('\n');
        const kept = lines.filter((l) => !(SUMMARY.test(l) && (summary = l.trim())));
        if (kept.length) process.stdout.write(`${kept.join('\n')}\n`);
      },
      beforeGoto: async (page) => {
        await page.exposeFunction('codeAutomationExit', (exitCode, logs) => {
          hostLogs = Array.isArray(logs) ? logs : [];
          reportExit(typeof exitCode === 'number' ? exitCode : 1);
        });
        page.on('pageerror', (err) => {
          if (verbose) process.stderr.write(`[page error] ${err?.stack ?? err}\n`);
        });
        if (verbose) page.on('console', (msg) => process.stderr.write(`[browser ${msg.type()}] ${msg.text()}\n`));
        page.on('crash', () => reportFailure(new Error('the workbench page crashed')));
      },
    },
    async ({ server }) => {
      userDataDir = server.dirs['user-data'];
      const serverDied = server.exited.then((e) => {
        throw new Error(`code-server exited unexpectedly (${e.code ?? e.signal}):\n${serverTail.slice(-30).join('\n')}`);
      });
      return Promise.race([exitReported, serverDied]);
    },
  )
    .catch((err) => {
      if (exitRequested() === null) log(`ERROR: ${err.message}`);
      return 1;
    })
    .finally(() => {
      clearTimeout(softTimer);
      clearTimeout(hardTimer);
    });

  if (exitRequested() !== null) return exitRequested(); // interrupted: cleanup is under way
  // A crashed extension host can still report exit code 0: success needs the suite's own summary.
  let code = reported;
  if (code === 0 && !/^\d*[1-9]\d* passed, 0 failed$/.test(summary ?? '')) {
    log(`ERROR: exit code 0 but the suite's summary is ${summary ? `"${summary}"` : 'missing'}: the extension host may have crashed`);
    code = 1;
  }
  // code-server has stopped (logs flushed); its temp folders go at the final cleanup.
  const extErrors = userDataDir ? findExtensionErrors(userDataDir, extDir, extId) : [];
  // --web: the web worker extension host logs in the browser; the workbench hands its logs over.
  for (const entry of hostLogs) {
    if (/(^|[\\/])workerexthost\.log$/.test(entry?.relativePath ?? '')) extErrors.push(...extensionErrorsIn(String(entry.contents ?? ''), extDir, extId));
  }
  if (code !== 0) {
    for (const line of userDataDir ? findHostExits(userDataDir) : []) log(`ERROR: ${line}`);
    if (userDataDir && existsSync(path.join(userDataDir, 'logs'))) {
      cpSync(path.join(userDataDir, 'logs'), path.join(savedLogs, 'server'), { recursive: true });
    }
    // The workbench's (browser-side) logs, handed over with the exit code.
    for (const entry of hostLogs) {
      if (!entry?.relativePath) continue;
      const file = path.join(savedLogs, 'workbench', path.normalize(entry.relativePath).replace(/^(\.\.[\\/])+/, ''));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, String(entry.contents ?? ''));
    }
    if (existsSync(savedLogs)) log(`VS Code logs of this run saved under ${path.relative(process.cwd(), savedLogs) || savedLogs}`);
  }
  if (extErrors.length) {
    console.log('');
    console.log(`=== ${extErrors.length} error(s) from extension ${extId} in the extension host log ===`);
    for (const e of extErrors) console.log(e);
    console.log('=== end of extension errors ===');
  }
  log(`finished with exit code ${code} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (summary) console.log(summary);
  return code;
}

// ------------------------------------------------------------------ start

/** The path of an executable on the PATH (with PATHEXT's extensions on Windows), or ''. */
function findOnPath(name) {
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';') : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const file = path.join(dir, name + ext);
      if (existsSync(file)) return file;
    }
  }
  return '';
}

async function start(opts) {
  const folder = path.resolve(opts.workspace ?? path.join(REPO, 'test', 'fixtures'));
  const desktop = findOnPath('code');
  // code-server's integrated terminal puts its own remote `code` CLI on PATH; that is not a desktop VS Code.
  if (desktop && !process.env.VSCODE_IPC_HOOK_CLI && !process.env.DA_NO_DESKTOP) {
    checkExtensionBuilt(REPO);
    log(`opening desktop VS Code (${desktop}) with the extension loaded; set DA_NO_DESKTOP=1 to use the browser host instead`);
    // On Windows `code` is code.cmd, which Node runs only through a shell; quote the paths for it.
    const win = process.platform === 'win32';
    const args = [`--extensionDevelopmentPath=${REPO}`, folder].map((a) => (win ? `"${a}"` : a));
    const child = spawn(win ? `"${desktop}"` : desktop, args, { stdio: 'inherit', shell: win });
    return new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  }
  checkExtensionBuilt(REPO);
  const blockers = hostBlockers();
  if (blockers.length) {
    throw new Error(`no desktop VS Code (\`code\`) on the PATH, and the offline VS Code cannot be set up here: ${blockers.join('; ')}`);
  }
  const setup = spawnSync('bash', [path.join(REPO, 'scripts', 'setup-host.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) throw new Error(`scripts/setup-host.sh failed (${setup.error?.message ?? `exit ${setup.status}`})`);
  const server = await startCodeServer({
    port: opts.port ?? process.env.DA_PORT,
    onLine: (line) => process.env.DA_VERBOSE && process.stderr.write(`[code-server] ${line}\n`),
  });
  const url = workbenchUrl(server.baseUrl, { folder, extensionDevelopmentPath: REPO });
  console.log('');
  console.log('VS Code (code-server) is running with the extension loaded. Open this URL in a browser');
  console.log('(use it as is: the extension path is tied to the 127.0.0.1:<port> address):');
  console.log('');
  console.log(`  ${url}`);
  console.log('');
  console.log('After `npm run build`, reload the page (or run "Developer: Reload Window"). Ctrl-C stops the server.');
  const e = await server.exited;
  log(`code-server exited (${e.code ?? e.signal})`);
  return 1;
}

// ------------------------------------------------------------------ screenshot

async function shot(opts, positionals) {
  const [file, out] = positionals;
  if (!file || !out) throw new Error(`screenshot needs FILE and OUT.png\n${USAGE}`);
  const extDir = path.resolve(opts.extension ?? REPO);
  checkExtensionBuilt(extDir);
  const folder = copyWorkspace(path.resolve(opts.workspace ?? path.join(REPO, 'test', 'fixtures')));
  const verbose = !!process.env.DA_VERBOSE;
  const result = await screenshot({
    folder,
    file,
    out,
    hover: opts.hover,
    extensionDevelopmentPath: extDir,
    onLog: verbose ? (level, m) => process.stderr.write(`[workbench ${level}] ${m}\n`) : undefined,
  });
  if (result.hoverText !== undefined) console.log(`hover text:\n${result.hoverText}`);
  console.log(`saved ${result.out}`);
  return 0;
}

// ------------------------------------------------------------------ main

async function main() {
  // Signals and the end of npm (`npm start` stopped by its pid) stop code-server and Chromium.
  exitWithParent();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      extension: { type: 'string' },
      tests: { type: 'string' },
      workspace: { type: 'string' },
      hover: { type: 'string' },
      port: { type: 'string' },
      restricted: { type: 'boolean' },
      web: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [mode, ...rest] = positionals;
  if (values.help || !mode) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  switch (mode) {
    case 'test':
      return runTests(values);
    case 'start':
      return start(values);
    case 'screenshot':
      return shot(values, rest);
    default:
      console.error(`unknown mode ${mode}\n${USAGE}`);
      return 2;
  }
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  log(`ERROR: ${err?.message ?? err}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitRequested() ?? exitCode);
