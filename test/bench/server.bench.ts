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
 */
import { cpus } from 'node:os';
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
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
