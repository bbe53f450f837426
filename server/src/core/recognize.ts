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
import { locateBody, normalizeLanguageTag, type DocumentLayout } from './frontMatter/locate';
import { addLowerCaseVocabulary, scanHeuristicActors, type HeuristicActor, type HeuristicDefinitions, type HeuristicScan, type KnownSpan } from './heuristics/actors';
import { detectLanguage, languageSpans, PARAGRAPH_SAMPLE } from './language';
import type { EntityMatch } from './match/entityMatch';
import { LexiconMatcher } from './match/lexiconMatcher';
import { NameVariantIndex, nameVariantOf } from './match/nameVariants';
import { byPosition, resolveMatches } from './match/resolve';
import { SpanIndex } from './match/spanIndex';
import { LineIndex } from './text/positions';
import { planSlices, windowAround, type TextSlice } from './text/slices';
import { ColumnPool, type TokenColumns } from './text/tokenColumns';
import { tokenizeColumns } from './text/tokenize';
import { CATEGORIES, type Entity, type Lang, type LanguageSpan, type Lexicon, type LexiconEntry, type Recognition } from './types';

/** How one document is recognised. */
export interface RecognizeOptions {
  /** The language of the whole document, overriding front matter and detection. */
  language?: Lang;
  /** Report heuristic actors (names no lexicon lists). Default true. */
  heuristics?: boolean;
}

/** How a long document is recognised a slice at a time (Recognizer.steps). */
export interface StepOptions extends RecognizeOptions {
  /** The size of a slice in UTF-16 code units (see text/slices.ts). Default SLICE_CHARS. */
  sliceChars?: number;
  /** How much text either side of a slice is read with it. Default OVERLAP_CHARS. */
  overlapChars?: number;
}

/**
 * A recognition run in steps: each `step()` does a bounded amount of work (one stage over one
 * slice of the text), so that a caller can answer other requests between two steps, or stop.
 */
export interface RecognitionSteps {
  /** Runs the next step; returns the recognition after the last one (and on any call after it). */
  step(): Recognition | undefined;
  /** Steps done so far. */
  readonly done: number;
  /** Steps in all. */
  readonly total: number;
}

/** A lexicon compiled for recognition. */
export interface Recognizer {
  readonly lexicon: Lexicon;
  /** Recognises the entities of one document; never throws. */
  recognize(text: string, options?: RecognizeOptions): Recognition;
  /**
   * The same recognition in steps, over slices of about `sliceChars` characters: a long document
   * gives exactly the entities, languages and spans of `recognize` (test/unit/hostileSlices.test.ts).
   */
  steps(text: string, options?: StepOptions): RecognitionSteps;
}

/**
 * A slice the language server recognises in one go: about 15 ms of work per stage on the
 * project's 2-core machine, so that a hover waits no longer than that behind a 10 MB document.
 */
export const SLICE_CHARS = 50_000;
/**
 * The context read either side of a slice. Every rule of recognition looks at most a few dozen
 * tokens away (a name of 16 tokens, a role 20 tokens before a name, a frame window of 50), far
 * less than this.
 */
export const OVERLAP_CHARS = 2_000;

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
  const variants = new NameVariantIndex(lexicon);
  let foldMemo = new Map<string, string>();
  const pool = new ColumnPool();
  const start = (text: string, options: StepOptions, sliceChars: number): SlicedRecognition => {
    if (foldMemo.size > MAX_FOLD_MEMO) foldMemo = new Map();
    const opts = options ?? {};
    return new SlicedRecognition(matcher, typeof text === 'string' ? text : '', opts, foldMemo, sliceChars, opts.overlapChars ?? OVERLAP_CHARS, variants, pool);
  };
  return {
    lexicon,
    recognize(text: string, options: RecognizeOptions = {}): Recognition {
      // One slice: the whole body at once.
      return start(text, options, Infinity).run();
    },
    steps(text: string, options: StepOptions = {}): RecognitionSteps {
      return start(text, options, options?.sliceChars ?? SLICE_CHARS);
    },
  };
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

/** One slice of the body, and what recognition keeps of it from one pass to the next. */
interface Part {
  slice: TextSlice;
  /** Where the slice is read: the slice and some context either side (text/slices.ts). */
  window: { start: number; end: number };
  columns?: TokenColumns;
  resolved?: EntityMatch[];
  ignored?: SpanIndex;
  scan?: HeuristicScan;
}

/**
 * The recognition of one document, as passes over the slices of its body (text/slices.ts); each
 * step is one pass over one slice. There are several passes because some facts belong to the whole
 * document and must be known before a slice is finished:
 * 1. tokenise the slice's window; give the slice's paragraphs their language (deciding the
 *    document's language on the first slice); collect the words written in lower case;
 * 2. match the lexicon in the window;
 * 3. scan the window for heuristic actors, with the whole document's lower-case vocabulary, and
 *    collect the acronyms and full names that the slice defines;
 * 4. link the heuristic actors with the whole document's definitions, and keep the entities that
 *    start inside the slice.
 * A slice starts at a paragraph, or deep enough into one that its language sample is whole, so
 * paragraph languages are those of the whole text; the window around it holds every context a
 * rule reads. With one slice (`recognize`), each stage runs once over the whole body.
 */
class SlicedRecognition implements RecognitionSteps {
  private readonly layout: DocumentLayout;
  private readonly parts: Part[];
  private readonly passes: ((part: Part, index: number) => void)[];
  done = 0;
  readonly total: number;
  private language: Lang = DEFAULT_LANGUAGE;
  private languageSource: Recognition['languageSource'] = 'default';
  private forced: Lang | undefined;
  /** The language of paragraphs that say nothing clear: the document's, or undetermined when it is only the default. */
  private fallback: Lang = UNDETERMINED;
  /** Paragraph languages as matching reads them (undetermined ones stay undetermined). */
  private readonly matchSpans: LanguageSpan[] = [];
  /** Paragraph languages as reported and as the heuristics read them, once every slice has its own. */
  private spans: LanguageSpan[] | undefined;
  private readonly vocabulary = new Map<string, number>();
  private readonly definitions: HeuristicDefinitions = { acronyms: new Map(), surnames: new Map() };
  /** The surnames of the lexicon's people the document names in full, in document order (the first wins). */
  private readonly lexiconSurnames = new Map<string, { name: string; id: string }>();
  /** In a sliced document, the definitions of pass 4, made once. */
  private linking: HeuristicDefinitions | undefined;
  private entities: Entity[] = [];
  private lines: LineIndex | undefined;
  private result: Recognition | undefined;

  constructor(
    private readonly matcher: LexiconMatcher,
    private readonly text: string,
    private readonly options: RecognizeOptions,
    private readonly foldMemo: Map<string, string>,
    sliceChars: number,
    overlapChars: number,
    /** Variants of known names (issue 5), found in the gaps exact matching left. */
    private readonly variants?: NameVariantIndex,
    /** Where the columns of finished slices go, for the next slices and documents to reuse. */
    private readonly pool?: ColumnPool,
  ) {
    this.layout = locateBody(text);
    const bodyStart = this.layout.bodyStart;
    const end = text.length;
    const slices = bodyStart < end ? planSlices(text, bodyStart, end, { sliceChars, minParagraphHead: PARAGRAPH_SAMPLE }) : [];
    const overlap = Math.max(0, Number.isFinite(overlapChars) ? overlapChars : OVERLAP_CHARS);
    this.parts = slices.map((slice) => ({ slice, window: slices.length === 1 ? { start: bodyStart, end } : windowAround(text, slice, overlap, bodyStart, end) }));
    this.passes = [(p, i) => this.tokenize(p, i), (p) => this.match(p)];
    if (options.heuristics !== false) this.passes.push((p) => this.scanHeuristics(p));
    this.passes.push((p) => this.finishPart(p));
    this.total = this.parts.length * this.passes.length;
  }

  /** All the steps at once. */
  run(): Recognition {
    for (;;) {
      const result = this.step();
      if (result !== undefined) return result;
    }
  }

  step(): Recognition | undefined {
    if (this.result !== undefined) return this.result;
    if (this.done < this.total) {
      const n = this.parts.length;
      const index = this.done % n;
      this.passes[Math.floor(this.done / n)]!(this.parts[index]!, index);
      this.done++;
    }
    if (this.done >= this.total) {
      if (this.parts.length === 0) this.decideLanguage(undefined, undefined);
      this.result = { language: this.language, languageSource: this.languageSource, spans: this.spans ?? [], entities: this.entities };
    }
    return this.result;
  }

  private get sliced(): boolean {
    return this.parts.length > 1;
  }

  /** The document's main language: the caller's, the front matter's, or detected at the start of the body. */
  private decideLanguage(columns: TokenColumns | undefined, window: { start: number; end: number } | undefined): void {
    const forced = normalizeLanguageTag(this.options.language);
    if (forced !== undefined) {
      // The caller knows the language: no paragraph is second-guessed.
      this.language = this.fallback = this.forced = forced;
      this.languageSource = 'option';
      return;
    }
    if (this.layout.language !== undefined) {
      this.language = this.layout.language;
      this.languageSource = 'front-matter';
    } else {
      const { text } = this;
      const start = this.layout.bodyStart;
      const end = Math.min(text.length, start + DETECTION_SAMPLE);
      // The first window's tokens serve when they cover the sample (always, unless slices are tiny).
      const tokens = window !== undefined && window.start <= start && window.end >= end ? columns : undefined;
      const detected = safely(() => detectLanguage(text, start, end, tokens), null);
      this.language = detected?.language ?? DEFAULT_LANGUAGE;
      this.languageSource = detected ? 'detected' : 'default';
    }
    // Paragraphs clearly in another language (a quotation, a bilingual release) keep their own;
    // short or unclear ones take the document's, or stay undetermined for matching when the
    // document's language is only the default.
    this.fallback = this.languageSource === 'default' ? UNDETERMINED : this.language;
  }

  /** Pass 1: tokens of the window, languages of the slice's paragraphs, lower-case vocabulary. */
  private tokenize(part: Part, index: number): void {
    const { text } = this;
    const { window, slice } = part;
    // One tokenisation serves every stage, language detection included; the stages after it read
    // only its columns (offsets and word numbers, see text/tokenColumns.ts).
    part.columns = safely(() => tokenizeColumns(text, window.start, window.end, this.foldMemo, this.pool), undefined);
    if (index === 0) this.decideLanguage(part.columns, window);
    let spans: LanguageSpan[];
    if (this.forced !== undefined) {
      spans = [{ start: slice.start, end: slice.end, language: this.forced }];
    } else {
      // A slice that starts inside a paragraph continues its language.
      const leading = slice.paragraphStart ? undefined : this.matchSpans[this.matchSpans.length - 1]?.language;
      const fallback = [{ start: slice.start, end: slice.end, language: leading ?? this.fallback }];
      spans = safely(() => languageSpans(text, slice.start, slice.end, this.fallback, part.columns, leading), fallback);
    }
    appendSpans(this.matchSpans, spans);
    if (this.sliced && part.columns !== undefined && this.options.heuristics !== false) addLowerCaseVocabulary(part.columns, this.vocabulary);
    if (index === this.parts.length - 1) {
      this.spans = this.fallback === this.language ? this.matchSpans : reportedSpans(this.matchSpans, this.language);
    }
  }

  /** Pass 2: the lexicon's matches in the window, resolved. */
  private match(part: Part): void {
    const columns = part.columns;
    if (columns === undefined) return;
    try {
      const found = this.matcher.match({ text: this.text, columns, spans: spansWithin(this.matchSpans, part.window), language: this.fallback });
      const ignored = new SpanIndex(found.ignored);
      part.ignored = ignored;
      part.resolved = ignored.size === 0 ? resolveMatches(found.matches) : resolveMatches(found.matches).filter((m) => !ignored.contains(m));
    } catch {
      // Last resort: a bug must not take the editor or the CLI down with one odd document; the
      // slice loses its entities.
      part.columns = undefined;
    }
  }

  /** Pass 3: heuristic candidates in the window, and the definitions the slice makes. */
  private scanHeuristics(part: Part): void {
    const { columns, resolved } = part;
    if (columns === undefined || resolved === undefined) return;
    // Resolved matches are known spans as they are (start, end, category), sorted as the heuristics want them.
    const known: readonly KnownSpan[] = resolved;
    const spans = spansWithin(this.spans ?? [], part.window);
    part.scan = safely(() => scanHeuristicActors(this.text, columns, known, spans, this.sliced ? this.vocabulary : undefined), undefined);
    if (this.sliced && part.scan !== undefined) {
      const scan = part.scan;
      const defined = safely(() => scan.definitions(part.slice.start, part.slice.end), undefined);
      if (defined !== undefined) mergeDefinitions(this.definitions, defined);
    }
    addLexiconSurnames(resolved, columns, part.slice.start, part.slice.end, this.lexiconSurnames);
  }

  /** The definitions the heuristics link later mentions with: the lexicon's people before the heuristics' own. */
  private linkingDefinitions(own: HeuristicDefinitions): HeuristicDefinitions {
    if (this.lexiconSurnames.size === 0) return own;
    const surnames = new Map(own.surnames);
    for (const [surname, person] of this.lexiconSurnames) surnames.set(surname, person);
    return { acronyms: own.acronyms, surnames };
  }

  /** Pass 4: heuristic actors linked, and the entities that start inside the slice. */
  private finishPart(part: Part): void {
    const { columns, resolved, ignored, scan, slice } = part;
    // What the slice held is not needed any more.
    part.columns = part.resolved = part.ignored = part.scan = undefined;
    if (columns === undefined || resolved === undefined || ignored === undefined) return;
    try {
      let heuristic: HeuristicActor[] = [];
      if (scan !== undefined) {
        // Every slice's pass 3 ran before any pass 4: the lexicon's surnames are the whole document's.
        this.linking ??= this.sliced ? this.linkingDefinitions(this.definitions) : undefined;
        const found = safely(() => scan.finish(this.linking ?? this.linkingDefinitions(scan.definitions(0, Infinity))), [] as HeuristicActor[]);
        heuristic = checkedActors(found, this.text, columns, this.matcher, ignored);
      }
      let found = resolved;
      if (this.variants !== undefined && !this.variants.isEmpty) {
        const vocabulary = this.sliced ? this.vocabulary : undefined;
        const input = { text: this.text, columns, spans: spansWithin(this.spans ?? [], part.window), language: this.language, resolved, heuristic, ignored, vocabulary };
        ({ resolved: found, heuristic } = safely(() => this.variants!.find(input), { resolved, heuristic }));
      }
      let matches = heuristic.length === 0 ? found : withoutShadowedMatches(found, heuristic);
      if (this.sliced) {
        const inside = (e: { start: number }): boolean => e.start >= slice.start && e.start < slice.end;
        matches = matches.filter(inside);
        heuristic = heuristic.filter(inside);
      }
      this.lines ??= new LineIndex(this.text);
      const entities = toEntities(this.text, this.lines, matches, heuristic);
      // The first slice's list is taken as it is (a document of one slice copies nothing).
      if (this.entities.length === 0) this.entities = entities;
      else for (const e of entities) this.entities.push(e);
    } catch {
      // As in pass 2: the slice loses its entities, never the document.
    }
    // Nothing reads the slice's columns after this: the matches, actors and entities made from
    // them hold offsets and strings, never the arrays.
    this.pool?.give(columns);
  }
}

/** Appends paragraph spans, merging a span with the previous one when they touch and share a language. */
function appendSpans(into: LanguageSpan[], spans: readonly LanguageSpan[]): void {
  for (const span of spans) {
    const last = into[into.length - 1];
    if (last !== undefined && last.language === span.language && last.end === span.start) last.end = span.end;
    else into.push({ start: span.start, end: span.end, language: span.language });
  }
}

/** The spans over [window.start, window.end), cut to it (the list itself when it lies inside). */
function spansWithin(spans: LanguageSpan[], window: { start: number; end: number }): LanguageSpan[] {
  if (spans.length === 0 || (spans[0]!.start >= window.start && spans[spans.length - 1]!.end <= window.end)) return spans;
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= window.start) lo = mid + 1;
    else hi = mid;
  }
  const out: LanguageSpan[] = [];
  for (let i = lo; i < spans.length && spans[i]!.start < window.end; i++) {
    const s = spans[i]!;
    out.push({ start: Math.max(s.start, window.start), end: Math.min(s.end, window.end), language: s.language });
  }
  return out;
}

/**
 * The surnames of the people of the lexicon that `matches` name in full ("Ghada Waly" gives
 * "Waly"), for the matches starting in [from, to): later in the document, "Mme Waly" and a bare
 * "Waly" are that person, as the heuristics' own full names make their surnames (actors.ts). Only
 * Latin capitalised surnames: an Arabic word has no capital to tell a name from a common word.
 */
function addLexiconSurnames(matches: readonly EntityMatch[], columns: TokenColumns, from: number, to: number, into: Map<string, { name: string; id: string }>): void {
  for (const m of matches) {
    const entry = m.entry;
    if (entry.category !== 'actor' || entry.type !== 'person' || m.lastToken <= m.firstToken || m.start < from || m.start >= to) continue;
    const last = columns.words[columns.wordOf[m.lastToken]!];
    if (last === undefined || last.script !== 'latin' || !last.upperInitial || last.allCaps || last.text.length < 3) continue;
    if (!into.has(last.text)) into.set(last.text, { name: entry.name, id: entry.id });
  }
}

/** Adds definitions that `into` does not have yet (slices come in document order: the first one wins). */
function mergeDefinitions(into: HeuristicDefinitions, more: HeuristicDefinitions): void {
  for (const [acronym, d] of more.acronyms) if (!into.acronyms.has(acronym)) into.acronyms.set(acronym, d);
  for (const [surname, d] of more.surnames) if (!into.surnames.has(surname)) into.surnames.set(surname, d);
}

function safely<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

/** Heuristic actors, checked so that a faulty one can never break a range or the ignore list. */
function checkedActors(found: unknown, text: string, columns: TokenColumns, matcher: LexiconMatcher, ignored: SpanIndex): HeuristicActor[] {
  if (!Array.isArray(found)) return [];
  const actors = (found as HeuristicActor[]).filter(
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
function toEntities(text: string, lines: LineIndex, matches: readonly EntityMatch[], heuristic: readonly HeuristicActor[]): Entity[] {
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
    // Rare (a misspelt actor name): set after the fact, as the comment above allows for rare fields.
    const nameVariant = nameVariantOf(m);
    if (nameVariant !== undefined) entity.nameVariant = nameVariant;
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
