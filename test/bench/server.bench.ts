/**
 * Language-server benchmark (issue 3, "Speed"): `npm run bench`, after the recognition benchmark.
 *
 * Over a real stdio session with the bundled server (dist/server.js), as an editor drives it:
 * - the time from spawning the server to its `initialize` response;
 * - the time from a `didChange` to the `publishDiagnostics` of that version, p50 and p95, on a
 *   20 KB and a 1 MB French communiqué (KB and MB of UTF-8), with many edits (each edit types or
 *   deletes a short sentence in the middle of the text, alternately, so the size stays put).
 *
 * The client is the protocol tests' (test/protocol/harness.ts): push diagnostics, as Neovim and
 * Emacs get them. The documents are generated from a seeded PRNG, so two runs send the same bytes.
 * Targets are reported, not asserted: timing depends on the machine and on what else runs.
 *
 * Then huge and hostile input (issue 6):
 * - while the server analyses a 10 MB document, and a 5 MB document on one line, the latency of
 *   hover and completion requests on another, small document (p50, p95, max; and idle, for
 *   comparison), and the time from `didOpen` to the long document's first diagnostics;
 * - the time to the one notice for a document past `communique.maxFileSize`;
 * - the time to read hostile front matter (alias bomb, 10,000 levels, 100,000 items);
 * - the time and memory of the lexicon limits, each in a fresh process.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { readFrontMatter } from '#core/frontMatter/model';
import { DEFAULT_SETTINGS } from '#core/settings';
import { LspClient } from '../protocol/harness';
import { prng } from './prng';

const KB = 1_000;
const MB = 1_000_000;

/** The documents and how many edits each gets. */
const CASES = [
  { name: '20 KB communiqué', bytes: 20 * KB, edits: 50, targetMs: 10 },
  { name: '1 MB communiqué', bytes: 1 * MB, edits: 15, targetMs: 100 },
];
const INITIALIZE_RUNS = 10;
const INITIALIZE_TARGET_MS = 300;


const ACTORS = [
  'la Direction générale de la Sûreté nationale', 'la DGSN', 'la Guardia Civil', 'Europol', 'Interpol', 'la Gendarmerie royale',
  'la Police nationale', 'Frontex', "le Bureau central d'investigations judiciaires", 'la DGST', 'la Brigade régionale de Nador',
];
const PLACES = [
  'au Maroc', 'en Espagne', 'en Belgique', 'en France', 'au Portugal', 'en Algérie', 'au Sénégal', 'aux Pays-Bas', 'au Sahel',
  'dans le détroit de Gibraltar', 'en Méditerranée', "en Afrique de l'Ouest",
];
const THREATS = [
  'le trafic international de stupéfiants', 'le terrorisme', "le blanchiment d'argent", 'la traite des êtres humains',
  'le trafic de migrants', 'la cybercriminalité', "le trafic d'armes à feu", "l'immigration irrégulière",
];
const VERBS = ['ont démantelé un réseau actif dans', 'ont mené une opération contre', 'ont renforcé leur coopération contre', 'ont saisi les avoirs liés à'];
const FILLER = [
  'Les suspects ont été placés en garde à vue sous la supervision du parquet compétent.',
  "L'enquête se poursuit afin d'identifier d'éventuelles ramifications.",
  'Plusieurs véhicules et du matériel de communication ont été saisis lors des perquisitions.',
  'Cette opération s’inscrit dans une stratégie de coopération renforcée.',
];

/** A French communiqué of about `bytes` bytes of UTF-8: a title, then paragraphs of news prose. */
function communique(bytes: number, seed: number): string {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const parts = ["# Démantèlement d'un réseau criminel transnational\n\n"];
  let size = Buffer.byteLength(parts[0]!);
  while (size < bytes) {
    const sentences: string[] = [];
    for (let i = 0; i < 4; i++) {
      const actor = pick(ACTORS);
      sentences.push(`${actor.charAt(0).toUpperCase()}${actor.slice(1)} et ${pick(ACTORS)} ${pick(VERBS)} ${pick(THREATS)} ${pick(PLACES)}.`);
      sentences.push(pick(FILLER));
    }
    const paragraph = `${sentences.join(' ')}\n\n`;
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph);
  }
  return parts.join('');
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const verdict = (sorted: readonly number[], target: number): string =>
  `p50 ${percentile(sorted, 50) < target ? 'met' : 'missed'}, p95 ${percentile(sorted, 95) < target ? 'met' : 'missed'}`;

interface Row {
  what: string;
  samples: number;
  p50: number;
  p95: number;
  target: string;
  verdict: string;
}

/** Opens the document, then times didChange -> publishDiagnostics for each edit. */
async function measureEdits(bytes: number, edits: number, seed: number): Promise<{ firstMs: number; times: number[] }> {
  const client = await LspClient.start();
  try {
    const text = communique(bytes, seed);
    const openedAt = performance.now();
    const uri = await client.open('communiques/bench.md', text);
    const first = await client.diagnostics(uri, 1);
    const firstMs = performance.now() - openedAt;
    if (first.diagnostics.length === 0) throw new Error('the benchmark document has no diagnostics: the server did not analyse it');
    const doc = client.document(uri);
    const middle = doc.positionAt(Math.floor(text.length / 2));
    const at = { line: middle.line, character: 0 };
    const typed = 'La Guardia Civil salue la coopération avec le Maroc. ';
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const change =
        i % 2 === 0
          ? { range: { start: at, end: at }, text: typed }
          : { range: { start: at, end: { line: at.line, character: typed.length } }, text: '' };
      const sentAt = performance.now();
      const version = await client.edit(uri, [change]);
      await client.diagnostics(uri, version);
      times.push(performance.now() - sentAt);
    }
    return { firstMs, times };
  } finally {
    await client.shutdown();
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];

  const initialize: number[] = [];
  for (let i = 0; i < INITIALIZE_RUNS; i++) {
    const client = await LspClient.start();
    initialize.push(client.initializeMs);
    await client.shutdown();
  }
  initialize.sort((a, b) => a - b);
  rows.push({
    what: 'spawn → `initialize` response',
    samples: initialize.length,
    p50: percentile(initialize, 50),
    p95: percentile(initialize, 95),
    target: `< ${INITIALIZE_TARGET_MS} ms`,
    verdict: verdict(initialize, INITIALIZE_TARGET_MS),
  });

  const opens: string[] = [];
  for (const [i, c] of CASES.entries()) {
    const { firstMs, times } = await measureEdits(c.bytes, c.edits, 1000 + i);
    times.sort((a, b) => a - b);
    rows.push({
      what: `${c.name}: \`didChange\` → \`publishDiagnostics\``,
      samples: times.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      target: `< ${c.targetMs} ms`,
      verdict: verdict(times, c.targetMs),
    });
    opens.push(`${c.name}: first diagnostics ${fmt(firstMs)} ms after \`didOpen\` (includes compiling the lexicon)`);
  }

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\n### Language server over stdio (${cpu}, ${cpus().length} cores, Node ${process.version})\n`);
  console.log('| measure | samples | p50 (ms) | p95 (ms) | target | |');
  console.log('|---|---:|---:|---:|---|---|');
  for (const r of rows) console.log(`| ${r.what} | ${r.samples} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${r.target} | ${r.verdict} |`);
  console.log('');
  for (const line of opens) console.log(`- ${line}`);

  await hugeDocuments();
  hostileFrontMatter();
  lexiconLimits();
}

// ---------------------------------------------------------------------------------------------
// Issue 6: huge and hostile input.

const SMALL_DOCUMENT = '---\ncountries: []\n---\nLa police a arrêté trois suspects au Maroc et en Espagne.\n';
const HOVER_AT = { line: 3, character: 38 };
const COMPLETE_AT = { line: 1, character: 12 };

interface Latencies {
  hover: number[];
  completion: number[];
}

/** Hover and completion on the small document, alternately, until `done()` (at least `min` of each). */
async function probe(client: LspClient, uri: string, done: () => boolean, min = 0): Promise<Latencies> {
  const out: Latencies = { hover: [], completion: [] };
  while (!done() || out.hover.length < min) {
    let at = performance.now();
    await client.request('textDocument/hover', { textDocument: { uri }, position: HOVER_AT });
    out.hover.push(performance.now() - at);
    at = performance.now();
    await client.request('textDocument/completion', { textDocument: { uri }, position: COMPLETE_AT });
    out.completion.push(performance.now() - at);
  }
  return out;
}

function latencyCells(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted.length} | ${fmt(percentile(sorted, 50))} | ${fmt(percentile(sorted, 95))} | ${fmt(sorted[sorted.length - 1]!)}`;
}

/** Opens a long document beside the small one and measures the small one's latency meanwhile. */
async function whileAnalysing(name: string, text: string, maxFileSize: number): Promise<string[]> {
  const client = await LspClient.start({ settings: { maxFileSize } });
  try {
    const small = await client.open('communiques/small.md', SMALL_DOCUMENT);
    await client.diagnostics(small);
    const idle = await probe(client, small, () => true, 30);
    const openedAt = performance.now();
    const uri = await client.open('communiques/long.md', text);
    let firstMs = 0;
    let diagnostics = 0;
    const published = client.diagnostics(uri, 1).then((p) => {
      firstMs = performance.now() - openedAt;
      diagnostics = p.diagnostics.length;
    });
    let done = false;
    void published.then(() => (done = true));
    const busy = await probe(client, small, () => done);
    await published;
    const bytes = Buffer.byteLength(text);
    return [
      `| ${name}: hover, idle | ${latencyCells(idle.hover)} |`,
      `| ${name}: hover, while analysing | ${latencyCells(busy.hover)} |`,
      `| ${name}: completion, idle | ${latencyCells(idle.completion)} |`,
      `| ${name}: completion, while analysing | ${latencyCells(busy.completion)} |`,
      `| ${name} (${(bytes / MB).toFixed(2)} MB): \`didOpen\` → first diagnostics (${diagnostics}) | 1 | ${fmt(firstMs)} | | |`,
    ];
  } finally {
    await client.shutdown();
  }
}

async function hugeDocuments(): Promise<void> {
  const rows: string[] = [];
  const ten = communique(10 * MB, 4242);
  rows.push(...(await whileAnalysing('10 MB document', ten, 20 * MB)));
  // Just under the default communique.maxFileSize (5,000,000 bytes), on one line.
  const line = communique(5 * MB - 20_000, 4343).replace(/\s*\n\s*/g, ' ');
  rows.push(...(await whileAnalysing('5 MB single line', line, DEFAULT_SETTINGS.maxFileSize)));
  // Past the default limit: the one notice, and nothing else.
  const client = await LspClient.start();
  try {
    const openedAt = performance.now();
    const uri = await client.open('communiques/too-large.md', ten);
    const notice = await client.diagnostics(uri, 1);
    const ms = performance.now() - openedAt;
    rows.push(`| 10 MB document past \`communique.maxFileSize\`: \`didOpen\` → the notice (${notice.diagnostics.map((d) => d.code).join(', ')}) | 1 | ${fmt(ms)} | | |`);
  } finally {
    await client.shutdown();
  }
  console.log('\n### Huge documents (issue 6): requests about a small document while a long one is analysed\n');
  console.log('| measure | samples | p50 (ms) | p95 (ms) | max (ms) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
}

/** Median milliseconds of `runs` calls. */
function timeMedian(runs: number, run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const at = performance.now();
    run();
    times.push(performance.now() - at);
  }
  times.sort((a, b) => a - b);
  return percentile(times, 50);
}

function hostileFrontMatter(): void {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
  const items = (n: number): string => Array.from({ length: n }, (_, i) => `  - X${i}`).join('\n');
  const cases: [string, string][] = [
    ['alias bomb (10 levels of 10 aliases)', `---\n${levels.join('\n')}\nthreats: *j\n---\n`],
    ['flow lists nested 10,000 levels', `---\ncountries: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n`],
    ['block list of 100,000 items', `---\ncountries:\n${items(100_000)}\n---\n`],
    ['block list of 10,000 items (read in full)', `---\ncountries:\n${items(10_000)}\n---\n`],
    ['`__proto__` and `constructor` keys', '---\n__proto__: {polluted: true}\nconstructor: [x]\ncountries: [__proto__]\n---\n'],
  ];
  console.log('\n### Hostile front matter (issue 6): time to read, median of 9 runs\n');
  console.log('| front matter | characters | ms | result |');
  console.log('|---|---:|---:|---|');
  for (const [name, text] of cases) {
    const fm = readFrontMatter(text, DEFAULT_SETTINGS.keys);
    const ms = timeMedian(9, () => readFrontMatter(text, DEFAULT_SETTINGS.keys));
    console.log(`| ${name} | ${text.length} | ${fmt(ms)} | ${fm.status}${fm.problems.length > 0 ? `: ${fm.problems.map((p) => p.reason).join(', ')}` : ''} |`);
  }
}

/**
 * The lexicon limits in a fresh process each: parse and build lexicons at the per-file and total
 * entry limits, and refuse a million-entry one; time and resident memory after the build.
 */
function lexiconLimits(): void {
  const out = join(__dirname, '..', '..', '..', 'server', 'out');
  const script = `
    const { buildLexicon } = require(${JSON.stringify(join(out, 'core', 'lexicon', 'index.js'))});
    const { createRecognizer } = require(${JSON.stringify(join(out, 'core', 'recognize.js'))});
    const people = (n, p) => '{"version": 1, "entries": [\\n' + Array.from({ length: n }, (_, i) => '{"id": "' + p + '-' + i + '", "category": "actor", "type": "person", "names": {"fr": ["' + p.toUpperCase() + ' Nom' + i + '"]}}').join(',\\n') + '\\n]}\\n';
    const files = { per: [['a.json', 100001]], total: [['a.json', 90000], ['b.json', 90000]], million: [] };
    const which = process.argv[1];
    const sources = files[which].map(([f, n]) => ({ file: f, text: people(n, f[0]) }));
    if (which === 'million') sources.push({ file: 'm.json', text: '{"version": 1, "entries": [\\n' + '{"id": "x", "category": "actor", "type": "person", "names": {"fr": ["X"]}},\\n'.repeat(1000000) + '{}]}' });
    const at = performance.now();
    const lexicon = buildLexicon(sources);
    createRecognizer(lexicon);
    const ms = performance.now() - at;
    const errors = lexicon.problems.filter((p) => p.severity === 'error').map((p) => p.file + ':' + p.line);
    console.log(JSON.stringify({ ms, entries: lexicon.entries.size, errors, rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed }));
  `;
  console.log('\n### Lexicon limits (issue 6): a fresh process each\n');
  console.log('| lexicons | entries loaded | errors (file:line) | parse + build + compile (ms) | RSS after (MiB) | heap (MiB) |');
  console.log('|---|---:|---|---:|---:|---:|');
  const labels: Record<string, string> = {
    per: 'one file of 100,001 entries (limit 100,000 per file)',
    total: 'two files of 90,000 (limit 150,000 in all)',
    million: 'one file of 1,000,000 entries (refused unread)',
  };
  for (const which of ['per', 'total', 'million']) {
    const run = spawnSync(process.execPath, ['-e', script, which], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) {
      console.log(`| ${labels[which]} | failed: ${run.stderr.split('\n')[0]} | | | | |`);
      continue;
    }
    const r = JSON.parse(run.stdout) as { ms: number; entries: number; errors: string[]; rss: number; heap: number };
    console.log(`| ${labels[which]} | ${r.entries} | ${r.errors.join(', ')} | ${fmt(r.ms)} | ${(r.rss / 2 ** 20).toFixed(0)} | ${(r.heap / 2 ** 20).toFixed(0)} |`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
