/**
 * The custom request `communique/entities` (server/src/protocol.ts): the entity mentions of a
 * document with their tagging state, which the VS Code client turns into decorations (issue 4).
 */
import type { Recognition } from '../core/types';
import { ENTITIES_REQUEST, type EntitiesParams, type EntitiesResult, type EntityMention } from '../protocol';
import type { Session } from './session';

export function registerEntities(session: Session): void {
  const { connection, analyses } = session;
  connection.onRequest(ENTITIES_REQUEST, async (params: EntitiesParams, token): Promise<EntitiesResult> => {
    const analysis = await analyses.get(params.textDocument.uri, token);
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
    const skipped = analysis.analyzed.notAnalyzed;
    // A document that is not analysed says so to the status bar and the Entities view (issue 6).
    if (skipped !== undefined) return { version: analysis.version, entities, notAnalyzed: { reason: skipped.reason, message: skipped.message } };
    return { version: analysis.version, entities, ...documentLanguage(analysis.analyzed.recognition) };
  });
}

/** The document's language for the client's status bar (issue 5): main language, how it was decided, paragraph languages. */
export function documentLanguage(r: Recognition): Pick<NonNullable<EntitiesResult>, 'language' | 'languageSource' | 'paragraphLanguages'> {
  // The server never forces a language (only the CLI's --lang does): a forced one counts as declared.
  const out: Pick<NonNullable<EntitiesResult>, 'language' | 'languageSource' | 'paragraphLanguages'> = {
    language: r.language,
    languageSource: r.languageSource === 'option' ? 'front-matter' : r.languageSource,
  };
  const lengths = new Map<string, number>();
  let total = 0;
  for (const span of r.spans) {
    const n = Math.max(0, span.end - span.start);
    lengths.set(span.language, (lengths.get(span.language) ?? 0) + n);
    total += n;
  }
  if (total > 0) {
    out.paragraphLanguages = [...lengths]
      .map(([language, n]) => ({ language, share: Math.round((n / total) * 1000) / 1000 }))
      .sort((a, b) => b.share - a.share || (a.language === r.language ? -1 : b.language === r.language ? 1 : 0));
  }
  return out;
}
