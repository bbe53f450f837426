/**
 * What every feature of the language server shares: the connection, the open documents, what the
 * client can do, and the stores of settings, lexicons and analyses. One Session per connection;
 * nothing here is a module-level singleton, so a test can run two servers in one process.
 */
import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceIndex } from '../node/workspaceIndex';
import type { AnalysisStore } from './documents';
import type { LexiconStore } from './lexicon';
import type { SettingsStore } from './settings';
import type { WorkspaceFolders } from './workspaceFolders';

/** The client capabilities the server branches on, read once from `initialize`. */
export interface ClientSupport {
  /** textDocument/diagnostic (VS Code): the client pulls; otherwise the server pushes (Neovim 0.7, eglot). */
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  semanticTokensRefresh: boolean;
  /** workspace/configuration: settings per document. */
  configuration: boolean;
  configurationRegistration: boolean;
  applyEdit: boolean;
  /** Versioned edits (`documentChanges`) rather than the `changes` map. */
  documentChanges: boolean;
  /** CreateFile in a WorkspaceEdit (needed to create .communique/lexicon.yaml). */
  createFiles: boolean;
  /** CodeAction literals in textDocument/codeAction results (rather than bare Commands). */
  codeActionLiterals: boolean;
  /** CodeAction.disabled is shown with its reason. */
  disabledCodeActions: boolean;
  hierarchicalSymbols: boolean;
  relatedInformation: boolean;
  watchedFilesRegistration: boolean;
  markdownHover: boolean;
  workspaceFolders: boolean;
  /** Commands the client runs from `command:` links in hovers (initializationOptions.commandLinks, issue 5). */
  commandLinks: readonly string[];
}

/** Reads the capabilities the server cares about. */
export function readClientSupport(c: ClientCapabilities, initializationOptions?: unknown): ClientSupport {
  const links = (initializationOptions as { commandLinks?: unknown } | null | undefined)?.commandLinks;
  const resourceOperations = c.workspace?.workspaceEdit?.resourceOperations ?? [];
  return {
    pullDiagnostics: c.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: c.workspace?.diagnostics?.refreshSupport === true,
    semanticTokensRefresh: c.workspace?.semanticTokens?.refreshSupport === true,
    configuration: c.workspace?.configuration === true,
    configurationRegistration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    applyEdit: c.workspace?.applyEdit === true,
    documentChanges: c.workspace?.workspaceEdit?.documentChanges === true,
    createFiles: resourceOperations.includes('create'),
    codeActionLiterals: c.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    disabledCodeActions: c.textDocument?.codeAction?.disabledSupport === true,
    hierarchicalSymbols: c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    relatedInformation: c.textDocument?.publishDiagnostics?.relatedInformation === true || c.textDocument?.diagnostic !== undefined,
    watchedFilesRegistration: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    markdownHover: (c.textDocument?.hover?.contentFormat ?? ['markdown']).includes('markdown'),
    workspaceFolders: c.workspace?.workspaceFolders === true,
    commandLinks: Array.isArray(links) ? links.filter((l): l is string => typeof l === 'string') : [],
  };
}

/** The state of one server connection. */
export interface Session {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly client: ClientSupport;
  readonly folders: WorkspaceFolders;
  readonly settings: SettingsStore;
  readonly lexicons: LexiconStore;
  readonly analyses: AnalysisStore;
  readonly index: WorkspaceIndex;
}
