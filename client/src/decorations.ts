/**
 * Highlights of the entities the server reported, one decoration type per category and state,
 * drawn with the contributed theme colours (`communique.<category>.background|border|overviewRuler`,
 * package.json `colors`) so that themes and `workbench.colorCustomizations` can change them.
 *
 * The three states must be told apart at a glance (issue 4): tagged = solid background; untagged =
 * dotted underline in the category colour; suggested (heuristic) = faint dashed outline. Each
 * gets a mark in the overview ruler. `communique.decorations.enabled` and
 * `communique.decorations.categories` apply live.
 */
import * as vscode from 'vscode';
import type { EntityState, ProtocolRange } from '../../server/src/protocol';
import { CATEGORIES, DECORATION_KEYS, decorationBuckets, type Category, type DecorationKey } from './entitiesModel';
import type { EntityStore } from './entityStore';
import { readDecorationSettings } from './settings';

/** What is drawn in the editors of one document, for tests and the status bar. */
export interface DecorationSnapshot {
  uri: string;
  /** The document version the ranges belong to. */
  version: number;
  /** False when the decorations are turned off or the document is not annotated. */
  drawn: boolean;
  /** Ranges drawn per `category.state`. */
  counts: Record<DecorationKey, number>;
}

/** The theme colour id of a category's part: `communique.actor.background`... */
export function colorId(category: Category, part: 'background' | 'border' | 'overviewRuler'): string {
  return `communique.${category}.${part}`;
}

function renderOptions(category: Category, state: EntityState): vscode.DecorationRenderOptions {
  const common: vscode.DecorationRenderOptions = {
    overviewRulerColor: new vscode.ThemeColor(colorId(category, 'overviewRuler')),
    overviewRulerLane: state === 'suggested' ? vscode.OverviewRulerLane.Left : vscode.OverviewRulerLane.Center,
    // Typing at an entity's edge does not stretch its highlight; the next answer redraws it.
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
  switch (state) {
    case 'tagged':
      return { ...common, backgroundColor: new vscode.ThemeColor(colorId(category, 'background')), borderRadius: '2px' };
    case 'untagged':
      return {
        ...common,
        borderColor: new vscode.ThemeColor(colorId(category, 'border')),
        borderStyle: 'none none dotted none',
        borderWidth: '0 0 2px 0',
      };
    case 'suggested':
      return {
        ...common,
        outlineColor: new vscode.ThemeColor(colorId(category, 'border')),
        outlineStyle: 'dashed',
        outlineWidth: '1px',
      };
  }
}

function toRange(r: ProtocolRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function zeroCounts(): Record<DecorationKey, number> {
  return Object.fromEntries(DECORATION_KEYS.map((k) => [k, 0])) as Record<DecorationKey, number>;
}

export class EntityDecorations implements vscode.Disposable {
  private readonly types = new Map<DecorationKey, vscode.TextEditorDecorationType>();
  private readonly snapshots = new Map<string, DecorationSnapshot>();
  private readonly rendered = new vscode.EventEmitter<DecorationSnapshot>();
  private readonly disposables: vscode.Disposable[] = [this.rendered];

  /** Fires after the decorations of a document are drawn (or cleared). */
  readonly onDidRender = this.rendered.event;

  constructor(private readonly store: EntityStore) {
    for (const category of CATEGORIES) {
      for (const state of ['tagged', 'untagged', 'suggested'] as const) {
        this.types.set(`${category}.${state}`, vscode.window.createTextEditorDecorationType(renderOptions(category, state)));
      }
    }
    this.disposables.push(
      store.onDidChange((e) => this.renderDocument(e.document)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const editor of editors) this.render(editor);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('communique.decorations')) this.renderAll();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.snapshots.delete(d.uri.toString())),
    );
  }

  /** What is drawn now in the editors of a document. */
  snapshot(uri: vscode.Uri): DecorationSnapshot | undefined {
    return this.snapshots.get(uri.toString());
  }

  renderAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.render(editor);
  }

  dispose(): void {
    for (const type of this.types.values()) type.dispose();
    this.types.clear();
    for (const d of this.disposables) d.dispose();
  }

  private renderDocument(document: vscode.TextDocument): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.render(editor);
  }

  /**
   * Draws an editor from the entities of its document's current version. Without them (not asked
   * yet, or the document was edited since) what is drawn stays: VS Code moves it with the edits,
   * and the next answer redraws.
   */
  private render(editor: vscode.TextEditor): void {
    const known = this.store.current(editor.document);
    if (known === undefined) return;
    const settings = readDecorationSettings(editor.document.uri);
    const drawn = settings.enabled && known.entities !== null;
    const buckets = decorationBuckets(drawn ? known.entities!.entities : [], settings.categories);
    const counts = zeroCounts();
    for (const [key, ranges] of buckets) {
      editor.setDecorations(this.types.get(key)!, ranges.map(toRange));
      counts[key] = ranges.length;
    }
    const snapshot: DecorationSnapshot = { uri: editor.document.uri.toString(), version: known.version, drawn, counts };
    this.snapshots.set(snapshot.uri, snapshot);
    this.rendered.fire(snapshot);
  }
}
