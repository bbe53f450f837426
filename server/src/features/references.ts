/**
 * References: every mention of an entity across the workspace's communiqués (same category and
 * id). Asked on a mention or on a front-matter tag; with includeDeclaration, the front-matter tags
 * that list the entity count as its declarations.
 */
import type { Location } from 'vscode-languageserver';
import type { Category } from '../core/types';
import type { DocumentAnalysis } from './documents';
import type { Session } from './session';

/** The entity at an offset: a mention, or a front-matter tag that resolves to an entity. */
export function entityKeyAt(analysis: DocumentAnalysis, offset: number): { category: Category; id: string } | undefined {
  const mention = analysis.entityAt(offset);
  if (mention !== undefined) return { category: mention.category, id: mention.id };
  for (const r of analysis.tags().readings) {
    if (offset < r.item.start || offset > r.item.end) continue;
    const id = r.entry?.id ?? r.heuristicId;
    if (id !== undefined) return { category: r.category, id };
  }
  return undefined;
}

export function registerReferences(session: Session): void {
  const { connection, analyses } = session;
  connection.onReferences(async (params, token): Promise<Location[] | null> => {
    const analysis = await analyses.get(params.textDocument.uri);
    if (analysis === undefined || token.isCancellationRequested) return null;
    const target = entityKeyAt(analysis, analysis.lines.offsetAt(params.position));
    if (target === undefined) return null;
    const locations: Location[] = [];
    for (const doc of await analyses.workspace(token)) {
      if (token.isCancellationRequested) return null;
      if (params.context.includeDeclaration) {
        for (const r of doc.tags().readings) {
          if (r.category === target.category && (r.entry?.id ?? r.heuristicId) === target.id) {
            locations.push({ uri: doc.uri, range: doc.range(r.item.start, r.item.end) });
          }
        }
      }
      for (const e of doc.entities) {
        if (e.category === target.category && e.id === target.id) locations.push({ uri: doc.uri, range: doc.range(e.start, e.end) });
      }
    }
    return locations;
  });
}
