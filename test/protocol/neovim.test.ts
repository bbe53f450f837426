/**
 * Headless Neovim 0.7 (Debian's `neovim`) as a real third-party LSP client: it starts
 * `communique lsp --stdio`, receives pushed diagnostics (Neovim 0.7 has no pull diagnostics),
 * applies the source.fixAll.communique action with its own workspace-edit code, and writes the
 * file. The test then reads the file from disk. See test/protocol/neovim/tagAll.lua.
 *
 * Without `nvim` the test fails and says how to install it: a skipped client test would pass CI
 * without testing anything.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './harness';

const SCRIPT = join(ROOT, 'test', 'protocol', 'neovim', 'tagAll.lua');
const FIXTURE = join(ROOT, 'server', 'examples', 'fr-dgsn-operation-conjointe.communique.md');
const NVIM_TIMEOUT_MS = 60_000;

interface Report {
  diagnostics: { code: string; data: { code: string; category?: string; value?: string; key?: string }; message: string }[];
  actions: { title: string; kind: string }[];
  log: string[];
}

/** Runs Neovim headless on the Lua script; resolves with its exit status and output. */
function runNeovim(env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  // pcall(dofile): a Lua error must end Neovim with a status, not leave it waiting for input.
  const bootstrap = `lua local ok, err = pcall(dofile, ${JSON.stringify(SCRIPT)}); if not ok then io.stderr:write(tostring(err) .. '\\n'); vim.cmd('cquit 7') end`;
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', bootstrap], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neovim did not finish within ${NVIM_TIMEOUT_MS} ms:\n${output}`));
    }, NVIM_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}

describe('protocol: headless Neovim 0.7 as the client', function () {
  this.timeout(NVIM_TIMEOUT_MS + 10_000);
  let folder: string | undefined;
  afterEach(() => {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  });

  it('receives diagnostics and applies the tag-all action, which writes the front matter to disk', async () => {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.ok(
      version.error === undefined && version.status === 0,
      'Neovim is required for this test and is not installed (or not on PATH). Install it with ' +
        '`sudo apt-get install -y neovim` (Debian 12 ships 0.7.2), then run the tests again.',
    );

    folder = realpathSync(mkdtempSync(join(tmpdir(), 'communique-nvim-')));
    mkdirSync(join(folder, 'communiques'));
    const file = join(folder, 'communiques', 'fr-dgsn-operation-conjointe.communique.md');
    copyFileSync(FIXTURE, file);
    const original = readFileSync(file, 'utf8');
    const reportPath = join(folder, 'report.json');

    const { status, output } = await runNeovim({
      COMMUNIQUE_LSP_CMD: JSON.stringify([process.execPath, join(ROOT, 'dist', 'cli.js'), 'lsp', '--stdio']),
      COMMUNIQUE_FILE: file,
      COMMUNIQUE_ROOT: folder,
      COMMUNIQUE_REPORT: reportPath,
    });
    let report: Report | undefined;
    try {
      report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
    } catch {
      // No report: the status and output below say why.
    }
    assert.equal(status, 0, `Neovim exited with ${status}\n${output}\nreport: ${JSON.stringify(report?.log)}`);
    assert.ok(report);

    // What Neovim received: pushed diagnostics with their codes and data, and the fix-all action.
    const untagged = report.diagnostics.filter((d) => d.code === 'entity.untagged');
    assert.ok(untagged.length >= 5, JSON.stringify(report.diagnostics.map((d) => d.message)));
    assert.ok(report.diagnostics.some((d) => d.code === 'header.date'));
    assert.deepEqual(
      report.actions.map((a) => a.kind),
      ['source.fixAll.communique'],
    );

    // The file on disk: a new front matter block, then the original text byte for byte.
    const written = readFileSync(file, 'utf8');
    assert.ok(written.endsWith(original), 'the body is unchanged');
    const block = written.slice(0, written.length - original.length);
    assert.match(block, /^---\n[\s\S]*\n---\n$/);
    const tags = parse(block.slice(4, -4)) as Record<string, string[]>;
    // Every value an entity.untagged diagnostic announced, under its key, in first-mention order.
    const expected: Record<string, string[]> = {};
    for (const d of untagged) (expected[d.data.key!] ??= []).push(d.data.value!);
    assert.deepEqual(tags, expected);
    // And, independently of the diagnostics, the entities a reader sees in this release.
    assert.ok(tags['countries']!.includes('ES') && tags['countries']!.includes('MA') && tags['countries']!.includes('BE'), JSON.stringify(tags));
    assert.ok(tags['actors']!.includes('Direction générale de la Sûreté nationale'), JSON.stringify(tags));
    assert.ok(tags['actors']!.includes('Guardia Civil') && tags['actors']!.includes('Europol'), JSON.stringify(tags));
    assert.ok(tags['threats']!.includes('drug-trafficking'), JSON.stringify(tags));
    assert.ok(tags['regions']!.includes('strait-of-gibraltar'), JSON.stringify(tags));
  });
});
