/**
 * Symbols: document symbols are the entities grouped by category, for the Outline view (one
 * symbol per entity id, at its first mention); workspace symbols are the entities of every
 * communiqué of the workspace folders, open or on disk.
 */
import { basename } from 'node:path';
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { tagKey } from '../core/tagValues';
import { CATEGORIES, type Category, type Entity } from '../core/types';
import type { DocumentAnalysis } from './documents';
import type { Session } from './session';
import { uriToPath } from './workspaceFolders';

const GROUP_NAME: Record<Category, string> = { actor: 'Actors', country: 'Countries', region: 'Regions', threat: 'Threats' };

/** Most workspace symbols returned for one query: the client filters and sorts them further. */
const MAX_WORKSPACE_SYMBOLS = 1_000;

/** The symbol kind of an entity: editors draw each kind with its own icon. */
export function symbolKind(e: Pick<Entity, 'category' | 'type'>): SymbolKind {
  switch (e.category) {
    case 'actor':
      return e.type === 'person' ? SymbolKind.Object : SymbolKind.Class;
    case 'country':
      return SymbolKind.Module;
    case 'region':
      return SymbolKind.Namespace;
    case 'threat':
      return SymbolKind.Event;
  }
}

/** One entity id of a document: its first mention and how many mentions it has. */
interface EntityGroup {
  first: Entity;
  count: number;
}

/** The entities of a document by category, then by id in first-mention order. */
function groupEntities(analysis: DocumentAnalysis): Map<Category, Map<string, EntityGroup>> {
  const groups = new Map<Category, Map<string, EntityGroup>>();
  for (const e of analysis.entities) {
    let byId = groups.get(e.category);
    if (byId === undefined) groups.set(e.category, (byId = new Map()));
    const group = byId.get(e.id);
    if (group === undefined) byId.set(e.id, { first: e, count: 1 });
    else group.count++;
  }
  return groups;
}

function detail(analysis: DocumentAnalysis, g: EntityGroup): string {
  const mentions = g.count === 1 ? '1 mention' : `${g.count} mentions`;
  return `${g.first.id} · ${mentions} · ${analysis.stateOf(g.first)}`;
}

export function registerSymbols(session: Session): void {
  const { connection, analyses, client } = session;

  connection.onDocumentSymbol(async (params, token): Promise<DocumentSymbol[] | SymbolInformation[] | null> => {
    const analysis = await analyses.get(params.textDocument.uri);
    if (analysis === undefined || token.isCancellationRequested) return null;
    const groups = groupEntities(analysis);
    if (!client.hierarchicalSymbols) {
      const flat: SymbolInformation[] = [];
      for (const category of CATEGORIES) {
        for (const g of groups.get(category)?.values() ?? []) {
          flat.push({
            name: g.first.name,
            kind: symbolKind(g.first),
            location: { uri: analysis.uri, range: analysis.range(g.first.start, g.first.end) },
            containerName: GROUP_NAME[category],
          });
        }
      }
      return flat;
    }
    const symbols: DocumentSymbol[] = [];
    for (const category of CATEGORIES) {
      const byId = groups.get(category);
      if (byId === undefined) continue;
      const children: DocumentSymbol[] = [...byId.values()].map((g) => {
        const range = analysis.range(g.first.start, g.first.end);
        return { name: g.first.name, detail: detail(analysis, g), kind: symbolKind(g.first), range, selectionRange: range };
      });
      // A group spans its children, as the Outline view requires of a parent.
      const start = Math.min(...[...byId.values()].map((g) => g.first.start));
      const end = Math.max(...[...byId.values()].map((g) => g.first.end));
      symbols.push({
        name: GROUP_NAME[category],
        detail: `${children.length}`,
        kind: SymbolKind.Package,
        range: analysis.range(start, end),
        selectionRange: children[0]!.selectionRange,
        children,
      });
    }
    return symbols;
  });

  connection.onWorkspaceSymbol(async (params, token): Promise<SymbolInformation[]> => {
    const query = tagKey(params.query).replace(/ /g, '');
    const out: SymbolInformation[] = [];
    for (const analysis of await analyses.workspace(token)) {
      if (token.isCancellationRequested) break;
      const file = basename(uriToPath(analysis.uri) ?? analysis.uri);
      for (const byId of groupEntities(analysis).values()) {
        for (const g of byId.values()) {
          if (query !== '' && !matchesQuery(query, g.first)) continue;
          out.push({
            name: g.first.name,
            kind: symbolKind(g.first),
            location: { uri: analysis.uri, range: analysis.range(g.first.start, g.first.end) },
            containerName: `${file} · ${g.first.id}`,
          });
          if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
        }
      }
    }
    return out;
  });
}

/** Whether the query's characters appear in order in the entity's folded name or id (editors then rank fuzzily). */
function matchesQuery(query: string, e: Entity): boolean {
  return [e.name, e.id, e.text].some((s) => isSubsequence(query, tagKey(s).replace(/ /g, '')));
}

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (let j = 0; j < haystack.length && i < needle.length; j++) if (haystack[j] === needle[i]) i++;
  return i === needle.length;
}
