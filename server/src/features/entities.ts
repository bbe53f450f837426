/**
 * The custom request `communique/entities` (server/src/protocol.ts): the entity mentions of a
 * document with their tagging state, which the VS Code client turns into decorations (issue 4).
 */
import type { Recognition } from '../core/types';
import {
  ENTITIES_REQUEST,
  MAX_MENTIONS_PER_ANSWER,
  type EntitiesParams,
  type EntitiesResult,
  type EntityMention,
  type EntityState,
  type EntityTotal,
} from '../protocol';
import type { Session } from './session';

export function registerEntities(session: Session): void {
  const { connection, analyses } = session;
  connection.onRequest(ENTITIES_REQUEST, async (params: EntitiesParams, token): Promise<EntitiesResult> => {
    const analysis = await analyses.get(params.textDocument.uri, token);
    if (analysis === undefined || analysis.version === null || token.isCancellationRequested) return null;
    // Past the cap (issue 6), only some mentions become ranges: the rest are counted, never converted.
    const kept = keptMentions(analysis.entities);
    const entities = (kept === undefined ? analysis.entities : kept.map((i) => analysis.entities[i]!)).map((e): EntityMention => {
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
    const answer: NonNullable<EntitiesResult> = { version: analysis.version, entities, ...documentLanguage(analysis.analyzed.recognition) };
    if (kept !== undefined) {
      answer.truncated = { shown: entities.length, total: analysis.entities.length };
      answer.entityTotals = entityTotals(analysis.entities, (e) => analysis.stateOf(e));
    }
    return answer;
  });
}

interface Counted {
  category: EntityMention['category'];
  id: string;
  name: string;
  source: EntityMention['source'];
  type?: 'person' | 'organization';
}

/**
 * The indexes (document order) of the mentions one answer carries when there are more than
 * MAX_MENTIONS_PER_ANSWER: every entity's first mention, then the earliest others up to the cap.
 * Undefined when all fit.
 */
export function keptMentions(mentions: readonly Counted[], max = MAX_MENTIONS_PER_ANSWER): number[] | undefined {
  if (mentions.length <= max) return undefined;
  const keep = new Uint8Array(mentions.length);
  const seen = new Set<string>();
  let count = 0;
  for (let i = 0; i < mentions.length && count < max; i++) {
    const key = `${mentions[i]!.category}:${mentions[i]!.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    keep[i] = 1;
    count++;
  }
  for (let i = 0; i < mentions.length && count < max; i++) {
    if (keep[i] === 0) {
      keep[i] = 1;
      count++;
    }
  }
  const out: number[] = [];
  for (let i = 0; i < mentions.length; i++) if (keep[i] === 1) out.push(i);
  return out;
}

/** Every entity with its mentions counted and its state (untagged wins over suggested, then tagged), in first-mention order. */
export function entityTotals<M extends Counted>(mentions: readonly M[], stateOf: (m: M) => EntityState): EntityTotal[] {
  const totals = new Map<string, EntityTotal>();
  const rank: Record<EntityState, number> = { tagged: 0, suggested: 1, untagged: 2 };
  for (const m of mentions) {
    const key = `${m.category}:${m.id}`;
    const state = stateOf(m);
    const total = totals.get(key);
    if (total === undefined) {
      const t: EntityTotal = { category: m.category, id: m.id, name: m.name, state, source: m.source, mentions: 1 };
      if (m.type !== undefined) t.type = m.type;
      totals.set(key, t);
    } else {
      total.mentions++;
      if (rank[state] > rank[total.state]) total.state = state;
    }
  }
  return [...totals.values()];
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
