/**
 * Reading lexicon files from disk (Node side); the core only ever sees their text.
 *
 * Layer order: the built-in files, then the workspace lexicon (`.communique/lexicon.yaml`), then
 * the extra paths the caller passes. A file that cannot be read becomes a LexiconProblem, so a
 * missing extra path never stops the other lexicons from loading.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { buildLexicon, unpackLexicon } from '../core/lexicon';
import type { LexiconSourceText, SourceTree } from '../core/lexicon';
import type { Lexicon, LexiconProblem } from '../core/types';

export type { LexiconSourceText } from '../core/lexicon';

/** The built-in lexicon files, in layer order. */
export const BUILTIN_LEXICON_FILES: readonly string[] = [
  'countries.generated.yaml',
  'countries.overrides.yaml',
  'regions.yaml',
  'threats.yaml',
  'actors.yaml',
];

/**
 * Written by the build (server/scripts/lexiconSnapshot.mjs, run by `npm run build` and `npm run
 * build:lexicon`): the parsed YAML of the hand-written built-in files, and the merged built-in
 * lexicon itself, each keyed by the hashes of what it was made from.
 */
export const LEXICON_SNAPSHOT_FILE = 'lexicon.snapshot.json';
/** The snapshot's format: 3 adds the merged lexicon (`compiled`) to the parsed files of format 2. */
export const LEXICON_SNAPSHOT_FORMAT = 3;
/**
 * The source folders whose code turns lexicon files into a lexicon (parse, merge, expand, and the
 * folding of the tokenizer), relative to the built-in lexicon folder. A checkout has them; the
 * merged lexicon of the snapshot is used only if they are what it was built with. An installed
 * extension ships without sources: its snapshot was written by the build that made its bundle.
 */
export const LEXICON_CODE_FOLDERS: readonly string[] = [join('..', 'src', 'core', 'lexicon'), join('..', 'src', 'core', 'text')];

/** Where a workspace keeps its own lexicon, relative to the workspace folder. */
export const WORKSPACE_LEXICON_PATH = join('.communique', 'lexicon.yaml');

/** Lexicon files larger than this are refused: no real lexicon comes near it, and YAML parsing is not free. */
const MAX_LEXICON_BYTES = 16 * 1024 * 1024;

/** The folder of the built-in lexicons, found relative to this file whether bundled or compiled. */
export function builtinLexiconDir(): string {
  const candidates = [
    join(__dirname, '..', '..', 'lexicon'), // compiled: server/out/node -> server/lexicon
    join(__dirname, '..', 'server', 'lexicon'), // bundled: dist/ -> server/lexicon
    join(__dirname, 'lexicon'), // bundled with the data copied next to the bundle
    join(__dirname, '..', 'lexicon'),
  ];
  for (const dir of candidates) {
    if (existsSync(join(dir, BUILTIN_LEXICON_FILES[0]!))) return dir;
  }
  return candidates[0]!;
}

/** Reads one lexicon file; an unreadable, binary or oversized file gives a problem instead. */
export function readLexiconFile(path: string, label = path): LexiconSourceText | LexiconProblem {
  const fail = (message: string): LexiconProblem => ({ file: label, line: 1, column: 1, message, severity: 'error' });
  try {
    const stat = statSync(path);
    // A device or a pipe (/dev/zero, a FIFO) would never stop reading or never answer.
    if (!stat.isFile() && !stat.isDirectory()) return fail('Not a regular file (a device, a pipe or a socket): not read.');
    const size = stat.size;
    if (size > MAX_LEXICON_BYTES) return fail(`Lexicon file too large (${size} bytes; the limit is ${MAX_LEXICON_BYTES}).`);
    const bytes = readFileSync(path);
    if (bytes.includes(0)) return fail('Not a text file (it contains NUL bytes).');
    return { file: label, text: bytes.toString('utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : String((e as Error).message ?? e);
    return fail(`Cannot read lexicon: ${why}.`);
  }
}

function isProblem(x: LexiconSourceText | LexiconProblem): x is LexiconProblem {
  return (x as LexiconProblem).message !== undefined;
}

/** Reads the built-in lexicon files in layer order. */
export function readBuiltinLexicons(dir: string = builtinLexiconDir()): LexiconSourceText[] {
  return readBuiltin(dir).sources;
}

/** The built-in files in layer order, and their merged lexicon from the snapshot when it applies (the language server). */
export function readBuiltinLayers(dir: string = builtinLexiconDir()): BuiltinLayers {
  return readBuiltin(dir);
}

export interface BuiltinLayers {
  sources: LexiconSourceText[];
  problems: LexiconProblem[];
  /** The merged lexicon of exactly these layers, from the snapshot (the same object on every call); null when it does not apply. */
  merged(): Lexicon | null;
}

function readBuiltin(dir: string): BuiltinLayers {
  const sources: LexiconSourceText[] = [];
  const problems: LexiconProblem[] = [];
  const snapshot = readSnapshot(dir);
  const hashes = new Map<string, string>();
  for (const name of BUILTIN_LEXICON_FILES) {
    const r = readLexiconFile(join(dir, name));
    if (isProblem(r)) {
      problems.push(r);
      continue;
    }
    const cached = snapshot?.files[name];
    const compiledFrom = snapshot?.compiled?.sources[name];
    if (cached !== undefined || compiledFrom !== undefined) hashes.set(name, sha256(r.text));
    if (cached !== undefined && cached.sha256 === hashes.get(name)) withTree(r, cached.tree);
    sources.push(r);
  }
  // Unpacking takes the snapshot's data over: it is done once, and every caller gets that lexicon.
  let unpacked: Lexicon | null | undefined;
  const merged = (): Lexicon | null => (unpacked === undefined ? (unpacked = mergedFromSnapshot()) : unpacked);
  const mergedFromSnapshot = (): Lexicon | null => {
    const compiled = snapshot?.compiled;
    if (compiled === undefined || problems.length > 0) return null;
    // Built from these very files, and by this code when its sources are at hand.
    if (!BUILTIN_LEXICON_FILES.every((name) => compiled.sources[name] !== undefined && compiled.sources[name] === hashes.get(name))) return null;
    const code = lexiconCodeFingerprint(dir);
    if (code !== null && code !== compiled.code) return null;
    const lexicon = unpackLexicon(compiled.lexicon, (name) => join(dir, name));
    if (lexicon !== null) fromSnapshot.add(lexicon);
    return lexicon;
  };
  return { sources, problems, merged };
}

/** The lexicons loadLexicon took merged from the snapshot. */
const fromSnapshot = new WeakSet<Lexicon>();

/** True when loadLexicon returned `lexicon` merged from the snapshot rather than parsing and merging the files (benchmark, tests). */
export function loadedFromSnapshot(lexicon: Lexicon): boolean {
  return fromSnapshot.has(lexicon);
}

interface SnapshotFile {
  sha256: string;
  /** The tree as JSON text, parsed only when the layer is parsed (not when the merged lexicon serves), or already parsed. */
  tree: string | SourceTree;
}

/** Gives `source` the snapshot's tree, parsed on first read: most processes use the merged lexicon and never read it. */
function withTree(source: LexiconSourceText, tree: string | SourceTree): void {
  if (typeof tree !== 'string') {
    source.tree = tree;
    return;
  }
  let parsed: SourceTree | undefined;
  Object.defineProperty(source, 'tree', {
    configurable: true,
    enumerable: true,
    get(): SourceTree | undefined {
      if (parsed === undefined) {
        try {
          parsed = JSON.parse(tree) as SourceTree;
        } catch {
          return undefined; // the YAML is parsed instead
        }
      }
      return parsed;
    },
  });
}

/** The merged built-in lexicon in the snapshot, and the hashes of its files and code. */
interface CompiledSnapshot {
  /** SHA-256 of each built-in file, by name. */
  sources: Record<string, string>;
  /** lexiconCodeFingerprint of the checkout that built it. */
  code: string | null;
  /** PackedLexicon (core/lexicon/index.ts), checked when it is unpacked. */
  lexicon: unknown;
}

interface Snapshot {
  files: Record<string, SnapshotFile>;
  compiled?: CompiledSnapshot;
}

/** The snapshot, or null when it is missing or unreadable (the YAML is then parsed and the layers merged). */
function readSnapshot(dir: string): Snapshot | null {
  try {
    const data = JSON.parse(readFileSync(join(dir, LEXICON_SNAPSHOT_FILE), 'utf8')) as { format?: unknown; files?: unknown; compiled?: unknown };
    if (data.format !== LEXICON_SNAPSHOT_FORMAT || data.files === null || typeof data.files !== 'object') return null;
    const files: Record<string, SnapshotFile> = Object.create(null) as Record<string, SnapshotFile>;
    for (const [name, f] of Object.entries(data.files as Record<string, unknown>)) {
      const entry = f as Partial<SnapshotFile> | null;
      if (entry && typeof entry.sha256 === 'string' && entry.tree && (typeof entry.tree === 'object' || typeof entry.tree === 'string')) files[name] = entry as SnapshotFile;
    }
    const c = data.compiled as Partial<CompiledSnapshot> | null | undefined;
    const compiled =
      c && typeof c === 'object' && c.sources !== null && typeof c.sources === 'object' && (c.code === null || typeof c.code === 'string')
        ? { sources: c.sources, code: c.code, lexicon: c.lexicon }
        : undefined;
    return { files, compiled };
  } catch {
    return null;
  }
}

/**
 * A hash of the sources of LEXICON_CODE_FOLDERS (names and contents of their .ts files), or null
 * when they are not beside the lexicon folder (an installed extension).
 */
export function lexiconCodeFingerprint(dir: string = builtinLexiconDir()): string | null {
  const hash = createHash('sha256');
  for (const folder of LEXICON_CODE_FOLDERS) {
    let names: string[];
    try {
      names = readdirSync(join(dir, folder)).filter((n) => n.endsWith('.ts')).sort();
    } catch {
      return null;
    }
    for (const name of names) {
      hash.update(`${folder.split(/[\\/]/).join('/')}/${name}\0`);
      hash.update(readFileSync(join(dir, folder, name)));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface LoadOptions {
  /** Workspace root: its `.communique/lexicon.yaml` is loaded when present; relative extra paths resolve against it. */
  workspaceFolder?: string;
  /** More lexicon files, merged last in the order given. */
  extraPaths?: string[];
  /** Skip the built-in lexicons (tests, or a workspace that wants only its own). */
  noBuiltin?: boolean;
  /** Where the built-in lexicons are, when not in builtinLexiconDir() (tests). */
  builtinDir?: string;
}

/** Builtin + workspace (.communique/lexicon.yaml when present) + extra paths; unreadable files become problems. */
export function loadLexicon(options: LoadOptions = {}): Lexicon {
  const sources: LexiconSourceText[] = [];
  const problems: LexiconProblem[] = [];
  let builtin: BuiltinLayers | undefined;
  if (options.noBuiltin !== true) {
    builtin = readBuiltin(options.builtinDir ?? builtinLexiconDir());
    sources.push(...builtin.sources);
    problems.push(...builtin.problems);
  }
  const paths: string[] = [];
  if (options.workspaceFolder !== undefined) {
    const ws = join(options.workspaceFolder, WORKSPACE_LEXICON_PATH);
    if (existsSync(ws)) paths.push(ws);
  }
  for (const p of options.extraPaths ?? []) {
    paths.push(isAbsolute(p) ? p : resolve(options.workspaceFolder ?? process.cwd(), p));
  }
  for (const p of paths) {
    const r = readLexiconFile(p);
    if (isProblem(r)) problems.push(r);
    else sources.push(r);
  }
  // The built-in lexicons alone (the usual case of the CLI) come merged in the snapshot.
  const lexicon = (builtin !== undefined && sources.length === builtin.sources.length ? builtin.merged() : null) ?? buildLexicon(sources);
  return problems.length === 0 ? lexicon : { ...lexicon, problems: [...problems, ...lexicon.problems] };
}
