/**
 * `communique tag --write` stopped by a signal (issue 6: "A run interrupted with SIGINT or SIGTERM
 * leaves every file either old or new, never half-written").
 *
 * The real CLI bundle runs on 200 communiqués of realistic size (and, in a second suite, on a few
 * large ones). The test waits for the k-th `tagged FILE` line on stdout (an event, not a delay),
 * sends the signal, and then compares every file byte for byte with its original and with its
 * fully tagged version, made beforehand by an uninterrupted run. The moments (k), the signals and
 * the documents come from a seeded generator: SIGNALS_SEED=<n> replays another set.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { prng } from '../bench/prng';

const root = resolve(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const SEED = Number(process.env['SIGNALS_SEED'] ?? 20260611);
const SOURCES = [
  'server/examples/ar-dgsn-khaliya.communique.md',
  'server/examples/en-europol-cyber-fraud.communique.md',
  'server/examples/es-guardia-civil-trata.communique.md',
  'server/examples/fr-dgsn-operation-conjointe.communique.md',
  'test/grammar/ar-dgsn-khaliya-tanger.communique.md',
  'test/grammar/en-europol-call-centre-fraud.communique.md',
  'test/grammar/es-guardia-civil-trata.communique.md',
  'test/grammar/fr-dgsn-saisie-tanger.communique.md',
];

/** The body paragraphs of each source, by language (front matter and date header dropped). */
function paragraphsByLanguage(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const source of SOURCES) {
    const language = /(?:^|\/)(ar|en|es|fr)-/.exec(source)![1]!;
    let text = readFileSync(join(root, source), 'utf8');
    text = text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^date \d{4}-\d{2}\n/, '');
    const paragraphs = text.split(/\n{2,}/).map((p) => p.trim()).filter((p) => p.length > 0);
    out.set(language, [...(out.get(language) ?? []), ...paragraphs]);
  }
  return out;
}

/**
 * A communiqué made of 4 to 12 paragraphs of one language, with varied front matter (comments,
 * a flow list already holding a tag, quoted title) and line endings (a quarter CRLF, some BOMs).
 */
function communique(random: () => number, pool: Map<string, string[]>, index: number): Buffer {
  const languages = [...pool.keys()];
  const language = languages[Math.floor(random() * languages.length)]!;
  const paragraphs = pool.get(language)!;
  const count = 4 + Math.floor(random() * 9);
  const body = Array.from({ length: count }, () => paragraphs[Math.floor(random() * paragraphs.length)]!);
  const header = [`title: "Communiqué ${index}"`, `lang: ${language}`];
  if (random() < 0.3) header.splice(0, 0, '# relu par la cellule communication');
  if (random() < 0.3) header.push('countries: [MA]   # déjà tagué');
  let text = `---\n${header.join('\n')}\n---\n\n${body.join('\n\n')}\n`;
  if (random() < 0.25) text = text.replace(/\n/g, '\r\n');
  const bytes = Buffer.from(text, 'utf8');
  return random() < 0.1 ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

/** Writes the originals and returns their names in the order given to the CLI. */
function writeCorpus(dir: string, files: Map<string, Buffer>): string[] {
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
  return [...files.keys()];
}

/** Runs `tag --write` to the end and returns every file's bytes afterwards. */
function tagFully(originals: string, names: readonly string[], into: string): Map<string, Buffer> {
  cpSync(originals, into, { recursive: true });
  const r = spawnSync(process.execPath, [cli, 'tag', '--write', ...names], { cwd: into, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  return new Map(names.map((n) => [n, readFileSync(join(into, n))]));
}

interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from the (first) signal to the exit. */
  stopMs: number;
}

/** When to send the signal: after `after` lines `tagged ...` on stdout (0: as soon as the process is spawned), or when stderr shows a line. */
type Moment = { after: number } | { stderrLine: string };

/** Spawns `tag --write` (with `flags`) and sends `signal` at the moment given; `twice` sends it again right after. */
function interruptAt(dir: string, names: readonly string[], moment: Moment, signal: NodeJS.Signals, twice = false, flags: string[] = []): Promise<Interrupted> {
  const after = 'after' in moment ? moment.after : -1;
  return new Promise((resolveRun, reject) => {
    const child: ChildProcess = spawn(process.execPath, [cli, 'tag', '--write', ...flags, ...names], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sentAt: number | undefined;
    const send = (): void => {
      if (sentAt !== undefined) return;
      sentAt = performance.now();
      child.kill(signal);
      if (twice) child.kill(signal);
    };
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      stdout += chunk;
      if (after > 0 && (stdout.match(/^tagged /gm) ?? []).length >= after) send();
    });
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      if ('stderrLine' in moment && stderr.split('\n').includes(moment.stderrLine)) send();
    });
    child.once('spawn', () => {
      if (after === 0) send();
    });
    child.once('error', reject);
    child.once('close', (code, exitSignal) => {
      resolveRun({ code, signal: exitSignal, stdout, stderr, stopMs: sentAt === undefined ? Number.NaN : performance.now() - sentAt });
    });
  });
}

/** Compares every file with its two allowed states; returns how many are new, failing on anything else. */
function checkOldOrNew(dir: string, originals: Map<string, Buffer>, tagged: Map<string, Buffer>): number {
  let fresh = 0;
  for (const [name, before] of originals) {
    const now = readFileSync(join(dir, name));
    if (now.equals(tagged.get(name)!)) fresh++;
    else assert.ok(now.equals(before), `${name} is neither its original (${before.length} bytes) nor its tagged version: ${now.length} bytes`);
  }
  assert.deepEqual(readdirSync(dir).sort(), [...originals.keys()].sort(), 'a temporary file was left behind');
  return fresh;
}

/** Checks what the CLI said about an interruption against the files on disk. */
function checkReport(run: Interrupted, signal: NodeJS.Signals, total: number, fresh: number): void {
  const taggedLines = (run.stdout.match(/^tagged /gm) ?? []).length;
  assert.equal(taggedLines, fresh, 'every "tagged" line is a file written, and every file written has its line');
  if (run.signal !== null) {
    // Killed before the handlers were installed (signal sent right at spawn): nothing was written yet.
    assert.equal(run.signal, signal);
    assert.equal(fresh, 0);
    return;
  }
  if (run.code === 0) {
    // The run ended before the signal was handled: only possible when the last file was already done.
    assert.equal(fresh, total, `exit 0 with ${fresh} of ${total} files tagged`);
    return;
  }
  assert.equal(run.code, 128 + constants.signals[signal], run.stderr);
  const said = new RegExp(`^communique tag: interrupted by ${signal} after (\\d+) of ${total} files \\((\\d+) written\\); each file is either untouched or completely tagged$`, 'm').exec(run.stderr);
  assert.ok(said, `no interruption message on stderr:\n${run.stderr}`);
  assert.equal(Number(said[2]), fresh, 'the message counts the files written');
  assert.ok(Number(said[1]) < total);
}

/** Results kept for RELIABILITY.md: printed at the end of each suite. */
const ledger: string[] = [];

describe('communique tag --write interrupted by a signal: 200 communiqués', function () {
  this.timeout(180_000);
  const FILES = 200;
  let work: string;
  let originalsDir: string;
  let names: string[];
  let originals: Map<string, Buffer>;
  let tagged: Map<string, Buffer>;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'communique-signals-'));
    const random = prng(SEED);
    const pool = paragraphsByLanguage();
    const files = new Map<string, Buffer>();
    for (let i = 0; i < FILES; i++) files.set(`c${String(i).padStart(3, '0')}.md`, communique(random, pool, i));
    originalsDir = join(work, 'originals');
    names = writeCorpus(originalsDir, files);
    originals = files;
    tagged = tagFully(originalsDir, names, join(work, 'reference'));
    const changed = names.filter((n) => !tagged.get(n)!.equals(originals.get(n)!)).length;
    assert.equal(changed, FILES, 'every generated communiqué has something to tag');
    const sizes = [...files.values()].map((b) => b.length);
    ledger.push(`corpus: ${FILES} files, ${Math.min(...sizes)}-${Math.max(...sizes)} bytes, seed ${SEED}`);
  });
  after(() => {
    rmSync(work, { recursive: true, force: true });
    console.log(`      ${ledger.join('\n      ')}`);
  });

  // Seeded moments: right at spawn, and after k files for several k; both signals, and a double Ctrl-C.
  const random = prng(SEED ^ 0x5eed);
  const trials: { after: number; signal: NodeJS.Signals; twice: boolean }[] = [
    { after: 0, signal: 'SIGINT', twice: false },
    { after: 1, signal: 'SIGTERM', twice: false },
    ...Array.from({ length: 6 }, (_, i) => ({
      after: 2 + Math.floor(random() * 180),
      signal: (i % 2 === 0 ? 'SIGINT' : 'SIGTERM') as NodeJS.Signals,
      twice: false,
    })),
    { after: 1 + Math.floor(random() * 150), signal: 'SIGINT', twice: true },
    { after: 1 + Math.floor(random() * 150), signal: 'SIGHUP', twice: false },
  ];

  for (const [i, trial] of trials.entries()) {
    const when = trial.after === 0 ? 'at spawn' : `after ${trial.after} files`;
    it(`trial ${i + 1}: ${trial.signal}${trial.twice ? ' twice' : ''} ${when} leaves every file old or new and no temporary file`, async () => {
      const dir = join(work, `trial-${i}`);
      cpSync(originalsDir, dir, { recursive: true });
      const run = await interruptAt(dir, names, { after: trial.after }, trial.signal, trial.twice);
      const fresh = checkOldOrNew(dir, originals, tagged);
      checkReport(run, trial.signal, FILES, fresh);
      if (trial.after > 0 && run.signal === null) assert.ok(fresh >= trial.after, `${fresh} files new, but ${trial.after} were reported tagged before the signal`);
      ledger.push(
        `trial ${i + 1} ${trial.signal}${trial.twice ? ' x2' : ''} ${when}: exit ${run.signal ?? run.code}, ${fresh} new + ${FILES - fresh} old, 0 torn, stopped in ${run.stopMs.toFixed(0)} ms`,
      );
      rmSync(dir, { recursive: true, force: true });
    });
  }
});

describe('communique tag --write interrupted by a signal: large files', function () {
  this.timeout(180_000);
  let work: string;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'communique-signals-large-'));
  });
  after(() => {
    rmSync(work, { recursive: true, force: true });
    console.log(`      ${ledger.filter((l) => l.startsWith('large')).join('\n      ')}`);
  });

  it('SIGTERM while a 1 MB communiqué is being tagged: that file is finished, the next ones are untouched', async () => {
    const random = prng(SEED + 1);
    const pool = paragraphsByLanguage();
    const files = new Map<string, Buffer>();
    for (let i = 0; i < 4; i++) {
      // About 1 MB of paragraphs under one front matter.
      const parts: Buffer[] = [];
      let size = 0;
      while (size < 1_000_000) {
        const piece = communique(random, pool, i).toString('utf8').replace(/^\uFEFF?---[\s\S]*?---\r?\n/, '');
        parts.push(Buffer.from(piece.replace(/\r\n/g, '\n')));
        size += piece.length;
      }
      files.set(`large-${i}.md`, Buffer.concat([Buffer.from(`---\ntitle: Dossier ${i}\nlang: fr\n---\n`), ...parts]));
    }
    const originalsDir = join(work, 'originals');
    const names = writeCorpus(originalsDir, files);
    const tagged = tagFully(originalsDir, names, join(work, 'reference'));
    assert.ok(names.every((n) => !tagged.get(n)!.equals(files.get(n)!)));

    const dir = join(work, 'run');
    cpSync(originalsDir, dir, { recursive: true });
    // --verbose announces each file before its work starts: the signal lands while the second
    // file is being read, recognised and written.
    const run = await interruptAt(dir, names, { stderrLine: `tagging ${names[1]} (2/4)` }, 'SIGTERM', false, ['--verbose']);
    const fresh = checkOldOrNew(dir, files, tagged);
    checkReport(run, 'SIGTERM', names.length, fresh);
    assert.equal(fresh, 2, 'the file in flight was completed, and no later file was started');
    assert.ok(readFileSync(join(dir, names[1]!)).equals(tagged.get(names[1]!)!));
    assert.ok(readFileSync(join(dir, names[2]!)).equals(files.get(names[2]!)!));
    ledger.push(
      `large: 4 files of ${(files.get(names[0]!)!.length / 1e6).toFixed(2)} MB, SIGTERM during the second: exit ${run.code}, ${fresh} new + ${names.length - fresh} old, 0 torn, stopped in ${run.stopMs.toFixed(0)} ms`,
    );
  });
});
