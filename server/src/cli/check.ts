/**
 * `communique check`: the editor's diagnostics for each file, for CI and the terminal (issue 3,
 * "CLI subcommands over the same code"). The diagnostics come from the same core functions the
 * language server calls, with the CLI's settings (defaults plus flags).
 *
 * Exit status: 1 when a file has untagged entities, stale or unknown tags, or invalid front
 * matter, or when a lexicon has errors; heuristic suggestions (`entity.suggested`) and the legacy
 * date header (`header.date`) are reported but do not fail a check, since neither means the front
 * matter is wrong. 2 when a file cannot be read (the others are still checked) or on bad usage.
 *
 * A translation is compared with its source (translationCheck.ts, issue 5): an entity it dropped
 * fails the check, as a dropped country is what CI must catch; an entity only it mentions is
 * reported as advice, since a translator may rightly make explicit what the source implied.
 */
import { computeDiagnostics, type CommuniqueDiagnostic, type DiagnosticCode } from '../core/diagnostics';
import {
  ANALYSIS_OPTIONS,
  ANALYSIS_OPTIONS_HELP,
  analysisFlags,
  analyzeText,
  EditorPositions,
  openWorkspace,
  type AnalysisFlags,
} from './cliWorkspace';
import { ExitCode, parseCommandArgs, UsageError, type CliIO } from './io';
import { readDocument } from './readDocument';
import { TranslationChecker } from './translationCheck';
import { renderSarif, type SarifInput } from './sarif';
import { coerceSettings } from '../core/settings';
import type { Range } from '../core/types';

export const CHECK_USAGE = `Usage: communique check [options] FILES...

Report the diagnostics the editor shows for each file ("-" reads stdin): untagged entities,
heuristic actors, stale and unknown tags, invalid front matter, the legacy date header and
deprecated terms (term.deprecated, with the preferred term to write instead).
Every file given is checked, whatever its name or front matter.

A translation is also compared with its source: a file whose front matter says
\`translation-of: path/to/source.md\` (relative to the file), or a sibling such as report.en.md
beside report.fr.md (see --source-language), gets translation.missing-entity for each entity
the source mentions and it does not, and translation.extra-entity for the reverse. The source
is read from disk even when it is not among FILES.

Options:
  -f, --format text|json|sarif
                           text (default): one line per diagnostic,
                             FILE:LINE:COL: SEVERITY CODE MESSAGE
                           with LINE and COL counted from 1 (COL in UTF-16 code units, a BOM
                           not counted, as editors do);
                           json: {"files":[{"path","diagnostics":[{code,severity,message,range,
                             data}]}]} with zero-based LSP ranges;
                           sarif: SARIF 2.1.0, for code-scanning dashboards
${ANALYSIS_OPTIONS_HELP}
      --source-language CODE
                           with sibling naming, the language code of the source file (as
                           communique.translation.sourceLanguage; default fr); '' turns
                           sibling pairing off (translation-of: still applies)
  -h, --help               show this help

Settings are the editor's defaults changed only by the flags above (VS Code's settings.json is
not read), with every severity at its default.

Exit status: 0 nothing to fix; 1 untagged entities, stale or unknown tags, invalid front
matter (a translation-of naming no file included), an entity a translation dropped, or a
lexicon file with errors (heuristic suggestions, the legacy date header, deprecated terms,
name variants, a document too large to check and entities only a translation mentions alone
do not fail); 2 bad usage or a file that
cannot be read (the other files are still checked).
`;

type Format = 'text' | 'json' | 'sarif';

/** The codes that fail a check; the others are advice. */
export const FAILING_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'entity.untagged',
  'frontmatter.stale',
  'frontmatter.unknown',
  'frontmatter.invalid',
  'translation.missing-entity',
]);

/** One diagnostic with editor positions, as every output format needs it. */
export interface CheckedDiagnostic {
  diagnostic: CommuniqueDiagnostic;
  range: Range;
  /** Other places: in the same file, or in `path` (a translation's source). */
  related: { range: Range; message: string; path?: string }[];
}

/** The diagnostics of one file. */
export interface CheckedFile {
  path: string;
  diagnostics: CheckedDiagnostic[];
}

interface CheckOptions extends AnalysisFlags {
  format: Format;
  files: string[];
  /** `--source-language`, as given. */
  sourceLanguage?: string;
}

/** Runs `communique check`; returns the exit status. */
export function runCheck(args: readonly string[], io: CliIO, toolVersion = 'unknown'): number {
  const options = parseCheckArgs(args);
  if (options === 'help') {
    io.stdout.write(CHECK_USAGE);
    return ExitCode.ok;
  }
  const workspace = openWorkspace(options, io);
  if (options.sourceLanguage !== undefined) workspace.settings = { ...workspace.settings, translation: { sourceLanguage: options.sourceLanguage } };
  const translations = new TranslationChecker(workspace);
  const checked: CheckedFile[] = [];
  const unreadable: { path: string; reason: string }[] = [];
  for (const path of options.files) {
    const read = readDocument(path);
    if (!read.ok) {
      io.stderr.write(`${path}: error: ${read.reason}\n`);
      unreadable.push({ path, reason: read.reason });
      continue;
    }
    if (read.warning !== undefined) io.stderr.write(`${path}: warning: ${read.warning}\n`);
    // The core works on the full text, BOM included (it never moves it); positions skip it.
    const text = read.hadBom ? `\uFEFF${read.text}` : read.text;
    const doc = analyzeText(workspace, path, text);
    const positions = new EditorPositions(text);
    const checkedOf = (d: CommuniqueDiagnostic): CheckedDiagnostic => ({
      diagnostic: d,
      range: positions.rangeOf(d.start, d.end),
      related: (d.related ?? []).map((r) => ({ range: positions.rangeOf(r.start, r.end), message: r.message })),
    });
    const diagnostics = computeDiagnostics(doc, workspace.lexicon, workspace.settings).map(checkedOf);
    const translation = translations.check(path, doc);
    if (translation.warning !== undefined) io.stderr.write(`${path}: warning: ${translation.warning}\n`);
    translation.diagnostics.forEach((d, i) => {
      const found = checkedOf(d);
      found.related.push(...(translation.sourceRelated[i] ?? []));
      diagnostics.push(found);
    });
    // In document order, as the editor lists them (a stable sort keeps each file's own order).
    diagnostics.sort((a, b) => a.diagnostic.start - b.diagnostic.start);
    checked.push({ path, diagnostics });
    // Text goes out file by file, so a long run shows progress.
    if (options.format === 'text') io.stdout.write(renderText(path, diagnostics));
  }

  if (options.format === 'json') io.stdout.write(renderJson(checked));
  if (options.format === 'sarif') {
    const input: SarifInput = { files: checked, unreadable, lexicon: workspace.lexicon, settings: workspace.settings, cwd: io.cwd, toolVersion };
    io.stdout.write(renderSarif(input));
  }

  if (unreadable.length > 0) return ExitCode.usageOrInput;
  const failing = checked.some((f) => f.diagnostics.some((d) => FAILING_CODES.has(d.diagnostic.code)));
  return failing || workspace.lexiconErrors ? 1 : ExitCode.ok;
}

function parseCheckArgs(args: readonly string[]): CheckOptions | 'help' {
  const parsed = parseCommandArgs(args, {
    format: { type: 'string', short: 'f' },
    'source-language': { type: 'string' },
    ...ANALYSIS_OPTIONS,
  });
  if (parsed === 'help') return 'help';
  const { values, positionals } = parsed;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`unknown format '${format}' (use text, json or sarif)`);
  }
  if (positionals.length === 0) throw new UsageError('no files to check');
  const options: CheckOptions = { ...analysisFlags(values), format, files: positionals };
  const language = values['source-language'];
  if (language !== undefined) {
    const coerced = coerceSettings({ translation: { sourceLanguage: language } }).translation.sourceLanguage;
    if (coerced !== language.trim().toLowerCase()) throw new UsageError(`--source-language expects a language code such as fr or pt-BR, or '' (got '${language}')`);
    options.sourceLanguage = coerced;
  }
  return options;
}

/** `FILE:LINE:COL: SEVERITY CODE MESSAGE`, one per line, 1-based: the form terminals and CI logs turn into links. */
function renderText(path: string, diagnostics: readonly CheckedDiagnostic[]): string {
  return diagnostics
    .map(({ diagnostic: d, range }) => `${path}:${range.start.line + 1}:${range.start.character + 1}: ${d.severity} ${d.code} ${oneLine(d.message)}\n`)
    .join('');
}

/** One JSON document for the run; one diagnostic per line keeps it diffable. */
function renderJson(files: readonly CheckedFile[]): string {
  if (files.length === 0) return '{ "files": [] }\n';
  const blocks = files.map((f) => {
    const diagnostics = f.diagnostics.map(({ diagnostic: d, range, related }) =>
      JSON.stringify({
        code: d.code,
        severity: d.severity,
        message: d.message,
        range,
        data: d.data,
        ...(related.length > 0 ? { related } : {}),
      }),
    );
    const list = diagnostics.length === 0 ? '[]' : `[\n${diagnostics.map((d) => `      ${d}`).join(',\n')}\n    ]`;
    return `  {\n    "path": ${JSON.stringify(f.path)},\n    "diagnostics": ${list}\n  }`;
  });
  return `{ "files": [\n${blocks.join(',\n')}\n] }\n`;
}

/** A message on one line: a YAML error can span several, which would break FILE:LINE:COL parsing. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
