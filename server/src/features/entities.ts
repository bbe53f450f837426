/**
 * The custom request `communique/entities` (server/src/protocol.ts): the entity mentions of a
 * document with their tagging state, which the VS Code client turns into decorations (issue 4).
 */
import { ENTITIES_REQUEST, type EntitiesParams, type EntitiesResult, type EntityMention } from '../protocol';
import type { Session } from './session';

export function registerEntities(session: Session): void {
  const { connection, analyses } = session;
  connection.onRequest(ENTITIES_REQUEST, async (params: EntitiesParams, token): Promise<EntitiesResult> => {
    const analysis = await analyses.get(params.textDocument.uri);
    if (analysis === undefined || analysis.version === null || token.isCancellationRequested) return null;
    const entities = analysis.entities.map((e): EntityMention => {
      const mention: EntityMention = {
        range: analysis.range(e.start, e.end),
        category: e.category,
        id: e.id,
        name: e.name,
        text: e.text,
        state: analysis.stateOf(e),
        source: e.source,
      };
      if (e.type !== undefined) mention.type = e.type;
      return mention;
    });
    return { version: analysis.version, entities };
  });
}
