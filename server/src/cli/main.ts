/**
 * Entry point of the `communique` command (bundled to dist/cli.js, the package's `bin`).
 *
 * It only dispatches: each subcommand is a module taking its arguments and a CliIO and returning
 * an exit status (`lsp` runs until the client disconnects, hence the promise).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCheck } from './check';
import { catchInterrupts } from './interrupt';
import { ExitCode, UsageError, type CliIO } from './io';
import { runLsp } from './lsp';
import { runScan } from './scan';
import { runTag } from './tag';

interface Subcommand {
  summary: string;
  run(args: readonly string[], io: CliIO): number | Promise<number>;
}

const SUBCOMMANDS: Record<string, Subcommand> = {
  scan: { summary: 'print the actors, countries, regions and threats of each file', run: runScan },
  check: { summary: 'report untagged entities, stale or unknown tags, invalid front matter', run: (args, io) => runCheck(args, io, packageVersion()) },
  tag: { summary: 'show as a diff (or --write) the tags that tag-all would add', run: runTag },
  lsp: { summary: 'start the language server on stdio (Neovim, Emacs, Helix...)', run: runLsp },
};

function usage(): string {
  const width = Math.max(...Object.keys(SUBCOMMANDS).map((n) => n.length));
  const commands = Object.entries(SUBCOMMANDS)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join('\n');
  return `communique — recognise actors, countries, regions and threat categories in press releases

Usage: communique <command> [options] FILES...
       communique --help | --version
       communique <command> --help

Commands:
${commands}

Exit status: 0 success; 1 a lexicon file has errors (the rest of the lexicons was used), or
what a command reports as a failure (check: problems to fix; tag: a file refused); 2 bad usage,
or a file could not be read or is not text (the other files were processed); 130, 143 or 129
when \`tag --write\` was stopped by SIGINT, SIGTERM or SIGHUP (between two files). Each command's --help says
more.

Environment: colour is on when stdout is a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1
forces it (FORCE_COLOR wins over NO_COLOR, as in Node). COMMUNIQUE_DEBUG=1 adds stack traces
to internal errors.
`;
}

/** Runs the command line `argv` (without node and the script) and returns the exit status. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic !== undefined && SUBCOMMANDS[topic]) return SUBCOMMANDS[topic].run(['--help'], io);
    io.stdout.write(usage());
    return name === undefined ? ExitCode.usageOrInput : ExitCode.ok;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${packageVersion()}\n`);
    return ExitCode.ok;
  }
  const command = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (!command) {
    io.stderr.write(`communique: unknown command '${name}'. Run 'communique --help'.\n`);
    return ExitCode.usageOrInput;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`communique ${name}: ${e.message}. Run 'communique ${name} --help'.\n`);
      return ExitCode.usageOrInput;
    }
    throw e;
  }
}

/**
 * The version in the package manifest, found by walking up from this file: the same code runs
 * bundled (dist/cli.js) and compiled (server/out/cli/main.js).
 */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'communique' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}

if (require.main === module) {
  // Stack traces of the bundle point into the TypeScript sources (dist/cli.js.map).
  process.setSourceMapsEnabled(true);
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // The reader went away (`communique scan ... | head`): stop quietly, as Unix tools do.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    // Only commands that write install signal handlers (tag --write); the others die on Ctrl-C.
    catchInterrupts,
  }).then(
    (code) => {
      // exitCode, not exit(): let stdout drain when it is a pipe.
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`communique: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
