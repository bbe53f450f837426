/**
 * The status bar item of the active communiqué: "3 actors · 4 countries · 5 threats · 2 untagged"
 * (distinct entities), a tooltip that explains the counts, and a click that runs Tag all. Shown
 * only for documents the server annotates.
 */
import * as vscode from 'vscode';
import { Commands } from '../../server/src/protocol';
import { statusText, statusTooltip, summarize } from './entitiesModel';
import { isCandidate, type EntityStore } from './entityStore';

export class EntityStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: EntityStore) {
    this.item = vscode.window.createStatusBarItem('communique.entities', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Communiqué entities';
    this.item.command = { command: Commands.tagAll, title: 'Tag all entities', arguments: [] };
    this.disposables.push(
      this.item,
      store.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  /** The text shown now, without its icon; undefined when hidden. */
  get text(): string | undefined {
    return this.shown;
  }

  private shown: string | undefined;

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    // While the document is being edited, the last answer stays up rather than flickering.
    const known = document !== undefined && isCandidate(document) ? this.store.last(document.uri) : undefined;
    const entities = known?.entities;
    if (entities === undefined || entities === null) {
      this.shown = undefined;
      this.item.hide();
      return;
    }
    const summary = summarize(entities.entities);
    this.shown = statusText(summary);
    this.item.text = `$(tag) ${this.shown}`;
    const tooltip = new vscode.MarkdownString(statusTooltip(summary, entities.language));
    tooltip.supportThemeIcons = true;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Communiqué: ${this.shown}. Activate to tag all untagged entities.` };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
