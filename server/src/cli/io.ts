/**
 * What a subcommand may touch of the outside world. Passing it in (rather than reaching for
 * `process`) keeps every subcommand callable from a test or from another front end.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** An output stream: standard output or standard error. */
export interface CliStream {
  write(chunk: string): unknown;
  /** True when the stream is a terminal (colour is then on by default). */
  isTTY?: boolean;
}

export interface CliIO {
  stdout: CliStream;
  stderr: CliStream;
  env: NodeJS.ProcessEnv;
  /** The folder the command runs in: relative paths and the workspace lexicon are found from it. */
  cwd: string;
  /**
   * Called by a command before it writes files: from then on SIGINT, SIGTERM and SIGHUP abort the
   * returned signal (its reason is the signal's name) instead of killing the process, so the
   * command stops between two files (issue 6). A second signal ends the process at once, after
   * writing `lastWords` of the first signal to stderr. Absent when a test runs a command in-process.
   */
  catchInterrupts?: (lastWords?: (signal: NodeJS.Signals) => string) => AbortSignal;
}

/** Exit statuses shared by the subcommands (documented in `communique --help`). */
export const ExitCode = {
  ok: 0,
  /** A lexicon has errors; the files were still processed with the rest of the lexicon. */
  lexiconErrors: 1,
  /** Bad command line, or a file could not be read or is not text; other files were still processed. */
  usageOrInput: 2,
} as const;

/** Thrown for a bad command line; main prints the message with a hint and exits with status 2. */
export class UsageError extends Error {}

/**
 * Parses a subcommand's arguments with `node:util` parseArgs (strict, positionals allowed, plus
 * `-h/--help`), turning parse errors into usage errors; 'help' when help was asked for.
 */
export function parseCommandArgs<T extends ParseArgsOptionsConfig>(
  args: readonly string[],
  options: T,
): { values: ParsedValues<T>; positionals: string[] } | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const values = parsed.values as ParsedValues<T> & { help?: boolean };
  if (values.help === true) return 'help';
  return { values, positionals: parsed.positionals };
}

type ParsedValues<T extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>['values'];
