/**
 * Vale's own regular-expression engine as a baseline of the recognition benchmark: runs the Go
 * program of this folder (main.go, built by `npm run setup:bench` into bin/vale-regexp2), which
 * compiles the alternation of an `existence` rule exactly as Vale 3 does, `(?i)(?m)\b(?:…)\b` with
 * github.com/dlclark/regexp2 in its RE2 mode, and times it on a leading slice of a document. See
 * main.go for what is and is not Vale's code path (its regexp2 fork, its prefilter).
 *
 * In RE2 mode regexp2's `\b` is Unicode-aware: its word characters are letters, non-spacing marks,
 * decimal digits and connector punctuation (and the zero-width joiners). So, unlike JavaScript's
 * `\b`, it does not cut "Égypte" or Arabic terms, and it does not match "cybercriminalité" inside
 * "cybercriminalités"; the benchmark checks this on the same sentences as the other alternations.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where `npm run setup:bench` puts the program (relative to test/out/bench/vale/). */
export const VALE_BINARY = resolve(__dirname, '..', '..', '..', 'bench', 'vale', 'bin', 'vale-regexp2');

export const VALE_LABEL = "Vale's engine (Go regexp2, RE2 mode)";

/** What the Go program reports (main.go, `report`). Spans are rune offsets. */
interface ValeReport {
  engine: string;
  go: string;
  terms: number;
  patternBytes: number;
  compileMs: number;
  probeBytes: number;
  probeMs: number;
  bytes: number;
  runes: number;
  ms: number;
  runs: number;
  matches: number;
  spans?: [number, number][];
  sentences?: [number, number][][];
}

/** One measurement of Vale's engine, spans converted to UTF-16 offsets of the texts. */
export interface ValeEngineRun {
  /** "github.com/dlclark/regexp2 v1.4.0, go1.19.8". */
  engine: string;
  compileMs: number;
  patternBytes: number;
  /** Bytes (UTF-8) of the leading slice it was timed on, the median of its runs there, and their number. */
  bytes: number;
  ms: number;
  runs: number;
  matches: number;
  /** The slice (not reported). */
  text?: string;
  spans?: [number, number][];
  sentenceSpans?: [number, number][][];
}

export type ValeEngineResult = { measured: ValeEngineRun } | { notMeasured: string };

/**
 * [start, end) rune offsets of `text` (as Go counts them: code points) to UTF-16 offsets. The spans
 * must be sorted and must not overlap, as a left-to-right scan reports them.
 */
export function runeSpansToUtf16(text: string, spans: readonly [number, number][]): [number, number][] {
  let rune = 0;
  let unit = 0;
  const advance = (to: number): void => {
    for (; rune < to && unit < text.length; rune++) {
      const c = text.charCodeAt(unit);
      const pair = c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length && (text.charCodeAt(unit + 1) & 0xfc00) === 0xdc00;
      unit += pair ? 2 : 1;
    }
  };
  return spans.map(([s, e]): [number, number] => {
    advance(s);
    const start = unit;
    advance(e);
    return [start, unit];
  });
}

/**
 * Times Vale's engine on the alternation of `terms` (in this order) over a leading slice of `doc`,
 * sized so that one run takes about `budgetMs`, with the spans of its matches there and on
 * `sentences`. Never throws: a missing program or a failed run is reported as not measured.
 */
export function measureValeEngine(terms: readonly string[], doc: string, options: { budgetMs: number; minBytes: number; sentences?: readonly string[] }): ValeEngineResult {
  if (!existsSync(VALE_BINARY)) return { notMeasured: 'run `npm run setup:bench`' };
  const dir = mkdtempSync(join(tmpdir(), 'communique-vale-'));
  try {
    const termsFile = join(dir, 'terms.json');
    const textFile = join(dir, 'doc.txt');
    writeFileSync(termsFile, JSON.stringify(terms));
    writeFileSync(textFile, doc);
    const args = ['-terms', termsFile, '-text', textFile, '-spans', '-budget-ms', String(options.budgetMs), '-min-bytes', String(options.minBytes)];
    if (options.sentences !== undefined) {
      const sentencesFile = join(dir, 'sentences.json');
      writeFileSync(sentencesFile, JSON.stringify(options.sentences));
      args.push('-sentences', sentencesFile);
    }
    // A probe, a warm-up and at most three budgets of timed runs; ten minutes means something broke.
    const r = spawnSync(VALE_BINARY, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 10 * 60_000 });
    if (r.error !== undefined) return { notMeasured: `the program failed: ${r.error.message}` };
    if (r.status !== 0) return { notMeasured: `the program failed (status ${r.status}): ${r.stderr.trim().split('\n').pop() ?? ''}` };
    const report = JSON.parse(r.stdout) as ValeReport;
    const text = report.bytes >= Buffer.byteLength(doc) ? doc : Buffer.from(doc, 'utf8').subarray(0, report.bytes).toString('utf8');
    return {
      measured: {
        engine: `${report.engine}, ${report.go}`,
        compileMs: report.compileMs,
        patternBytes: report.patternBytes,
        bytes: report.bytes,
        ms: report.ms,
        runs: report.runs,
        matches: report.matches,
        text,
        spans: runeSpansToUtf16(text, report.spans ?? []),
        sentenceSpans: options.sentences?.map((s, i) => runeSpansToUtf16(s, report.sentences?.[i] ?? [])),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
