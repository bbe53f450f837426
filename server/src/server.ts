/**
 * The Communiqué language server: wiring only. It creates the session (documents, settings,
 * lexicons, analyses), declares the capabilities, and hands each LSP feature to its file in
 * features/, which finds the document, calls the core and converts the result.
 *
 * Started as `node dist/server.js --stdio` (or `--node-ipc` from VS Code) and as
 * `communique lsp --stdio`; createConnection() reads the transport from the process arguments.
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex } from './node/workspaceIndex';
import { registerCodeActions, CODE_ACTION_KINDS } from './features/codeActions';
import { registerCommands } from './features/commands';
import { registerCompletion, COMPLETION_TRIGGERS } from './features/completion';
import { registerDiagnostics } from './features/diagnostics';
import { AnalysisStore, registerAnalysisProgress } from './features/documents';
import { registerEntities } from './features/entities';
import { registerHover } from './features/hover';
import { LexiconStore } from './features/lexicon';
import { registerReferences } from './features/references';
import { registerSemanticTokens } from './features/semanticTokens';
import { readClientSupport, type Session } from './features/session';
import { SettingsStore } from './features/settings';
import { registerSymbols } from './features/symbols';
import { registerTestHooks } from './features/testHooks';
import { registerTranslations } from './features/translation';
import { registerWatchers } from './features/watchers';
import { readWorkspaceTrusted, WorkspaceTrust } from './features/trust';
import { WorkspaceFolders } from './features/workspaceFolders';
import { COMMAND_IDS, SEMANTIC_TOKENS_LEGEND, SERVER_PROCESS_REQUEST, SETTINGS_SECTION, type ServerProcessResult } from './protocol';

/** Starts the server on a connection (by default the one the process arguments name) and returns it. */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  const documents = new TextDocuments(TextDocument);
  // A failed background task (a refresh the client rejected, a file that vanished) is logged;
  // it must never take the editor's server down.
  process.on('unhandledRejection', (reason) => {
    connection.console.error(`communique: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  });

  connection.onInitialize((params): InitializeResult => {
    const client = readClientSupport(params.capabilities, params.initializationOptions);
    const folders = new WorkspaceFolders(params.workspaceFolders, params.rootUri);
    const options = params.initializationOptions as { settings?: unknown } | null | undefined;
    const settings = new SettingsStore(connection, client.configuration, options?.settings);
    const trust = new WorkspaceTrust(connection, readWorkspaceTrusted(params.initializationOptions));
    const lexicons = new LexiconStore(connection, documents, folders, settings, trust);
    const index = new WorkspaceIndex();
    const analyses = new AnalysisStore(documents, folders, settings, lexicons, index);
    const session: Session = { connection, documents, client, folders, settings, lexicons, analyses, index };

    // A translation is diagnosed again when its source changes (issue 5).
    const translations = registerTranslations(session, (uris) => diagnostics.refresh(uris));
    const diagnostics = registerDiagnostics(session, translations);
    registerCodeActions(session);
    registerCommands(session);
    registerHover(session);
    registerSemanticTokens(session);
    registerSymbols(session);
    registerReferences(session);
    registerCompletion(session);
    registerEntities(session);
    // A long document is analysed in steps; the editor shows how far along (issue 6).
    registerAnalysisProgress(session, params.capabilities.window?.workDoneProgress === true);
    registerTestHooks(session);
    connection.onRequest(SERVER_PROCESS_REQUEST, (): ServerProcessResult => ({ pid: process.pid }));
    const watchers = registerWatchers(session, (changes) => translations.filesChanged(changes));

    documents.onDidChangeContent((e) => void lexicons.documentChanged(e.document.uri));
    documents.onDidClose((e) => {
      analyses.forget(e.document.uri);
      settings.forget(e.document.uri);
      void lexicons.documentClosed(e.document.uri);
    });
    // A new lexicon changes every analysis key: re-diagnose, recolour, watch the new files.
    lexicons.onDidChange(() => {
      diagnostics.refreshAll();
      if (client.semanticTokensRefresh) void connection.languages.semanticTokens.refresh();
      void watchers.update();
    });
    connection.onDidChangeConfiguration((change) => {
      settings.changed(change.settings);
      // Rebuilds the lexicons if their extra paths changed; refreshes diagnostics and tokens.
      void lexicons.settingsChanged();
    });

    connection.onInitialized(() => {
      if (client.configurationRegistration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      }
      if (client.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          folders.change(e.added, e.removed);
          index.invalidate();
          void lexicons.reload();
        });
      }
      // Compile the first folder's lexicon now, after the initialize answer, so the first
      // opened document does not wait for it.
      void lexicons.forFolder(folders.all()[0]).then(() => watchers.update());
    });

    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: client.codeActionLiterals ? { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false } : true,
      executeCommandProvider: { commands: [...COMMAND_IDS] },
      hoverProvider: true,
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true }, range: true },
      documentSymbolProvider: { label: 'Communiqué' },
      workspaceSymbolProvider: true,
      referencesProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
    if (client.pullDiagnostics) {
      // Lexicon changes, and changes of a translation's source (features/translation.ts), are
      // announced with workspace/diagnostic/refresh.
      capabilities.diagnosticProvider = { identifier: 'communique', interFileDependencies: false, workspaceDiagnostics: false };
    }
    return { capabilities, serverInfo: { name: 'communique' } };
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

// Run as a program (dist/server.js, server/out/server.js), start on the process's transport. The
// file name is checked too: the CLI bundle inlines this module for `communique lsp`, and there
// `require.main === module` holds as well.
if (require.main === module && /(?:^|[\\/])server\.js$/.test(require.main.filename)) {
  process.setSourceMapsEnabled(true);
  startServer();
}
