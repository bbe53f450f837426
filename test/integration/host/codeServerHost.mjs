#!/usr/bin/env node
/**
 * A stand-in for the VS Code executable that `@vscode/test-electron`'s `runTests` launches
 * (`vscodeExecutablePath`), for machines where no desktop VS Code can be downloaded: it runs the
 * extension tests in code-server (Code-OSS 1.139.1) driven by headless Debian Chromium, as
 * ../shared/design/VSCODE-TESTS.md describes.
 *
 * Accepts what runTests passes: --extensionDevelopmentPath=DIR (repeatable),
 * --extensionTestsPath=FILE, --user-data-dir=DIR, --extensions-dir=DIR, and a folder (or a file,
 * whose folder is opened) from launchArgs; other desktop flags (--no-sandbox, --disable-gpu-sandbox,
 * --skip-welcome...) are accepted and ignored. Then:
 *   1. starts code-server (Node 24) in its own process group with the smoke-test driver on, the
 *      XDG folders in a temporary folder, and waits for /healthz;
 *   2. opens the workbench in headless Chromium with the test payload, after exposing
 *      codeAutomationLog (the extension host's console, mocha's reporter included: printed to
 *      stdout) and codeAutomationExit (mocha's exit code);
 *   3. exits with that code, after closing the browser and killing code-server's process group
 *      (its extension host otherwise lingers for hours).
 *
 * Environment: COMMUNIQUE_TOOLS (where setupTools.sh installed Node 24 and code-server),
 * COMMUNIQUE_CHROMIUM (default /usr/bin/chromium), COMMUNIQUE_HOST_TIMEOUT (seconds for the whole
 * run, default 600), COMMUNIQUE_HOST_VERBOSE=1 (also print code-server's own log),
 * COMMUNIQUE_KEEP_TEMP=1 (keep the temporary folder).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { format } from 'node:util';

const TOOLS = process.env.COMMUNIQUE_TOOLS || join(homedir(), '.cache', 'communique-tools');
const NODE24 = join(TOOLS, 'node24', 'bin', 'node');
const CODE_SERVER = join(TOOLS, 'code-server', 'lib', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.COMMUNIQUE_CHROMIUM || '/usr/bin/chromium';
const RUN_TIMEOUT_MS = Number(process.env.COMMUNIQUE_HOST_TIMEOUT || 600) * 1000;
const VERBOSE = process.env.COMMUNIQUE_HOST_VERBOSE === '1';
const HEALTH_TIMEOUT_MS = 90_000;
const SETUP_HINT = 'run `npm run setup:tools` (as root or with sudo)';

/** Prints a line of the host itself (not of the tests). */
function say(message) {
  process.stdout.write(`[code-server-host] ${message}\n`);
}

/** The flags runTests passes; values come as --name=value or --name value. */
function parseArguments(argv) {
  const valued = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir']);
  const out = { extensionDevelopmentPath: [], extensionTestsPath: undefined, userDataDir: undefined, extensionsDir: undefined, open: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      out.open.push(resolve(arg));
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!valued.has(name)) continue;
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new Error(`${arg} needs a value`);
    if (name === 'extensionDevelopmentPath') out.extensionDevelopmentPath.push(resolve(value));
    else if (name === 'extensionTestsPath') out.extensionTestsPath = resolve(value);
    else if (name === 'user-data-dir') out.userDataDir = resolve(value);
    else out.extensionsDir = resolve(value);
  }
  if (out.extensionDevelopmentPath.length === 0) throw new Error('--extensionDevelopmentPath is required');
  if (out.extensionTestsPath === undefined) throw new Error('--extensionTestsPath is required');
  return out;
}

/** A port nobody listens on now. */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** The HTTP status of a GET, or 0 when nothing answers. */
function httpStatus(url) {
  return new Promise((resolveStatus) => {
    const request = get(url, (response) => {
      response.resume();
      resolveStatus(response.statusCode ?? 0);
    });
    request.setTimeout(2000, () => request.destroy());
    request.on('error', () => resolveStatus(0));
  });
}

/** The last lines of a log file, for an error report. */
function tail(file, lines = 40) {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

async function main() {
  const args = parseArguments(process.argv.slice(2));
  for (const [path, what] of [
    [NODE24, 'Node 24'],
    [CODE_SERVER, 'code-server 4.139.1'],
    [CHROMIUM, 'Chromium'],
  ]) {
    if (!existsSync(path)) throw new Error(`${what} is missing (no ${path}): ${SETUP_HINT}.`);
  }
  let playwright;
  try {
    playwright = await import('playwright-core');
  } catch (e) {
    throw new Error(`playwright-core is not installed (${e.message}): run \`npm ci\`.`);
  }

  const temp = mkdtempSync(join(tmpdir(), 'communique-code-server-'));
  const userDataDir = args.userDataDir ?? join(temp, 'user-data');
  const extensionsDir = args.extensionsDir ?? join(temp, 'extensions');
  for (const dir of [userDataDir, extensionsDir, join(temp, 'xdg-config'), join(temp, 'xdg-data'), join(temp, 'xdg-cache'), join(temp, 'chromium')]) {
    mkdirSync(dir, { recursive: true });
  }
  // VS Code would open the last folder again, or a welcome page, without these.
  const userSettings = join(userDataDir, 'User', 'settings.json');
  if (!existsSync(userSettings)) {
    mkdirSync(dirname(userSettings), { recursive: true });
    writeFileSync(
      userSettings,
      JSON.stringify({ 'workbench.startupEditor': 'none', 'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'telemetry.telemetryLevel': 'off' }, null, 2),
    );
  }
  const configFile = join(temp, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const serverLog = join(temp, 'code-server.log');

  let server;
  let context;
  let exitCode = 1;
  const cleanup = async () => {
    if (context !== undefined) {
      const closing = context.close().catch(() => undefined);
      context = undefined;
      await Promise.race([closing, delay(10_000)]);
    }
    if (server !== undefined && server.exitCode === null && server.signalCode === null) {
      const group = -server.pid;
      try {
        process.kill(group, 'SIGTERM');
      } catch {
        // already gone
      }
      const exited = new Promise((r) => server.once('exit', r));
      if ((await Promise.race([exited.then(() => true), delay(5000).then(() => false)])) === false) {
        try {
          process.kill(group, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    // The extension host and its language server are in the same group; kill any straggler.
    if (server !== undefined) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // the group is empty
      }
    }
    if (process.env.COMMUNIQUE_KEEP_TEMP === '1') say(`temporary folder kept: ${temp}`);
    else rmSync(temp, { recursive: true, force: true });
  };
  const interrupted = (signal) => {
    say(`${signal}: stopping code-server`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    const port = await freePort();
    const logFd = openSync(serverLog, 'a');
    const started = Date.now();
    server = spawn(
      NODE24,
      [
        CODE_SERVER,
        '--config', configFile,
        '--user-data-dir', userDataDir,
        '--extensions-dir', extensionsDir,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        // COMMUNIQUE_WORKSPACE_TRUST=1: the untrusted-workspace run (runTests.ts) needs trust on.
        ...(process.env.COMMUNIQUE_WORKSPACE_TRUST === '1' ? [] : ['--disable-workspace-trust']),
        '--disable-getting-started-override',
        '--bind-addr', `127.0.0.1:${port}`,
        '--vscode-option', 'enable-smoke-test-driver',
      ],
      {
        // Its own process group, killed as a whole at the end (VSCODE-TESTS.md).
        detached: true,
        stdio: ['ignore', logFd, logFd],
        env: {
          ...process.env,
          XDG_CONFIG_HOME: join(temp, 'xdg-config'),
          XDG_DATA_HOME: join(temp, 'xdg-data'),
          XDG_CACHE_HOME: join(temp, 'xdg-cache'),
        },
      },
    );
    const serverExited = new Promise((r) => server.once('exit', (code, signal) => r(`code-server exited early (${signal ?? code})`)));

    const base = `http://127.0.0.1:${port}`;
    const healthy = (async () => {
      while (Date.now() - started < HEALTH_TIMEOUT_MS) {
        if ((await httpStatus(`${base}/healthz`)) === 200) return undefined;
        await delay(200);
      }
      return `code-server did not answer ${base}/healthz within ${HEALTH_TIMEOUT_MS / 1000} s`;
    })();
    const healthProblem = await Promise.race([healthy, serverExited]);
    if (healthProblem !== undefined) throw new Error(`${healthProblem}\n--- code-server log ---\n${tail(serverLog)}`);
    say(`code-server ${base} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    context = await playwright.chromium.launchPersistentContext(join(temp, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = context.pages()[0] ?? (await context.newPage());

    let finish;
    const testsDone = new Promise((r) => (finish = r));
    // The workbench's and the extension host's console; mocha's reporter writes through it.
    await page.exposeFunction('codeAutomationLog', (_type, logArgs) => {
      process.stdout.write(`${format(...(Array.isArray(logArgs) ? logArgs : [logArgs]))}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      finish({ code: typeof code === 'number' ? code : 1 });
    });
    page.on('crash', () => finish({ code: 1, problem: 'the workbench page crashed' }));
    if (VERBOSE) page.on('console', (message) => say(`browser ${message.type()}: ${message.text()}`));

    const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
    const payload = [
      ...args.extensionDevelopmentPath.map((path) => ['extensionDevelopmentPath', remote(path)]),
      ['extensionTestsPath', remote(args.extensionTestsPath)],
    ];
    let url = `${base}/?payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const open = args.open[0];
    if (open !== undefined) {
      const folder = existsSync(open) && statSync(open).isFile() ? dirname(open) : open;
      url += `&folder=${encodeURIComponent(folder)}`;
    } else {
      url += '&ew=true';
    }
    say(`opening the workbench${open === undefined ? '' : ` on ${open}`}`);
    await page.goto(url);

    const outcome = await Promise.race([
      testsDone,
      serverExited.then((problem) => ({ code: 1, problem })),
      delay(RUN_TIMEOUT_MS).then(() => ({ code: 1, problem: `the tests did not finish within ${RUN_TIMEOUT_MS / 1000} s (COMMUNIQUE_HOST_TIMEOUT)` })),
    ]);
    exitCode = outcome.code;
    if (outcome.problem !== undefined) say(outcome.problem);
    say(`extension tests exited with ${exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (VERBOSE || exitCode !== 0) process.stdout.write(`--- code-server log (last lines) ---\n${tail(serverLog)}\n`);
  } finally {
    await cleanup();
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`[code-server-host] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
