/**
 * `communique tag`: the diff it prints, the files `--write` produces (compared whole, bytes
 * included), what it refuses, and the atomic write underneath, tested directly by changing a file
 * between the moment it is read and the moment the new content is committed.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { applyPatch } from 'diff';
import { FileChangedError, prepareAtomicWrite, readFileSnapshot, writeFileAtomic } from '#node/atomicWrite';

const root = resolve(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const fixtures = join(root, 'test', 'fixtures', 'cli');
const CEUTA = 'tag-ceuta-draft.md';
const BROKEN = 'check-broken-front-matter.md';

/** What tag-all makes of the Ceuta draft: new values at the end of their lists, the missing actors key after the last managed key. */
const CEUTA_TAGGED = `---
# Relu par la cellule communication
title: 'Démantèlement à Ceuta'
lang: fr
countries: [ES, MA]   # pays cités
threats:
  - migrant-smuggling
  - drug-trafficking
actors:
  - Guardia Civil
  - Europol
---
Ceuta, le 9 janvier 2026 – La Guardia Civil a démantelé, avec l'appui d'Europol, un réseau de trafic de migrants qui opérait entre le Maroc et l'Espagne.

Le réseau organisait aussi un trafic de stupéfiants vers le sud de l'Espagne.
`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['FORCE_COLOR'];
  delete env['NO_COLOR'];
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, env, input: '', encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('communique tag', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'communique-tag-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** Copies a fixture into the temporary folder and returns its path there. */
  function copy(name: string, as = name): string {
    const to = join(dir, as);
    copyFileSync(join(fixtures, name), to);
    return to;
  }

  it('prints a unified diff of tag-all and leaves the file alone', () => {
    const file = copy(CEUTA);
    const before = readFileSync(file);
    const r = run(['tag', CEUTA], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith(`--- a/${CEUTA}\n+++ b/${CEUTA}\n@@ `), r.stdout);
    assert.ok(r.stdout.includes('\n-countries: [ES]   # pays cités\n+countries: [ES, MA]   # pays cités\n'), r.stdout);
    assert.ok(r.stdout.includes('\n+actors:\n+  - Guardia Civil\n+  - Europol\n'), r.stdout);
    assert.deepEqual(readFileSync(file), before);
    // The diff is the change --write makes.
    assert.equal(applyPatch(before.toString('utf8'), r.stdout), CEUTA_TAGGED);
  });

  it('--write applies exactly the quick fix edits and prints nothing more to do afterwards', () => {
    const file = copy(CEUTA);
    const r = run(['tag', '--write', CEUTA], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `tagged ${CEUTA}\n`);
    assert.equal(readFileSync(file, 'utf8'), CEUTA_TAGGED);
    assert.deepEqual(readdirSync(dir), [CEUTA], 'no temporary file is left behind');

    // Idempotent: nothing left to tag, nothing printed, nothing written.
    const mtime = statSync(file).mtimeMs;
    const again = run(['tag', '--write', CEUTA], dir);
    assert.equal(again.status, 0);
    assert.equal(again.stdout, '');
    assert.equal(statSync(file).mtimeMs, mtime);
    assert.equal(run(['tag', CEUTA], dir).stdout, '');
    assert.equal(run(['check', CEUTA], dir).status, 0);
  });

  it('keeps a BOM and CRLF line endings byte for byte', () => {
    const original = readFileSync(join(fixtures, CEUTA), 'utf8');
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const file = join(dir, 'bom-crlf.md');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf(original), 'utf8')]));
    const r = run(['tag', '--write', 'bom-crlf.md'], dir);
    assert.equal(r.status, 0, r.stderr);
    const expected = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf(CEUTA_TAGGED), 'utf8')]);
    assert.deepEqual(readFileSync(file), expected);
  });

  it('keeps a UTF-16 file in UTF-16 with its BOM', () => {
    const original = readFileSync(join(fixtures, CEUTA), 'utf8');
    const file = join(dir, 'utf16.md');
    writeFileSync(file, Buffer.from(`\uFEFF${original}`, 'utf16le'));
    const r = run(['tag', '--write', 'utf16.md'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readFileSync(file), Buffer.from(`\uFEFF${CEUTA_TAGGED}`, 'utf16le'));
  });

  it('keeps the file mode', () => {
    const file = copy(CEUTA);
    chmodSync(file, 0o640);
    assert.equal(run(['tag', '--write', CEUTA], dir).status, 0);
    assert.equal(statSync(file).mode & 0o7777, 0o640);
    assert.equal(readFileSync(file, 'utf8'), CEUTA_TAGGED);
  });

  it('writes through a symbolic link and keeps the link', () => {
    copy(CEUTA, 'real.md');
    symlinkSync('real.md', join(dir, 'link.md'));
    assert.equal(run(['tag', '--write', 'link.md'], dir).status, 0);
    assert.ok(lstatSync(join(dir, 'link.md')).isSymbolicLink());
    assert.equal(readlinkSync(join(dir, 'link.md')), 'real.md');
    assert.equal(readFileSync(join(dir, 'real.md'), 'utf8'), CEUTA_TAGGED);
  });

  it('refuses a file whose front matter does not parse, with the YAML error, and leaves it untouched', () => {
    const file = copy(BROKEN);
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    for (const args of [['tag', '--write', BROKEN], ['tag', BROKEN]]) {
      const r = run(args, dir);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^check-broken-front-matter\.md:[2-4]:\d+: error frontmatter\.invalid \S/m);
      assert.match(r.stderr, /^check-broken-front-matter\.md: error: not tagged: The front matter does not parse \(line \d+\): fix it first$/m);
    }
    assert.deepEqual(readFileSync(file), before);
    assert.equal(statSync(file).mtimeMs, mtime);
    assert.deepEqual(readdirSync(dir), [BROKEN]);
  });

  it('still tags the other files when one is refused or unreadable', () => {
    copy(BROKEN);
    const file = copy(CEUTA);
    const r = run(['tag', '--write', BROKEN, CEUTA], dir);
    assert.equal(r.status, 1);
    assert.equal(readFileSync(file, 'utf8'), CEUTA_TAGGED);
    const missing = run(['tag', 'missing.md', CEUTA], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^missing\.md: error: cannot read: no such file$/m);
  });

  it('refuses --write on standard input', () => {
    const r = run(['tag', '--write', '-'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /standard input cannot be written back/);
  });
});

describe('atomic file replacement', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'communique-atomic-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('replaces the content, keeps the mode and leaves no temporary file', () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o604);
    const snapshot = readFileSnapshot(file);
    assert.equal(snapshot.bytes.toString(), 'old\n');
    const pending = prepareAtomicWrite(snapshot, Buffer.from('new\n'));
    assert.ok(existsSync(pending.tempPath));
    assert.equal(readFileSync(file, 'utf8'), 'old\n', 'nothing changes before the commit');
    pending.commit();
    assert.equal(readFileSync(file, 'utf8'), 'new\n');
    assert.equal(statSync(file).mode & 0o7777, 0o604);
    assert.deepEqual(readdirSync(dir), ['a.md']);
  });

  it('refuses to commit when the file changed on disk after it was read, keeping the other writer\'s content', () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, 'draft one\n');
    const snapshot = readFileSnapshot(file);
    const pending = prepareAtomicWrite(snapshot, Buffer.from('tagged draft one\n'));
    // An editor saves the file in between.
    writeFileSync(file, 'draft two\n');
    assert.throws(() => pending.commit(), FileChangedError);
    assert.equal(readFileSync(file, 'utf8'), 'draft two\n');
    assert.deepEqual(readdirSync(dir), ['a.md'], 'the temporary file is removed');
  });

  it('notices a change that keeps the size and the modification time', () => {
    const file = join(dir, 'a.md');
    // Whole seconds, so that setting the time again gives exactly the same mtime.
    const time = new Date('2026-01-09T10:00:00Z');
    writeFileSync(file, 'AAAA\n');
    utimesSync(file, time, time);
    const snapshot = readFileSnapshot(file);
    writeFileSync(file, 'BBBB\n');
    // Same size, and the same modification time: only the content differs.
    utimesSync(file, time, time);
    assert.equal(statSync(file).mtimeMs, snapshot.mtimeMs);
    assert.throws(() => writeFileAtomic(snapshot, Buffer.from('CCCC\n')), FileChangedError);
    assert.equal(readFileSync(file, 'utf8'), 'BBBB\n');
  });

  it('refuses when the file was deleted in between', () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, 'x\n');
    const snapshot = readFileSnapshot(file);
    const pending = prepareAtomicWrite(snapshot, Buffer.from('y\n'));
    rmSync(file);
    assert.throws(() => pending.commit(), FileChangedError);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('abort removes the temporary file and commits nothing', () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, 'x\n');
    const pending = prepareAtomicWrite(readFileSnapshot(file), Buffer.from('y\n'));
    pending.abort();
    assert.equal(readFileSync(file, 'utf8'), 'x\n');
    assert.deepEqual(readdirSync(dir), ['a.md']);
    assert.throws(() => pending.commit(), /already committed or aborted/);
  });
});
