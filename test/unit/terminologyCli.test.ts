/**
 * Deprecated terms on the command line (issue 5): `communique check` reports `term.deprecated` in
 * its text, JSON and SARIF reports without failing the check (a wording is advice, not a missing
 * tag), and `scan` and `tag` see the deprecated forms as the entities they name. The bundled
 * dist/cli.js runs on a Spanish fixture whose front matter is otherwise complete.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const FILE = 'test/fixtures/cli/check-deprecated-terms.md';

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, input: '', encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** 1-based line and column (UTF-16) of `needle` in the fixture. */
function at(needle: string): { line: number; column: number } {
  const text = readFileSync(join(root, FILE), 'utf8');
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('deprecated terms on the command line', () => {
  it('check (text): one term.deprecated line per mention, and exit 0 since the tags are complete', () => {
    const r = run(['check', FILE]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const a = at('inmigración ilegal');
    const b = at('inmigrantes ilegales');
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      `${FILE}:${a.line}:${a.column}: warning term.deprecated «inmigración ilegal» is deprecated: use «inmigración irregular» (Ninguna persona es ilegal: la OIM y la UE dicen «irregular»)`,
      `${FILE}:${b.line}:${b.column}: warning term.deprecated «inmigrantes ilegales» is deprecated: use «inmigrantes en situación irregular» (Ninguna persona es ilegal: la OIM y la UE dicen «irregular»)`,
    ]);
  });

  it('check (json and sarif): the typed data travels with each diagnostic', () => {
    const json = run(['check', '--format', 'json', FILE]);
    const report = JSON.parse(json.stdout) as { files: { diagnostics: { code: string; range: { start: { line: number; character: number } }; data: Record<string, unknown> }[] }[] };
    const diagnostics = report.files[0]!.diagnostics;
    assert.deepEqual(diagnostics.map((d) => d.code), ['term.deprecated', 'term.deprecated']);
    const a = at('inmigración ilegal');
    assert.deepEqual(diagnostics[0]!.range.start, { line: a.line - 1, character: a.column - 1 });
    assert.deepEqual(diagnostics[1]!.data, {
      code: 'term.deprecated', category: 'threat', id: 'irregular-migration', name: 'migración irregular', text: 'inmigrantes ilegales', lang: 'es',
      preferred: 'inmigrantes en situación irregular', replacement: 'inmigrantes en situación irregular', reason: 'Ninguna persona es ilegal: la OIM y la UE dicen «irregular».',
    });

    const sarif = JSON.parse(run(['check', '--format', 'sarif', FILE]).stdout) as {
      runs: { tool: { driver: { rules: { id: string; defaultConfiguration?: { level: string } }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[];
    };
    const results = sarif.runs[0]!.results;
    assert.deepEqual(results.map((x) => [x.ruleId, x.level]), [['term.deprecated', 'warning'], ['term.deprecated', 'warning']]);
    assert.deepEqual(results[0]!.locations[0]!.physicalLocation.region.startLine, a.line);
    assert.deepEqual(results[0]!.locations[0]!.physicalLocation.region.startColumn, a.column);
    assert.ok(sarif.runs[0]!.tool.driver.rules.some((rule) => rule.id === 'term.deprecated'));
  });

  it('scan and tag treat a deprecated form as the entity it names', () => {
    const scan = JSON.parse(run(['scan', '--format', 'json', FILE]).stdout) as { files: { entities: { id: string; text: string }[] }[] };
    const threats = scan.files[0]!.entities.filter((e) => e.id === 'irregular-migration').map((e) => e.text);
    assert.deepEqual(threats, ['inmigración ilegal', 'inmigrantes ilegales']);
    const tag = run(['tag', FILE]);
    assert.equal(tag.status, 0, tag.stderr);
    assert.equal(tag.stdout, '', 'nothing to tag: the deprecated terms are tagged as irregular-migration already');
  });
});
