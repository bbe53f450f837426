/**
 * The VS Code side of Communiqué: starts the language server (dist/server.js) over IPC and wires
 * the editor commands to it. It knows nothing about recognition (ARCHITECTURE.md): diagnostics,
 * quick fixes, hovers and tokens all come from the server through the language client. Issue 4
 * adds decorations, views and the status bar on top of this.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ExecuteCommandRequest,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { Commands } from '../../server/src/protocol';

const CLIENT_ID = 'communique';
const CLIENT_NAME = 'Communiqué';
/** The languages whose documents the server sees; it decides itself which of them are annotated (settings, front matter). */
const LANGUAGES = ['communique', 'markdown', 'plaintext'];

/** Commands that act on the active document: the server receives its URI and version. */
const DOCUMENT_COMMANDS: readonly string[] = [Commands.annotateFile, Commands.tagAll, Commands.removeStaleTags];
/** Client-only commands. */
const CLIENT_COMMANDS = { restartServer: 'communique.restartServer', showOutput: 'communique.showOutput' } as const;

/** What `activate` returns: lets tests (issue 4) wait until the server answers. */
export interface CommuniqueApi {
  /** Resolves once the language server is running (again, after a restart). */
  whenReady(): Promise<void>;
}

let client: LanguageClient | undefined;

/** Starts the language client and registers the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<CommuniqueApi> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME);
  const errors = new ErrorReporter(output);
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  // The language client's own handler decides when to restart (it gives up after repeated
  // crashes); this one only words the outcome. It exists once the client does.
  const handlers: { fallback?: ErrorHandler } = {};
  const errorHandler: ErrorHandler = {
    error: (error, message, count) => handlers.fallback!.error(error, message, count),
    async closed() {
      const result = await handlers.fallback!.closed();
      if (result.action === CloseAction.DoNotRestart) {
        errors.report(result.message ?? 'The language server stopped and will not be restarted. Run "Communiqué: Restart server".');
      } else {
        output.appendLine('[info] The language server stopped unexpectedly; restarting it.');
      }
      return { ...result, handled: true };
    },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      // The workspace lexicon is synchronised too, so the server reads its live text: an "Add to
      // the workspace lexicon" fix takes effect before the user saves the file.
      { scheme: 'file', pattern: '**/.communique/*.yaml' },
    ],
    // No `synchronize.fileEvents`: the server registers its own file watchers (dynamic
    // workspace/didChangeWatchedFiles) for `.communique/lexicon.yaml`, the extra lexicon paths of
    // the settings and the communiqués, and renews them when the settings change. Watching here
    // too would deliver every change twice and rebuild the lexicons twice.
    outputChannel: output,
    // Errors are shown once by ErrorReporter, never as a popup per failed request.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler,
    initializationFailedHandler: (error: unknown) => {
      errors.report('The language server failed to start.', error);
      return false;
    },
    middleware: {
      // The server's commands are registered by the language client from the server's
      // executeCommandProvider; invoked from the palette or a menu they carry no argument, so
      // the active document is added here.
      executeCommand: async (command, args, next) => {
        const forwarded = args.length === 0 && DOCUMENT_COMMANDS.includes(command) ? activeDocumentArguments() : args;
        if (forwarded === undefined) return undefined;
        try {
          return reportOutcome(await next(command, forwarded));
        } catch (e) {
          errors.report(`The command ${command} failed.`, e);
          return undefined;
        }
      },
    },
  };

  const languageClient = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  client = languageClient;
  handlers.fallback = languageClient.createDefaultErrorHandler();

  const fallbackCommands = new FallbackCommands(context, languageClient, errors);
  let ready = startClient(languageClient, errors, fallbackCommands);

  context.subscriptions.push(
    vscode.commands.registerCommand(CLIENT_COMMANDS.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.restartServer, async () => {
      errors.reset();
      output.appendLine('[info] Restarting the language server.');
      ready = (async () => {
        if (languageClient.state !== State.Stopped) await languageClient.stop();
        await startClient(languageClient, errors, fallbackCommands);
      })();
      await ready;
    }),
  );

  await ready;
  return { whenReady: () => ready };
}

/** Stops the language server with the extension. */
export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running && running.state !== State.Stopped) await running.stop();
}

/** Starts the client; a failure is reported once and leaves the extension usable (Restart server). */
async function startClient(languageClient: LanguageClient, errors: ErrorReporter, fallbackCommands: FallbackCommands): Promise<void> {
  try {
    await languageClient.start();
  } catch (e) {
    errors.report('The language server failed to start.', e);
    return;
  }
  fallbackCommands.registerMissing();
}

/** What the server answers to a document command (server/src/features/commands.ts). */
interface CommandOutcome {
  applied?: boolean;
  reason?: string;
}

/** Says briefly, in the status bar, why a command changed nothing ("Nothing to change"); errors already come from the server. */
function reportOutcome(result: unknown): unknown {
  const outcome = result as CommandOutcome | null | undefined;
  if (outcome && outcome.applied === false && typeof outcome.reason === 'string') {
    vscode.window.setStatusBarMessage(`${CLIENT_NAME}: ${outcome.reason}`, 5000);
  }
  return result;
}

/** The arguments of a document command: the active document's URI and version, or undefined (and a message) without one. */
function activeDocumentArguments(): unknown[] | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || !LANGUAGES.includes(document.languageId)) {
    void vscode.window.showInformationMessage('Communiqué: open a communiqué (Markdown or plain text) first.');
    return undefined;
  }
  return [{ uri: document.uri.toString(), version: document.version }];
}

/**
 * Document commands the server does not declare would otherwise not exist at all; they are sent
 * to the server directly, so its answer (or error) is what the user sees. Commands the server
 * declares are registered by the language client itself: registering them here too would fail.
 * Checked after every start, since only a running server says what it declares.
 */
class FallbackCommands {
  private readonly registered = new Set<string>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly languageClient: LanguageClient,
    private readonly errors: ErrorReporter,
  ) {}

  registerMissing(): void {
    const declared = new Set(this.languageClient.initializeResult?.capabilities.executeCommandProvider?.commands ?? []);
    for (const command of DOCUMENT_COMMANDS) {
      if (declared.has(command) || this.registered.has(command)) continue;
      this.registered.add(command);
      this.context.subscriptions.push(vscode.commands.registerCommand(command, (...args: unknown[]) => this.execute(command, args)));
    }
  }

  private async execute(command: string, args: unknown[]): Promise<unknown> {
    const forwarded = args.length === 0 ? activeDocumentArguments() : args;
    if (forwarded === undefined) return undefined;
    try {
      return reportOutcome(await this.languageClient.sendRequest(ExecuteCommandRequest.type, { command, arguments: forwarded }));
    } catch (e) {
      this.errors.report(`The command ${command} failed.`, e);
      return undefined;
    }
  }
}

/**
 * Shows the first error as a notification with a "Show output" action and only logs the next
 * ones, so a failing server never floods the user with popups (issue 4). Restarting the server
 * re-arms it.
 */
class ErrorReporter {
  private shown = false;

  constructor(private readonly output: vscode.OutputChannel) {}

  report(message: string, error?: unknown): void {
    const detail = error === undefined ? '' : `: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    this.output.appendLine(`[error] ${message}${detail}`);
    if (this.shown) return;
    this.shown = true;
    void vscode.window.showErrorMessage(`${CLIENT_NAME}: ${message}`, 'Show output').then((choice) => {
      if (choice === 'Show output') this.output.show(true);
    });
  }

  reset(): void {
    this.shown = false;
  }
}
