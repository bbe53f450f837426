/**
 * Front-matter tag values and the lexicon entries they stand for.
 *
 * Tagging writes one value per entity: the ISO code for countries, the id for regions and threats,
 * the canonical name for actors (issue 3, "Keys and values"). Reading is more lenient, because
 * people write tags by hand: a tag may be an id (any case), a canonical name or any variant of an
 * entry of the key's category, compared after folding ("marruecos", "Marruecos" and "MA" are all
 * Morocco). A tag nothing resolves gets a "did you mean" from the closest id or name.
 */
import type { AnalyzedDocument } from './analysis';
import type { TagItem } from './frontMatter/model';
import { lexiconKey } from './lexicon/merge';
import { CATEGORIES, type Category, type Entity, type Lexicon, type LexiconEntry } from './types';

/** The value tagging writes for a lexicon entry. */
export function entryTagValue(entry: LexiconEntry): string {
  return entry.category === 'actor' ? entry.name : entry.id;
}

/** The value tagging writes for a recognised entity (heuristic actors are written by name). */
export function entityTagValue(entity: Entity, lexicon: Lexicon): string {
  if (entity.category !== 'actor') return entity.id;
  const entry = entity.source === 'lexicon' ? lexicon.entries.get(entity.id) : undefined;
  return entry?.name ?? entity.name;
}

/** The folded form tags are compared by: tokens folded for case, diacritics and Arabic orthography. */
export function tagKey(value: string): string {
  return lexiconKey(value);
}

/** Resolves a tag as written (id, canonical name or any variant, folded) to an entry of a category. */
export function resolveTag(value: string, category: Category, lexicon: Lexicon): LexiconEntry | undefined {
  const key = tagKey(value);
  if (key === '') return undefined;
  const byKey = categoryIndex(lexicon, category).byKey;
  // Arabic writes the article on the word ("الإرهاب") where the lexicon may not ("إرهاب"), and the
  // other way round; the matcher strips it in the text, so a tag gets the same leniency.
  const id = byKey.get(key) ?? (ARABIC_RE.test(key) ? byKey.get(ARTICLE_RE.test(key) ? key.replace(ARTICLE_RE, '') : `ال${key}`) : undefined);
  return id === undefined ? undefined : lexicon.entries.get(id);
}

const ARABIC_RE = /^[\u0600-\u06FF]/;
/** The folded article (al-) at the start of a tag. */
const ARTICLE_RE = /^ال(?=[\u0600-\u06FF]{2})/;

/** A close entry for a tag that resolves to nothing: its tag value and its canonical name. */
export interface TagSuggestion {
  value: string;
  name: string;
}

/**
 * The entry of a category whose id or name is closest to a tag by edit distance, when it is close
 * enough for the length of the tag (short tags get no guess: every two-letter code is one edit
 * from dozens of others).
 */
export function suggestTag(value: string, category: Category, lexicon: Lexicon): TagSuggestion | undefined {
  const key = tagKey(value);
  const budget = distanceBudget(key.length);
  if (budget === 0) return undefined;
  let best: { distance: number; prefix: number; entry: LexiconEntry } | undefined;
  const candidates = categoryIndex(lexicon, category).candidates;
  for (const candidate of candidates) {
    if (Math.abs(candidate.key.length - key.length) > budget) continue;
    const limit = best === undefined ? budget : Math.min(budget, best.distance);
    const distance = editDistance(key, candidate.key, limit);
    if (distance > limit) continue;
    const prefix = commonPrefix(key, candidate.key);
    if (best === undefined || distance < best.distance || (distance === best.distance && prefix > best.prefix)) {
      const entry = lexicon.entries.get(candidate.id);
      if (entry !== undefined) best = { distance, prefix, entry };
    }
  }
  return best === undefined ? undefined : { value: entryTagValue(best.entry), name: best.entry.name };
}

/** How one front-matter tag reads against the lexicon and the document. */
export interface TagReading {
  category: Category;
  item: TagItem;
  /** The lexicon entry the tag resolves to, if any. */
  entry?: LexiconEntry;
  /** For actors: the id of the document's heuristic actor the tag names, if any. */
  heuristicId?: string;
  /** Whether the text mentions what the tag stands for. */
  mentioned: boolean;
}

/** The tags of a document, read: what each one stands for, and which entity ids are tagged. */
export interface TagState {
  readings: TagReading[];
  /** Lexicon entity ids tagged, per category. */
  tagged: Record<Category, Set<string>>;
  /** Ids of the heuristic actors whose name the actors list carries. */
  taggedHeuristics: Set<string>;
}

/** Reads every managed tag of a document against the lexicon and the document's entities. */
export function readTags(doc: AnalyzedDocument, lexicon: Lexicon): TagState {
  // Ids per category: no key string is built for each of the mentions of a long document.
  const mentioned: Record<Category, Set<string>> = { actor: new Set(), country: new Set(), region: new Set(), threat: new Set() };
  for (const e of doc.recognition.entities) {
    if (e.source !== 'heuristic') mentioned[e.category]?.add(e.id);
  }
  // The heuristic actors by folded name, built only when an actor tag needs it: a long document
  // has tens of thousands of heuristic mentions of a few thousand names (issue 6), and each form
  // is folded once.
  let heuristicByKey: Map<string, string> | undefined;
  const heuristicNamed = (value: string): string | undefined => {
    if (heuristicByKey === undefined) {
      heuristicByKey = new Map();
      const seen = new Set<string>();
      for (const e of doc.recognition.entities) {
        if (e.source !== 'heuristic') continue;
        for (const form of [e.name, e.text]) {
          if (seen.has(form)) continue;
          seen.add(form);
          const key = tagKey(form);
          if (key !== '' && !heuristicByKey.has(key)) heuristicByKey.set(key, e.id);
        }
      }
    }
    return heuristicByKey.get(tagKey(value));
  };
  const state: TagState = {
    readings: [],
    tagged: { actor: new Set(), country: new Set(), region: new Set(), threat: new Set() },
    taggedHeuristics: new Set(),
  };
  for (const category of CATEGORIES) {
    for (const item of doc.frontMatter.tags[category] ?? []) {
      const entry = resolveTag(item.value, category, lexicon);
      const entryMentioned = entry !== undefined && mentioned[category].has(entry.id);
      // For actors, any name a heuristic found in this text is a fine tag (issue 3: "a tag that no
      // lexicon knows" is one that neither a lexicon nor the document accounts for).
      const heuristicId = category === 'actor' && !entryMentioned ? heuristicNamed(item.value) : undefined;
      const reading: TagReading = { category, item, mentioned: entryMentioned || heuristicId !== undefined };
      if (heuristicId !== undefined) {
        reading.heuristicId = heuristicId;
        state.taggedHeuristics.add(heuristicId);
      } else if (entry !== undefined) {
        reading.entry = entry;
        state.tagged[category].add(entry.id);
      }
      state.readings.push(reading);
    }
  }
  return state;
}

interface CategoryIndex {
  /** Folded id, canonical name, names and variants -> entry id; ids win over names, names over variants. */
  byKey: Map<string, string>;
  /** Folded ids and names, the candidates of "did you mean". */
  candidates: { key: string; id: string }[];
}

/** Per lexicon and category; a rebuilt lexicon is a new object, so stale indexes are collected with the old one. */
const indexes = new WeakMap<Lexicon, Map<Category, CategoryIndex>>();

function categoryIndex(lexicon: Lexicon, category: Category): CategoryIndex {
  let perCategory = indexes.get(lexicon);
  if (perCategory === undefined) {
    perCategory = new Map();
    indexes.set(lexicon, perCategory);
  }
  let index = perCategory.get(category);
  if (index === undefined) {
    index = buildIndex(lexicon, category);
    perCategory.set(category, index);
  }
  return index;
}

function buildIndex(lexicon: Lexicon, category: Category): CategoryIndex {
  const entries = [...lexicon.entries.values()].filter((e) => e.category === category);
  const byKey = new Map<string, string>();
  const candidates: { key: string; id: string }[] = [];
  const seen = new Set<string>();
  const add = (text: string, id: string, candidate: boolean): void => {
    const key = tagKey(text);
    if (key === '') return;
    if (!byKey.has(key)) byKey.set(key, id);
    if (candidate && !seen.has(`${id}\u0000${key}`)) {
      seen.add(`${id}\u0000${key}`);
      candidates.push({ key, id });
    }
  };
  // Tiers in order of authority: a tag that is some entry's id means that entry, even if it is
  // also a variant of another one.
  for (const e of entries) add(e.id, e.id, true);
  for (const e of entries) add(e.name, e.id, true);
  for (const e of entries) for (const list of Object.values(e.names)) for (const name of list) add(name, e.id, true);
  for (const e of entries) for (const v of e.variants) add(v.text, e.id, false);
  return { byKey, candidates };
}

/** Edits allowed for a folded tag of this length: none under 3 characters, then about one per three. */
function distanceBudget(length: number): number {
  if (length < 3) return 0;
  return Math.min(4, Math.max(1, Math.floor(length / 3)));
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Optimal string alignment distance (a transposition counts as one edit: "Marocco" is one edit
 * from "Morocco"); returns limit + 1 as soon as the distance must exceed the limit.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, prevPrev[j - 2]! + 1);
      }
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}
