/**
 * What `communique check` and `communique tag` share: the options that shape the analysis, the
 * lexicon and recognizer built once per run, and the positions printed for humans and tools.
 *
 * Settings on the command line are the defaults plus flags: the CLI does not read VS Code's
 * settings.json, so a run in CI gives the same answer on every machine. The flags cover what
 * changes the result of a check: extra lexicons, renamed front-matter keys, heuristics, and one
 * diagnostic per mention.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeDocument, type AnalyzedDocument } from '../core/analysis';
import { createRecognizer, type Recognizer } from '../core/recognize';
import { coerceSettings, type CommuniqueSettings } from '../core/settings';
import { LineIndex } from '../core/text/positions';
import { CATEGORIES, type Category, type Lexicon, type Position, type Range } from '../core/types';
import { loadLexicon } from '../node/lexiconFiles';
import { UsageError, type CliIO } from './io';
import { formatProblem } from './scan';

/** Options common to check and tag. */
export interface AnalysisFlags {
  lexicons: string[];
  /** `--key category=name`, as given. */
  keys: string[];
  heuristics: boolean;
  perMention: boolean;
}

/** The parseArgs option table of the common flags. */
export const ANALYSIS_OPTIONS = {
  lexicon: { type: 'string', short: 'l', multiple: true },
  key: { type: 'string', multiple: true },
  'no-heuristics': { type: 'boolean' },
  'per-mention': { type: 'boolean' },
} as const;

/** The help text of the common flags. */
export const ANALYSIS_OPTIONS_HELP = `  -l, --lexicon PATH       add a lexicon file over the built-in ones (repeatable); the
                           workspace lexicon ./.communique/lexicon.yaml is read when present
      --key CATEGORY=NAME  front matter key of a category (actor, country, region, threat),
                           as the communique.frontMatter.keys setting (repeatable)
      --no-heuristics      no heuristic actors (as communique.heuristics.enabled: false)
      --per-mention        one entity.untagged per mention (as communique.diagnostics.perMention)`;

/** Reads the common flags out of parseArgs values. */
export function analysisFlags(values: { lexicon?: string[]; key?: string[]; 'no-heuristics'?: boolean; 'per-mention'?: boolean }): AnalysisFlags {
  return {
    lexicons: values.lexicon ?? [],
    keys: values.key ?? [],
    heuristics: values['no-heuristics'] !== true,
    perMention: values['per-mention'] === true,
  };
}

/** Plural key names people may type for a category. */
const CATEGORY_ALIASES: Readonly<Record<string, Category>> = {
  actors: 'actor',
  countries: 'country',
  regions: 'region',
  threats: 'threat',
};

/** The settings of a run: the defaults, changed only by flags (the same coercion as the server's). */
export function settingsFromFlags(flags: AnalysisFlags): CommuniqueSettings {
  const keys: Record<string, string> = {};
  for (const spec of flags.keys) {
    const eq = spec.indexOf('=');
    const name = eq > 0 ? spec.slice(0, eq).trim() : '';
    const category = (CATEGORIES as readonly string[]).includes(name) ? (name as Category) : CATEGORY_ALIASES[name];
    const key = eq > 0 ? spec.slice(eq + 1).trim() : '';
    if (category === undefined || key === '') {
      throw new UsageError(`--key expects CATEGORY=NAME with CATEGORY one of ${CATEGORIES.join(', ')} (got '${spec}')`);
    }
    keys[category] = key;
  }
  const settings = coerceSettings({
    frontMatter: { keys },
    diagnostics: { perMention: flags.perMention },
    heuristics: { enabled: flags.heuristics },
  });
  for (const [category, key] of Object.entries(keys)) {
    if (settings.keys[category as Category] !== key) {
      throw new UsageError(`--key ${category}=${key} cannot be used (reserved, or the key of another category)`);
    }
  }
  return settings;
}

/** The lexicon, recognizer and settings of one run. */
export interface CliWorkspace {
  lexicon: Lexicon;
  recognizer: Recognizer;
  settings: CommuniqueSettings;
  cwd: string;
  /** True when a lexicon file has errors (already printed on stderr). */
  lexiconErrors: boolean;
}

/** Loads the lexicons once (built-in, workspace, --lexicon) and reports their problems on stderr. */
export function openWorkspace(flags: AnalysisFlags, io: CliIO): CliWorkspace {
  const settings = settingsFromFlags(flags);
  const lexicon = loadLexicon({ workspaceFolder: io.cwd, extraPaths: flags.lexicons });
  for (const problem of lexicon.problems) io.stderr.write(`${formatProblem(problem, io.cwd)}\n`);
  return {
    lexicon,
    recognizer: createRecognizer(lexicon),
    settings,
    cwd: io.cwd,
    lexiconErrors: lexicon.problems.some((p) => p.severity === 'error'),
  };
}

/** Analyses one document's full text (a BOM, when present, is its first character, as the core expects). */
export function analyzeText(workspace: CliWorkspace, path: string, text: string): AnalyzedDocument {
  return analyzeDocument({ uri: fileUri(path, workspace.cwd), version: null, text }, workspace.recognizer, workspace.settings);
}

/** A document URI for a path given on the command line (standard input gets an untitled URI). */
export function fileUri(path: string, cwd: string): string {
  if (path === '-') return 'untitled:stdin';
  return pathToFileURL(isAbsolute(path) ? path : `${cwd}${sep}${path}`).href;
}

/**
 * Positions as an editor shows them: zero-based lines and UTF-16 characters, with a leading BOM
 * not counted (VS Code's documents never contain it), so `check` and the editor agree.
 */
export class EditorPositions {
  private readonly index: LineIndex;
  private readonly bom: number;

  constructor(text: string) {
    this.index = new LineIndex(text);
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  positionAt(offset: number): Position {
    const p = this.index.positionAt(offset);
    return p.line === 0 ? { line: 0, character: Math.max(0, p.character - this.bom) } : p;
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** A path for output: relative to the current folder when inside it, in POSIX form (SARIF and CI logs). */
export function displayPath(path: string, cwd: string): string {
  if (path === '-') return path;
  const rel = isAbsolute(path) ? relative(cwd, path) : path;
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return (inside ? rel : path).split(sep).join('/');
}
