/**
 * The language server's lifecycle on the client side: the LanguageClient (dist/server.js over
 * IPC), a readiness promise that follows every (re)start, progress in the status bar while it
 * starts, and a bounded restart policy when it crashes (issue 4, "Progress and errors").
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { ErrorReporter } from './errorReporter';

const CLIENT_ID = 'communique';
export const CLIENT_NAME = 'Communiqué';

/** The languages whose documents the server sees; it decides itself which of them are annotated (settings, front matter). */
export const LANGUAGES: readonly string[] = ['communique', 'markdown', 'plaintext'];

/** Crashes tolerated within RESTART_WINDOW_MS before the client gives up (then: "Restart server"). */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** Restarts a crashed server a bounded number of times, and says so once. */
export class RestartPolicy implements ErrorHandler {
  private crashes: number[] = [];

  constructor(
    private readonly errors: ErrorReporter,
    private readonly now: () => number = Date.now,
  ) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A few malformed messages are survivable; a stream of them means the connection is broken.
    if (count !== undefined && count <= 3) return { action: ErrorAction.Continue, handled: true };
    this.errors.report('The connection to the language server keeps failing; it is being shut down. Run "Communiqué: Restart server".');
    return { action: ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes = this.crashes.filter((t) => now - t < RESTART_WINDOW_MS);
    this.crashes.push(now);
    if (this.crashes.length > MAX_RESTARTS) {
      this.errors.report(`The language server crashed ${this.crashes.length} times in 3 minutes and will not be restarted. Run "Communiqué: Restart server".`);
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.errors.restarted();
    return { action: CloseAction.Restart, handled: true };
  }

  /** A manual restart starts a new count. */
  reset(): void {
    this.crashes = [];
  }
}

/** The running language server, as the rest of the client sees it. */
export class ServerConnection implements vscode.Disposable {
  readonly client: LanguageClient;
  private readonly policy: RestartPolicy;
  private ready: Promise<void> = Promise.resolve();
  private settle: (() => void) | undefined;
  private readonly started = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Work the progress indicator waits for after the server is up (the first entities: lexicons compiled). */
  private afterStart: () => Promise<void> = () => Promise.resolve();

  /** Fires each time the server is running (first start, crash restart, manual restart). */
  readonly onDidStart = this.started.event;

  constructor(
    context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
    private readonly errors: ErrorReporter,
    middleware: Middleware,
  ) {
    const serverModule = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    this.policy = new RestartPolicy(errors);
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
      // workspace/didChangeWatchedFiles) and renews them when the settings change. Watching here
      // too would deliver every change twice and rebuild the lexicons twice.
      outputChannel: output,
      // Errors are shown once by ErrorReporter, never as a popup per failed request.
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      errorHandler: this.policy,
      initializationFailedHandler: (error: unknown) => {
        errors.report('The language server failed to start.', error);
        return false;
      },
      middleware,
    };
    this.client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    this.disposables.push(
      this.started,
      // Crash restarts happen inside the language client: follow its state so that whenReady()
      // and the progress cover them too.
      this.client.onDidChangeState((e) => {
        if (e.newState === State.Starting) this.beginStart();
        else this.endStart(e.newState === State.Running);
      }),
    );
  }

  /** Resolves once the server is running (again, after a restart), or once starting it failed. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  get isRunning(): boolean {
    return this.client.state === State.Running;
  }

  /** Sets what the start progress waits for once the server runs (the first entities answers). */
  setAfterStart(wait: () => Promise<void>): void {
    this.afterStart = wait;
  }

  /** Starts the server; a failure is reported once and leaves the extension usable (Restart server). */
  async start(): Promise<void> {
    this.beginStart();
    try {
      await this.client.start();
    } catch (e) {
      this.errors.report('The language server failed to start.', e);
      this.endStart(false);
    }
    await this.ready;
  }

  /** Stops and starts the server again ("Communiqué: Restart server"). */
  async restart(): Promise<void> {
    this.errors.reset();
    this.policy.reset();
    this.errors.info('Restarting the language server.');
    try {
      if (this.client.state !== State.Stopped) await this.client.stop();
    } catch (e) {
      this.output.appendLine(`[info] Stopping the language server failed: ${String(e)}`);
    }
    await this.start();
  }

  async stop(): Promise<void> {
    if (this.client.state !== State.Stopped) await this.client.stop();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.endStart(false);
  }

  /** A new readiness promise (unless one is pending) and a progress indicator until it settles. */
  private beginStart(): void {
    if (this.settle !== undefined) return;
    this.ready = new Promise<void>((resolve) => (this.settle = resolve));
    const ready = this.ready;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: CLIENT_NAME }, async (progress) => {
      progress.report({ message: 'starting the language server…' });
      await ready;
      if (!this.isRunning) return;
      progress.report({ message: 'loading lexicons…' });
      await this.afterStart();
    });
  }

  private endStart(running: boolean): void {
    const settle = this.settle;
    this.settle = undefined;
    settle?.();
    if (running) this.started.fire();
  }
}
