/**
 * `communique check` as CI runs it: the bundled dist/cli.js spawned on fixture communiqués, its
 * exit status, and its text, JSON and SARIF reports, with every position checked against the
 * fixture's own text. Also `communique lsp --stdio`, the same diagnostics served to an editor
 * (the full protocol suite is in test/protocol).
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = resolve(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const SAISIE = 'test/fixtures/cli/check-saisie-algesiras.communique.md';
const TAGGED = 'test/fixtures/cli/check-tanger-tagged.md';
const HEADER = 'test/fixtures/cli/check-date-header.txt';
const BROKEN = 'test/fixtures/cli/check-broken-front-matter.md';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd = root): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['FORCE_COLOR'];
  delete env['NO_COLOR'];
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, env, input: '', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Position {
  line: number;
  character: number;
}
interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: Position; end: Position };
  data: Record<string, unknown>;
}
interface JsonReport {
  files: { path: string; diagnostics: JsonDiagnostic[] }[];
}

function checkJson(files: string[], cwd = root): { report: JsonReport; run: Run } {
  const r = run(['check', '--format', 'json', ...files], cwd);
  try {
    return { report: JSON.parse(r.stdout) as JsonReport, run: r };
  } catch (e) {
    assert.fail(`stdout is not JSON (${String(e)}):\n${r.stdout.slice(0, 500)}\nstderr:\n${r.stderr}`);
  }
}

/** Zero-based line and UTF-16 character of the n-th occurrence of `needle`, computed from the fixture itself (a BOM is not counted). */
function positionOf(text: string, needle: string, occurrence = 1): Position {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = body.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `${needle} (occurrence ${occurrence}) is in the fixture`);
  }
  const before = body.slice(0, at).split(/\r\n|\n/);
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** The text a zero-based range covers (single-line ranges, which is all a diagnostic here spans). */
function textAt(text: string, range: { start: Position; end: Position }): string {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  assert.equal(range.start.line, range.end.line);
  return body.split(/\r\n|\n/)[range.start.line]!.slice(range.start.character, range.end.character);
}

describe('communique check', () => {
  const saisie = readFileSync(join(root, SAISIE), 'utf8');

  it('prints FILE:LINE:COL: SEVERITY CODE MESSAGE with 1-based positions and exits 1 on problems to fix', () => {
    const r = run(['check', SAISIE]);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines) {
      assert.match(line, /^test\/fixtures\/cli\/check-saisie-algesiras\.communique\.md:\d+:\d+: (error|warning|information|hint) [a-z]+\.[a-zA-Z]+ \S.*$/);
    }
    const at = (needle: string, occurrence = 1) => {
      const p = positionOf(saisie, needle, occurrence);
      return `${SAISIE}:${p.line + 1}:${p.character + 1}:`;
    };
    // One untagged diagnostic per entity, on its first mention.
    assert.ok(lines.some((l) => l.startsWith(`${at('Guardia Civil')} information entity.untagged Guardia Civil (actor`) && l.endsWith('is not tagged in actors')), r.stdout);
    assert.equal(lines.filter((l) => l.includes('entity.untagged Guardia Civil')).length, 1);
    assert.ok(lines.some((l) => l.startsWith(`${at('Europol')} information entity.untagged Europol`)), r.stdout);
    assert.ok(lines.some((l) => l.startsWith(`${at('Équateur')} information entity.untagged Équateur (country EC)`)), r.stdout);
    assert.ok(lines.some((l) => l.startsWith(`${at('trafic de stupéfiants')} information entity.untagged`)), r.stdout);
    // Tags: PT and terrorism are stale, Lusitanie is unknown, Marruecos is Morocco (mentioned).
    assert.ok(lines.includes(`${at('PT')} warning frontmatter.stale countries lists PT, which the text no longer mentions`), r.stdout);
    assert.ok(lines.some((l) => l.startsWith(`${at('terrorism')} warning frontmatter.stale`)), r.stdout);
    assert.ok(lines.some((l) => l.startsWith(`${at('Lusitanie')} warning frontmatter.unknown countries lists "Lusitanie"`)), r.stdout);
    assert.ok(!r.stdout.includes('Marruecos'), 'a tag written as a variant of a mentioned country is fine');
    assert.ok(!lines.some((l) => / entity\.untagged Maroc/.test(l)), 'Morocco is tagged (as Marruecos)');
  });

  it('exits 0 when only heuristic suggestions or the legacy date header remain', () => {
    const tagged = run(['check', TAGGED]);
    assert.equal(tagged.status, 0, tagged.stdout + tagged.stderr);
    const text = readFileSync(join(root, TAGGED), 'utf8');
    const p = positionOf(text, 'Ismaël Berrada');
    assert.equal(tagged.stdout.trimEnd().split('\n').filter((l) => l !== '').length, 1, tagged.stdout);
    assert.match(tagged.stdout, new RegExp(`^${TAGGED.replace(/\./g, '\\.')}:${p.line + 1}:${p.character + 1}: hint entity\\.suggested Ismaël Berrada `));

    const header = run(['check', HEADER]);
    assert.equal(header.status, 0, header.stdout + header.stderr);
    assert.equal(header.stdout, `${HEADER}:1:1: information header.date Legacy date header: move it into the front matter as date: 2026-03\n`);

    const both = run(['check', TAGGED, HEADER]);
    assert.equal(both.status, 0);
    assert.equal(both.stdout, tagged.stdout + header.stdout);
  });

  it('reports front matter that does not parse as an error with the YAML message, and exits 1', () => {
    const r = run(['check', BROKEN]);
    assert.equal(r.status, 1);
    const invalid = r.stdout.split('\n').filter((l) => l.includes(' frontmatter.invalid '));
    assert.equal(invalid.length >= 1, true, r.stdout);
    assert.match(invalid[0]!, /^test\/fixtures\/cli\/check-broken-front-matter\.md:[2-4]:\d+: error frontmatter\.invalid Front matter does not parse: \S/);
  });

  it('writes JSON with zero-based LSP ranges that designate the reported text', () => {
    const { report, run: r } = checkJson([SAISIE, TAGGED]);
    assert.equal(r.status, 1);
    assert.deepEqual(
      report.files.map((f) => f.path),
      [SAISIE, TAGGED],
    );
    const diagnostics = report.files[0]!.diagnostics;
    for (const d of diagnostics) {
      assert.deepEqual(Object.keys(d).slice(0, 5), ['code', 'severity', 'message', 'range', 'data']);
      assert.equal(d.data['code'], d.code, 'data carries its code');
    }
    const europol = diagnostics.find((d) => d.code === 'entity.untagged' && d.data['id'] === 'europol');
    assert.ok(europol);
    assert.equal(textAt(saisie, europol.range), 'Europol');
    assert.deepEqual(europol.range.start, positionOf(saisie, 'Europol'));
    assert.equal(europol.data['category'], 'actor');
    assert.equal(europol.data['value'], 'Europol');
    const stale = diagnostics.find((d) => d.code === 'frontmatter.stale' && d.data['value'] === 'PT');
    assert.ok(stale);
    assert.equal(textAt(saisie, stale.range), 'PT');
    const unknown = diagnostics.find((d) => d.code === 'frontmatter.unknown');
    assert.ok(unknown);
    assert.equal(textAt(saisie, unknown.range), 'Lusitanie');
    assert.deepEqual(
      report.files[1]!.diagnostics.map((d) => d.code),
      ['entity.suggested'],
    );
  });

  describe('SARIF', () => {
    interface SarifRegion {
      startLine: number;
      startColumn: number;
      endLine: number;
      endColumn: number;
    }
    interface SarifResult {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion } }[];
    }
    interface SarifLog {
      $schema: string;
      version: string;
      runs: {
        tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
        columnKind: string;
        originalUriBaseIds: Record<string, { uri: string }>;
        invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string } }[] }[];
        results: SarifResult[];
      }[];
    }

    function sarif(files: string[]): { log: SarifLog; run: Run } {
      const r = run(['check', '--format', 'sarif', ...files]);
      return { log: JSON.parse(r.stdout) as SarifLog, run: r };
    }

    it('is a SARIF 2.1.0 log with one rule per code and results located in UTF-16 columns', () => {
      const { log, run: r } = sarif([SAISIE, TAGGED]);
      assert.equal(r.status, 1);
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-2\.1\.0/);
      assert.equal(log.runs.length, 1);
      const runLog = log.runs[0]!;
      const driver = runLog.tool.driver;
      assert.equal(driver.name, 'communique');
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
      assert.equal(driver.version, pkg.version);
      assert.deepEqual(
        driver.rules.map((rule) => [rule.id, rule.defaultConfiguration.level]),
        [
          ['entity.untagged', 'note'],
          ['entity.suggested', 'note'],
          ['frontmatter.stale', 'warning'],
          ['frontmatter.unknown', 'warning'],
          ['frontmatter.invalid', 'error'],
          ['header.date', 'note'],
          ['term.deprecated', 'warning'],
          ['name.variant', 'note'],
          ['translation.missing-entity', 'warning'],
          ['translation.extra-entity', 'note'],
          ['document.too-large', 'note'],
          ['document.binary', 'warning'],
        ],
      );
      for (const rule of driver.rules) assert.ok(rule.shortDescription.text.length > 0);
      assert.equal(runLog.columnKind, 'utf16CodeUnits');
      assert.match(runLog.originalUriBaseIds['%SRCROOT%']!.uri, /^file:\/\/.*\/$/);
      assert.equal(runLog.invocations[0]!.executionSuccessful, true);

      const ruleIds = new Set(driver.rules.map((rule) => rule.id));
      assert.ok(runLog.results.length > 0);
      for (const result of runLog.results) {
        assert.ok(ruleIds.has(result.ruleId), result.ruleId);
        assert.equal(driver.rules[result.ruleIndex!]!.id, result.ruleId);
        assert.ok(['error', 'warning', 'note'].includes(result.level), result.level);
        assert.ok(result.message.text.length > 0);
        assert.equal(result.locations.length, 1);
        const { artifactLocation, region } = result.locations[0]!.physicalLocation;
        assert.ok([SAISIE, TAGGED].includes(artifactLocation.uri), artifactLocation.uri);
        assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
        assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine);
      }

      // The same diagnostics as the text output, in the same places.
      const text = run(['check', SAISIE, TAGGED]).stdout.trimEnd().split('\n');
      assert.equal(runLog.results.length, text.length);
      const europol = runLog.results.find((res) => res.ruleId === 'entity.untagged' && res.message.text.startsWith('Europol'));
      assert.ok(europol);
      const p = positionOf(saisie, 'Europol');
      assert.deepEqual(europol.locations[0]!.physicalLocation.region, {
        startLine: p.line + 1,
        startColumn: p.character + 1,
        endLine: p.line + 1,
        // SARIF's endColumn is the column after the region.
        endColumn: p.character + 1 + 'Europol'.length,
      });
      assert.equal(runLog.results.find((res) => res.ruleId === 'entity.suggested')?.level, 'note');
      assert.equal(runLog.results.find((res) => res.ruleId === 'frontmatter.stale')?.level, 'warning');
    });

    it('counts columns in UTF-16 code units, as columnKind says', () => {
      const dir = mkdtempSync(join(tmpdir(), 'communique-sarif-'));
      try {
        // 📣 is one code point and two UTF-16 code units.
        writeFileSync(join(dir, 'note.md'), '---\nactors: []\n---\n📣 Europol alerte.\n');
        const r = run(['check', '--format', 'sarif', 'note.md'], dir);
        const log = JSON.parse(r.stdout) as SarifLog;
        const result = log.runs[0]!.results.find((res) => res.ruleId === 'entity.untagged');
        assert.ok(result, r.stdout);
        assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uri, 'note.md');
        assert.deepEqual(result.locations[0]!.physicalLocation.region, { startLine: 4, startColumn: 4, endLine: 4, endColumn: 11 });
        assert.ok(run(['check', 'note.md'], dir).stdout.startsWith('note.md:4:4: information entity.untagged Europol'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('reports an unreadable file as a tool execution notification and exits 2', () => {
      const { log, run: r } = sarif([TAGGED, 'test/fixtures/cli/no-such-file.md']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /no-such-file\.md: error: cannot read: no such file/);
      const invocation = log.runs[0]!.invocations[0]!;
      assert.equal(invocation.executionSuccessful, false);
      assert.match(invocation.toolExecutionNotifications![0]!.message.text, /no-such-file\.md/);
      assert.equal(log.runs[0]!.results.length, 1, 'the readable file is still checked');
    });
  });

  it('exits 2 on an unreadable file but still checks the others', () => {
    const r = run(['check', 'test/fixtures/cli/no-such-file.md', SAISIE]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^test\/fixtures\/cli\/no-such-file\.md: error: cannot read: no such file$/m);
    assert.match(r.stdout, /entity\.untagged Europol/);
  });

  it('gives the same positions for a BOM and CRLF copy of a file as for the original', () => {
    const dir = mkdtempSync(join(tmpdir(), 'communique-check-'));
    try {
      copyFileSync(join(root, SAISIE), join(dir, 'lf.md'));
      writeFileSync(join(dir, 'bom-crlf.md'), `\uFEFF${saisie.replace(/\n/g, '\r\n')}`);
      const lf = run(['check', 'lf.md'], dir);
      const crlf = run(['check', 'bom-crlf.md'], dir);
      assert.equal(crlf.status, 1);
      assert.equal(crlf.stdout, lf.stdout.replace(/^lf\.md:/gm, 'bom-crlf.md:'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('follows the flags: renamed keys, extra lexicons, per-mention diagnostics, no heuristics', () => {
    const dir = mkdtempSync(join(tmpdir(), 'communique-flags-'));
    try {
      writeFileSync(join(dir, 'draft.md'), '---\npays: [MA]\n---\nLe Maroc et Europol ; Europol encore, et Ismaël Berrada.\n');
      const renamed = run(['check', '--key', 'country=pays', 'draft.md'], dir);
      assert.ok(!renamed.stdout.includes('Maroc'), renamed.stdout);
      assert.equal(run(['check', 'draft.md'], dir).stdout.includes('entity.untagged Maroc (country MA) is not tagged in countries'), true);
      const perMention = run(['check', '--key', 'countries=pays', '--per-mention', 'draft.md'], dir);
      assert.equal(perMention.stdout.split('\n').filter((l) => l.includes('entity.untagged Europol')).length, 2, perMention.stdout);
      const noHeuristics = run(['check', '--key', 'country=pays', '--no-heuristics', 'draft.md'], dir);
      assert.ok(renamed.stdout.includes('entity.suggested Ismaël Berrada'));
      assert.ok(!noHeuristics.stdout.includes('Ismaël Berrada'));
      writeFileSync(
        join(dir, 'extra.yaml'),
        'version: 1\nentries:\n  - id: ismael-berrada\n    category: actor\n    type: person\n    name: Ismaël Berrada\n    names: {fr: [Ismaël Berrada]}\n',
      );
      const withLexicon = run(['check', '--key', 'country=pays', '--lexicon', 'extra.yaml', 'draft.md'], dir);
      assert.match(withLexicon.stdout, /information entity\.untagged Ismaël Berrada \(actor/);
      assert.ok(!withLexicon.stdout.includes('entity.suggested'), 'a lexicon entity is no longer a suggestion');
      const bad = run(['check', '--key', 'colour=x', 'draft.md'], dir);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--key expects CATEGORY=NAME/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents its formats, positions and exit statuses in --help', () => {
    const r = run(['check', '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /FILE:LINE:COL: SEVERITY CODE MESSAGE/);
    assert.match(r.stdout, /counted from 1/);
    assert.match(r.stdout, /sarif/);
    assert.match(r.stdout, /Exit status: 0/);
    const bad = run(['check', '--format', 'xml', SAISIE]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown format 'xml'/);
  });
});

describe('communique lsp --stdio', () => {
  it('serves the same diagnostics over the Language Server Protocol and exits 0 after shutdown', async () => {
    const server = spawn(process.execPath, [cli, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((done) => server.on('exit', (code) => done(code)));
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const uri = 'file:///tmp/press/note.md';
    const published = new Promise<{ code: string; message: string; range: { start: Position } }[]>((done) => {
      connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: { code: string; message: string; range: { start: Position } }[] }) => {
        if (params.uri === uri) done(params.diagnostics);
      });
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.listen();
    try {
      const init = await connection.sendRequest<{ capabilities: Record<string, unknown>; serverInfo?: { name: string } }>('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
        workspaceFolders: null,
      });
      assert.equal(init.serverInfo?.name, 'communique');
      assert.ok(init.capabilities['codeActionProvider']);
      await connection.sendNotification('initialized', {});
      // A path under press/ is annotated by the default communique.files globs.
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text: 'La Guardia Civil et Europol.\n' },
      });
      const diagnostics = await published;
      const europol = diagnostics.find((d) => d.code === 'entity.untagged' && d.message.startsWith('Europol'));
      assert.ok(europol, JSON.stringify(diagnostics));
      assert.deepEqual(europol.range.start, { line: 0, character: 20 });
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      server.kill();
    }
  });

  it('asks for its transport', () => {
    const r = run(['lsp']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /communique lsp --stdio/);
  });
});
