/**
 * The status bar items of the active communiqué, shown only for documents the server annotates:
 * - the entities: "3 actors · 4 countries · 5 threats · 2 untagged" (distinct entities), a tooltip
 *   that explains the counts, and a click that runs Tag all;
 * - the document language (issue 5): "$(globe) FR (detected)", "AR (lang:)", or "FR + EN" when a
 *   paragraph is in another language, with a tooltip that says how to declare `lang:`.
 */
import * as vscode from 'vscode';
import { Commands } from '../../server/src/protocol';
import { ClientCommands } from './commandIds';
import { statusText, statusTooltip, summarize } from './entitiesModel';
import { isCandidate, type EntityStore } from './entityStore';
import { languageStatusLabel, languageStatusText, languageStatusTooltip } from './languageStatusModel';

export class EntityStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly languageItem: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly store: EntityStore,
    /** The language server: once the client gave up restarting it, the item says so (issue 6). */
    private readonly server?: { readonly isStopped: boolean; readonly onDidChangeState: vscode.Event<void> },
  ) {
    this.item = vscode.window.createStatusBarItem('communique.entities', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Communiqué entities';
    this.item.command = { command: Commands.tagAll, title: 'Tag all entities', arguments: [] };
    // Just right of the entities (a lower priority sits further right).
    this.languageItem = vscode.window.createStatusBarItem('communique.language', vscode.StatusBarAlignment.Right, 99);
    this.languageItem.name = 'Communiqué document language';
    this.disposables.push(
      this.item,
      this.languageItem,
      store.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    if (server !== undefined) this.disposables.push(server.onDidChangeState(() => this.update()));
    this.update();
  }

  /** The text shown now, without its icon; undefined when hidden. */
  get text(): string | undefined {
    return this.shown;
  }

  /** The language item's text now, without its icon ("FR (detected)"); undefined when hidden. */
  get languageText(): string | undefined {
    return this.languageShown;
  }

  private shown: string | undefined;
  private languageShown: string | undefined;

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    // While the document is being edited, the last answer stays up rather than flickering.
    const known = document !== undefined && isCandidate(document) ? this.store.last(document.uri) : undefined;
    const entities = known?.entities;
    if (entities !== undefined && entities !== null && this.server?.isStopped === true) {
      // The counts would be stale: say that the server is stopped, and restart it on click.
      this.shown = 'Communiqué server stopped';
      this.item.text = `$(error) ${this.shown}`;
      this.item.tooltip = 'The Communiqué language server stopped after repeated crashes. Click to restart it.';
      this.item.command = { command: ClientCommands.restartServer, title: 'Restart server', arguments: [] };
      this.item.accessibilityInformation = { label: 'Communiqué language server stopped. Activate to restart it.' };
      this.item.show();
      this.languageShown = undefined;
      this.languageItem.hide();
      return;
    }
    this.item.command = { command: Commands.tagAll, title: 'Tag all entities', arguments: [] };
    if (entities === undefined || entities === null) {
      this.shown = undefined;
      this.item.hide();
      this.languageShown = undefined;
      this.languageItem.hide();
      return;
    }
    if (entities.notAnalyzed !== undefined) {
      // A document the server does not analyse (too large, or binary) says so (issue 6).
      this.shown = entities.notAnalyzed.reason === 'too-large' ? 'Not annotated: too large' : 'Not annotated: not text';
      this.item.text = `$(circle-slash) ${this.shown}`;
      this.item.tooltip = entities.notAnalyzed.message;
      this.item.accessibilityInformation = { label: `Communiqué: ${entities.notAnalyzed.message}` };
      this.item.command = undefined;
      this.item.show();
      this.languageShown = undefined;
      this.languageItem.hide();
      return;
    }
    const summary = summarize(entities.entities, entities.totals);
    this.shown = statusText(summary);
    this.item.text = `$(tag) ${this.shown}`;
    const tooltip = new vscode.MarkdownString(statusTooltip(summary, entities.language, entities.truncated));
    tooltip.supportThemeIcons = true;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Communiqué: ${this.shown}. Activate to tag all untagged entities.` };
    this.item.show();

    const language = entities.documentLanguage;
    if (language === undefined) {
      this.languageShown = undefined;
      this.languageItem.hide();
      return;
    }
    this.languageShown = languageStatusText(language);
    this.languageItem.text = `$(globe) ${this.languageShown}`;
    this.languageItem.tooltip = new vscode.MarkdownString(languageStatusTooltip(language));
    this.languageItem.accessibilityInformation = { label: languageStatusLabel(language) };
    this.languageItem.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
