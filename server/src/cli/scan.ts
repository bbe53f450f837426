/**
 * `communique scan`: recognise the entities of each file and print them as text or JSON.
 *
 * The lexicon is loaded and compiled once, then every file goes through the same recognizer. A
 * file that cannot be read or is not text is reported on stderr and skipped; the others are still
 * scanned and the exit status says something went wrong (issue 2).
 */
import { isAbsolute, relative } from 'node:path';
import { createRecognizer } from '../core/recognize';
import { terminologyOf } from '../core/terminology';
import type { Lexicon, LexiconProblem } from '../core/types';
import { loadLexicon } from '../node/lexiconFiles';
import { ExitCode, parseCommandArgs, UsageError, type CliIO } from './io';
import { jsonFileReport, renderJsonReport, type JsonFileReport } from './jsonReport';
import { readDocument } from './readDocument';
import { colorEnabled, renderLegend, renderTextReport } from './textReport';

export const SCAN_USAGE = `Usage: communique scan [options] FILES...

Recognise actors, countries, regions and threat categories in each file ("-" reads stdin).

Options:
  -f, --format text|json   output format (default: text; json is what other tools read)
  -l, --lexicon PATH       add a lexicon file over the built-in ones (repeatable); the
                           workspace lexicon ./.communique/lexicon.yaml is read when present
      --lang fr|en|es|ar   language of the documents (default: front matter "lang:",
                           else detected per paragraph)
      --no-heuristics      report only what a lexicon lists (no heuristic actors)
  -h, --help               show this help
`;

type Format = 'text' | 'json';

interface ScanOptions {
  format: Format;
  lexicons: string[];
  language: string | undefined;
  heuristics: boolean;
  files: string[];
}

/** Runs `communique scan` with the arguments that follow the subcommand; returns the exit status. */
export function runScan(args: readonly string[], io: CliIO): number {
  const options = parseScanArgs(args);
  if (options === 'help') {
    io.stdout.write(SCAN_USAGE);
    return ExitCode.ok;
  }

  const lexicon = loadLexicon({ workspaceFolder: io.cwd, extraPaths: options.lexicons });
  for (const problem of lexicon.problems) io.stderr.write(`${formatProblem(problem, io.cwd)}\n`);
  const recognizer = createRecognizer(lexicon);

  const color = options.format === 'text' && colorEnabled(io.env, io.stdout.isTTY);
  const jsonFiles: JsonFileReport[] = [];
  let inputFailed = false;
  let first = true;
  for (const path of options.files) {
    const read = readDocument(path);
    if (!read.ok) {
      io.stderr.write(`${path}: error: ${read.reason}\n`);
      inputFailed = true;
      continue;
    }
    if (read.warning !== undefined) io.stderr.write(`${path}: warning: ${read.warning}\n`);
    let recognition;
    try {
      // Deprecated terms are marked as the language server marks them (`deprecated` in the JSON).
      recognition = terminologyOf(lexicon).mark(
        recognizer.recognize(read.text, {
          ...(options.language !== undefined ? { language: options.language } : {}),
          heuristics: options.heuristics,
        }),
      );
    } catch (e) {
      // A bug on one document must not cost the user the others.
      const detail = e instanceof Error ? (io.env['COMMUNIQUE_DEBUG'] ? (e.stack ?? e.message) : e.message) : String(e);
      io.stderr.write(`${path}: error: recognition failed (a bug; please report it): ${detail}\n`);
      inputFailed = true;
      continue;
    }
    if (options.format === 'json') {
      jsonFiles.push(jsonFileReport(path, recognition, (file) => displayPath(file, io.cwd)));
    } else {
      // Text is written file by file, so a long batch shows progress and memory stays flat.
      io.stdout.write(first ? renderLegend(color) + '\n' : '\n');
      io.stdout.write(renderTextReport(path, read.text, recognition, lexicon, color));
      first = false;
    }
  }
  if (options.format === 'json') io.stdout.write(renderJsonReport(jsonFiles));

  if (inputFailed) return ExitCode.usageOrInput;
  return hasErrors(lexicon) ? ExitCode.lexiconErrors : ExitCode.ok;
}

function parseScanArgs(args: readonly string[]): ScanOptions | 'help' {
  const parsed = parseCommandArgs(args, {
    format: { type: 'string', short: 'f' },
    lexicon: { type: 'string', short: 'l', multiple: true },
    lang: { type: 'string' },
    'no-heuristics': { type: 'boolean' },
  });
  if (parsed === 'help') return 'help';
  const { values, positionals } = parsed;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format '${format}' (use text or json)`);
  const language = values.lang;
  // Any ISO 639 code is accepted, since a workspace lexicon may add names in other languages.
  if (language !== undefined && !/^[a-z]{2,3}$/.test(language)) {
    throw new UsageError(`'${language}' is not a language code (use fr, en, es, ar...)`);
  }
  if (positionals.length === 0) throw new UsageError('no files to scan');
  return {
    format,
    lexicons: values.lexicon ?? [],
    language,
    heuristics: values['no-heuristics'] !== true,
    files: positionals,
  };
}

/** `file:line:col: severity: message`, the form editors and CI logs turn into links. */
export function formatProblem(problem: LexiconProblem, cwd: string): string {
  return `${displayPath(problem.file, cwd)}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}`;
}

/** A file under the current folder as a relative path (shorter, and the same on every machine); others as they are. */
function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function hasErrors(lexicon: Lexicon): boolean {
  return lexicon.problems.some((p) => p.severity === 'error');
}
