/**
 * Reading lexicon files from disk (Node side); the core only ever sees their text.
 *
 * Layer order: the built-in files, then the workspace lexicon (`.communique/lexicon.yaml`), then
 * the extra paths the caller passes. A file that cannot be read becomes a LexiconProblem, so a
 * missing extra path never stops the other lexicons from loading.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { buildLexicon } from '../core/lexicon';
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

/** Parsed YAML of the hand-written built-in files, written by `npm run build:lexicon`. */
export const LEXICON_SNAPSHOT_FILE = 'lexicon.snapshot.json';

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
    const size = statSync(path).size;
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
export function readBuiltinLexicons(): LexiconSourceText[] {
  return readBuiltin().sources;
}

function readBuiltin(): { sources: LexiconSourceText[]; problems: LexiconProblem[] } {
  const dir = builtinLexiconDir();
  const sources: LexiconSourceText[] = [];
  const problems: LexiconProblem[] = [];
  const snapshot = readSnapshot(dir);
  for (const name of BUILTIN_LEXICON_FILES) {
    const r = readLexiconFile(join(dir, name));
    if (isProblem(r)) {
      problems.push(r);
      continue;
    }
    const cached = snapshot?.[name];
    if (cached !== undefined && cached.sha256 === sha256(r.text)) r.tree = cached.tree;
    sources.push(r);
  }
  return { sources, problems };
}

interface SnapshotFile {
  sha256: string;
  tree: SourceTree;
}

/** The snapshot's entries by file name, or null when it is missing or unreadable (the YAML is then parsed). */
function readSnapshot(dir: string): Record<string, SnapshotFile> | null {
  try {
    const data = JSON.parse(readFileSync(join(dir, LEXICON_SNAPSHOT_FILE), 'utf8')) as { format?: unknown; files?: unknown };
    if (data.format !== 2 || data.files === null || typeof data.files !== 'object') return null;
    const files: Record<string, SnapshotFile> = Object.create(null) as Record<string, SnapshotFile>;
    for (const [name, f] of Object.entries(data.files as Record<string, unknown>)) {
      const entry = f as Partial<SnapshotFile> | null;
      if (entry && typeof entry.sha256 === 'string' && entry.tree && typeof entry.tree === 'object') files[name] = entry as SnapshotFile;
    }
    return files;
  } catch {
    return null;
  }
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
}

/** Builtin + workspace (.communique/lexicon.yaml when present) + extra paths; unreadable files become problems. */
export function loadLexicon(options: LoadOptions = {}): Lexicon {
  const sources: LexiconSourceText[] = [];
  const problems: LexiconProblem[] = [];
  if (options.noBuiltin !== true) {
    const builtin = readBuiltin();
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
  const lexicon = buildLexicon(sources);
  return problems.length === 0 ? lexicon : { ...lexicon, problems: [...problems, ...lexicon.problems] };
}
