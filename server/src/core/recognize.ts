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
import { findHeuristicActors, type HeuristicActor, type KnownSpan } from './heuristics/actors';
import { detectLanguage, languageSpans } from './language';
import type { EntityMatch } from './match/entityMatch';
import { LexiconMatcher } from './match/lexiconMatcher';
import { byPosition, dropContainedRegions, resolveMatches } from './match/resolve';
import { SpanIndex } from './match/spanIndex';
import { LineIndex } from './text/positions';
import type { TokenColumns } from './text/tokenColumns';
import { tokenizeWithColumns, type Token } from './text/tokenize';
import { CATEGORIES, type Entity, type Lang, type LanguageSpan, type Lexicon, type Recognition } from './types';

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
  // One tokenisation serves every stage, language detection included.
  const tokenized = safely(() => tokenizeWithColumns(text, layout.bodyStart, text.length, foldMemo), undefined);
  const { language, languageSource, spans, matchSpans } = documentLanguage(text, layout.bodyStart, layout.language, options, tokenized?.columns);
  try {
    if (tokenized === undefined) throw new Error('tokenisation failed');
    const { tokens, columns } = tokenized;
    const found = matcher.match({ text, tokens, columns, spans: matchSpans, language: matchSpans === spans ? language : UNDETERMINED });
    const ignored = new SpanIndex(found.ignored);
    const resolved = ignored.size === 0 ? resolveMatches(found.matches) : resolveMatches(found.matches).filter((m) => !ignored.contains(m));
    const heuristic = options.heuristics === false ? [] : heuristicActors(text, tokens, columns, resolved, spans, matcher, ignored);
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
  tokens: readonly Token[],
  columns: TokenColumns,
  resolved: readonly EntityMatch[],
  spans: readonly LanguageSpan[],
  matcher: LexiconMatcher,
  ignored: SpanIndex,
): HeuristicActor[] {
  // Resolved matches are known spans as they are (start, end, category), sorted as the heuristics want them.
  const known: readonly KnownSpan[] = resolved;
  const found = safely(() => findHeuristicActors(text, tokens as Token[], known, spans, columns), [] as HeuristicActor[]);
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
      !matcher.isIgnored(text.slice(h.start, h.end)),
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
  const heuristicSpans = heuristic.map((h) => ({ start: h.start, end: h.end, category: 'actor' as const }));
  const organisations = new SpanIndex(heuristicSpans);
  const kept = resolved.filter((m) => m.category !== 'actor' || !organisations.contains(m, true));
  return dropContainedRegions(kept, heuristicSpans);
}

const CATEGORY_ORDER = new Map(CATEGORIES.map((c, i) => [c, i]));

/** Turns matches and heuristic actors into the entities of the Recognition, sorted by start. */
function toEntities(text: string, matches: readonly EntityMatch[], heuristic: readonly HeuristicActor[]): Entity[] {
  const lines = new LineIndex(text);
  const entities: Entity[] = [];
  for (const m of matches) {
    const entry = m.entry;
    // Actors keep their canonical name everywhere, because that is what front matter stores and
    // what a reader searches for; places and threats read best in the paragraph's language
    // (in an undetermined paragraph, in the variant's).
    const localName =
      entry.category === 'actor' ? undefined : entry.names?.[m.paragraphLang === UNDETERMINED ? m.lang : m.paragraphLang]?.[0];
    const entity: Entity = {
      category: entry.category,
      id: entry.id,
      name: typeof localName === 'string' && localName !== '' ? localName : entry.name,
      text: text.slice(m.start, m.end),
      range: lines.rangeOf(m.start, m.end),
      start: m.start,
      end: m.end,
      source: 'lexicon',
      variant: m.variant,
      language: m.lang,
    };
    if (entry.origin?.file) entity.lexicon = entry.origin.file;
    if (entry.category === 'actor' && entry.type) entity.type = entry.type;
    entities.push(entity);
  }
  for (const h of heuristic) {
    entities.push({
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
  const order = (a: Entity, b: Entity): number => byPosition(a, b) || CATEGORY_ORDER.get(a.category)! - CATEGORY_ORDER.get(b.category)!;
  if (!isSorted(entities, order)) entities.sort(order);
  return entities;
}

/** True when `list` is already in the order `compare` gives, so that a stable sort would leave it as it is. */
function isSorted<T>(list: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}
