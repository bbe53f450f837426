/**
 * Runs the integration suite (test/integration/suite) inside a real VS Code extension host with
 * `@vscode/test-electron`'s `runTests`, on a temporary copy of test/fixtures/workspace.
 *
 * Which VS Code, chosen by COMMUNIQUE_CODE_SERVER:
 *   - `1`: code-server 4.139.1 (Code-OSS 1.139.1) through test/integration/host/codeServerHost.mjs,
 *     passed as `vscodeExecutablePath`; it needs the tools of `npm run setup:tools` (Node 24,
 *     code-server, Chromium) and fails, saying so, without them. CI sets this.
 *   - `0`: VS Code downloaded by test-electron, twice: the current stable release and the minimum
 *     of `engines.vscode` (on Linux without a display, run under `xvfb-run -a`).
 *   - unset: downloaded VS Code when update.code.visualstudio.com answers, code-server otherwise
 *     (this machine has no internet but the npm registry and Debian's mirror).
 * Both go through the same `runTests` call; only `vscodeExecutablePath`/`version` differ.
 *
 * In code-server the suite runs a second time in an untrusted workspace (Restricted Mode, issue 6):
 * the host keeps workspace trust on (COMMUNIQUE_WORKSPACE_TRUST=1), the profile never prompts, and
 * the workspace copy gets lexicons inside and outside it (untrustedWorkspace below); the suite then
 * runs only suite/untrusted.test.ts. A downloaded VS Code cannot do this run: test-electron always
 * passes --disable-workspace-trust.
 *
 * Other environment: COMMUNIQUE_TOOLS (see test/tools.ts), COMMUNIQUE_HOST_TIMEOUT (seconds, the
 * host's bound on one run), COMMUNIQUE_KEEP_TEMP=1 (keep the workspace copy to inspect it).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { missingTool, toolsDir, type ToolName } from '../tools';

const REPO = resolve(__dirname, '..', '..', '..');
const SUITE = join(REPO, 'test', 'out', 'integration', 'suite', 'index.js');
const FIXTURE = join(REPO, 'test', 'fixtures', 'workspace');
const HOST = join(REPO, 'test', 'integration', 'host', 'codeServerHost.mjs');
const CODE_SERVER_TOOLS: readonly ToolName[] = ['node24', 'codeServer', 'chromium'];

/** The user settings of the test profile. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'files.autoSave': 'off',
};

type Target = { kind: 'code-server' } | { kind: 'download'; version: string };

/** The user settings of the untrusted run: trust on, and no prompt or banner to answer. */
const UNTRUSTED_USER_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

function actorLexicon(id: string, name: string): string {
  return `version: 1\nentries:\n  - id: ${id}\n    category: actor\n    type: person\n    name: ${name}\n    names:\n      fr: [${name}]\n`;
}

/**
 * The untrusted workspace: a workspace lexicon (data: it loads), a lexicon outside the workspace
 * named in the user settings (the server must ignore it until trust), another one named in the
 * workspace's own .vscode/settings.json (VS Code itself withholds it: restrictedConfigurations),
 * and a communiqué naming the three actors. Returns the user settings to add.
 */
function untrustedWorkspace(temp: string, workspace: string): Record<string, unknown> {
  const outside = join(temp, 'outside');
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'people.yaml'), actorLexicon('bostyn', 'Francisca Bostyn'));
  writeFileSync(join(outside, 'escape.yaml'), actorLexicon('quiroga', 'Ximena Quiroga'));
  mkdirSync(join(workspace, '.communique'), { recursive: true });
  writeFileSync(join(workspace, '.communique', 'lexicon.yaml'), actorLexicon('valdeolmos', 'Ramiro Valdeolmos'));
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), `${JSON.stringify({ 'communique.lexicon.paths': [join(outside, 'escape.yaml')] }, null, 2)}\n`);
  writeFileSync(
    join(workspace, 'press', 'non-fiable.md'),
    '---\ntitle: Espace non fiable\nlang: fr\n---\nLe capitaine Ramiro Valdeolmos a reçu Francisca Bostyn et Ximena Quiroga à Madrid.\n',
  );
  return { ...UNTRUSTED_USER_SETTINGS, 'communique.lexicon.paths': [join(outside, 'people.yaml')] };
}

/** Whether the VS Code update service answers within a few seconds. */
function vscodeDownloadReachable(): Promise<boolean> {
  return new Promise((resolveReachable) => {
    const request = get('https://update.code.visualstudio.com/api/releases/stable', (response) => {
      response.resume();
      resolveReachable((response.statusCode ?? 500) < 500);
    });
    request.setTimeout(4000, () => request.destroy());
    request.on('error', () => resolveReachable(false));
  });
}

/** The minimum VS Code of engines.vscode ("^1.138.0" -> "1.138.0"). */
function minimumVersion(): string {
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { engines?: { vscode?: string } };
  const range = manifest.engines?.vscode ?? '';
  const version = /(\d+\.\d+\.\d+)/.exec(range)?.[1];
  if (version === undefined) throw new Error(`package.json engines.vscode (${JSON.stringify(range)}) names no version`);
  return version;
}

/** The VS Code builds to run the suite in, per COMMUNIQUE_CODE_SERVER. */
async function targets(): Promise<Target[]> {
  const setting = process.env['COMMUNIQUE_CODE_SERVER'];
  const download = (): Target[] => [
    { kind: 'download', version: 'stable' },
    { kind: 'download', version: minimumVersion() },
  ];
  if (setting === '0') return download();
  if (setting === undefined || setting === '') {
    if (await vscodeDownloadReachable()) return download();
    console.log('integration: VS Code downloads are unreachable here: using code-server (set COMMUNIQUE_CODE_SERVER=0 to force a download).');
  }
  const missing = CODE_SERVER_TOOLS.map(missingTool).filter((m): m is string => m !== undefined);
  if (missing.length > 0) {
    throw new Error(`The integration tests need code-server, Node 24 and Chromium (tools folder ${toolsDir}):\n  - ${missing.join('\n  - ')}\nRun \`npm run setup:tools\` first.`);
  }
  return [{ kind: 'code-server' }];
}

/** One run of the suite in a fresh copy of the fixture workspace and a fresh profile. */
async function runOnce(target: Target, trust: 'trusted' | 'untrusted' = 'trusted'): Promise<void> {
  const temp = mkdtempSync(join(tmpdir(), 'communique-integration-'));
  const workspace = join(temp, 'workspace');
  cpSync(FIXTURE, workspace, { recursive: true });
  const extraSettings = trust === 'untrusted' ? untrustedWorkspace(temp, workspace) : {};
  // A quiet profile: no startup editor, no chat (its input box is a plaintext model: it would
  // start the language server on a chat prompt), no update checks.
  const userSettings = join(temp, 'user-data', 'User', 'settings.json');
  mkdirSync(dirname(userSettings), { recursive: true });
  writeFileSync(userSettings, `${JSON.stringify({ ...USER_SETTINGS, ...extraSettings }, null, 2)}\n`);
  const launchArgs = [workspace, `--user-data-dir=${join(temp, 'user-data')}`, `--extensions-dir=${join(temp, 'extensions')}`];
  const label = `${target.kind === 'code-server' ? 'code-server 4.139.1 (Code-OSS 1.139.1)' : `downloaded VS Code ${target.version}`}${trust === 'untrusted' ? ', untrusted workspace' : ''}`;
  console.log(`integration: running the suite in ${label} on ${workspace}`);
  const started = Date.now();
  const resultFile = join(temp, 'result.json');
  try {
    await runTests({
      extensionDevelopmentPath: REPO,
      extensionTestsPath: SUITE,
      launchArgs,
      // COMMUNIQUE_WORKSPACE_TRUST is read by the code-server host (keep workspace trust on);
      // COMMUNIQUE_RESULT_FILE by the suite, which writes its counts there when mocha ends.
      extensionTestsEnv: { COMMUNIQUE_RESULT_FILE: resultFile, ...(trust === 'untrusted' ? { COMMUNIQUE_WORKSPACE_TRUST: '1' } : {}) },
      ...(target.kind === 'code-server'
        ? { vscodeExecutablePath: HOST }
        : { version: target.version, cachePath: join(toolsDir, 'vscode-test') }),
    });
    checkCompleted(resultFile, label);
  } finally {
    console.log(`integration: ${label} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (process.env['COMMUNIQUE_KEEP_TEMP'] === '1') console.log(`integration: workspace kept in ${workspace}`);
    else rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * A run only counts when the suite says it ran every test it loaded: an extension host that dies
 * or hangs mid-run can end with exit code 0 and the later suites silently not run.
 */
function checkCompleted(resultFile: string, label: string): void {
  if (!existsSync(resultFile)) throw new Error(`${label}: the suite never reported its results (the extension host ended before mocha finished)`);
  const counts = JSON.parse(readFileSync(resultFile, 'utf8')) as { total: number; passed: number; failed: number; pending: number };
  const ran = counts.passed + counts.failed + counts.pending;
  if (counts.total === 0 || ran < counts.total) throw new Error(`${label}: ${ran} of ${counts.total} integration tests ran`);
  console.log(`integration: ${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.pending} pending of ${counts.total}`);
}

async function main(): Promise<void> {
  for (const [path, hint] of [
    [SUITE, 'the suite is not compiled: run `npm run build`'],
    [join(REPO, 'dist', 'extension.js'), 'the extension is not bundled: run `npm run build`'],
    [join(REPO, 'dist', 'server.js'), 'the language server is not bundled: run `npm run build`'],
  ] as const) {
    if (!existsSync(path)) throw new Error(`${path} is missing: ${hint}`);
  }
  for (const target of await targets()) {
    await runOnce(target);
    if (target.kind === 'code-server') await runOnce(target, 'untrusted');
    else console.log(`integration: no untrusted-workspace run in downloaded VS Code ${target.version}: test-electron always passes --disable-workspace-trust`);
  }
}

main().catch((error: unknown) => {
  console.error(`integration: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
