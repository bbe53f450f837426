/**
 * Recognition of one document: the data flow of the core in one place.
 *
 *   text -> body (front matter and date header skipped) -> tokens (and their columns)
 *        -> paragraph languages -> lexicon matches (trie) -> resolved matches -> heuristic actors
 *        -> entities
 *
 * Tokenisation is the one pass over the characters. The later stages read its columns (offsets
 * and word numbers, see text/tokenColumns.ts) and compute what they need once per distinct word,
 * rather than scanning the characters or the token objects again.
 *
 * The lexicon is compiled once per recognizer; every document reuses the trie and the fold memo.
 * Recognition never throws on any input (issue 2, "bad input"): an unexpected failure of a later
 * stage costs that stage's results, not the document's.
 */
import { locateBody, normalizeLanguageTag } from './frontMatter/locate';
import { findHeuristicActorsInColumns, type HeuristicActor, type KnownSpan } from './heuristics/actors';
import { detectLanguage, languageSpans } from './language';
import type { EntityMatch } from './match/entityMatch';
import { LexiconMatcher } from './match/lexiconMatcher';
import { byPosition, resolveMatches } from './match/resolve';
import { SpanIndex } from './match/spanIndex';
import { LineIndex } from './text/positions';
import type { TokenColumns } from './text/tokenColumns';
import { tokenizeWithColumns } from './text/tokenize';
import { CATEGORIES, type Entity, type Lang, type LanguageSpan, type Lexicon, type LexiconEntry, type Recognition } from './types';

/** How one document is recognised. */
export interface RecognizeOptions {
  /** The language of the whole document, overriding front matter and detection. */
  language?: Lang;
  /** Report heuristic actors (names no lexicon lists). Default true. */
  heuristics?: boolean;
}

/** A lexicon compiled for recognition. */
export interface Recognizer {
  readonly lexicon: Lexicon;
  /** Recognises the entities of one document; never throws. */
  recognize(text: string, options?: RecognizeOptions): Recognition;
}

/** The language when neither the caller, the front matter nor detection says otherwise: French first (issue 2). */
const DEFAULT_LANGUAGE: Lang = 'fr';
/**
 * The paragraph language given to matching when nothing is known about a document (ISO 639-2
 * "und"): no lexicon has it, so no variant is filtered out. A short English note must not lose
 * "Spanish" because French is the default.
 */
const UNDETERMINED: Lang = 'und';
/** Enough text to tell the main language; detecting a 10 MB body whole would only cost time. */
const DETECTION_SAMPLE = 64 * 1024;
/** The fold memo is shared across documents; a vocabulary this large starts a new one. */
const MAX_FOLD_MEMO = 200_000;

/** Compiles a lexicon into a recognizer (the trie is built once and reused for every document). */
export function createRecognizer(lexicon: Lexicon): Recognizer {
  const matcher = new LexiconMatcher(lexicon);
  let foldMemo = new Map<string, string>();
  return {
    lexicon,
    recognize(text: string, options: RecognizeOptions = {}): Recognition {
      if (foldMemo.size > MAX_FOLD_MEMO) foldMemo = new Map();
      return recognizeDocument(matcher, typeof text === 'string' ? text : '', options ?? {}, foldMemo);
    },
  };
}

/** The languages of a document: the reported ones, and the paragraph spans matching runs with. */
interface DocumentLanguages extends Pick<Recognition, 'language' | 'languageSource' | 'spans'> {
  matchSpans: LanguageSpan[];
}

/** The main language of a document and the paragraph spans of its body. */
function documentLanguage(
  text: string,
  bodyStart: number,
  frontMatterLang: Lang | undefined,
  options: RecognizeOptions,
  columns: TokenColumns | undefined,
): DocumentLanguages {
  const end = text.length;
  const forced = normalizeLanguageTag(options.language);
  if (forced !== undefined) {
    // The caller knows the language: no paragraph is second-guessed.
    const spans = bodyStart < end ? [{ start: bodyStart, end, language: forced }] : [];
    return { language: forced, languageSource: 'option', spans, matchSpans: spans };
  }
  let language: Lang;
  let languageSource: Recognition['languageSource'];
  if (frontMatterLang !== undefined) {
    language = frontMatterLang;
    languageSource = 'front-matter';
  } else {
    const detected = safely(() => detectLanguage(text, bodyStart, Math.min(end, bodyStart + DETECTION_SAMPLE), columns), null);
    language = detected?.language ?? DEFAULT_LANGUAGE;
    languageSource = detected ? 'detected' : 'default';
  }
  // Paragraphs clearly in another language (a quotation, a bilingual release) keep their own;
  // short or unclear ones take the document's, or stay undetermined for matching when the
  // document's language is only the default.
  const fallback = languageSource === 'default' ? UNDETERMINED : language;
  const matchSpans = bodyStart < end ? safely(() => languageSpans(text, bodyStart, end, fallback, columns), [{ start: bodyStart, end, language: fallback }]) : [];
  const spans = fallback === language ? matchSpans : reportedSpans(matchSpans, language);
  return { language, languageSource, spans, matchSpans };
}

/** The spans as reported: undetermined paragraphs take the default language, merged with their neighbours. */
function reportedSpans(spans: readonly LanguageSpan[], language: Lang): LanguageSpan[] {
  const out: LanguageSpan[] = [];
  for (const span of spans) {
    const lang = span.language === UNDETERMINED ? language : span.language;
    const last = out[out.length - 1];
    if (last !== undefined && last.language === lang && last.end === span.start) last.end = span.end;
    else out.push({ start: span.start, end: span.end, language: lang });
  }
  return out;
}

function recognizeDocument(matcher: LexiconMatcher, text: string, options: RecognizeOptions, foldMemo: Map<string, string>): Recognition {
  const layout = locateBody(text);
  // One tokenisation serves every stage, language detection included. It is the pass tokenize()
  // makes, token objects included; the stages after it read only its columns (offsets and word
  // numbers, see text/tokenColumns.ts), so the token objects are not kept.
  const columns = safely(() => tokenizeWithColumns(text, layout.bodyStart, text.length, foldMemo).columns, undefined);
  const { language, languageSource, spans, matchSpans } = documentLanguage(text, layout.bodyStart, layout.language, options, columns);
  try {
    if (columns === undefined) throw new Error('tokenisation failed');
    const found = matcher.match({ text, columns, spans: matchSpans, language: matchSpans === spans ? language : UNDETERMINED });
    const ignored = new SpanIndex(found.ignored);
    const resolved = ignored.size === 0 ? resolveMatches(found.matches) : resolveMatches(found.matches).filter((m) => !ignored.contains(m));
    const heuristic = options.heuristics === false ? [] : heuristicActors(text, columns, resolved, spans, matcher, ignored);
    const lexiconMatches = heuristic.length === 0 ? resolved : withoutShadowedMatches(resolved, heuristic);
    return { language, languageSource, spans, entities: toEntities(text, lexiconMatches, heuristic) };
  } catch {
    // Last resort: a bug must not take the editor or the CLI down with one odd document.
    return { language, languageSource, spans, entities: [] };
  }
}

function safely<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

/** Heuristic actors, checked so that a faulty one can never break a range or the ignore list. */
function heuristicActors(
  text: string,
  columns: TokenColumns,
  resolved: readonly EntityMatch[],
  spans: readonly LanguageSpan[],
  matcher: LexiconMatcher,
  ignored: SpanIndex,
): HeuristicActor[] {
  // Resolved matches are known spans as they are (start, end, category), sorted as the heuristics want them.
  const known: readonly KnownSpan[] = resolved;
  const found = safely(() => findHeuristicActorsInColumns(text, columns, known, spans), [] as HeuristicActor[]);
  if (!Array.isArray(found)) return [];
  const actors = found.filter(
    (h) =>
      h !== null &&
      typeof h === 'object' &&
      Number.isInteger(h.start) &&
      Number.isInteger(h.end) &&
      h.start >= 0 &&
      h.start < h.end &&
      h.end <= text.length &&
      !splitsPair(text, h.start) &&
      !splitsPair(text, h.end) &&
      typeof h.id === 'string' &&
      h.id !== '' &&
      !ignored.overlaps(h) &&
      !matcher.isIgnoredSpan(text, columns, h.start, h.end),
  );
  if (!isSorted(actors, byPosition)) actors.sort(byPosition);
  return actors;
}

function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * Applies the heuristic actors to the lexicon matches: a lexicon actor strictly inside a heuristic
 * organisation ("Sûreté nationale" in "Institut des Sciences forensiques de la Sûreté nationale")
 * gives way to it, and so does a region (an organisation's name is not a region).
 */
function withoutShadowedMatches(resolved: readonly EntityMatch[], heuristic: readonly HeuristicActor[]): EntityMatch[] {
  // Heuristic actors are all actors, so the one index serves both rules (dropContainedRegions'
  // containers are the spans of another category than region).
  const organisations = new SpanIndex(heuristic);
  return resolved.filter((m) => (m.category !== 'actor' && m.category !== 'region') || !organisations.contains(m, true));
}

const CATEGORY_ORDER = new Map(CATEGORIES.map((c, i) => [c, i]));

/** Turns matches and heuristic actors into the entities of the Recognition, sorted by start. */
function toEntities(text: string, matches: readonly EntityMatch[], heuristic: readonly HeuristicActor[]): Entity[] {
  const lines = new LineIndex(text);
  // Thousands of matches name a few hundred entries: each entry's name in a language is read once.
  const names = new Map<Lang, Map<LexiconEntry, string>>();
  const nameOf = (entry: LexiconEntry, lang: Lang): string => {
    let byEntry = names.get(lang);
    if (byEntry === undefined) {
      byEntry = new Map();
      names.set(lang, byEntry);
    }
    let name = byEntry.get(entry);
    if (name === undefined) {
      // Actors keep their canonical name everywhere, because that is what front matter stores and
      // what a reader searches for; places and threats read best in the paragraph's language.
      const localName = entry.category === 'actor' ? undefined : entry.names?.[lang]?.[0];
      name = typeof localName === 'string' && localName !== '' ? localName : entry.name;
      byEntry.set(entry, name);
    }
    return name;
  };
  const fromLexicon: Entity[] = [];
  for (const m of matches) {
    const entry = m.entry;
    const { category, id } = entry;
    // In an undetermined paragraph, the name in the variant's language.
    const name = nameOf(entry, m.paragraphLang === UNDETERMINED ? m.lang : m.paragraphLang);
    const surface = text.slice(m.start, m.end);
    const range = lines.rangeOf(m.start, m.end);
    const { start, end, variant, lang: language } = m;
    const lexicon = entry.origin?.file || undefined;
    const type = category === 'actor' && entry.type ? entry.type : undefined;
    // One object literal per set of optional fields: fields added to a finished object would cost
    // each of the thousands of entities of a long document a second allocation. Keys in JSON order.
    let entity: Entity;
    if (lexicon !== undefined && type !== undefined) {
      entity = { category, id, name, text: surface, range, start, end, source: 'lexicon', variant, language, lexicon, type };
    } else if (lexicon !== undefined) {
      entity = { category, id, name, text: surface, range, start, end, source: 'lexicon', variant, language, lexicon };
    } else if (type !== undefined) {
      entity = { category, id, name, text: surface, range, start, end, source: 'lexicon', variant, language, type };
    } else {
      entity = { category, id, name, text: surface, range, start, end, source: 'lexicon', variant, language };
    }
    fromLexicon.push(entity);
  }
  const fromHeuristics: Entity[] = [];
  for (const h of heuristic) {
    fromHeuristics.push({
      category: 'actor',
      id: h.id,
      name: typeof h.name === 'string' && h.name !== '' ? h.name : text.slice(h.start, h.end),
      text: text.slice(h.start, h.end),
      range: lines.rangeOf(h.start, h.end),
      start: h.start,
      end: h.end,
      source: 'heuristic',
      language: h.language,
      type: h.type === 'person' ? 'person' : 'organization',
    });
  }
  // Both lists come in document order already: merging them is the stable sort of the two
  // together, without sorting thousands of entities again.
  const order = (a: Entity, b: Entity): number => byPosition(a, b) || CATEGORY_ORDER.get(a.category)! - CATEGORY_ORDER.get(b.category)!;
  if (!isSorted(fromLexicon, order)) fromLexicon.sort(order);
  if (!isSorted(fromHeuristics, order)) fromHeuristics.sort(order);
  if (fromHeuristics.length === 0) return fromLexicon;
  const entities: Entity[] = [];
  let h = 0;
  for (const entity of fromLexicon) {
    while (h < fromHeuristics.length && order(fromHeuristics[h]!, entity) < 0) entities.push(fromHeuristics[h++]!);
    entities.push(entity);
  }
  while (h < fromHeuristics.length) entities.push(fromHeuristics[h++]!);
  return entities;
}

/** True when `list` is already in the order `compare` gives, so that a stable sort would leave it as it is. */
function isSorted<T>(list: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}
