#!/usr/bin/env node
// Writes server/lexicon/lexicon.snapshot.json, what a process reads instead of parsing, merging
// and expanding the built-in lexicons on every start (issue 2: "the built-in lexicons load in
// under 150 ms"). `npm run build` runs it after `tsc -b`, and `npm run build:lexicon` after
// generating the countries; on its own: `node server/scripts/lexiconSnapshot.mjs`.
//
// The snapshot holds two things, each keyed by what it was made from, so that the loader
// (server/src/node/lexiconFiles.ts) never uses a stale one; it then parses and merges, slower
// but never wrong:
// - `files`: the parsed YAML of each hand-written file as a source tree (SourceTree in
//   server/src/core/lexicon/sourceTree.ts, written as JSON text), keyed by the SHA-256 of the
//   file's text. Validation still runs on it, whenever user layers come on top;
// - `compiled`: the merged built-in lexicon (PackedLexicon in server/src/core/lexicon/index.ts),
//   keyed by the SHA-256 of all five built-in files and by a fingerprint of the lexicon code's
//   sources (lexiconCodeFingerprint), so that a change to parsing, merging, expansion or folding
//   is never hidden by an old snapshot. It is made by the compiled code (server/out), so it is
//   left out, with a warning, when server/out is older than the sources.
//
// Output is deterministic, and the file is only rewritten when its content changes.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const serverDir = join(here, '..');
const lexiconDir = join(serverDir, 'lexicon');
const snapshotFile = join(lexiconDir, 'lexicon.snapshot.json');
/** The hand-written built-in files, whose parsed YAML goes into `files`. */
const HAND_WRITTEN = ['countries.overrides.yaml', 'regions.yaml', 'threats.yaml', 'actors.yaml'];

const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const firstLine = (m) => String(m).split('\n')[0];

function encodeNode(YAML, node, doc, budget) {
  let n = node;
  while (YAML.isAlias(n)) {
    if (--budget.left < 0) throw new Error('too many aliases');
    n = n.resolve(doc);
  }
  if (n === null || n === undefined) return null;
  const [s, , e] = n.range ?? [0, 0, 0];
  if (YAML.isScalar(n)) {
    const v = n.value;
    if (v === null || typeof v === 'string') return { k: 's', s, e, v };
    if (typeof v === 'number' || typeof v === 'boolean') return { k: 's', s, e, v, src: n.source ?? String(v) };
    return { k: 's', s, e, v: String(v) };
  }
  if (YAML.isMap(n)) return { k: 'm', s, e, items: n.items.map((p) => [encodeNode(YAML, p.key, doc, budget), encodeNode(YAML, p.value, doc, budget)]) };
  if (YAML.isSeq(n)) return { k: 'q', s, e, items: n.items.map((it) => encodeNode(YAML, it, doc, budget)) };
  return null;
}

/** The parsed YAML of the hand-written files, by name. */
function sourceTrees() {
  const YAML = require('yaml');
  const files = {};
  for (const name of HAND_WRITTEN) {
    const text = readFileSync(join(lexiconDir, name), 'utf8');
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const doc = YAML.parseDocument(body, { prettyErrors: false, uniqueKeys: true, version: '1.2' });
    const tree = {
      root: encodeNode(YAML, doc.contents, doc, { left: 200 }),
      errors: doc.errors.map((x) => ({ offset: x.pos?.[0] ?? 0, message: firstLine(x.message) })),
      warnings: doc.warnings.map((x) => ({ offset: x.pos?.[0] ?? 0, message: firstLine(x.message) })),
    };
    // As JSON text inside the JSON: a process that uses the merged lexicon reads it as one string
    // and never builds its tens of thousands of nodes.
    files[name] = { sha256: sha256(text), tree: JSON.stringify(tree) };
    if (doc.errors.length > 0) console.warn(`warning: ${name} has ${doc.errors.length} YAML errors`);
  }
  return files;
}

/** Why server/out cannot build the merged lexicon (missing, or older than a source), or null. */
function staleOutput(codeFolders) {
  for (const folder of codeFolders) {
    const src = join(lexiconDir, folder);
    const out = join(serverDir, 'out', relative(join(serverDir, 'src'), src));
    for (const name of readdirSync(src).filter((n) => n.endsWith('.ts'))) {
      const js = join(out, name.replace(/\.ts$/, '.js'));
      if (!existsSync(js)) return `${js} is missing`;
      if (statSync(js).mtimeMs < statSync(join(src, name)).mtimeMs) return `${js} is older than its source`;
    }
  }
  return null;
}

/** The merged built-in lexicon and what it was made from, or null (with a warning) when server/out cannot make it. */
function compiledLexicon() {
  const loader = join(serverDir, 'out', 'node', 'lexiconFiles.js');
  if (!existsSync(loader)) {
    console.warn('note: server/out is missing, so the snapshot has no merged lexicon (run `npm run build`)');
    return null;
  }
  const files = require(loader);
  const lexiconModule = require(join(serverDir, 'out', 'core', 'lexicon', 'index.js'));
  if (files.LEXICON_SNAPSHOT_FORMAT !== 3 || typeof lexiconModule.packLexicon !== 'function') {
    console.warn('note: server/out predates the merged-lexicon snapshot, which is left out (run `npm run build`)');
    return null;
  }
  const stale = staleOutput(files.LEXICON_CODE_FOLDERS);
  if (stale !== null) {
    console.warn(`note: ${stale}, so the snapshot has no merged lexicon (run \`npm run build\`)`);
    return null;
  }
  const sources = {};
  for (const name of files.BUILTIN_LEXICON_FILES) sources[name] = sha256(readFileSync(join(lexiconDir, name), 'utf8'));
  // Parsed from the YAML itself, not from a tree of an earlier snapshot.
  const layers = files.BUILTIN_LEXICON_FILES.map((name) => ({ file: join(lexiconDir, name), text: readFileSync(join(lexiconDir, name), 'utf8') }));
  const lexicon = lexiconModule.buildLexicon(layers);
  return { sources, code: files.lexiconCodeFingerprint(lexiconDir), lexicon: lexiconModule.packLexicon(lexicon, (file) => basename(file)) };
}

/** Writes the snapshot (when it changed); `withCompiled: false` leaves the merged lexicon out. */
export function writeLexiconSnapshot({ withCompiled = true } = {}) {
  const snapshot = {
    format: 3,
    note: 'Generated by server/scripts/lexiconSnapshot.mjs (npm run build, npm run build:lexicon): parsed YAML of the hand-written lexicons and the merged built-in lexicon, keyed by content hashes. Do not edit.',
    files: sourceTrees(),
  };
  const compiled = withCompiled ? compiledLexicon() : null;
  if (compiled !== null) snapshot.compiled = compiled;
  const text = JSON.stringify(snapshot) + '\n';
  const before = existsSync(snapshotFile) ? readFileSync(snapshotFile, 'utf8') : '';
  if (text !== before) {
    writeFileSync(snapshotFile, text);
    console.log(`wrote ${snapshotFile} (${compiled === null ? 'parsed files only' : `${compiled.lexicon.entries.length} merged entries`})`);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) writeLexiconSnapshot();
