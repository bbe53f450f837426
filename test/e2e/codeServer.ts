/**
 * Runs code-server 4.139.1 (Code-OSS 1.139.1) under Node 24 for the browser end-to-end test, the
 * way ../shared/design/VSCODE-TESTS.md describes: every folder it writes to (user data,
 * extensions, config, XDG dirs) under one temporary root, a free local port, readiness through
 * `GET /healthz`, and its own process group, killed as a whole at the end (its remote extension
 * host otherwise outlives the browser for hours).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync, type WriteStream } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface CodeServerOptions {
  /** Node 24's executable. */
  node: string;
  /** code-server's out/node/entry.js. */
  entry: string;
  /** A fresh temporary folder that code-server may fill. */
  root: string;
  /** Written to <user-data-dir>/User/settings.json. */
  userSettings: Record<string, unknown>;
  /** code-server's stdout and stderr go here. */
  logFile: string;
}

/** A running code-server. */
export interface CodeServer {
  url: string;
  port: number;
  extensionsDir: string;
  /** Kills the whole process group; waits (bounded) for the leader to exit. */
  stop(): Promise<void>;
}

/** The folders of one code-server instance, all under `root`. */
function layout(root: string) {
  return {
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    config: join(root, 'config.yaml'),
    xdg: { XDG_CONFIG_HOME: join(root, 'xdg', 'config'), XDG_DATA_HOME: join(root, 'xdg', 'data'), XDG_CACHE_HOME: join(root, 'xdg', 'cache') },
  };
}

function environment(root: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...layout(root).xdg };
  // npm's variables (from `npm run test:e2e`) would reach the extension host and its children.
  for (const name of Object.keys(env)) if (name.startsWith('npm_')) delete env[name];
  return env;
}

function commonArgs(root: string): string[] {
  const l = layout(root);
  return ['--config', l.config, '--user-data-dir', l.userDataDir, '--extensions-dir', l.extensionsDir];
}

/** Prepares the folders and the user settings; returns the extensions folder. */
export function prepareCodeServer(options: CodeServerOptions): string {
  const l = layout(options.root);
  for (const dir of [l.userDataDir, l.extensionsDir, ...Object.values(l.xdg)]) mkdirSync(dir, { recursive: true });
  mkdirSync(join(l.userDataDir, 'User'), { recursive: true });
  writeFileSync(join(l.userDataDir, 'User', 'settings.json'), JSON.stringify(options.userSettings, null, 2));
  // Without a config file code-server writes one with a generated password into XDG_CONFIG_HOME.
  writeFileSync(l.config, 'auth: none\ncert: false\n');
  return l.extensionsDir;
}

/** `code-server --install-extension <vsix>`: installs into the instance's extensions folder and exits. */
export function installExtension(options: CodeServerOptions, vsix: string, timeoutMs: number): string {
  const result = spawnSync(options.node, [options.entry, ...commonArgs(options.root), '--install-extension', vsix], {
    env: environment(options.root),
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error !== undefined || result.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed (${result.error?.message ?? `exit code ${result.status}`}):\n${output}`);
  }
  return output.trim();
}

/** Starts code-server on a free port with `folder` open by default, and waits until /healthz answers. */
export async function startCodeServer(options: CodeServerOptions, folder: string, timeoutMs: number): Promise<CodeServer> {
  const port = await freePort();
  const args = [
    options.entry,
    ...commonArgs(options.root),
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--bind-addr',
    `127.0.0.1:${port}`,
    folder,
  ];
  const log = createWriteStream(options.logFile);
  const child = spawn(options.node, args, { env: environment(options.root), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const server: CodeServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    extensionsDir: layout(options.root).extensionsDir,
    stop: () => stopGroup(child, log),
  };
  try {
    await waitForHealth(server.url, child, timeoutMs);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return server;
}

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Polls /healthz until it answers 200; fails early when code-server exits. */
async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `code-server exited (${signal ?? code}) before it was ready`));
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(exited);
    if ((await statusOf(`${url}/healthz`)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

function statusOf(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request(url, { timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

/** SIGTERM to the process group, SIGKILL after 5 s if the leader is still there. */
async function stopGroup(child: ChildProcess, log: WriteStream): Promise<void> {
  const pid = child.pid;
  if (pid !== undefined && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup(pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  // Children that ignored SIGTERM (the extension host, the language server) go now.
  if (pid !== undefined) signalGroup(pid, 'SIGKILL');
  await new Promise<void>((resolve) => log.end(resolve));
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
