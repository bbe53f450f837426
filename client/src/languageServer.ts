/**
 * The language server's lifecycle on the client side: the LanguageClient (dist/server.js over
 * IPC), a readiness promise that follows every (re)start, progress in the status bar while it
 * starts, and a bounded restart policy when it crashes (issue 4, "Progress and errors"; issue 6,
 * crashPolicy.ts). It also tells the server whether the user trusts the workspace (issue 6,
 * "Untrusted workspaces"): in the initialization options of every start, and when trust is granted.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  MessageType,
  RevealOutputChannelOn,
  ShowMessageNotification,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ClientCommands } from './commandIds';
import {
  DID_CHANGE_WORKSPACE_TRUST,
  SERVER_PROCESS_REQUEST,
  type CommuniqueInitializationOptions,
  type DidChangeWorkspaceTrustParams,
  type ServerProcessResult,
} from '../../server/src/protocol';
import { CrashHistory, describeWindow, RESTART_WINDOW_MS } from './crashPolicy';
import type { ErrorReporter } from './errorReporter';

const CLIENT_ID = 'communique';
export const CLIENT_NAME = 'Communiqué';

/** The languages whose documents the server sees; it decides itself which of them are annotated (settings, front matter). */
export const LANGUAGES: readonly string[] = ['communique', 'markdown', 'plaintext'];

/** The language client's error handler: restarts a crashed server as crashPolicy.ts decides, and says so once per storm. */
export class RestartPolicy implements ErrorHandler {
  private readonly history = new CrashHistory();

  constructor(
    private readonly errors: ErrorReporter,
    private readonly server: {
      /** The "Restart server" button of the give-up message. */
      restart(): void;
      /** The client stops restarting the server. */
      gaveUp(): void;
    },
    private readonly now: () => number = Date.now,
  ) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A few malformed messages are survivable; a stream of them means the connection is broken.
    if (count !== undefined && count <= 3) {
      this.errors.info(`The connection to the language server reported an error (${count}): ${error.message}`);
      return { action: ErrorAction.Continue, handled: true };
    }
    this.server.gaveUp();
    this.errors.gaveUp('the connection to the language server keeps failing, so the server was stopped.', () => this.server.restart());
    return { action: ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const decision = this.history.crashed(this.now());
    if (decision.action === 'give-up') {
      this.server.gaveUp();
      this.errors.gaveUp(
        `the language server crashed ${decision.crashesInWindow} times in ${describeWindow(RESTART_WINDOW_MS)} and was not restarted again.`,
        () => this.server.restart(),
      );
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.errors.restarted(decision.announce, decision.crashesInWindow);
    return { action: CloseAction.Restart, handled: true };
  }

  /** A manual restart starts a new count. */
  reset(): void {
    this.history.reset();
  }
}

/** The running language server, as the rest of the client sees it. */
export class ServerConnection implements vscode.Disposable {
  readonly client: LanguageClient;
  private readonly policy: RestartPolicy;
  private ready: Promise<void> = Promise.resolve();
  private settle: (() => void) | undefined;
  private readonly started = new vscode.EventEmitter<void>();
  private readonly stateChanged = new vscode.EventEmitter<void>();
  private startCount = 0;
  /** The client gave up on the server (crashes) or could not start it; cleared by the next start. */
  private stoppedForGood = false;
  private readonly disposables: vscode.Disposable[] = [];
  /** Work the progress indicator waits for after the server is up (the first entities: lexicons compiled). */
  private afterStart: () => Promise<void> = () => Promise.resolve();

  /** Fires each time the server is running (first start, crash restart, manual restart). */
  readonly onDidStart = this.started.event;
  /** Fires when the server starts, runs or stops (the status bar shows a stopped server). */
  readonly onDidChangeState = this.stateChanged.event;

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
    this.policy = new RestartPolicy(errors, {
      restart: () => void this.restart(),
      gaveUp: () => (this.stoppedForGood = true),
    });
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
      // The translator hover's "Copy" links run communique.copyName, and only that command: the
      // server sends the links only to a client that lists the command here (issue 5).
      markdown: { isTrusted: { enabledCommands: [ClientCommands.copyName] } },
      // A function: read again at every (re)start, so a restart after trust was granted says so (issue 6).
      initializationOptions: (): CommuniqueInitializationOptions => ({ commandLinks: [ClientCommands.copyName], workspaceTrusted: vscode.workspace.isTrusted }),
    };
    this.client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    // The server's window/showMessage goes through the ErrorReporter (replacing the language
    // client's own handler, at every start), so that tests see every notification shown.
    this.client.onNotification(ShowMessageNotification.type, (params) => {
      const severity = params.type === MessageType.Error ? 'error' : params.type === MessageType.Warning ? 'warning' : 'information';
      errors.serverMessage(severity, params.message);
    });
    this.disposables.push(
      this.started,
      this.stateChanged,
      // Crash restarts happen inside the language client: follow its state so that whenReady()
      // and the progress cover them too.
      this.client.onDidChangeState((e) => {
        if (e.newState === State.Starting) this.beginStart();
        else this.endStart(e.newState === State.Running);
        this.stateChanged.fire();
      }),
      // Trust granted: the server reads the lexicon files it held back, without a window reload.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (!this.isRunning) return;
        const params: DidChangeWorkspaceTrustParams = { trusted: true };
        void this.client.sendNotification(DID_CHANGE_WORKSPACE_TRUST, params);
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

  /** Stopped for good: it crashed too often or failed to start, and no start is under way (not a crash restart in progress). */
  get isStopped(): boolean {
    return this.stoppedForGood && this.client.state === State.Stopped;
  }

  /** How many times the server has been running (the first start counts one). */
  get starts(): number {
    return this.startCount;
  }

  /** The server's process id, asked of the server itself. */
  async serverPid(): Promise<number> {
    const result = await this.client.sendRequest<ServerProcessResult>(SERVER_PROCESS_REQUEST);
    return result.pid;
  }

  /** Sets what the start progress waits for once the server runs (the first entities answers). */
  setAfterStart(wait: () => Promise<void>): void {
    this.afterStart = wait;
  }

  /** Starts the server; a failure is reported once and leaves the extension usable (Restart server). */
  async start(): Promise<void> {
    this.stoppedForGood = false;
    this.beginStart();
    try {
      await this.client.start();
    } catch (e) {
      this.stoppedForGood = true;
      this.errors.report('The language server failed to start.', e);
      this.endStart(false);
      this.stateChanged.fire();
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
    if (running) {
      this.startCount++;
      this.started.fire();
    }
  }
}
