/**
 * The VS Code side of Communiqué: activation and wiring only. It starts the language server
 * (languageServer.ts) and connects the parts the user sees to the entities the server reports
 * (entityStore.ts): highlights (decorations.ts), the Entities view (entitiesView.ts), the status
 * bar (statusBar.ts) and the commands (commands.ts). Nothing here recognises anything
 * (ARCHITECTURE.md): diagnostics, fixes, hovers, tokens and entities all come from the server.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { commandMiddleware, FallbackCommands, registerClientCommands } from './commands';
import { CompareView, type CompareSnapshot } from './compareView';
import { ContextKeys } from './contextKeys';
import { EntityDecorations, type DecorationSnapshot } from './decorations';
import type { CategoryGroup } from './entitiesModel';
import { EntitiesView } from './entitiesView';
import { EntityActions } from './entityActions';
import { EntityStore, type KnownEntities } from './entityStore';
import { ErrorReporter, type ShownMessage } from './errorReporter';
import { CLIENT_NAME, ServerConnection } from './languageServer';
import { EntityStatusBar } from './statusBar';

/** What `activate` returns: lets tests wait on the extension's own signals rather than on time. */
export interface CommuniqueApi {
  /** Resolves once the language server is running (again, after a restart). */
  whenReady(): Promise<void>;
  /** Resolves with the entities of the document's current version once they are known (and `test` holds). */
  waitForEntities(uri: vscode.Uri, test?: (known: KnownEntities) => boolean): Promise<KnownEntities>;
  /** Resolves once the document's decorations are drawn for its current version (and `test` holds). */
  waitForDecorations(uri: vscode.Uri, test?: (snapshot: DecorationSnapshot) => boolean): Promise<DecorationSnapshot>;
  /** What is drawn now for a document. */
  decorations(uri: vscode.Uri): DecorationSnapshot | undefined;
  /** The status bar text (without its icon); undefined when the item is hidden. */
  statusBarText(): string | undefined;
  /** The document-language item's text (without its icon), "FR (detected)"; undefined when hidden. */
  languageStatusText(): string | undefined;
  /** The groups the Entities view shows now. */
  entitiesView(): readonly CategoryGroup[];
  /** What the "Compare entities with source" panel shows; undefined when it is closed. */
  comparePanel(): CompareSnapshot | undefined;
  /** Resolves once the compare panel shows a comparison for which `test` holds. */
  waitForComparison(test?: (snapshot: CompareSnapshot) => boolean): Promise<CompareSnapshot>;
  /** The language server's process id, asked of the server (issue 6: the crash test kills it). */
  serverPid(): Promise<number>;
  /** How many times the server has been running so far (the first start counts one). */
  serverStarts(): number;
  /** Resolves once the server has been running more than `count` times (a restart after a crash). */
  waitForServerStart(count: number): Promise<void>;
  /** Whether the client stopped restarting the server (it crashed too often). */
  serverStopped(): boolean;
  /** Resolves once the client has given up restarting the server. */
  waitForServerStopped(): Promise<void>;
  /** Every notification the extension showed, oldest first. */
  shownMessages(): readonly ShownMessage[];
}

let server: ServerConnection | undefined;

/** Starts the language client, the views and the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<CommuniqueApi> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME);
  const errors = new ErrorReporter(output, CLIENT_NAME);
  context.subscriptions.push(output);

  // The store exists once the server does; the middleware reaches it through this holder.
  const late: { store?: EntityStore } = {};
  const middleware: Middleware = {
    executeCommand: commandMiddleware(errors),
    // The server asks for a semantic-tokens refresh after its lexicons or settings change: the
    // entities of that document changed too.
    provideDocumentSemanticTokens: async (document, token, next) => {
      const tokens = await next(document, token);
      late.store?.serverRefreshed(document);
      return tokens;
    },
    provideDocumentSemanticTokensEdits: async (document, previousResultId, token, next) => {
      const tokens = await next(document, previousResultId, token);
      late.store?.serverRefreshed(document);
      return tokens;
    },
  };

  const connection = new ServerConnection(context, output, errors, middleware);
  server = connection;
  const store = new EntityStore(connection, errors);
  late.store = store;
  connection.setAfterStart(() => store.settled());
  const actions = new EntityActions(connection, errors);
  const decorations = new EntityDecorations(store);
  const view = new EntitiesView(store, actions);
  const statusBar = new EntityStatusBar(store, connection);
  const fallbackCommands = new FallbackCommands(connection, errors);
  const compareView = new CompareView(connection, errors);
  context.subscriptions.push(
    connection,
    store,
    decorations,
    view,
    statusBar,
    new ContextKeys(store, connection),
    fallbackCommands,
    compareView,
    connection.onDidStart(() => fallbackCommands.registerMissing()),
    ...registerClientCommands(connection, actions, output),
  );

  await connection.start();

  return {
    whenReady: () => connection.whenReady(),
    waitForEntities: (uri, test = () => true) =>
      waitFor(store.onDidChange, () => {
        const document = openDocument(uri);
        const known = document !== undefined ? store.current(document) : undefined;
        return known !== undefined && test(known) ? known : undefined;
      }),
    waitForDecorations: (uri, test = () => true) =>
      waitFor(decorations.onDidRender, () => {
        const document = openDocument(uri);
        const snapshot = decorations.snapshot(uri);
        return snapshot !== undefined && document !== undefined && snapshot.version === document.version && test(snapshot) ? snapshot : undefined;
      }),
    decorations: (uri) => decorations.snapshot(uri),
    statusBarText: () => statusBar.text,
    languageStatusText: () => statusBar.languageText,
    entitiesView: () => view.shown,
    comparePanel: () => compareView.snapshot,
    waitForComparison: (test = () => true) =>
      waitFor(compareView.onDidRender, () => {
        const shown = compareView.snapshot;
        return shown !== undefined && test(shown) ? shown : undefined;
      }),
    serverPid: () => connection.serverPid(),
    serverStarts: () => connection.starts,
    waitForServerStart: (count) => waitFor(connection.onDidStart, () => (connection.starts > count ? true : undefined)).then(() => undefined),
    serverStopped: () => connection.isStopped,
    waitForServerStopped: () => waitFor(connection.onDidChangeState, () => (connection.isStopped ? true : undefined)).then(() => undefined),
    shownMessages: () => errors.shown,
  };
}

/** Stops the language server with the extension. */
export async function deactivate(): Promise<void> {
  const running = server;
  server = undefined;
  await running?.stop();
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** Resolves with `check()` as soon as it gives a value: now, or after one of the events. */
function waitFor<T, E>(event: vscode.Event<E>, check: () => T | undefined): Promise<T> {
  const now = check();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve) => {
    const listener = event(() => {
      const value = check();
      if (value === undefined) return;
      listener.dispose();
      resolve(value);
    });
  });
}
