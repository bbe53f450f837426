/**
 * What a subcommand may touch of the outside world. Passing it in (rather than reaching for
 * `process`) keeps every subcommand callable from a test or from another front end.
 */

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
