#!/usr/bin/env node
// Grammar tests for syntaxes/communique.tmLanguage.json, run by `npm run test:grammar`.
//
// 1. Snapshots: vscode-tmgrammar-snap tokenises every test/grammar/*.communique.md sample and
//    compares the scopes with the committed `<sample>.snap` next to it.
// 2. Assertions: vscode-tmgrammar-test checks the `// SYNTAX TEST` files in test/grammar/unit/,
//    whose `^` and `<-` lines name the scopes expected at precise columns.
//
// The grammar comes from package.json `contributes.grammars` (so the contribution itself is
// tested); the embedded `source.yaml` scope comes from syntaxes/yaml-standin.tmLanguage.json, a
// stand-in used only here (VS Code brings its own YAML grammar).
//
// vscode-tmgrammar-snap writes a snapshot that does not exist yet and reports success, so this
// script refuses a sample without a snapshot, and checks that no snapshot changed on disk.
// `npm run test:grammar -- --update` regenerates the snapshots: review the diff before committing.
// The last line is for CI: "grammar: N passed, M failed"; the exit status is 1 on any failure.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const update = args.includes('--update') || args.includes('-u');

const SCOPE = 'text.communique';
const YAML_STANDIN = 'syntaxes/yaml-standin.tmLanguage.json';

function toolBin(name) {
  const pkgPath = require.resolve('vscode-tmgrammar-test/package.json');
  const bin = JSON.parse(readFileSync(pkgPath, 'utf8')).bin[name];
  return join(dirname(pkgPath), bin);
}

function run(script, toolArgs) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [script, ...toolArgs], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (error) => resolvePromise({ code: -1, output: String(error) }));
    child.on('close', (code, signal) => resolvePromise({ code: code ?? (signal ? 1 : 0), output }));
  });
}

async function pool(items, limit, worker) {
  const results = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await worker(items[i]);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Counts the `^` groups and `<-` markers of an assertion file (for the summary only). */
function countAssertions(file) {
  const lines = readFileSync(file, 'utf8').split(/\r\n|\n/);
  const token = /^(\S+)\s+SYNTAX\s+TEST/.exec(lines[0] ?? '')?.[1] ?? '//';
  let n = 0;
  for (const line of lines.slice(1)) {
    if (!line.startsWith(token)) continue;
    const rest = line.slice(token.length);
    if (/^\s*<~*-+/.test(rest)) n++;
    else if (/^\s*\^/.test(rest)) n += rest.match(/\^+/g).length;
  }
  return n;
}

const samples = readdirSync(here)
  .filter((f) => f.endsWith('.communique.md'))
  .sort()
  .map((f) => join(here, f));
const unitDir = join(here, 'unit');
const unitFiles = existsSync(unitDir)
  ? readdirSync(unitDir)
      .filter((f) => f.endsWith('.cmq'))
      .sort()
      .map((f) => join(unitDir, f))
  : [];

const rel = (f) => relative(root, f);
const snapBin = toolBin('vscode-tmgrammar-snap');
const unitBin = toolBin('vscode-tmgrammar-test');
const jobs = Math.max(1, Math.min(8, availableParallelism()));

const snapshotResults = await pool(samples, jobs, async (sample) => {
  const snap = `${sample}.snap`;
  const before = existsSync(snap) ? readFileSync(snap, 'utf8') : undefined;
  if (before === undefined && !update) {
    return { name: rel(sample), ok: false, output: `missing snapshot ${rel(snap)}: run \`npm run test:grammar -- --update\` and review it\n` };
  }
  const { code, output } = await run(snapBin, [
    '-s', SCOPE,
    '-g', YAML_STANDIN,
    ...(update ? ['--updateSnapshot'] : []),
    rel(sample),
  ]);
  const after = existsSync(snap) ? readFileSync(snap, 'utf8') : undefined;
  if (!update && after !== before) {
    return { name: rel(sample), ok: false, output: `${output}the tool rewrote ${rel(snap)} during a check run\n` };
  }
  const changed = update && after !== before ? ' (snapshot written)' : '';
  return { name: rel(sample) + changed, ok: code === 0, output };
});

const unitResults = await pool(unitFiles, jobs, async (file) => {
  const { code, output } = await run(unitBin, ['-g', YAML_STANDIN, rel(file)]);
  return { name: `${rel(file)} (${countAssertions(file)} assertions)`, ok: code === 0, output };
});

const all = [...snapshotResults, ...unitResults];
for (const result of all) {
  console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${result.name}`);
  if (!result.ok) console.log(result.output.replace(/^/gm, '     '));
}
if (samples.length === 0) {
  all.push({ name: 'samples', ok: false });
  console.log('FAIL no test/grammar/*.communique.md sample found');
}
if (unitFiles.length === 0) {
  all.push({ name: 'unit', ok: false });
  console.log('FAIL no test/grammar/unit/*.cmq assertion file found');
}

const passed = all.filter((r) => r.ok).length;
const failed = all.length - passed;
const assertions = unitFiles.reduce((n, f) => n + countAssertions(f), 0);
console.log(
  `grammar: ${passed} passed, ${failed} failed (${samples.length} snapshot samples, ${unitFiles.length} assertion files with ${assertions} assertions)`,
);
process.exitCode = failed === 0 ? 0 : 1;
