/**
 * The "Entities" view in the explorer: the active communiqué's entities grouped by category, each
 * with its mention count and a tagged / untagged / suggested icon. Clicking an entity reveals its
 * mentions in turn (its children list them one by one); context actions run the server's fixes:
 * Tag, Ignore in this document, Ignore in the workspace, and Add to the workspace lexicon for a
 * suggested actor.
 */
import * as vscode from 'vscode';
import type { EntityMention, EntityState } from '../../server/src/protocol';
import { ClientCommands, ENTITIES_VIEW_ID } from './commandIds';
import { colorId } from './decorations';
import {
  categoryHeading,
  countOf,
  groupEntities,
  mentionCount,
  mentionTotal,
  summarize,
  truncationMessage,
  type Category,
  type CategoryGroup,
  type EntityGroup,
} from './entitiesModel';
import type { EntityActions, EntityTarget } from './entityActions';
import { isCandidate, type EntityStore } from './entityStore';

export type EntityNode =
  | { kind: 'category'; uri: vscode.Uri; group: CategoryGroup }
  | { kind: 'entity'; uri: vscode.Uri; entity: EntityGroup }
  | { kind: 'mention'; uri: vscode.Uri; entity: EntityGroup; mention: EntityMention; index: number };

const CATEGORY_ICONS: Record<Category, string> = { actor: 'person', country: 'globe', region: 'map', threat: 'warning' };
const STATE_ICONS: Record<EntityState, string> = { tagged: 'check', untagged: 'circle-large-outline', suggested: 'lightbulb' };
const STATE_WORDS: Record<EntityState, string> = {
  tagged: 'tagged in the front matter',
  untagged: 'not tagged yet',
  suggested: 'suggested: found by heuristics, in no lexicon',
};

/** The entity or mention a context action was invoked on, as an EntityTarget. */
export function targetOf(node: unknown): EntityTarget | undefined {
  const n = node as EntityNode | undefined;
  if (n?.kind === 'entity') return { uri: n.uri, entity: n.entity };
  if (n?.kind === 'mention') return { uri: n.uri, entity: n.entity, mention: n.mention };
  return undefined;
}

export class EntitiesView implements vscode.TreeDataProvider<EntityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EntityNode | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly view: vscode.TreeView<EntityNode>;
  /** The document shown: the active editor's when it is a candidate, else the last one that was. */
  private document: vscode.TextDocument | undefined;
  private groups: CategoryGroup[] = [];
  /** Next mention to reveal per entity key, for repeated clicks. */
  private readonly cycle = new Map<string, number>();

  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly store: EntityStore,
    private readonly actions: EntityActions,
  ) {
    this.view = vscode.window.createTreeView(ENTITIES_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      store.onDidChange((e) => {
        if (e.document === this.document) this.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.document) {
          this.document = undefined;
          this.refresh();
        }
      }),
      vscode.commands.registerCommand(ClientCommands.revealEntity, (uri: unknown, key: unknown, index?: unknown) => this.revealCommand(uri, key, index)),
      vscode.commands.registerCommand(ClientCommands.tagEntity, (node: unknown) => this.withTarget(node, (t) => actions.tag(t))),
      vscode.commands.registerCommand(ClientCommands.ignoreEntity, (node: unknown) => this.withTarget(node, (t) => actions.ignoreInDocument(t))),
      vscode.commands.registerCommand(ClientCommands.ignoreEntityInWorkspace, (node: unknown) => this.withTarget(node, (t) => actions.ignoreInWorkspace(t))),
      vscode.commands.registerCommand(ClientCommands.refreshEntities, () => store.refreshVisible(0, true)),
    );
    this.follow();
  }

  /** The groups shown now (for tests). */
  get shown(): readonly CategoryGroup[] {
    return this.groups;
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    switch (node.kind) {
      case 'category': {
        const { group } = node;
        const item = new vscode.TreeItem(categoryHeading(group.category), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `category:${group.category}`;
        item.description = `${group.entities.length} · ${mentionCount(group.mentionCount)}`;
        item.iconPath = new vscode.ThemeIcon(CATEGORY_ICONS[group.category], new vscode.ThemeColor(colorId(group.category, 'border')));
        item.contextValue = `category.${group.category}`;
        item.tooltip = `${countOf(group.category, group.entities.length)}, ${mentionCount(group.mentionCount)}`;
        return item;
      }
      case 'entity': {
        const { entity } = node;
        const many = entity.mentions.length > 1;
        const item = new vscode.TreeItem(entity.name, many ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `entity:${entity.key}`;
        item.description = `${entity.category === 'actor' ? '' : `${entity.id} · `}${mentionCount(mentionTotal(entity))}`;
        item.iconPath = new vscode.ThemeIcon(STATE_ICONS[entity.state], new vscode.ThemeColor(colorId(entity.category, 'border')));
        item.contextValue = `entity.${entity.state}.${entity.category}`;
        item.tooltip = entityTooltip(entity);
        item.accessibilityInformation = { label: `${entity.name}, ${entity.category}, ${entity.state}, ${mentionCount(mentionTotal(entity))}` };
        item.command = {
          command: ClientCommands.revealEntity,
          title: many ? 'Reveal the next mention' : 'Reveal the mention',
          arguments: [node.uri.toString(), entity.key],
        };
        return item;
      }
      case 'mention': {
        const { mention, entity, index } = node;
        const item = new vscode.TreeItem(mention.text || entity.name, vscode.TreeItemCollapsibleState.None);
        item.id = `mention:${entity.key}:${index}`;
        item.description = `line ${mention.range.start.line + 1}`;
        item.contextValue = `mention.${mention.state}.${mention.category}`;
        item.command = { command: ClientCommands.revealEntity, title: 'Reveal the mention', arguments: [node.uri.toString(), entity.key, index] };
        return item;
      }
    }
  }

  getChildren(node?: EntityNode): EntityNode[] {
    const uri = this.document?.uri;
    if (uri === undefined) return [];
    if (node === undefined) return this.groups.map((group) => ({ kind: 'category', uri, group }));
    if (node.kind === 'category') return node.group.entities.map((entity) => ({ kind: 'entity', uri, entity }));
    if (node.kind === 'entity' && node.entity.mentions.length > 1) {
      return node.entity.mentions.map((mention, index) => ({ kind: 'mention', uri, entity: node.entity, mention, index }));
    }
    return [];
  }

  getParent(node: EntityNode): EntityNode | undefined {
    if (node.kind === 'category') return undefined;
    const group = this.groups.find((g) => g.category === node.entity.category);
    if (group === undefined) return undefined;
    if (node.kind === 'entity') return { kind: 'category', uri: node.uri, group };
    return { kind: 'entity', uri: node.uri, entity: node.entity };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Follows the active editor; other editors (output, settings) keep the last communiqué shown. */
  private follow(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined) {
      if (vscode.window.visibleTextEditors.length === 0) this.document = undefined;
    } else if (isCandidate(editor.document)) {
      if (editor.document !== this.document) this.cycle.clear();
      this.document = editor.document;
    }
    this.refresh();
  }

  private refresh(): void {
    const entities = this.document !== undefined ? this.store.last(this.document.uri)?.entities : undefined;
    this.groups = entities ? groupEntities(entities.entities, entities.totals) : [];
    const summary = entities ? summarize(entities.entities, entities.totals) : undefined;
    this.view.description = this.document !== undefined && entities ? basename(this.document.uri) : undefined;
    // A document the server does not analyse (too large, or binary) says why, in place of entities (issue 6).
    // Past the server's cap, only the first mentions are listed and decorated; the counts are complete.
    this.view.message = entities?.notAnalyzed?.message ?? (entities?.truncated !== undefined ? truncationMessage(entities.truncated) : undefined);
    this.view.badge =
      summary !== undefined && summary.untagged > 0
        ? { value: summary.untagged, tooltip: `${summary.untagged} untagged ${summary.untagged === 1 ? 'entity' : 'entities'}` }
        : undefined;
    this.changed.fire(undefined);
  }

  private async revealCommand(uri: unknown, key: unknown, index: unknown): Promise<void> {
    if (typeof uri !== 'string' || typeof key !== 'string') return;
    const entity = this.groups.flatMap((g) => g.entities).find((e) => e.key === key);
    if (entity === undefined || entity.mentions.length === 0) return;
    let at: number;
    if (typeof index === 'number' && Number.isInteger(index)) at = index;
    else {
      at = this.cycle.get(key) ?? 0;
      this.cycle.set(key, at + 1);
    }
    await this.actions.reveal(vscode.Uri.parse(uri), entity.mentions[at % entity.mentions.length]!.range);
  }

  private async withTarget(node: unknown, run: (target: EntityTarget) => Promise<boolean>): Promise<boolean> {
    const target = targetOf(node) ?? this.selectedTarget();
    if (target === undefined) {
      void vscode.window.showInformationMessage('Communiqué: choose an entity in the Entities view first.');
      return false;
    }
    return run(target);
  }

  private selectedTarget(): EntityTarget | undefined {
    return targetOf(this.view.selection[0]);
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function entityTooltip(entity: EntityGroup): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  const kind = entity.type !== undefined ? `${entity.category} (${entity.type})` : entity.category;
  md.appendMarkdown(`**${escapeMarkdown(entity.name)}** · ${kind} \`${escapeMarkdown(entity.id)}\`\n\n`);
  md.appendMarkdown(`${STATE_WORDS[entity.state]} · ${mentionCount(mentionTotal(entity))}\n\n`);
  const forms = [...new Set(entity.mentions.map((m) => m.text))];
  md.appendMarkdown(`Written as: ${forms.map((f) => `“${escapeMarkdown(f)}”`).join(', ')}\n\n`);
  md.appendMarkdown('Click to reveal the mentions one after the other.');
  return md;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
