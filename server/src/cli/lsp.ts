/**
 * `communique lsp --stdio`: the language server for editors other than VS Code (Neovim, Emacs,
 * Helix...), which start a server as a command speaking LSP on its standard input and output
 * (issue 3). It is the same server as dist/server.js: startServer() from server.ts.
 *
 * Settings come from the editor (workspace/configuration, section `communique`) or from the
 * `initializationOptions.settings` the editor sends; without either, the defaults apply.
 * Nothing else may write to standard output while the server runs: it carries the protocol.
 */
import { parseArgs } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { ExitCode, UsageError, type CliIO } from './io';

export const LSP_USAGE = `Usage: communique lsp --stdio

Start the Communiqué language server, speaking the Language Server Protocol on standard input
and output, for editors that start servers as commands (Neovim, Emacs, Helix...). The server
runs until the editor disconnects. Settings are read from the editor (section "communique",
the same keys as in VS Code) or from initializationOptions: {"settings": {...}}.

Options:
      --stdio              use standard input and output (the only transport; required)
      --clientProcessId N  stop when the editor process N exits (editors pass it themselves)
  -h, --help               show this help
`;

/** Runs the language server until the client disconnects; the process exits from there. */
export function runLsp(args: readonly string[], io: CliIO): number | Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: false,
      strict: true,
      options: {
        stdio: { type: 'boolean' },
        clientProcessId: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  if (parsed.values.help) {
    io.stdout.write(LSP_USAGE);
    return ExitCode.ok;
  }
  if (parsed.values.stdio !== true) throw new UsageError('give the transport: communique lsp --stdio');

  // vscode-languageserver ends the process itself on the protocol's exit notification (0 after
  // a shutdown request, 1 otherwise) and when standard input closes.
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection);
  return new Promise<number>(() => {
    // Never settles: the connection owns the process from now on.
  });
}
