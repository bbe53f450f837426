/**
 * The entities of the visible documents, asked of the server with the typed `communique/entities`
 * request (server/src/protocol.ts) and never recognised here (ARCHITECTURE.md). Requests are sent
 * when a document becomes visible, debounced while it is edited, and again whenever the server
 * may see it differently (restart, settings, lexicon edits, a semantic-tokens refresh). Answers are
 * versioned: one computed on an older version than the document now has is dropped, since the
 * edit that made it old has already scheduled the next request.
 */
import * as vscode from 'vscode';
import { ErrorCodes, LSPErrorCodes, RequestType, ResponseError } from 'vscode-languageclient/node';
import { ENTITIES_REQUEST, type EntitiesParams, type EntitiesResult } from '../../server/src/protocol';
import { readEntitiesResult, type DocumentEntities } from './entitiesModel';
import type { ErrorReporter } from './errorReporter';
import { LANGUAGES, type ServerConnection } from './languageServer';

/** The typed request, built once from the shared constant. */
export const EntitiesRequest = new RequestType<EntitiesParams, EntitiesResult, void>(ENTITIES_REQUEST);

/** How long typing pauses before the entities are asked again. */
export const TYPING_DELAY_MS = 250;
/** After a lexicon file changes: the server rebuilds its lexicons first (150 ms after the last keystroke). */
const LEXICON_DELAY_MS = 600;

/** What the client knows of one document: the answer for a version (null: the document is not annotated). */
export interface KnownEntities {
  version: number;
  entities: DocumentEntities | null;
}

export interface EntitiesChange {
  document: vscode.TextDocument;
  known: KnownEntities;
}

interface Tracked {
  known?: KnownEntities;
  timer?: ReturnType<typeof setTimeout>;
  request?: vscode.CancellationTokenSource;
}

/** Whether the server sees a document at all (same selector as the language client's). */
export function isCandidate(document: vscode.TextDocument): boolean {
  return LANGUAGES.includes(document.languageId) && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled');
}

export class EntityStore implements vscode.Disposable {
  private readonly tracked = new Map<string, Tracked>();
  private readonly changed = new vscode.EventEmitter<EntitiesChange>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  /** Fires when a visible document's entities are known for its current version. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly server: ServerConnection,
    private readonly errors: ErrorReporter,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshVisible(0, false)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isLexiconDocument(e.document)) this.refreshVisible(LEXICON_DELAY_MS, true);
        else if (e.contentChanges.length > 0 && isCandidate(e.document)) this.documentEdited(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      // A lexicon saved, created or deleted on disk: the server's watcher rebuilds the lexicons.
      ...lexiconWatchers(() => this.refreshVisible(LEXICON_DELAY_MS, true)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Server-side settings (keys, heuristics, severity...) change what it answers; the
        // decoration settings are only drawn differently (decorations.ts).
        if (e.affectsConfiguration('communique') && !onlyDecorationSettings(e)) this.refreshVisible(TYPING_DELAY_MS, true);
      }),
      // Diagnostics follow every analysis (a tag added, a lexicon rebuilt): check the entities too.
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) {
          const document = this.visibleDocument(uri);
          if (document !== undefined) this.schedule(document, TYPING_DELAY_MS);
        }
      }),
      server.onDidStart(() => this.refreshVisible(0, true)),
    );
  }

  /** The entities of a document, only when they are those of its current version. */
  current(document: vscode.TextDocument): KnownEntities | undefined {
    const known = this.tracked.get(document.uri.toString())?.known;
    return known !== undefined && known.version === document.version ? known : undefined;
  }

  /** The last entities received for a document, whatever its version now. */
  last(uri: vscode.Uri): KnownEntities | undefined {
    return this.tracked.get(uri.toString())?.known;
  }

  /** The server asked to refresh what it computed for a document (semantic tokens refresh). */
  serverRefreshed(document: vscode.TextDocument): void {
    if (this.visibleDocument(document.uri) !== undefined) this.schedule(document, TYPING_DELAY_MS);
  }

  /** Asks again for every visible document; `force` even when the entities of the version are known. */
  refreshVisible(delay: number, force: boolean): void {
    for (const document of this.visibleDocuments()) {
      if (force || this.current(document) === undefined) this.schedule(document, delay);
    }
  }

  /** Resolves when no request is waiting or in flight. */
  settled(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Schedules a request for a document, replacing any scheduled one. */
  schedule(document: vscode.TextDocument, delay: number): void {
    if (!isCandidate(document) || document.isClosed) return;
    const state = this.state(document.uri);
    if (state.timer !== undefined) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.fetch(document, state);
    }, delay);
  }

  dispose(): void {
    for (const state of this.tracked.values()) this.clear(state);
    this.tracked.clear();
    for (const d of this.disposables) d.dispose();
    this.releaseIdle();
  }

  private documentEdited(document: vscode.TextDocument): void {
    if (this.visibleDocument(document.uri) !== undefined) this.schedule(document, TYPING_DELAY_MS);
  }

  private async fetch(document: vscode.TextDocument, state: Tracked): Promise<void> {
    if (document.isClosed || this.tracked.get(document.uri.toString()) !== state) return this.releaseIdle();
    // Not running: the next start (onDidStart) asks for every visible document.
    if (!this.server.isRunning) return this.releaseIdle();
    state.request?.cancel();
    const request = new vscode.CancellationTokenSource();
    state.request = request;
    const sentFor = document.version;
    this.inFlight++;
    try {
      const uri = this.server.client.code2ProtocolConverter.asUri(document.uri);
      const answer = await this.server.client.sendRequest(EntitiesRequest, { textDocument: { uri } }, request.token);
      if (request.token.isCancellationRequested || state.request !== request || document.isClosed) return;
      const entities = readEntitiesResult(answer);
      const version = entities?.version ?? sentFor;
      // Versioned: only the answer for the document as it is now counts.
      if (version !== document.version) return;
      state.known = { version, entities };
      this.changed.fire({ document, known: state.known });
    } catch (e) {
      if (!isCancellation(e) && this.server.isRunning) this.errors.report(`Could not get the entities of ${document.uri.fsPath || document.uri.toString()}.`, e);
    } finally {
      this.inFlight--;
      if (state.request === request) state.request = undefined;
      request.dispose();
      this.releaseIdle();
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const state = this.tracked.get(key);
    if (state === undefined) return;
    this.clear(state);
    this.tracked.delete(key);
    this.releaseIdle();
  }

  private clear(state: Tracked): void {
    if (state.timer !== undefined) clearTimeout(state.timer);
    state.timer = undefined;
    state.request?.cancel();
  }

  private state(uri: vscode.Uri): Tracked {
    const key = uri.toString();
    let state = this.tracked.get(key);
    if (state === undefined) {
      state = {};
      this.tracked.set(key, state);
    }
    return state;
  }

  private visibleDocuments(): vscode.TextDocument[] {
    const seen = new Set<string>();
    const documents: vscode.TextDocument[] = [];
    for (const editor of vscode.window.visibleTextEditors) {
      const key = editor.document.uri.toString();
      if (seen.has(key) || !isCandidate(editor.document)) continue;
      seen.add(key);
      documents.push(editor.document);
    }
    return documents;
  }

  private visibleDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return this.visibleDocuments().find((d) => d.uri.toString() === key);
  }

  private isIdle(): boolean {
    return this.inFlight === 0 && [...this.tracked.values()].every((s) => s.timer === undefined);
  }

  private releaseIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** `.communique/*.yaml`: the workspace lexicons the server reads. */
function isLexiconDocument(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && /[\\/]\.communique[\\/][^\\/]+\.ya?ml$/.test(document.uri.fsPath);
}

function lexiconWatchers(changed: () => void): vscode.Disposable[] {
  const watcher = vscode.workspace.createFileSystemWatcher('**/.communique/*.{yaml,yml}');
  return [watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed)];
}

function onlyDecorationSettings(e: vscode.ConfigurationChangeEvent): boolean {
  // Any other communique.* key changed too? Then the server's answer may change.
  const serverKeys = ['files', 'lexicon', 'frontMatter', 'diagnostics', 'maxFileSize', 'heuristics'];
  return e.affectsConfiguration('communique.decorations') && !serverKeys.some((k) => e.affectsConfiguration(`communique.${k}`));
}

/** Cancelled by us, by the server, or outdated by an edit: nothing to report. */
function isCancellation(e: unknown): boolean {
  if (e instanceof ResponseError) {
    const quiet: number[] = [
      LSPErrorCodes.RequestCancelled,
      LSPErrorCodes.ServerCancelled,
      LSPErrorCodes.ContentModified,
      ErrorCodes.PendingResponseRejected,
      ErrorCodes.ConnectionInactive,
    ];
    return quiet.includes(e.code);
  }
  return e instanceof vscode.CancellationError;
}
