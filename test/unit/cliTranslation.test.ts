/**
 * `communique check` on translations (issue 5), as CI runs it: the bundled dist/cli.js on a French
 * source and its English, Spanish and Arabic translations (test/fixtures/translation), tagged so
 * that only the translation diagnostics decide the exit status. The source is read from disk
 * without being listed; `--source-language` and `translation-of:` choose the source.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const FIXTURES = join(root, 'test', 'fixtures', 'translation');

/** Every entity of the fixtures but Portugal and France, tagged: untagged entities would fail the check on their own. */
const TAGS = 'actors: [Guardia Civil, Europol]\ncountries: [EC, ES, MA]\nregions: [strait-of-gibraltar]\nthreats: [money-laundering]\n';

/** A fixture with its front matter's `lang:` line followed by `extra` lines and the tags. */
function tagged(name: string, extra = '', tags = TAGS): string {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  return text.replace(/^(---\nlang: \w+\n)/, `$1${extra}${tags}`);
}

interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  data: Record<string, unknown>;
  related?: { range: { start: { line: number; character: number } }; message: string; path?: string }[];
}

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
}

describe('cli: check on translations', function () {
  let folder: string;

  beforeEach(() => {
    folder = realpathSync(mkdtempSync(join(tmpdir(), 'communique-translation-')));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  function write(path: string, text: string): void {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }

  function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env['FORCE_COLOR'];
    const r = spawnSync(process.execPath, [cli, 'check', ...args], { cwd: folder, env, encoding: 'utf8' });
    if (r.error) throw r.error;
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  function json(args: string[]): { status: number | null; files: { path: string; diagnostics: JsonDiagnostic[] }[] } {
    const r = run(['--format', 'json', ...args]);
    try {
      return { status: r.status, files: (JSON.parse(r.stdout) as { files: { path: string; diagnostics: JsonDiagnostic[] }[] }).files };
    } catch {
      assert.fail(`not JSON:\n${r.stdout}\n${r.stderr}`);
    }
  }

  it('fails a translation that dropped a country, reading the source it was not given', () => {
    write('press/cadix.fr.md', tagged('saisie-cadix.fr.md', '', TAGS.replace('[EC, ES, MA]', '[PT, EC, ES, MA]')));
    write('press/cadix.en.md', tagged('saisie-cadix.en.md'));
    const r = run(['press/cadix.en.md']);
    assert.equal(r.stdout, 'press/cadix.en.md:8:1: warning translation.missing-entity Portugal (PT) is in the source but not in this translation\n');
    assert.equal(r.stderr, '');
    assert.equal(r.status, 1);

    const { status, files } = json(['press/cadix.en.md']);
    assert.equal(status, 1);
    assert.equal(files.length, 1);
    const [d] = files[0]!.diagnostics;
    assert.equal(files[0]!.diagnostics.length, 1);
    assert.equal(d!.code, 'translation.missing-entity');
    assert.deepEqual(d!.range, { start: { line: 7, character: 0 }, end: { line: 7, character: 37 } });
    assert.deepEqual(d!.data, { code: 'translation.missing-entity', category: 'country', id: 'PT', name: 'Portugal', value: 'PT', key: 'countries', source: 'cadix.fr.md', sourceLanguage: 'fr' });
    // The source's mentions, with the source's path.
    assert.deepEqual(
      d!.related!.map((r) => [r.path, r.range.start.line, r.message]),
      [
        ['press/cadix.fr.md', 9, 'Portugal in the source'],
        ['press/cadix.fr.md', 13, 'Portugal in the source'],
      ],
    );

    // SARIF: the result in the translation, its related locations in the source.
    const sarif = JSON.parse(run(['--format', 'sarif', 'press/cadix.en.md']).stdout) as {
      runs: { results: { ruleId: string; level: string; locations: SarifLocation[]; relatedLocations?: SarifLocation[] }[] }[];
    };
    const [result] = sarif.runs[0]!.results;
    assert.equal(result!.ruleId, 'translation.missing-entity');
    assert.equal(result!.level, 'warning');
    assert.equal(result!.locations[0]!.physicalLocation.artifactLocation.uri, 'press/cadix.en.md');
    assert.deepEqual(
      result!.relatedLocations!.map((l) => [l.physicalLocation.artifactLocation.uri, l.physicalLocation.region.startLine]),
      [
        ['press/cadix.fr.md', 10],
        ['press/cadix.fr.md', 14],
      ],
    );
  });

  it('passes complete translations and extra entities; fails nothing with translation-ignore', () => {
    write('press/cadix.fr.md', readFileSync(join(FIXTURES, 'saisie-cadix.fr.md'), 'utf8'));
    write('press/cadix.es.md', tagged('saisie-cadix.es.md', '', TAGS.replace('[EC, ES, MA]', '[PT, EC, ES, MA]')));
    write('press/cadix.ar.md', tagged('saisie-cadix.ar.md', '', TAGS.replace('[EC, ES, MA]', '[PT, EC, ES, MA, FR]')));
    write('press/cadix.en.md', tagged('saisie-cadix.en.md', 'translation-ignore: [Portugal]\n'));
    const { status, files } = json(['press/cadix.es.md', 'press/cadix.ar.md', 'press/cadix.en.md']);
    assert.deepEqual(
      files.map((f) => [f.path, f.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`)]),
      [
        ['press/cadix.es.md', []],
        ['press/cadix.ar.md', ['information translation.extra-entity فرنسا (FR) is in this translation but not in the source']],
        ['press/cadix.en.md', []],
      ],
    );
    assert.equal(status, 0);
  });

  it('pairs siblings by --source-language, and not at all with an empty one', () => {
    // The English file is the source: the French one dropped nothing, the Spanish one adds Portugal.
    write('press/cadix.en.md', readFileSync(join(FIXTURES, 'saisie-cadix.en.md'), 'utf8'));
    write('press/cadix.es.md', tagged('saisie-cadix.es.md', '', TAGS.replace('[EC, ES, MA]', '[PT, EC, ES, MA]')));
    const es = json(['--source-language', 'en', 'press/cadix.es.md']);
    assert.deepEqual(es.files[0]!.diagnostics.map((d) => `${d.code} ${(d.data as { id: string }).id}`), ['translation.extra-entity PT']);
    assert.equal(es.status, 0);
    // The default source language is fr, and there is no French file here.
    assert.deepEqual(json(['press/cadix.es.md']).files[0]!.diagnostics, []);
    write('press/cadix.fr.md', readFileSync(join(FIXTURES, 'saisie-cadix.fr.md'), 'utf8'));
    write('press/cadix.en.md', tagged('saisie-cadix.en.md'));
    assert.equal(run(['press/cadix.en.md']).status, 1);
    const off = run(['--source-language', '', 'press/cadix.en.md']);
    assert.equal(off.stdout, '');
    assert.equal(off.status, 0);
    const bad = run(['--source-language', 'français', 'press/cadix.en.md']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--source-language expects a language code/);
  });

  it('follows translation-of, and fails one that names no file or leaves the folder', () => {
    write('sources/cadix.md', readFileSync(join(FIXTURES, 'saisie-cadix.fr.md'), 'utf8'));
    write('press/en/cadix.md', tagged('saisie-cadix.en.md', 'translation-of: ../../sources/cadix.md\n'));
    const linked = run(['press/en/cadix.md']);
    assert.equal(linked.stdout, 'press/en/cadix.md:3:1: warning translation.missing-entity Portugal (PT) is in the source but not in this translation\n');
    assert.equal(linked.status, 1);

    write('press/en/cadix.md', tagged('saisie-cadix.en.md', 'translation-of: ../sources/cadix.md\n'));
    const missing = run(['press/en/cadix.md']);
    assert.equal(missing.stdout, 'press/en/cadix.md:3:17: error frontmatter.invalid translation-of names ../sources/cadix.md, which does not exist\n');
    assert.equal(missing.status, 1);

    write('press/en/cadix.md', tagged('saisie-cadix.en.md', 'translation-of: /etc/hosts\n'));
    const absolute = run(['press/en/cadix.md']);
    assert.equal(absolute.stdout, 'press/en/cadix.md:3:17: error frontmatter.invalid translation-of must be a path relative to this file, not an absolute path (/etc/hosts)\n');
    assert.equal(absolute.status, 1);
  });

  it('documents --source-language in its help', () => {
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--source-language CODE/);
    assert.match(help.stdout, /translation-of:/);
  });
});
