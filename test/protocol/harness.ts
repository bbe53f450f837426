/**
 * A small LSP client for the protocol tests: it spawns the real server (`node dist/server.js
 * --stdio`, the bundle `npm test` builds first) in a temporary workspace folder and drives it with
 * vscode-languageserver-protocol over the child's stdio.
 *
 * It plays the editor's part: it answers workspace/configuration with the test's settings,
 * applies workspace/applyEdit requests to its open documents (and to files on disk), accepts
 * capability registrations, and records publishDiagnostics and refresh requests. Every wait is
 * on an event (a promise settled by a message), bounded so that a silent server fails the test
 * with the server's stderr instead of hanging it; nothing sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DiagnosticRefreshRequest,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  SemanticTokensRefreshRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentEdit,
  UnregistrationRequest,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');

/** How long any single wait on the server may take before the test fails with a message. */
const WAIT_MS = 15_000;

export interface StartOptions {
  /** Declare textDocument.diagnostic (VS Code): the server then answers pulls instead of pushing. */
  pullDiagnostics?: boolean;
  /** Files written into the workspace folder before the server starts (relative path -> text). */
  files?: Record<string, string>;
  /** The `communique` settings section answered to workspace/configuration. */
  settings?: Record<string, unknown>;
  /** The server command; default `node dist/server.js --stdio`. */
  command?: readonly string[];
  /** Changes to the default (VS Code-like) client capabilities. */
  capabilities?: (c: ClientCapabilities) => void;
  /** The `initializationOptions` of the initialize request (none by default). */
  initializationOptions?: unknown;
}

interface Waiter<T> {
  test(value: T): boolean;
  resolve(value: T): void;
}

/** One running server and the editor state around it. */
export class LspClient {
  readonly folder: string;
  readonly connection: ProtocolConnection;
  initializeResult!: InitializeResult;
  settings: Record<string, unknown>;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** workspace/applyEdit requests received. */
  readonly applyEditRequests: WorkspaceEdit[] = [];
  /** window/showMessage notifications received. */
  readonly messages: string[] = [];
  /** Milliseconds from spawning the server to its initialize response. */
  initializeMs = 0;
  diagnosticRefreshes = 0;
  semanticTokensRefreshes = 0;
  private readonly child: ChildProcess;
  private readonly documents = new Map<string, TextDocument>();
  private readonly diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly refreshWaiters: Waiter<'diagnostics' | 'tokens'>[] = [];
  private stderr = '';
  private exited: Promise<number | null>;

  private constructor(folder: string, options: StartOptions) {
    this.folder = folder;
    this.settings = options.settings ?? {};
    const [program, ...args] = options.command ?? [process.execPath, SERVER, '--stdio'];
    this.child = spawn(program!, args, { cwd: folder, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((done) => this.child.on('exit', (code) => done(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.answerServerRequests();
    this.connection.listen();
  }

  /** Starts a server in a new temporary workspace folder and initializes it. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    // realpath: the server sees the folder through the URI we send; /tmp may be a symlink.
    const folder = realpathSync(mkdtempSync(join(tmpdir(), 'communique-lsp-')));
    for (const [path, text] of Object.entries(options.files ?? {})) writeText(join(folder, path), text);
    const capabilities = clientCapabilities(options.pullDiagnostics === true);
    options.capabilities?.(capabilities);
    const spawnedAt = performance.now();
    const client = new LspClient(folder, options);
    client.initializeResult = await client.bounded(
      client.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: client.folderUri,
        workspaceFolders: [{ uri: client.folderUri, name: 'workspace' }],
        capabilities,
        ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
      }),
      'the initialize response',
    );
    client.initializeMs = performance.now() - spawnedAt;
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  get folderUri(): string {
    return pathToFileURL(this.folder).href;
  }

  uri(relativePath: string): string {
    return pathToFileURL(join(this.folder, relativePath)).href;
  }

  path(relativePath: string): string {
    return join(this.folder, relativePath);
  }

  /** Writes a file of the workspace (no notification: see fileChanged). */
  writeFile(relativePath: string, text: string): void {
    writeText(this.path(relativePath), text);
  }

  readFile(relativePath: string): string {
    return readFileSync(this.path(relativePath), 'utf8');
  }

  /** Tells the server a file changed on disk (workspace/didChangeWatchedFiles). */
  async fileChanged(relativePath: string, type: FileChangeType = FileChangeType.Changed): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: this.uri(relativePath), type }] });
  }

  /** Opens a document (its text defaults to the file's on disk); returns its URI. */
  async open(relativePath: string, text?: string, languageId = 'markdown'): Promise<string> {
    const uri = this.uri(relativePath);
    const content = text ?? this.readFile(relativePath);
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, content));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text: content } });
    return uri;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Replaces a document's whole text (a new version). */
  async change(uri: string, text: string): Promise<number> {
    const doc = this.document(uri);
    const range: Range = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
    return this.edit(uri, [{ range, text }]);
  }

  /** Sends incremental changes, as an editor does while typing; returns the new version. */
  async edit(uri: string, changes: { range: Range; text: string }[]): Promise<number> {
    const doc = this.document(uri);
    const version = doc.version + 1;
    TextDocument.update(doc, changes, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes.map((c) => ({ range: c.range, text: c.text })),
    });
    return version;
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  version(uri: string): number {
    return this.document(uri).version;
  }

  document(uri: string): TextDocument {
    const doc = this.documents.get(uri);
    if (doc === undefined) throw new Error(`${uri} is not open in the test client`);
    return doc;
  }

  /**
   * The diagnostics the server published for a document version (default: its current version),
   * waiting for them if they have not arrived yet.
   */
  diagnostics(uri: string, version: number | undefined = this.documents.get(uri)?.version): Promise<PublishDiagnosticsParams> {
    const matches = (p: PublishDiagnosticsParams): boolean => p.uri === uri && (version === undefined || p.version === version);
    const latest = [...this.published].reverse().find((p) => p.uri === uri);
    if (latest !== undefined && matches(latest)) return Promise.resolve(latest);
    return this.waitFor(this.diagnosticWaiters, matches, `diagnostics for ${uri}${version === undefined ? '' : ` version ${version}`}`);
  }

  /** The next publishDiagnostics for a URI that satisfies a predicate (already received ones do not count). */
  nextDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return this.waitFor(this.diagnosticWaiters, (p) => p.uri === uri && test(p), `diagnostics for ${uri}`);
  }

  /** The next workspace/diagnostic/refresh or workspace/semanticTokens/refresh request. */
  nextRefresh(kind: 'diagnostics' | 'tokens'): Promise<'diagnostics' | 'tokens'> {
    return this.waitFor(this.refreshWaiters, (k) => k === kind, `a ${kind} refresh request`);
  }

  /** Pulls a document's diagnostics (textDocument/diagnostic). */
  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.bounded(
      this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) }),
      `the diagnostics of ${uri}`,
    );
  }

  /** Code actions for a range (with the diagnostics the server published there, as an editor sends them). */
  async codeActions(uri: string, range: Range, only?: string[]): Promise<CodeAction[]> {
    const result = await this.request(CodeActionRequest.method, { textDocument: { uri }, range, context: { diagnostics: [], ...(only ? { only } : {}) } });
    // A bare Command has a string `command`; a CodeAction's `command` is an object.
    return ((result ?? []) as (CodeAction | Command)[]).filter((a): a is CodeAction => typeof (a as Command).command !== 'string');
  }

  async executeCommand(command: string, args: unknown[] = []): Promise<unknown> {
    return this.request(ExecuteCommandRequest.method, { command, arguments: args });
  }

  /** Any request, bounded. */
  request<R = unknown>(method: string, params: unknown): Promise<R> {
    return this.bounded(this.connection.sendRequest(method, params) as Promise<R>, `the ${method} response`);
  }

  /** Changes the settings and notifies the server (it then asks workspace/configuration again). */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { communique: settings } });
  }

  /**
   * Applies a WorkspaceEdit as an editor would: TextDocumentEdits to open documents (refusing a
   * version mismatch) and to files on disk; CreateFile creates the file (and its folder).
   */
  async applyEdit(edit: WorkspaceEdit): Promise<void> {
    for (const change of edit.documentChanges ?? []) {
      if (TextDocumentEdit.is(change)) {
        const uri = change.textDocument.uri;
        const open = this.documents.get(uri);
        if (open !== undefined) {
          if (change.textDocument.version !== null && change.textDocument.version !== open.version) {
            throw new Error(`version mismatch for ${uri}: edit for ${change.textDocument.version}, document at ${open.version}`);
          }
          await this.change(uri, TextDocument.applyEdits(open, change.edits));
        } else {
          const path = fileURLToPath(uri);
          const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
          writeText(path, TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, before), change.edits));
        }
      } else if (change.kind === 'create') {
        const path = fileURLToPath(change.uri);
        if (!existsSync(path) || change.options?.ignoreIfExists !== true) writeText(path, '');
      } else {
        throw new Error(`unexpected resource operation ${change.kind}`);
      }
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      await this.change(uri, TextDocument.applyEdits(this.document(uri), edits));
    }
  }

  /** Shuts the server down as an editor does (shutdown, exit), waits for the process, removes the folder. */
  async shutdown(): Promise<void> {
    try {
      await this.bounded(this.connection.sendRequest(ShutdownRequest.type), 'the shutdown response');
      await this.connection.sendNotification(ExitNotification.type);
      const code = await this.bounded(this.exited, 'the server to exit');
      if (code !== 0) throw new Error(`the server exited with ${code}\n${this.stderr}`);
    } finally {
      this.connection.dispose();
      if (this.child.exitCode === null) this.child.kill();
      rmSync(this.folder, { recursive: true, force: true });
    }
  }

  /** What the server wrote to stderr so far. */
  get serverLog(): string {
    return this.stderr;
  }

  private answerServerRequests(): void {
    const c = this.connection;
    c.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'communique' ? this.settings : null)));
    c.onRequest(ApplyWorkspaceEditRequest.type, async (params) => {
      this.applyEditRequests.push(params.edit);
      try {
        await this.applyEdit(params.edit);
        return { applied: true };
      } catch (e) {
        return { applied: false, failureReason: String(e) };
      }
    });
    c.onRequest(RegistrationRequest.type, () => undefined);
    c.onRequest(UnregistrationRequest.type, () => undefined);
    c.onRequest(DiagnosticRefreshRequest.type, () => {
      this.diagnosticRefreshes++;
      settle(this.refreshWaiters, 'diagnostics');
    });
    c.onRequest(SemanticTokensRefreshRequest.type, () => {
      this.semanticTokensRefreshes++;
      settle(this.refreshWaiters, 'tokens');
    });
    c.onNotification(ShowMessageNotification.type, (p) => this.messages.push(p.message));
    c.onRequest(ShowMessageRequest.type, (p) => {
      this.messages.push(p.message);
      return null;
    });
    c.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      settle(this.diagnosticWaiters, p);
    });
  }

  private waitFor<T>(waiters: Waiter<T>[], test: (value: T) => boolean, what: string): Promise<T> {
    return this.bounded(new Promise<T>((resolve) => waiters.push({ test, resolve })), what);
  }

  /** A promise that fails with the server's stderr when it takes longer than WAIT_MS. */
  private bounded<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${what} within ${WAIT_MS} ms; server stderr:\n${this.stderr}`)), WAIT_MS);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}

/** Resolves (and removes) every waiter the value satisfies. */
function settle<T>(waiters: Waiter<T>[], value: T): void {
  for (let i = waiters.length - 1; i >= 0; i--) {
    if (waiters[i]!.test(value)) waiters.splice(i, 1)[0]!.resolve(value);
  }
}

function writeText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** What VS Code declares, reduced to what the server reads; `pull` adds textDocument.diagnostic. */
function clientCapabilities(pull: boolean): ClientCapabilities {
  return {
    workspace: {
      applyEdit: true,
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceFolders: true,
      semanticTokens: { refreshSupport: true },
      ...(pull ? { diagnostics: { refreshSupport: true } } : {}),
      symbol: {},
      executeCommand: {},
    },
    textDocument: {
      synchronization: { didSave: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, dataSupport: true },
      ...(pull ? { diagnostic: { relatedDocumentSupport: false } } : {}),
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
        disabledSupport: true,
        dataSupport: true,
        isPreferredSupport: true,
      },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      semanticTokens: {
        requests: { full: { delta: true }, range: true },
        tokenTypes: ['actor', 'country', 'region', 'threat'],
        tokenModifiers: ['tagged', 'untagged', 'suggested', 'person', 'organization'],
        formats: ['relative'],
      },
      completion: { completionItem: { snippetSupport: false } },
      references: {},
    },
  };
}

/** The single code action with a title, failing with the titles on offer when it is missing. */
export function actionTitled(actions: readonly CodeAction[], title: string): CodeAction {
  const found = actions.filter((a) => a.title === title);
  if (found.length !== 1) throw new Error(`expected one action "${title}", got: ${JSON.stringify(actions.map((a) => a.title))}`);
  return found[0]!;
}

export { FileChangeType };
