/**
 * The `communique` command as users and tools run it: the bundled dist/cli.js (built by
 * `npm test`'s pretest), spawned as a process on fixture communiqués.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const fixtures = join(root, 'test', 'fixtures', 'cli');
const FR = 'test/fixtures/cli/fr-saisie-nador.communique.md';
const EN = 'test/fixtures/cli/en-phishing-network.txt';
const CATEGORIES = ['actor', 'country', 'region', 'threat'];
const ESC = '\x1b[';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface Position {
  line: number;
  character: number;
}

interface JsonEntity {
  category: string;
  id: string;
  name: string;
  text: string;
  range: { start: Position; end: Position };
  source: string;
  type?: string;
  variant?: string;
  language?: string;
  lexicon?: string;
  deprecated?: { preferred: string; replacement: string; reason?: string };
  nameVariant?: { canonical: string; distance: number; accepted: boolean };
}

interface JsonOutput {
  files: { path: string; language: string; entities: JsonEntity[] }[];
}

/** Runs the CLI with a clean colour environment (CI systems often set FORCE_COLOR). */
function run(args: string[], options: { env?: Record<string, string>; cwd?: string; input?: string | Buffer } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['FORCE_COLOR'];
  delete env['NO_COLOR'];
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? root,
    env: { ...env, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scanJson(args: string[], options: Parameters<typeof run>[1] = {}): { out: JsonOutput; run: Run } {
  const r = run(['scan', '--format', 'json', ...args], options);
  let out: JsonOutput;
  try {
    out = JSON.parse(r.stdout) as JsonOutput;
  } catch (e) {
    assert.fail(`stdout is not JSON (${String(e)}):\n${r.stdout.slice(0, 500)}\nstderr:\n${r.stderr}`);
  }
  return { out, run: r };
}

/** The text an LSP range designates, computed independently of the CLI's own line index. */
function textAt(text: string, range: { start: Position; end: Position }): string {
  const lines = text.split(/\r\n|\r|\n/);
  const startLine = lines[range.start.line] ?? '';
  if (range.start.line === range.end.line) return startLine.slice(range.start.character, range.end.character);
  const middle = lines.slice(range.start.line + 1, range.end.line);
  return [startLine.slice(range.start.character), ...middle, (lines[range.end.line] ?? '').slice(0, range.end.character)].join('\n');
}

function ids(out: JsonOutput, category: string, file = 0): string[] {
  return [...new Set(out.files[file]!.entities.filter((e) => e.category === category).map((e) => e.id))];
}

describe('communique CLI (dist/cli.js)', function () {
  const tmp = mkdtempSync(join(tmpdir(), 'communique-cli-'));

  before(function () {
    assert.ok(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n'), 'dist/cli.js (npm run build) must start with a shebang');
  });

  after(function () {
    rmSync(tmp, { recursive: true, force: true });
  });

  describe('scan --format json', function () {
    it('writes exactly the documented shape, with the paths as given', function () {
      const { out, run: r } = scanJson([FR, EN]);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(Object.keys(out), ['files']);
      assert.deepEqual(
        out.files.map((f) => f.path),
        [FR, EN],
      );
      for (const file of out.files) {
        assert.deepEqual(Object.keys(file), ['path', 'language', 'entities']);
        assert.ok(file.entities.length > 0, `${file.path} has entities`);
        for (const e of file.entities) {
          assert.ok(CATEGORIES.includes(e.category), e.category);
          for (const key of ['id', 'name', 'text'] as const) assert.equal(typeof e[key], 'string', `${key} of ${e.text}`);
          assert.ok(e.source === 'lexicon' || e.source === 'heuristic', e.source);
          for (const p of [e.range.start, e.range.end]) {
            assert.deepEqual(Object.keys(p), ['line', 'character']);
            assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character));
          }
          assert.equal(e.type !== undefined, e.category === 'actor', `type only on actors: ${e.text}`);
          if (e.source === 'lexicon') {
            assert.equal(typeof e.variant, 'string', `variant of ${e.text}`);
            assert.equal(typeof e.lexicon, 'string', `lexicon of ${e.text}`);
          }
          const allowed = ['category', 'id', 'name', 'text', 'range', 'source', 'type', 'variant', 'language', 'lexicon', 'deprecated', 'nameVariant'];
          assert.deepEqual(
            Object.keys(e).filter((k) => !allowed.includes(k)),
            [],
          );
        }
      }
    });

    it('adds what the language server says of a deprecated term and of a misspelt name, after the usual keys', function () {
      const input = 'date 2026-01\n\nLes immigrés clandestins ont été interceptés. Le directeur Abdellatif Hamouchi a salué la Guardia Civil.\n';
      const { out, run: r } = scanJson(['-'], { input });
      assert.equal(r.status, 0, r.stderr);
      const entities = out.files[0]!.entities;
      const term = entities.find((e) => e.text === 'immigrés clandestins')!;
      assert.equal(term.deprecated?.preferred, 'immigrés en situation irrégulière');
      assert.equal(term.deprecated?.replacement, 'immigrés en situation irrégulière');
      assert.match(term.deprecated?.reason ?? '', /Clandestin/);
      const name = entities.find((e) => e.text === 'Abdellatif Hamouchi')!;
      assert.equal(name.id, 'abdellatif-hammouchi');
      assert.deepEqual(name.nameVariant, { canonical: 'Abdellatif Hammouchi', distance: 0, accepted: false });
      assert.deepEqual(Object.keys(term).slice(-2), ['lexicon', 'deprecated']);
      // The others carry neither.
      const plain = entities.find((e) => e.text === 'Guardia Civil')!;
      assert.equal('deprecated' in plain || 'nameVariant' in plain, false);
    });

    it('gives ranges in UTF-16 line/character that point at the entity text', function () {
      const { out } = scanJson([FR, EN]);
      for (const [i, path] of [FR, EN].entries()) {
        const text = readFileSync(join(root, path), 'utf8');
        for (const e of out.files[i]!.entities) assert.equal(textAt(text, e.range), e.text, `${path}: ${JSON.stringify(e.range)}`);
      }
    });

    it('recognises a French and an English communiqué', function () {
      const { out } = scanJson([FR, EN]);
      const [fr, en] = out.files;
      assert.equal(fr!.language, 'fr');
      assert.equal(en!.language, 'en');
      for (const id of ['MA', 'ES']) assert.ok(ids(out, 'country', 0).includes(id), `fr: ${id}`);
      assert.ok(ids(out, 'threat', 0).includes('drug-trafficking'));
      assert.ok(ids(out, 'region', 0).includes('sahel'));
      assert.ok(fr!.entities.some((e) => e.category === 'actor' && e.text === 'Europol' && e.source === 'lexicon'));
      for (const id of ['ES', 'PT', 'RO', 'BG']) assert.ok(ids(out, 'country', 1).includes(id), `en: ${id}`);
      for (const id of ['fraud', 'money-laundering']) assert.ok(ids(out, 'threat', 1).includes(id), `en: ${id}`);
    });

    it('reports heuristic actors unless --no-heuristics', function () {
      const withHeuristics = scanJson([FR]).out.files[0]!.entities;
      const found = withHeuristics.find((e) => e.source === 'heuristic' && e.text.includes('Benslimane'));
      assert.ok(found, 'the commissaire is found by the heuristics');
      assert.equal(found.category, 'actor');
      const without = scanJson(['--no-heuristics', FR]).out.files[0]!.entities;
      assert.deepEqual(
        without.filter((e) => e.source === 'heuristic'),
        [],
      );
      assert.ok(without.some((e) => e.id === 'MA'), 'lexicon entities remain');
    });

    it('lets --lang override the detected language', function () {
      const { out } = scanJson(['--lang', 'es', EN]);
      assert.equal(out.files[0]!.language, 'es');
    });

    it('reads standard input for "-"', function () {
      const { out, run: r } = scanJson(['-'], { input: "Le Maroc et l'Espagne renforcent leur coopération contre le terrorisme.\n" });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(out.files[0]!.path, '-');
      assert.deepEqual(ids(out, 'country'), ['MA', 'ES']);
    });

    it('runs as `npx --no-install communique` through the package bin', function () {
      const result = spawnSync('npx', ['--no-install', 'communique', 'scan', '--format', 'json', EN], {
        cwd: root,
        encoding: 'utf8',
      });
      assert.equal(result.status, 0, result.stderr);
      const out = JSON.parse(result.stdout) as JsonOutput;
      assert.ok(ids(out, 'country').includes('PT'));
    });
  });

  describe('bad input', function () {
    it('reports an unreadable path on stderr, still scans the good file, and exits 2', function () {
      const missing = join(tmp, 'absent.communique.md');
      const { out, run: r } = scanJson([missing, tmp, EN]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, new RegExp(`absent\\.communique\\.md: error: cannot read: no such file`));
      assert.match(r.stderr, /: error: cannot read: it is a directory/);
      assert.deepEqual(
        out.files.map((f) => f.path),
        [EN],
      );
      assert.ok(ids(out, 'country').includes('RO'));
    });

    it('refuses binary data with a clear message and exits 2', function () {
      const png = join(tmp, 'logo.png');
      writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
      const noise = join(tmp, 'noise.bin');
      // Bytes that are neither UTF-8 nor text: no NUL, but control characters everywhere.
      writeFileSync(noise, Buffer.from(Array.from({ length: 4096 }, (_, i) => 1 + ((i * 7919) % 255))));
      const { out, run: r } = scanJson([png, noise, EN]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /logo\.png: error: not a text file \(it contains NUL bytes\)/);
      assert.match(r.stderr, /noise\.bin: error: not a text file/);
      assert.equal(out.files.length, 1);
      assert.equal(out.files[0]!.path, EN);
    });

    it('scans an empty file as a document without entities', function () {
      const empty = join(tmp, 'empty.md');
      writeFileSync(empty, '');
      const { out, run: r } = scanJson([empty]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.deepEqual(out.files[0]!.entities, []);
      assert.equal(typeof out.files[0]!.language, 'string');
    });

    it('gives a CRLF file with a BOM the same ranges as the LF file (the BOM is not counted)', function () {
      const lf = readFileSync(join(fixtures, 'fr-saisie-nador.communique.md'), 'utf8');
      const crlf = join(tmp, 'crlf-bom.communique.md');
      writeFileSync(crlf, '\uFEFF' + lf.replace(/\n/g, '\r\n'));
      const { out, run: r } = scanJson([FR, crlf]);
      assert.equal(r.status, 0, r.stderr);
      const [a, b] = out.files;
      assert.ok(a!.entities.length > 3);
      assert.deepEqual(
        b!.entities.map((e) => [e.id, e.text, e.range]),
        a!.entities.map((e) => [e.id, e.text, e.range]),
      );
      assert.equal(b!.language, 'fr', 'the front matter is still read after the BOM');
    });

    it('counts characters on the first line of a BOM file from after the BOM, as VS Code does', function () {
      const bom = join(tmp, 'bom-first-line.txt');
      writeFileSync(bom, "\uFEFFLe Maroc et l'Espagne ont renforcé leur coopération.\r\nRabat, le 3 mars.\r\n");
      const { out } = scanJson([bom]);
      const morocco = out.files[0]!.entities.find((e) => e.id === 'MA');
      assert.deepEqual(morocco?.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 8 } });
    });

    it('reads a Windows-1252 file with a warning instead of refusing it', function () {
      const latin = join(tmp, 'latin1.txt');
      writeFileSync(latin, Buffer.from("La coopération sécuritaire entre le Maroc et l'Espagne a été renforcée.\n", 'latin1'));
      const { out, run: r } = scanJson([latin]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /latin1\.txt: warning: not valid UTF-8; read as Windows-1252/);
      assert.deepEqual(ids(out, 'country'), ['MA', 'ES']);
    });
  });

  describe('lexicons', function () {
    it("uses the workspace's .communique/lexicon.yaml from the current directory", function () {
      const workspace = join(tmp, 'workspace');
      mkdirSync(join(workspace, '.communique'), { recursive: true });
      writeFileSync(
        join(workspace, '.communique', 'lexicon.yaml'),
        [
          'version: 1',
          'entries:',
          '  - id: brigade-fluviale-lyon',
          '    category: actor',
          '    type: organization',
          '    names:',
          '      fr: [Brigade fluviale de Lyon, BFL]',
          '',
        ].join('\n'),
      );
      const doc = join(workspace, 'note.md');
      writeFileSync(doc, "La Brigade fluviale de Lyon a porté assistance aux gendarmes italiens sur le Rhône.\n");
      const { out, run: r } = scanJson(['note.md'], { cwd: workspace });
      assert.equal(r.status, 0, r.stderr);
      const actor = out.files[0]!.entities.find((e) => e.id === 'brigade-fluviale-lyon');
      assert.ok(actor, JSON.stringify(out.files[0]!.entities));
      assert.equal(actor.source, 'lexicon');
      assert.equal(actor.text, 'Brigade fluviale de Lyon');
      assert.match(actor.lexicon ?? '', /lexicon\.yaml$/);
    });

    it('reports a broken --lexicon file as file:line:col, keeps the others, and exits 1', function () {
      const broken = join(tmp, 'broken.yaml');
      writeFileSync(broken, ['version: 1', 'entries:', '  - id: mystery', '    category: planet', '    names:', '      fr: [Mystère]', ''].join('\n'));
      const { out, run: r } = scanJson(['--lexicon', broken, EN]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /broken\.yaml:\d+:\d+: error: .*planet/);
      assert.equal(r.stderr.trim().split('\n').length, 1, 'one problem, nothing else on stderr');
      assert.ok(ids(out, 'country').includes('ES'), 'the built-in lexicons still work');
    });
  });

  describe('text output', function () {
    it('shows entities without colour when stdout is not a terminal, with the summary and the tags', function () {
      const r = run(['scan', FR]);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(!r.stdout.includes(ESC), 'no escape sequences in a pipe');
      assert.ok(r.stdout.includes('lang: fr\n---\n'), 'the front matter is printed as is');
      assert.match(r.stdout, /\[Espagne\]\{country\}/);
      assert.match(r.stdout, /\nCountries \(\d+\)\n\s+id\s+name\s+mentions\n/);
      assert.match(r.stdout, /\n {2}MA {2}.*\s\d+\n/);
      const tags = r.stdout.slice(r.stdout.indexOf('Front matter that tagging would write:'));
      assert.match(tags, /\n---\nactors:\n(?: {2}- .+\n)+countries:\n {2}- MA\n {2}- ES\n/);
      assert.match(tags, /\nregions:\n {2}- sahel\nthreats:\n(?: {2}- [a-z-]+\n)+---\n$/);
    });

    it('honours NO_COLOR and FORCE_COLOR (FORCE_COLOR wins)', function () {
      const forced = run(['scan', FR], { env: { FORCE_COLOR: '1' } });
      assert.ok(forced.stdout.includes(`${ESC}32;1mEspagne${ESC}0m`), 'countries in bold green');
      assert.ok(!forced.stdout.includes('{country}'), 'no brackets when coloured');
      assert.ok(!run(['scan', FR], { env: { NO_COLOR: '1' } }).stdout.includes(ESC));
      assert.ok(!run(['scan', FR], { env: { FORCE_COLOR: '0' } }).stdout.includes(ESC));
      assert.ok(run(['scan', FR], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout.includes(ESC));
      assert.ok(!run(['scan', '--format', 'json', FR], { env: { FORCE_COLOR: '1' } }).stdout.includes(ESC), 'JSON is never coloured');
    });
  });

  describe('command line', function () {
    it('prints help and the version', function () {
      const help = run(['--help']);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /Usage: communique <command>/);
      assert.match(help.stdout, /\n {2}scan {2}/);
      const scanHelp = run(['scan', '--help']);
      assert.equal(scanHelp.status, 0);
      assert.match(scanHelp.stdout, /--no-heuristics/);
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
      assert.equal(run(['--version']).stdout, `${pkg.version}\n`);
    });

    it('rejects bad usage with exit status 2 and a hint', function () {
      for (const args of [[], ['frobnicate'], ['scan'], ['scan', '--format', 'xml', FR], ['scan', '--colour', FR], ['scan', '--lang', 'French', FR]]) {
        const r = run(args);
        assert.equal(r.status, 2, `communique ${args.join(' ')}`);
        assert.equal(r.stdout.includes('"files"'), false);
      }
      assert.match(run(['scan', '--format', 'xml', FR]).stderr, /unknown format 'xml'.*communique scan --help/);
    });
  });
});
