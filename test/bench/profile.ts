/**
 * A quick look at one benchmark configuration, for profiling (not part of `npm run bench`):
 *
 *   node test/out/bench/profile.js [--size 1000] [--mb 1] [--runs 15] [--only PASS] [--stages] [--reverse]
 *   node --cpu-prof test/out/bench/profile.js --only on      (a CPU profile of one pass alone)
 *   node --expose-gc --max-semi-space-size=512 test/out/bench/profile.js --stages --alloc
 *
 * It builds the lexicon of `--size` entries as recognition.bench.ts does, generates the same
 * document, then times tokenize() and recognition with heuristics off and on, back to back (in
 * the reverse order with `--reverse`), and prints for each pass the median wall time, the median
 * CPU time of the process, their median per-run ratios to tokenize(), and the collector's time
 * during the pass (v8.GCProfiler). With `--only`, the loop runs that pass alone, so a CPU profile
 * shows nothing else. With `--stages`, it also times the stages of recognition one by one
 * (columns, language, match, resolve, heuristics, name variants) on the same tokens. With
 * `--alloc`, it prints the bytes each pass allocates instead.
 */
import { buildLexicon } from '#core/lexicon/index';
import { createRecognizer } from '#core/recognize';
import { tokenize, tokenizeColumns, tokenizeWithColumns } from '#core/text/tokenize';
import { detectLanguage, languageSpans } from '#core/language';
import { LexiconMatcher } from '#core/match/lexiconMatcher';
import { resolveMatches } from '#core/match/resolve';
import { findHeuristicActorsInColumns } from '#core/heuristics/actors';
import { NameVariantIndex } from '#core/match/nameVariants';
import { readBuiltinLexicons } from '#node/lexiconFiles';
import { GCProfiler } from 'node:v8';
import { MB, generateDocument, leadingSlice, lexiconJson, syntheticActors } from './corpus';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1]!;
}

const size = Number(arg('size', '1000'));
const megabytes = Number(arg('mb', '1'));
const runs = Number(arg('runs', '15'));
const only = arg('only', '');

const builtin = readBuiltinLexicons();
const builtinCount = buildLexicon(builtin).entries.size;
const actors = syntheticActors(100_000 - builtinCount);
const lexicon = buildLexicon([...builtin, { file: 'synthetic.json', text: lexiconJson(actors.slice(0, size - builtinCount)) }]);
const recognizer = createRecognizer(lexicon);
const large = generateDocument(10 * MB, actors, 1_000 - builtinCount);
const text = megabytes >= 10 ? large : leadingSlice(large, megabytes * MB);

// The stages of recognition one by one, on the same tokens (`--stages`): what each costs.
const matcher = new LexiconMatcher(lexicon);
const memo = new Map<string, string>();
const columns = tokenizeWithColumns(text, 0, text.length, memo).columns;
const spans = languageSpans(text, 0, text.length, 'fr', columns);
const found = matcher.match({ text, columns, spans, language: 'fr' });
const resolved = resolveMatches(found.matches);
const heuristic = findHeuristicActorsInColumns(text, columns, resolved, spans);
const variants = new NameVariantIndex(lexicon);
const passes: Record<string, () => unknown> = {
  tokenize: () => tokenize(text),
  tokenizeShared: () => tokenize(text, 0, text.length, memo),
  columnsFresh: () => tokenizeColumns(text),
  off: () => recognizer.recognize(text, { heuristics: false }),
  on: () => recognizer.recognize(text, { heuristics: true }),
  columns: () => tokenizeColumns(text, 0, text.length, memo),
  withColumns: () => tokenizeWithColumns(text, 0, text.length, memo),
  language: () => [detectLanguage(text, 0, 65536, columns), languageSpans(text, 0, text.length, 'fr', columns)],
  match: () => matcher.match({ text, columns, spans, language: 'fr' }),
  resolve: () => resolveMatches(found.matches),
  heuristics: () => findHeuristicActorsInColumns(text, columns, resolved, spans),
  variants: () => variants.find({ text, columns, spans, language: 'fr', resolved, heuristic }),
};
const stages = process.argv.includes('--stages');
const order = process.argv.includes('--reverse') ? ['on', 'off', 'tokenize'] : ['tokenize', 'off', 'on'];
const chosen = only !== '' ? [only] : stages ? Object.keys(passes) : order;
for (let i = 0; i < 3; i++) for (const name of chosen) passes[name]!();
declare const gc: undefined | (() => void);
if (process.argv.includes('--alloc') && typeof gc === 'function') {
  // Bytes each pass allocates: run with a young generation large enough to hold them
  // (node --expose-gc --max-semi-space-size=512), so that no collection runs during the pass.
  for (const name of chosen) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept = passes[name]!();
    const after = process.memoryUsage().heapUsed;
    console.log(`${name}: ${((after - before) / 1e6).toFixed(1)} MB allocated${kept === undefined ? '' : ''}`);
  }
  process.exit(0);
}
// Wall time, and the process's CPU time (all its threads), which other jobs on the machine disturb less.
const times: Record<string, number[]> = {};
const cpu: Record<string, number[]> = {};
// Collector time during each pass (v8.GCProfiler: its pauses, scavenges and full collections apart).
const scavenges: Record<string, number[]> = {};
const fulls: Record<string, number[]> = {};
function measure(): void {
for (let r = 0; r < runs; r++) {
  for (const name of chosen) {
    const collector = new GCProfiler();
    collector.start();
    const c = process.cpuUsage();
    const t = performance.now();
    passes[name]!();
    (times[name] ??= []).push(performance.now() - t);
    const used = process.cpuUsage(c);
    (cpu[name] ??= []).push((used.user + used.system) / 1000);
    let scavenge = 0;
    let full = 0;
    for (const gcEvent of collector.stop()?.statistics ?? []) {
      if (gcEvent.gcType === 'Scavenge' || gcEvent.gcType === 'MinorMarkSweep') scavenge += gcEvent.cost / 1000;
      else full += gcEvent.cost / 1000;
    }
    (scavenges[name] ??= []).push(scavenge);
    (fulls[name] ??= []).push(full);
  }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const tk = times.tokenize;
const tkCpu = cpu.tokenize;
for (const name of chosen) {
  const ratio = tk === undefined ? '' : ` (${median(times[name]!.map((x, i) => x / tk[i]!)).toFixed(2)} × tokenize)`;
  const cpuRatio = tkCpu === undefined ? '' : ` (${median(cpu[name]!.map((x, i) => x / tkCpu[i]!)).toFixed(2)} ×)`;
  console.log(`${name}: ${median(times[name]!).toFixed(1)} ms${ratio}; CPU ${median(cpu[name]!).toFixed(1)} ms${cpuRatio}; collector ${median(scavenges[name]!).toFixed(1)} ms in scavenges, ${fulls[name]!.reduce((x, y) => x + y, 0) / runs >= 0 ? (fulls[name]!.reduce((x, y) => x + y, 0) / runs).toFixed(1) : '?'} ms in full collections (mean)`);
}
}

measure();
