/**
 * Pure views of the `communique/entities` answer, shared by the decorations, the Entities view
 * and the status bar: entities grouped by category, ranges bucketed per category and state, and
 * the status bar's words. No `vscode` import (and only type imports), so test/unit runs it as is.
 *
 * Nothing here recognises anything: every entity comes from the server (ARCHITECTURE.md).
 */
import type { EntitiesResult, EntityMention, EntityState, EntityTotal, ProtocolRange } from '../../server/src/protocol';
import { languageName, readDocumentLanguage, type DocumentLanguage } from './languageStatusModel';

export { languageName };

export type Category = EntityMention['category'];

/** The categories in the order every view lists them. */
export const CATEGORIES: readonly Category[] = ['actor', 'country', 'region', 'threat'];

/** The tagging states, in the order the view lists them. */
export const STATES: readonly EntityState[] = ['tagged', 'untagged', 'suggested'];

const WORDS: Record<Category, { one: string; many: string; heading: string }> = {
  actor: { one: 'actor', many: 'actors', heading: 'Actors' },
  country: { one: 'country', many: 'countries', heading: 'Countries' },
  region: { one: 'region', many: 'regions', heading: 'Regions' },
  threat: { one: 'threat', many: 'threats', heading: 'Threats' },
};

/** "1 actor", "3 countries". */
export function countOf(category: Category, n: number): string {
  return `${n} ${n === 1 ? WORDS[category].one : WORDS[category].many}`;
}

/** "Actors", "Countries"... */
export function categoryHeading(category: Category): string {
  return WORDS[category].heading;
}

/** "1 mention", "4 mentions". */
export function mentionCount(n: number): string {
  return `${n} ${n === 1 ? 'mention' : 'mentions'}`;
}

/** The entities answer for one document version, as the client keeps it. */
export interface DocumentEntities {
  version: number;
  entities: readonly EntityMention[];
  /** The document's language when the server reports it (an optional field of the answer). */
  language?: string;
  /** The language, how it was decided and the paragraph languages (issue 5), when the server reports them. */
  documentLanguage?: DocumentLanguage;
  /** Set when the server did not analyse the document (too large, or binary; issue 6), with its message. */
  notAnalyzed?: { reason: 'too-large' | 'binary'; message: string };
  /** Set when the server sent only some of the mentions (issue 6): `entities` holds `shown` of `total`. */
  truncated?: { shown: number; total: number };
  /** With `truncated`: every entity counted over the whole document. */
  totals?: readonly EntityTotal[];
}

/** "Showing the first 5,000 of 61,234 mentions." */
export function truncationMessage(truncated: { shown: number; total: number }): string {
  return `Showing the first ${truncated.shown.toLocaleString('en-US')} of ${truncated.total.toLocaleString('en-US')} mentions (the counts cover them all).`;
}

/** Reads the server's answer defensively: null (not annotated), or the entities in document order. */
export function readEntitiesResult(result: unknown): DocumentEntities | null {
  if (result === null || typeof result !== 'object') return null;
  const r = result as NonNullable<EntitiesResult> & { language?: unknown };
  if (!Number.isInteger(r.version) || !Array.isArray(r.entities)) return null;
  const entities = r.entities.filter(isMention).sort((a, b) => compareRanges(a.range, b.range));
  const read: DocumentEntities = { version: r.version, entities };
  if (typeof r.language === 'string' && r.language !== '') read.language = r.language;
  const documentLanguage = readDocumentLanguage(r);
  if (documentLanguage !== undefined) read.documentLanguage = documentLanguage;
  const skipped = (r as { notAnalyzed?: { reason?: unknown; message?: unknown } }).notAnalyzed;
  if ((skipped?.reason === 'too-large' || skipped?.reason === 'binary') && typeof skipped.message === 'string') {
    read.notAnalyzed = { reason: skipped.reason, message: skipped.message };
  }
  const truncated = (r as { truncated?: { shown?: unknown; total?: unknown } }).truncated;
  if (Number.isInteger(truncated?.shown) && Number.isInteger(truncated?.total)) {
    read.truncated = { shown: truncated!.shown as number, total: truncated!.total as number };
    const totals = (r as { entityTotals?: unknown }).entityTotals;
    if (Array.isArray(totals)) read.totals = totals.filter(isTotal);
  }
  return read;
}

function isMention(m: unknown): m is EntityMention {
  if (m === null || typeof m !== 'object') return false;
  const e = m as Partial<EntityMention>;
  return (
    (CATEGORIES as readonly unknown[]).includes(e.category) &&
    (STATES as readonly unknown[]).includes(e.state) &&
    typeof e.id === 'string' &&
    typeof e.name === 'string' &&
    isRange(e.range)
  );
}

function isTotal(t: unknown): t is EntityTotal {
  if (t === null || typeof t !== 'object') return false;
  const e = t as Partial<EntityTotal>;
  return (
    (CATEGORIES as readonly unknown[]).includes(e.category) &&
    (STATES as readonly unknown[]).includes(e.state) &&
    typeof e.id === 'string' &&
    typeof e.name === 'string' &&
    Number.isInteger(e.mentions)
  );
}

function isRange(r: unknown): r is ProtocolRange {
  const range = r as ProtocolRange | undefined;
  return (
    range !== undefined &&
    range !== null &&
    Number.isInteger(range.start?.line) &&
    Number.isInteger(range.start?.character) &&
    Number.isInteger(range.end?.line) &&
    Number.isInteger(range.end?.character)
  );
}

/** Document order of two ranges. */
export function compareRanges(a: ProtocolRange, b: ProtocolRange): number {
  return a.start.line - b.start.line || a.start.character - b.start.character || a.end.line - b.end.line || a.end.character - b.end.character;
}

/** One entity (category and id) with all its mentions, for the Entities view. */
export interface EntityGroup {
  /** `category:id`: stable across versions of the document. */
  key: string;
  category: Category;
  id: string;
  /** The canonical name (the lexicon's, or the heuristic's). */
  name: string;
  state: EntityState;
  source: EntityMention['source'];
  type?: 'person' | 'organization';
  /** In document order (only some of them when the answer was truncated). */
  mentions: EntityMention[];
  /** Its mentions in the whole document, when the answer was truncated. */
  total?: number;
}

/** How many times an entity is mentioned in the document. */
export function mentionTotal(entity: EntityGroup): number {
  return entity.total ?? entity.mentions.length;
}

/** The entities of one category. */
export interface CategoryGroup {
  category: Category;
  entities: EntityGroup[];
  mentionCount: number;
}

/** The state an entity shows: untagged wins over suggested, which wins over tagged (what still needs work). */
export function entityState(states: Iterable<EntityState>): EntityState {
  let best: EntityState = 'tagged';
  for (const s of states) {
    if (s === 'untagged') return 'untagged';
    if (s === 'suggested') best = 'suggested';
  }
  return best;
}

/**
 * The mentions grouped per category (fixed order, empty categories left out), then per entity in
 * first-mention order; `totals` (a truncated answer) give every entity its full count and state.
 */
export function groupEntities(mentions: readonly EntityMention[], totals?: readonly EntityTotal[]): CategoryGroup[] {
  const byKey = new Map<string, EntityGroup>();
  const sorted = [...mentions].sort((a, b) => compareRanges(a.range, b.range));
  for (const m of sorted) {
    const key = `${m.category}:${m.id}`;
    let group = byKey.get(key);
    if (group === undefined) {
      group = { key, category: m.category, id: m.id, name: m.name, state: m.state, source: m.source, mentions: [] };
      if (m.type !== undefined) group.type = m.type;
      byKey.set(key, group);
    }
    group.mentions.push(m);
  }
  for (const e of byKey.values()) e.state = entityState(e.mentions.map((m) => m.state));
  for (const t of totals ?? []) {
    const key = `${t.category}:${t.id}`;
    let group = byKey.get(key);
    if (group === undefined) {
      group = { key, category: t.category, id: t.id, name: t.name, state: t.state, source: t.source, mentions: [] };
      if (t.type !== undefined) group.type = t.type;
      byKey.set(key, group);
    }
    group.state = t.state;
    group.total = t.mentions;
  }
  const groups: CategoryGroup[] = [];
  for (const category of CATEGORIES) {
    const entities = [...byKey.values()].filter((g) => g.category === category);
    if (entities.length === 0) continue;
    groups.push({ category, entities, mentionCount: entities.reduce((n, e) => n + mentionTotal(e), 0) });
  }
  return groups;
}

/** The decoration key of a category and a state: one decoration type each. */
export type DecorationKey = `${Category}.${EntityState}`;

/** Every decoration key, in drawing order. */
export const DECORATION_KEYS: readonly DecorationKey[] = CATEGORIES.flatMap((c) => STATES.map((s): DecorationKey => `${c}.${s}`));

/**
 * The ranges to draw per decoration key, for the categories shown; every key is present (an empty
 * list clears that decoration type).
 */
export function decorationBuckets(mentions: readonly EntityMention[], shown: ReadonlySet<Category>): Map<DecorationKey, ProtocolRange[]> {
  const buckets = new Map<DecorationKey, ProtocolRange[]>(DECORATION_KEYS.map((k) => [k, []]));
  for (const m of mentions) {
    if (!shown.has(m.category)) continue;
    buckets.get(`${m.category}.${m.state}`)!.push(m.range);
  }
  return buckets;
}

/** Distinct entities per category and per state. */
export interface EntitySummary {
  perCategory: Record<Category, number>;
  /** Per category and state, distinct entities. */
  perState: Record<Category, Record<EntityState, number>>;
  tagged: number;
  untagged: number;
  suggested: number;
  entities: number;
  mentions: number;
}

/** Counts distinct entities (not mentions), as the status bar shows them. */
export function summarize(mentions: readonly EntityMention[], totals?: readonly EntityTotal[]): EntitySummary {
  const zero = (): Record<EntityState, number> => ({ tagged: 0, untagged: 0, suggested: 0 });
  const summary: EntitySummary = {
    perCategory: { actor: 0, country: 0, region: 0, threat: 0 },
    perState: { actor: zero(), country: zero(), region: zero(), threat: zero() },
    tagged: 0,
    untagged: 0,
    suggested: 0,
    entities: 0,
    mentions: totals === undefined ? mentions.length : totals.reduce((n, t) => n + t.mentions, 0),
  };
  for (const group of groupEntities(mentions, totals)) {
    for (const e of group.entities) {
      summary.perCategory[e.category]++;
      summary.perState[e.category][e.state]++;
      summary[e.state]++;
      summary.entities++;
    }
  }
  return summary;
}

/** "3 actors · 4 countries · 5 threats · 2 untagged" (categories without entities left out). */
export function statusText(summary: EntitySummary): string {
  if (summary.entities === 0) return 'No entities';
  const parts = CATEGORIES.filter((c) => summary.perCategory[c] > 0).map((c) => countOf(c, summary.perCategory[c]));
  if (summary.untagged > 0) parts.push(`${summary.untagged} untagged`);
  if (summary.suggested > 0) parts.push(`${summary.suggested} suggested`);
  return parts.join(' · ');
}

/** The status bar tooltip, in Markdown: what the counts mean and what a click does. */
export function statusTooltip(summary: EntitySummary, language?: string, truncated?: { shown: number; total: number }): string {
  const lines = ['**Communiqué** · entities in this document', ''];
  if (summary.entities === 0) {
    lines.push('No actor, country, region or threat was recognised.', '');
  } else {
    lines.push('| | entities | tagged | untagged | suggested |', '|---|---:|---:|---:|---:|');
    for (const c of CATEGORIES) {
      if (summary.perCategory[c] === 0) continue;
      const s = summary.perState[c];
      lines.push(`| ${categoryHeading(c)} | ${summary.perCategory[c]} | ${s.tagged} | ${s.untagged} | ${s.suggested} |`);
    }
    lines.push('');
    lines.push(
      '*Tagged* entities are listed in the front matter; *untagged* ones are in a lexicon but not yet in the front matter; ' +
        '*suggested* ones are names the heuristics found that no lexicon lists.',
      '',
    );
  }
  if (truncated !== undefined) lines.push(truncationMessage(truncated), '');
  if (language !== undefined) lines.push(`Language: ${languageName(language)} (\`${language}\`)`, '');
  lines.push(summary.untagged > 0 ? `Click to tag all ${summary.untagged} untagged ${summary.untagged === 1 ? 'entity' : 'entities'}.` : 'Every lexicon entity is tagged. Click to check again.');
  return lines.join('\n');
}

/** The decoration settings, coerced: anything unexpected falls back to the default (everything shown). */
export interface DecorationSettings {
  enabled: boolean;
  categories: ReadonlySet<Category>;
}

/** `communique.decorations.enabled` and `.categories` as read from the configuration, made safe. */
export function coerceDecorationSettings(enabled: unknown, categories: unknown): DecorationSettings {
  const list = Array.isArray(categories) ? categories.filter((c): c is Category => (CATEGORIES as readonly unknown[]).includes(c)) : [...CATEGORIES];
  return { enabled: enabled !== false, categories: new Set(list) };
}
