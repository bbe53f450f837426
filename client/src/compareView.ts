/**
 * "Communiqué: Compare entities with source" (issue 5): a webview panel beside the editor with the
 * translation's lexicon entities next to its source's, per category, the differences marked. The
 * comparison comes from the server (`communique/compareWithSource`); this file only shows it
 * (compareHtml.ts) and keeps it current: it asks again when either document is edited, and when
 * the translation's diagnostics change (the server re-diagnoses it when the source changes on
 * disk). One panel is reused, as the Markdown preview does.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { RequestType } from 'vscode-languageclient/node';
import { COMPARE_WITH_SOURCE_REQUEST, type CompareWithSourceParams, type CompareWithSourceResult } from '../../server/src/protocol';
import { ClientCommands } from './commandIds';
import { compareHtml, REVEAL_MENTION_COMMAND } from './compareHtml';
import type { ErrorReporter } from './errorReporter';
import { CLIENT_NAME, LANGUAGES, type ServerConnection } from './languageServer';

/** The typed request, built once from the shared constant. */
export const CompareWithSourceRequest = new RequestType<CompareWithSourceParams, CompareWithSourceResult, void>(COMPARE_WITH_SOURCE_REQUEST);

/** The webview panel's view type. */
export const COMPARE_VIEW_TYPE = 'communique.compareWithSource';

/** How long edits pause before the comparison is asked again. */
const UPDATE_DELAY_MS = 300;

/** What the panel shows now (the extension's test API reads it). */
export interface CompareSnapshot {
  /** The translation the panel compares. */
  uri: string;
  /** Its version when the comparison was made. */
  version: number;
  result: CompareWithSourceResult;
  html: string;
}

export class CompareView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private target: vscode.Uri | undefined;
  private sourceUri: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request: vscode.CancellationTokenSource | undefined;
  private shown: CompareSnapshot | undefined;
  private readonly rendered = new vscode.EventEmitter<CompareSnapshot>();
  private readonly disposables: vscode.Disposable[] = [this.rendered];

  /** Fires after each render of the panel. */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly server: ServerConnection,
    private readonly errors: ErrorReporter,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand(ClientCommands.compareWithSource, (arg?: unknown) => this.show(arg)),
      vscode.commands.registerCommand(REVEAL_MENTION_COMMAND, (...args: unknown[]) => this.reveal(args)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.concerns(e.document.uri)) this.schedule();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.target !== undefined && e.uris.some((u) => u.toString() === this.target!.toString())) this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.concerns(d.uri)) this.schedule();
      }),
    );
  }

  /** What the panel shows now; undefined when it is closed. */
  get snapshot(): CompareSnapshot | undefined {
    return this.panel === undefined ? undefined : this.shown;
  }

  /**
   * Opens (or retargets) the panel for a document: the argument (menus pass the editor's URI) or
   * the active editor's. Resolves with whether a comparison is shown, and otherwise why not.
   */
  async show(arg?: unknown): Promise<{ shown: boolean; message?: string }> {
    const document = await this.documentOf(arg);
    if (document === undefined) return this.tell('open a translated communiqué first.');
    const result = await this.ask(document);
    if (result === undefined) return { shown: false };
    // Nothing to compare: say why, without opening an empty panel.
    if (result.kind !== 'compared' && this.panel === undefined) return this.tell(result.message);
    this.target = document.uri;
    if (this.panel === undefined) {
      this.panel = vscode.window.createWebviewPanel(
        COMPARE_VIEW_TYPE,
        'Compare entities',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        // No script; links may run the reveal command and nothing else; no local files.
        { enableScripts: false, enableCommandUris: [REVEAL_MENTION_COMMAND], localResourceRoots: [], enableFindWidget: true },
      );
      // The panel's own events go with it.
      this.panel.onDidDispose(() => this.closed());
      this.panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) this.schedule(0);
      });
    } else if (!this.panel.visible) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.render(document, result);
    return result.kind === 'compared' ? { shown: true } : { shown: false, message: result.message };
  }

  private tell(message: string): { shown: false; message: string } {
    void vscode.window.showInformationMessage(`${CLIENT_NAME}: ${message}`);
    return { shown: false, message };
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private closed(): void {
    this.panel = undefined;
    this.target = undefined;
    this.sourceUri = undefined;
    this.shown = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.request?.cancel();
  }

  /** Whether a document is the translation shown or its source. */
  private concerns(uri: vscode.Uri): boolean {
    if (this.panel === undefined || this.target === undefined) return false;
    const key = uri.toString();
    return key === this.target.toString() || (this.sourceUri !== undefined && key === this.sourceUri);
  }

  private schedule(delay = UPDATE_DELAY_MS): void {
    if (this.panel === undefined) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, delay);
  }

  /** Asks the server again for the document shown, and redraws. */
  private async update(): Promise<void> {
    const target = this.target;
    if (this.panel === undefined || target === undefined) return;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
    if (document === undefined) {
      this.render(undefined, { kind: 'no-source', message: `${vscode.workspace.asRelativePath(target)} was closed.` });
      return;
    }
    const result = await this.ask(document);
    if (result !== undefined && this.panel !== undefined && this.target?.toString() === target.toString()) this.render(document, result);
  }

  /** The server's comparison; undefined when the request failed (reported once) or was superseded. */
  private async ask(document: vscode.TextDocument): Promise<CompareWithSourceResult | undefined> {
    this.request?.cancel();
    const request = new vscode.CancellationTokenSource();
    this.request = request;
    try {
      await this.server.whenReady();
      const client = this.server.client;
      const uri = client.code2ProtocolConverter.asUri(document.uri);
      return await client.sendRequest(CompareWithSourceRequest, { textDocument: { uri } }, request.token);
    } catch (e) {
      if (!request.token.isCancellationRequested) this.errors.report('Comparing the entities with the source failed.', e);
      return undefined;
    } finally {
      if (this.request === request) this.request = undefined;
      request.dispose();
    }
  }

  private render(document: vscode.TextDocument | undefined, result: CompareWithSourceResult): void {
    const panel = this.panel;
    if (panel === undefined || this.target === undefined) return;
    const label = vscode.workspace.asRelativePath(this.target, false);
    this.sourceUri = result.kind === 'compared' ? this.server.client.protocol2CodeConverter.asUri(result.source.uri).toString() : undefined;
    panel.title = result.kind === 'compared' ? `Entities: ${basename(label)} ↔ ${basename(result.source.label)}` : `Entities: ${basename(label)}`;
    const html = compareHtml(result, { cspSource: panel.webview.cspSource, nonce: randomBytes(16).toString('base64') }, label);
    panel.webview.html = html;
    this.shown = { uri: this.target.toString(), version: document?.version ?? -1, result, html };
    this.rendered.fire(this.shown);
  }

  /** A mention link: opens the document beside the panel (or where it is already shown) and selects the mention. */
  private async reveal(args: unknown[]): Promise<void> {
    const [uri, startLine, startCharacter, endLine, endCharacter] = args;
    if (typeof uri !== 'string' || ![startLine, startCharacter, endLine, endCharacter].every((n) => Number.isInteger(n) && (n as number) >= 0)) return;
    const target = this.server.client.protocol2CodeConverter.asUri(uri);
    const range = new vscode.Range(startLine as number, startCharacter as number, endLine as number, endCharacter as number);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
    const panelColumn = this.panel?.viewColumn;
    const column = visible?.viewColumn ?? (panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    try {
      const editor = await vscode.window.showTextDocument(target, { viewColumn: column, selection: range, preserveFocus: false });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (e) {
      this.errors.report(`Cannot open ${target.toString()}.`, e);
    }
  }

  /** The document a command invocation is about. */
  private async documentOf(arg: unknown): Promise<vscode.TextDocument | undefined> {
    if (arg instanceof vscode.Uri) {
      try {
        return await vscode.workspace.openTextDocument(arg);
      } catch {
        return undefined;
      }
    }
    const document = vscode.window.activeTextEditor?.document;
    return document !== undefined && LANGUAGES.includes(document.languageId) ? document : undefined;
  }
}

function basename(path: string): string {
  return path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
}
