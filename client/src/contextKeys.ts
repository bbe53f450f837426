/**
 * Context keys for the `when` clauses of package.json (menus, the Entities view's welcome
 * content): what the server said about the active document, and whether the server runs.
 *
 * - `communique.activeDocument`: `annotated` | `notAnnotated` (Markdown or plain text the server
 *   does not annotate: "Annotate this file" applies) | `none` (no editor, another language).
 * - `communique.hasUntagged`: the active document has untagged entities (Tag all applies).
 * - `communique.serverRunning`: the language server is running.
 */
import * as vscode from 'vscode';
import { summarize } from './entitiesModel';
import { isCandidate, type EntityStore } from './entityStore';
import type { ServerConnection } from './languageServer';

export type ActiveDocumentState = 'annotated' | 'notAnnotated' | 'none';

export class ContextKeys implements vscode.Disposable {
  private readonly values = new Map<string, unknown>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly store: EntityStore,
    private readonly server: ServerConnection,
  ) {
    this.disposables.push(
      store.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      server.client.onDidChangeState(() => this.update()),
    );
    this.update();
  }

  /** The state of the active document, as the `communique.activeDocument` key has it. */
  activeDocumentState(): ActiveDocumentState {
    const document = vscode.window.activeTextEditor?.document;
    if (document === undefined || !isCandidate(document)) return 'none';
    const known = this.store.last(document.uri);
    if (known === undefined) return 'none';
    return known.entities === null ? 'notAnnotated' : 'annotated';
  }

  update(): void {
    const state = this.activeDocumentState();
    const document = vscode.window.activeTextEditor?.document;
    const entities = document !== undefined ? this.store.last(document.uri)?.entities : undefined;
    this.set('communique.activeDocument', state);
    this.set('communique.hasUntagged', entities !== undefined && entities !== null && summarize(entities.entities, entities.totals).untagged > 0);
    this.set('communique.serverRunning', this.server.isRunning);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private set(key: string, value: unknown): void {
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
