/**
 * The entry point VS Code's extension host loads (`extensionTestsPath`): runs the integration
 * tests with mocha and rejects when one fails, which makes the host exit non-zero.
 *
 * The files run in a fixed order: activation first (it checks that opening a communiqué is what
 * activates the extension), then the features, the commands, the settings and the lexicon, which
 * change the workspace as they go; the crash suite, which kills the language server, runs last.
 * In an untrusted workspace (the second code-server run of runTests.ts) only untrusted.test.js
 * runs, and it runs nowhere else.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

const ORDER = ['activation', 'features', 'commands', 'settings', 'lexicon'];
const LAST = ['crash'];
/** Suites of the untrusted-workspace run (runTests.ts): run there, and only there. */
const UNTRUSTED = ['untrusted'];

export async function run(): Promise<void> {
  const { default: Mocha } = await import('mocha');
  // No colours: the reporter's output travels through the browser console to a log file.
  // COMMUNIQUE_GREP: only the tests whose full title matches (for development). runner.total then
  // counts only those, so runTests.ts still fails a run that lost one, or that selected none.
  const grep = process.env['COMMUNIQUE_GREP'];
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000, ...(grep !== undefined && grep !== '' ? { grep } : {}) });
  const untrusted = !vscode.workspace.isTrusted;
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.test.js') && UNTRUSTED.includes(f.replace(/\.test\.js$/, '')) === untrusted);
  const rank = (file: string): number => {
    const name = file.replace(/\.test\.js$/, '');
    // The crash suite kills the language server again and again: it runs after everything else.
    if (LAST.includes(name)) return ORDER.length + 1 + LAST.indexOf(name);
    const i = ORDER.indexOf(name);
    return i < 0 ? ORDER.length : i;
  };
  files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const file of files) mocha.addFile(join(__dirname, file));
  if (!existsSync(join(__dirname, 'activation.test.js'))) throw new Error(`No compiled integration tests in ${__dirname}: run \`npx tsc -b\``);

  const counts = { total: 0, passed: 0, failed: 0, pending: 0 };
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      const runner = mocha.run(resolve);
      counts.total = runner.total;
      runner.on('pass', () => counts.passed++);
      runner.on('fail', () => counts.failed++);
      runner.on('pending', () => counts.pending++);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  // runTests.ts reads this file: a host that dies mid-run never writes it, so a lost extension
  // host cannot pass for a green run.
  const resultFile = process.env['COMMUNIQUE_RESULT_FILE'];
  if (resultFile !== undefined && resultFile !== '') writeFileSync(resultFile, `${JSON.stringify(counts)}\n`);
  if (failures > 0) throw new Error(`${failures} integration test${failures === 1 ? '' : 's'} failed`);
}
