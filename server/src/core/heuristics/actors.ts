/**
 * Heuristic recognition of actors that no lexicon lists: people ("Francisca Bostyn", "Mr. Fedotov")
 * and organisations ("la Sûreté de l'État", "Comisaría General de Información", "UN Security
 * Council"), plus acronyms defined in parentheses after an organisation.
 *
 * The heuristics work on the shared token stream, never on regular expressions over the whole
 * text, so their cost is linear in the document. They favour precision over recall (issue 2): a
 * capitalised run becomes a person only when its shape and context agree, and an organisation
 * needs a head word ("Direction", "Agency", "Ministerio"...). Everything they report is a
 * suggestion (`source: "heuristic"`), so a missed name costs less than a wrong one.
 */
import type { ActorType, Category, LanguageSpan, Lang } from '../types';
import { foldWord, type Token } from '../text/tokenize';
import { tokenColumns, type TokenColumns } from '../text/tokenColumns';
import {
  ADJECTIVAL_ROLE_WORDS,
  ADJECTIVE_SUFFIXES,
  CAPITALISED_ADJECTIVE_SUFFIXES,
  PLURAL_ADJECTIVE_SUFFIXES,
  ROLE_PLURALS,
  AR_MONTHS,
  AR_NAME_OPENERS,
  AR_ORG_HEADS,
  AR_PERSON_TITLES,
  AR_ROLE_WORDS,
  AR_STOP_WORDS,
  AR_WEAK_ORG_HEADS,
  ARTICLE_PARTICLES,
  ARTICLES,
  COMMON_CAPITALISED,
  COORDINATORS,
  DOTTED_TITLES,
  EVENT_WORDS,
  FUNCTION_WORDS,
  GENERIC_UNIT_WORDS,
  HEAD_PREFIXES,
  LOCATIVE_PREPOSITIONS,
  MONTHS,
  NAME_PARTICLES,
  NAMES_WITH_NOUN_SUFFIX,
  NAMING_CUES,
  NOUN_SUFFIXES,
  NUMBER_WORDS,
  PLACE_NOUNS,
  LOWERCASE_HEADS,
  ORG_ADJECTIVES,
  ORG_CONNECTORS,
  ORG_HEADS,
  PLACE_PREFIXES,
  PLACE_SUFFIXES,
  PRENOMINAL_ADJECTIVES,
  REGNAL_ROLES,
  ROLE_MODIFIERS,
  ROLE_WORDS,
  SOURCE_PREPOSITIONS,
  SPEECH_AUXILIARIES,
  SPEECH_VERBS,
  TITLE_ABBREVIATIONS,
  TITLE_WORDS,
  WEAK_ORG_HEADS,
  WEEKDAYS,
} from './cues';

/** A lexicon match already resolved by the recognizer. */
export interface KnownSpan {
  start: number;
  end: number;
  category: Category;
  /** The entry's id, when the caller has it; the heuristics only need the span and the category. */
  id?: string;
}

/** A person or organisation found by the heuristics. */
export interface HeuristicActor {
  start: number;
  end: number;
  /** The text exactly as it stands in the document. */
  text: string;
  /** The name without titles, whitespace normalised; for a linked mention, the full name. */
  name: string;
  /** Kebab-case slug of the name; an acronym and its expansion share one id. */
  id: string;
  type: ActorType;
  language: Lang;
}

// What separates two consecutive tokens.
const GAP_SPACE = 0; // spaces or tabs, at most one line break
const GAP_HYPHEN = 1; // one hyphen or dash, no space
const GAP_APOSTROPHE = 2; // one apostrophe, no space
const GAP_DOT = 3; // a dot, then optional spaces
const GAP_COMMA = 4; // a comma, then optional spaces
const GAP_BREAK = 5; // anything else: other punctuation, blank lines, the start of the text

// Flags of the gap before a token.
const F_NEWLINE = 1; // contains a line break
const F_BLANK_LINE = 2; // contains two line breaks or more
const F_BOUNDARY = 4; // a sentence may start after it
const F_OPEN_QUOTE = 8; // contains an opening quote
const F_CLOSE_QUOTE = 16; // contains a closing quote
const F_OPEN_PAREN = 32; // ends with an opening parenthesis (spaces aside)
const F_CLOSE_PAREN = 64; // starts with a closing parenthesis

/** Most tokens in an organisation name, head and complements included. */
const MAX_ORG_TOKENS = 16;
/** Most lower-case words an organisation name may take after its head (fr, es). */
const MAX_ORG_LOWERCASE = 5;
/** Most name words (particles aside) in a person's name; longer capitalised runs are titles or slogans. */
const MAX_PERSON_WORDS = 4;
/** How far back a role may stand from the name it introduces, without and with an apposition comma. */
const ROLE_WINDOW = 6;
const APPOSITION_ROLE_WINDOW = 20;
/** Shortest line after which a line break may fall inside a name (hard-wrapped text). */
const MIN_WRAPPED_LINE = 50;
/** Longest run of capitalised words examined at once. */
const MAX_RUN_TOKENS = 40;
/** What may stand between a role and the acronym of its body: "directeur de l'OCAM", "head of the NCA", "jefe de la UCO". */
const ROLE_ACRONYM_CONNECTORS: ReadonlySet<string> = new Set(['de', 'du', 'des', 'd', 'of', 'del', 'at']);
const ROLE_ACRONYM_ARTICLES: ReadonlySet<string> = new Set(['la', 'l', 'le', 'les', 'the', 'el', 'los', 'las']);
const ROLE_ACRONYM_CONTRACTIONS: ReadonlySet<string> = new Set(['du', 'des', 'del']);
/** How many words an acronym in parentheses may carry an organisation's name past where its reading stopped. */
const MAX_SPELLED_EXTENSION = 8;
/** How far back the separator before the first token is read (see readSeparators). */
const MAX_FIRST_GAP = 4096;
/** Longest line taken for a heading when it stands alone between blank lines. */
const MAX_HEADING_TOKENS = 20;

const ROMAN_NUMERAL = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;

// What kind of word a token is, for the scans that skip most tokens without reading them.
const K_CAP_WORD = 1; // Latin, upper-case initial, not a number: may start a name
const K_LOWER = 2; // Latin, lower-case initial, not a number
const K_ARABIC = 4;
const K_LOWERCASE_HEAD = 8; // a lower-case organisational head ("le ministère de la Justice")
const K_LETTER_WORD = 16; // Latin, not a number, two code units or more (heading test)
const K_CAPS_WORD = 32; // K_LETTER_WORD in capitals
const K_NAME_PARTICLE = 64; // Latin, in NAME_PARTICLES
const K_ORG_HEAD = 128; // Latin, in ORG_HEADS
/** What may start a name or an organisation: the only tokens the finder's scan stops at. */
const SCANNED = K_CAP_WORD | K_ARABIC | K_LOWERCASE_HEAD;

// Which word lists a word is in, per word of the vocabulary (computed on first question).
const C_KNOWN = 1; // the other bits are computed
const C_FUNCTION_WORD = 2;
const C_FILLER = 4; // a sentence-initial filler: function word, article particle or adverb ("Les", "Recently")
const C_NAME_PARTICLE = 8;
const C_HEAD_PREFIX = 16;
const C_NOUN_SUFFIX_NAME = 32; // in NAMES_WITH_NOUN_SUFFIX
const C_NON_NAME = 64; // never a person's name on its own (see isNonName)

/** The C_* bits the word lists give (every bit but C_KNOWN, and C_FILLER from the adverb shape). */
const LISTED_CUES: ReadonlyMap<string, number> = (() => {
  const bits = new Map<string, number>();
  const add = (list: ReadonlySet<string>, bit: number): void => {
    for (const w of list) bits.set(w, (bits.get(w) ?? 0) | bit);
  };
  add(FUNCTION_WORDS, C_FUNCTION_WORD | C_FILLER | C_NON_NAME);
  add(ARTICLE_PARTICLES, C_FILLER);
  add(NAME_PARTICLES, C_NAME_PARTICLE);
  add(HEAD_PREFIXES, C_HEAD_PREFIX);
  add(NAMES_WITH_NOUN_SUFFIX, C_NOUN_SUFFIX_NAME);
  // Never a person's name on its own.
  for (const list of [MONTHS, WEEKDAYS, COMMON_CAPITALISED, ROLE_WORDS, ROLE_PLURALS, ROLE_MODIFIERS, TITLE_WORDS, TITLE_ABBREVIATIONS, EVENT_WORDS, ORG_HEADS, REGNAL_ROLES]) {
    add(list, C_NON_NAME);
  }
  return bits;
})();

/** The C_* bits of a folded word. */
function cuesOf(f: string): number {
  return C_KNOWN | (LISTED_CUES.get(f) ?? 0) | (isAdverbShape(f) ? C_FILLER : 0);
}

// What the document's lower-case words are, per folded form.
const W_VOCABULARY = 1; // written in lower case somewhere (two code units or more)
const W_LOWERCASE_HEAD = 2;

/** Per-token facts computed once for a document. */
interface DocumentView {
  text: string;
  /** Offsets of the tokens (see tokenColumns.ts): the finder never reads the token objects. */
  starts: Int32Array;
  ends: Int32Array;
  /** Word number of each token, and one token per word (see tokenColumns.ts). */
  wordOf: Int32Array;
  words: readonly Token[];
  /** C_* bits per word number, 0 until asked. */
  wordCues: Uint8Array;
  /** K_* flags per token. */
  kind: Uint8Array;
  /** The tokens the finder's scan stops at (a SCANNED kind), in order; it passes over the others. */
  scanned: Int32Array;
  gap: Uint8Array;
  flags: Uint8Array;
  heading: Uint8Array;
  /** One more than the index in `knownSpans` of the span covering the token, or 0. */
  known: Int32Array;
  knownSpans: readonly KnownSpan[];
  /** W_* flags of the folded forms that occur in lower case: common words, not names. */
  lowerWords: ReadonlyMap<string, number>;
  spans: readonly LanguageSpan[];
}

/** Finds named people and organisations no lexicon lists. `known` are the lexicon matches already resolved. */
export function findHeuristicActors(
  text: string,
  tokens: Token[],
  known: readonly KnownSpan[],
  spans: readonly LanguageSpan[],
  columns?: TokenColumns,
): HeuristicActor[] {
  if (typeof text !== 'string' || !Array.isArray(tokens) || tokens.length === 0) return [];
  return findHeuristicActorsInColumns(text, columns ?? tokenColumns(text, tokens), known, spans);
}

/** `findHeuristicActors` for a text tokenised with its columns (tokenizeWithColumns): they are all it reads. */
export function findHeuristicActorsInColumns(
  text: string,
  columns: TokenColumns,
  known: readonly KnownSpan[],
  spans: readonly LanguageSpan[],
): HeuristicActor[] {
  const scan = scanHeuristicActors(text, columns, known, spans);
  return scan.finish(scan.definitions(0, Infinity));
}

/**
 * What a document defines for all of its mentions: acronyms given in parentheses after an
 * organisation ("... Administration (DEA)") and people's full names, whose bare surname names them
 * later. The first definition in document order wins.
 */
export interface HeuristicDefinitions {
  acronyms: Map<string, { name: string; id: string }>;
  surnames: Map<string, { name: string; id: string }>;
}

/**
 * The heuristics over one part of a document, in two steps, so that the parts of a long document
 * (text/slices.ts) share their definitions and give what the whole document would: every part is
 * scanned, the definitions of all parts are merged in order, then each part is finished with them.
 */
export interface HeuristicScan {
  /** The definitions made by the candidates that start in [from, to), the first of each. */
  definitions(from: number, to: number): HeuristicDefinitions;
  /** The actors of the part, later mentions linked with `definitions` (the whole document's). */
  finish(definitions: HeuristicDefinitions): HeuristicActor[];
}

/**
 * Scans a tokenised text (or one part of it) for candidate actors. `vocabulary`, when given, is
 * the lower-case vocabulary of the whole document (`addLowerCaseVocabulary` over all its parts),
 * which tells a capitalised common word from a name; by default it is read from these columns.
 */
export function scanHeuristicActors(
  text: string,
  columns: TokenColumns,
  known: readonly KnownSpan[],
  spans: readonly LanguageSpan[],
  vocabulary?: ReadonlyMap<string, number>,
): HeuristicScan {
  if (typeof text !== 'string' || columns.starts.length === 0) {
    return { definitions: () => ({ acronyms: new Map(), surnames: new Map() }), finish: () => [] };
  }
  const finder = new ActorFinder(buildView(text, known ?? [], spans ?? [], columns, vocabulary));
  finder.scan();
  return {
    definitions: (from, to) => finder.definitions(from, to),
    finish: (definitions) => finder.finish(definitions),
  };
}

/** Adds the lower-case vocabulary of tokenised text to `into` (what `scanHeuristicActors` reads as `vocabulary`). */
export function addLowerCaseVocabulary(columns: TokenColumns, into: Map<string, number>): void {
  for (const [folded, flags] of wordKinds(columns.words).lowerWords) into.set(folded, (into.get(folded) ?? 0) | flags);
}

// ---------------------------------------------------------------------------------------------
// Document view.

/**
 * Reads the columns of every token once into typed arrays (its kind, the separator before it, the
 * known span over it), so that the finder's scans stop only where a name may start: a long
 * document is mostly lower-case words. Word facts come from the word's first token, in cache.
 */
function buildView(text: string, known: readonly KnownSpan[], spans: readonly LanguageSpan[], columns: TokenColumns, vocabulary?: ReadonlyMap<string, number>): DocumentView {
  const { wordOf, words } = columns;
  const { wordKind, lowerWords: ownWords } = wordKinds(words);
  const lowerWords = vocabulary ?? ownWords;
  const knownSpans = sortedKnownSpans(known);
  const { kind, scanned, gap, flags, lineFirst, covered } = readSeparators(text, columns, wordKind, knownSpans);
  const heading = markHeadings(text, columns.starts, columns.ends, kind, flags, lineFirst);
  return {
    text,
    starts: columns.starts,
    ends: columns.ends,
    wordOf,
    words,
    wordCues: new Uint8Array(words.length),
    kind,
    scanned,
    gap,
    flags,
    heading,
    known: covered,
    knownSpans,
    lowerWords,
    spans,
  };
}

/**
 * In one pass over the tokens: the kind of every token and the separator before it (its GAP_*
 * kind and F_* flags), the tokens the finder stops at, the first token of every line, and the
 * known span over each token (one more than its index in `knownSpans`, or 0).
 */
function readSeparators(
  text: string,
  columns: TokenColumns,
  wordKind: Uint8Array,
  knownSpans: readonly KnownSpan[],
): { kind: Uint8Array; scanned: Int32Array; gap: Uint8Array; flags: Uint8Array; lineFirst: number[]; covered: Int32Array } {
  const { starts, ends, wordOf, words, after } = columns;
  const n = starts.length;
  const kind = new Uint8Array(n);
  const gap = new Uint8Array(n);
  const flags = new Uint8Array(n);
  const covered = new Int32Array(n);
  // The first known span that ends after the token, and its bounds.
  let p = 0;
  let pStart = knownSpans.length > 0 ? knownSpans[0]!.start : Infinity;
  let pEnd = knownSpans.length > 0 ? knownSpans[0]!.end : Infinity;
  // A growing column: about one token in eight may start a name.
  let scanned = new Int32Array(Math.max(16, n >> 3));
  let scannedCount = 0;
  const lineFirst: number[] = [0];
  let prevEnd = 0;
  for (let i = 0; i < n; i++) {
    const start = starts[i]!;
    const k = wordKind[wordOf[i]!]!;
    kind[i] = k;
    if (k & SCANNED) {
      if (scannedCount === scanned.length) {
        const grown = new Int32Array(scanned.length * 2);
        grown.set(scanned);
        scanned = grown;
      }
      scanned[scannedCount++] = i;
    }
    // The separator before the token; most are one plain space (GAP_SPACE, no flags: zeros).
    if (i === 0 || start !== prevEnd + 1 || after[i - 1] !== 32) {
      // Before the first token, back to its line's start, but not further than MAX_FIRST_GAP: the
      // first token of one slice of a 5 MB single-line document (issue 6) must not read the
      // megabytes before it.
      const from = i === 0 ? lineStartBefore(text, start, Math.max(0, start - MAX_FIRST_GAP)) : prevEnd;
      const packed = classifyGap(text, from, start, i === 0);
      gap[i] = packed & 7;
      flags[i] = packed >> 3;
      // A name may run over a line break only in hard-wrapped prose: after a short line (a list
      // item, an address, a signature) the next line starts something else.
      if (gap[i] === GAP_SPACE && (flags[i]! & F_NEWLINE) !== 0 && i > 0 && prevEnd - lineStartBefore(text, prevEnd, prevEnd - MIN_WRAPPED_LINE) < MIN_WRAPPED_LINE) {
        gap[i] = GAP_BREAK;
      }
      // A dot after an abbreviated title or an initial does not end a sentence ("M. Dupont", "John F. Kennedy").
      if (gap[i] === GAP_DOT && (flags[i]! & F_NEWLINE) === 0 && i > 0 && isAbbreviation(words[wordOf[i - 1]!]!)) flags[i]! &= ~F_BOUNDARY;
      if (i > 0 && (flags[i]! & F_NEWLINE) !== 0) lineFirst.push(i);
    }
    prevEnd = ends[i]!;
    // The known span over the token.
    if (pEnd <= start) {
      while (p < knownSpans.length && knownSpans[p]!.end <= start) p++;
      if (p < knownSpans.length) {
        pStart = knownSpans[p]!.start;
        pEnd = knownSpans[p]!.end;
      } else {
        pStart = pEnd = Infinity;
      }
    }
    if (pStart < prevEnd) {
      // Spans may nest (the recognizer normally resolves overlaps, but be robust): look a little ahead.
      for (let q = p; q < knownSpans.length && knownSpans[q]!.start < prevEnd; q++) {
        if (knownSpans[q]!.end > start) {
          covered[i] = q + 1;
          break;
        }
        if (q - p > 8) break;
      }
    }
  }
  return { kind, scanned: scanned.subarray(0, scannedCount), gap, flags, lineFirst, covered };
}

/** The K_* flags of each word of the vocabulary, and the W_* flags of the folded forms written in lower case. */
function wordKinds(words: readonly Token[]): { wordKind: Uint8Array; lowerWords: Map<string, number> } {
  const wordKind = new Uint8Array(words.length);
  const lowerWords = new Map<string, number>();
  for (let id = 0; id < words.length; id++) {
    const t = words[id]!;
    if (t.script === 'arabic') {
      wordKind[id] = K_ARABIC;
      continue;
    }
    if (t.script !== 'latin' || t.numeric) continue;
    const length = t.text.length;
    let k = t.upperInitial ? K_CAP_WORD : K_LOWER;
    if (length >= 2) k |= t.allCaps ? K_LETTER_WORD | K_CAPS_WORD : K_LETTER_WORD;
    if (NAME_PARTICLES.has(t.folded)) k |= K_NAME_PARTICLE;
    if (ORG_HEADS.has(t.folded)) k |= K_ORG_HEAD;
    if (!t.upperInitial) {
      const f = t.folded;
      const before = lowerWords.get(f);
      let w = before ?? (LOWERCASE_HEADS.has(f) ? W_LOWERCASE_HEAD : 0);
      if (length > 1) w |= W_VOCABULARY;
      if (w !== before) lowerWords.set(f, w);
      if (w & W_LOWERCASE_HEAD) k |= K_LOWERCASE_HEAD;
    }
    wordKind[id] = k;
  }
  return { wordKind, lowerWords };
}

/** The well-formed known spans by start, longest first; the recognizer's list is already in that order. */
function sortedKnownSpans(known: readonly KnownSpan[]): readonly KnownSpan[] {
  let ready = true;
  for (let i = 0; i < known.length && ready; i++) {
    const k = known[i]!;
    ready = validSpan(k) && (i === 0 || byStartLongestFirst(known[i - 1]!, k) <= 0);
  }
  return ready ? known : known.filter(validSpan).sort(byStartLongestFirst);
}

function validSpan(k: KnownSpan): boolean {
  return k !== null && typeof k === 'object' && Number.isFinite(k.start) && Number.isFinite(k.end) && k.end > k.start;
}

function byStartLongestFirst(a: KnownSpan, b: KnownSpan): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * The start of the line that contains `offset`, or `floor` when the line starts before it: the
 * callers bound the scan back, which a 5 MB single-line document would otherwise make long.
 */
function lineStartBefore(text: string, offset: number, floor = 0): number {
  // A lone CR ends a line too (old Mac files).
  let i = offset;
  const stop = Math.max(0, floor);
  while (i > stop && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  // A BOM is no part of the first line: counted, it made that line one character longer, enough
  // to tip the wrapped-line test, and tagging (a block after the BOM) changed the names found.
  return i === 0 && text.charCodeAt(0) === 0xfeff && offset > 0 ? 1 : i;
}

/** The end of the line that contains `offset` (before its line break), or the text's end. */
function lineEndAfter(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

function isAbbreviation(t: Token): boolean {
  if (t.text.length === 1 && t.upperInitial) return true;
  return TITLE_ABBREVIATIONS.has(t.folded) || DOTTED_TITLES.has(t.folded) || NUMBER_WORDS.has(t.folded) || t.folded === 'st';
}

/** Classifies text[from,to), the separator before a token: its kind in the low 3 bits, its flags above. */
function classifyGap(text: string, from: number, to: number, atStart: boolean): number {
  // The usual separators besides one space, decided without the loop below (same results):
  // ", ", ". ", "," and "." glued, an elision's apostrophe, a compound's hyphen.
  const width = to - from;
  if (!atStart && (width === 1 || (width === 2 && text.charCodeAt(from + 1) === 32))) {
    const c = text.charCodeAt(from);
    if (c === 0x2c) return GAP_COMMA;
    if (c === 0x2e) return GAP_DOT | (F_BOUNDARY << 3);
    if (width === 1 && (c === 0x27 || c === 0x2019)) return GAP_APOSTROPHE;
    if (width === 1 && c === 0x2d) return GAP_HYPHEN;
  }
  let spaces = 0;
  let newlines = 0;
  let hyphens = 0;
  let apostrophes = 0;
  let dots = 0;
  let commas = 0;
  let other = 0;
  let f = 0;
  let firstSignificant = -1;
  let lastSignificant = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 32:
      case 9:
      case 0xa0:
      case 0x202f:
      case 0x2009:
        spaces++;
        continue;
      case 13:
        // A CR is a line break of its own unless an LF follows it (old Mac files): a name must not
        // run across "\r\r" any more than across a blank line (found by fuzzing).
        if (text.charCodeAt(i + 1) === 10) spaces++;
        else newlines++;
        continue;
      case 10:
        newlines++;
        continue;
      case 0x2d: // -
      case 0x2010:
      case 0x2011:
        hyphens++;
        break;
      case 0x2013: // – —: a hyphen when glued, a sentence dash when spaced
      case 0x2014:
        hyphens++;
        f |= F_BOUNDARY;
        break;
      case 0x27: // '
      case 0x2019:
      case 0x2bc:
      case 0x2018:
      case 0x60:
      case 0xb4:
        apostrophes++;
        break;
      case 0x2e: // .
        dots++;
        f |= F_BOUNDARY;
        break;
      case 0x2c: // ,
        commas++;
        break;
      case 0x21: // !
      case 0x3f: // ?
      case 0x2026: // …
      case 0x3b: // ;
      case 0x3a: // :
      case 0x2022: // •
      case 0x2a: // *
      case 0x23: // #
      case 0x7c: // |
      case 0xbf: // ¿
      case 0xa1: // ¡
        other++;
        f |= F_BOUNDARY;
        break;
      case 0xab: // «
      case 0x201c: // “
      case 0x201e: // „
        other++;
        f |= F_OPEN_QUOTE | F_BOUNDARY;
        break;
      case 0xbb: // »
      case 0x201d: // ”
        other++;
        f |= F_CLOSE_QUOTE;
        break;
      case 0x22: // " opens after a space or at the start, closes otherwise
        other++;
        // (at i === from the character before is the last letter of the previous token)
        if (i === from ? atStart : isSpaceCode(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 0x28) f |= F_OPEN_QUOTE | F_BOUNDARY;
        else f |= F_CLOSE_QUOTE;
        break;
      default:
        other++;
        break;
    }
    if (firstSignificant < 0) firstSignificant = c;
    lastSignificant = c;
  }
  if (newlines > 0) f |= F_NEWLINE | F_BOUNDARY;
  if (newlines > 1) f |= F_BLANK_LINE;
  if (atStart) f |= F_BOUNDARY;
  if (lastSignificant === 0x28 || lastSignificant === 0x5b) f |= F_OPEN_PAREN;
  if (firstSignificant === 0x29 || firstSignificant === 0x5d) f |= F_CLOSE_PAREN;
  // A hyphen between spaces is a dash: a break in the sentence.
  if (hyphens > 0 && spaces > 0) f |= F_BOUNDARY;

  let kind = GAP_BREAK;
  const significant = hyphens + apostrophes + dots + commas + other;
  if (atStart) kind = GAP_BREAK;
  else if (significant === 0 && newlines <= 1) kind = GAP_SPACE;
  else if (hyphens === 1 && significant === 1 && spaces === 0 && newlines === 0) kind = GAP_HYPHEN;
  else if (apostrophes === 1 && significant === 1 && spaces === 0 && newlines === 0) kind = GAP_APOSTROPHE;
  else if (dots === 1 && significant === 1 && newlines <= 1 && text.charCodeAt(from) === 0x2e) kind = GAP_DOT;
  else if (commas === 1 && significant === 1 && newlines === 0 && text.charCodeAt(from) === 0x2c) kind = GAP_COMMA;
  return kind | (f << 3);
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/**
 * Marks the tokens of headings: short lines without final punctuation that stand alone (a title,
 * "Arrestations de personnes recherchées"), lines in capitals ("VIENNA, 12 July"), Markdown
 * headings. Headings are title-cased in English and full of capitalised common words, so the
 * heuristics skip them; the lexicon still matches inside them.
 */
function markHeadings(text: string, starts: Int32Array, ends: Int32Array, kind: Uint8Array, flags: Uint8Array, lineFirst: number[]): Uint8Array {
  const n = starts.length;
  const heading = new Uint8Array(n);
  // Lines as token ranges: line l is [lineFirst[l], lineFirst[l + 1]).
  lineFirst.push(n);
  const lineCount = lineFirst.length - 1;
  for (let l = 0; l < lineCount; l++) {
    const a = lineFirst[l]!;
    const b = lineFirst[l + 1]! - 1;
    const count = b - a + 1;
    const blankBefore = a === 0 || (flags[a]! & F_BLANK_LINE) !== 0;
    const blankAfter = b === n - 1 || (flags[b + 1]! & F_BLANK_LINE) !== 0;
    // The line starts after the previous line's last token: the scan back stops there (and, for
    // the first token of a slice, where classifyGap's does).
    let isHeading = text.charCodeAt(firstNonSpace(text, lineStartBefore(text, starts[a]!, a > 0 ? ends[a - 1]! : starts[a]! - MAX_FIRST_GAP), starts[a]!)) === 0x23; // # (Markdown)
    if (!isHeading) isHeading = mostlyCapitals(kind, a, b);
    // The other tests need a short line without final punctuation.
    const short = count <= MAX_HEADING_TOKENS && blankBefore && (blankAfter || (count <= 12 && l + 1 < lineCount));
    if (!isHeading && short) {
      const lineEnd = lineEndAfter(text, ends[b]!);
      if (!endsWithPunctuation(text, ends[b]!, lineEnd)) {
        if (blankAfter) {
          isHeading = true;
        } else {
          // A title glued to its first paragraph: much shorter than the line that follows it.
          const nextLength = ends[lineFirst[l + 2]! - 1]! - starts[b + 1]!;
          if (ends[b]! - starts[a]! < nextLength * 0.6) isHeading = true;
        }
      }
    }
    if (isHeading) heading.fill(1, a, b + 1);
  }
  return heading;
}

/** A line in capitals ("VIENNA, 12 July"): four in five of its Latin words of two letters or more. */
function mostlyCapitals(kind: Uint8Array, a: number, b: number): boolean {
  const count = b - a + 1;
  let letters = 0;
  let capitals = 0;
  for (let i = a; i <= b; i++) {
    const k = kind[i]!;
    if ((k & K_LETTER_WORD) === 0) continue;
    letters++;
    if (k & K_CAPS_WORD) capitals++;
    // Past a fifth of the line in lower case, the line cannot reach four in five.
    else if (letters - capitals > count / 5) return false;
  }
  return letters >= 2 && capitals / letters >= 0.8;
}

function firstNonSpace(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (!isSpaceCode(text.charCodeAt(i))) return i;
  return to;
}

function endsWithPunctuation(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) continue;
    // . ! ? … : ; » " ” ) ] and a comma (the sentence goes on below)
    return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x3a || c === 0x3b || c === 0xbb || c === 0x22 || c === 0x201d || c === 0x29 || c === 0x5d || c === 0x2c;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// The finder.

interface Candidate {
  start: number;
  end: number;
  name: string;
  type: ActorType;
  /** Set for mentions linked to an earlier full name or acronym definition. */
  id?: string;
  /** Token index range, for linking. */
  firstToken: number;
  lastToken: number;
  /** A one-word person found only through a title ("Mr. Fedotov"): its id may come from the full name. */
  titleOnly?: boolean;
}

class ActorFinder {
  private readonly candidates: Candidate[] = [];
  /** Acronyms defined in parentheses, in document order, with the start of the organisation they abbreviate. */
  private readonly acronymDefinitions: { acronym: string; name: string; id: string; start: number }[] = [];
  /** isCommonWord per word number (0 not yet known, 1 no, 2 yes): the tests run once per word. */
  private readonly commonWords: Uint8Array;

  constructor(private readonly v: DocumentView) {
    this.commonWords = new Uint8Array(v.words.length);
  }

  /** Finds the candidates (the first step; `finish` links and returns them). */
  scan(): void {
    const { kind, heading, scanned } = this.v;
    // Most tokens are lower-case words that cannot start a name: the scan goes from one token that
    // can to the next (`s` indexes `scanned`), from wherever the last step left it (`i`).
    let i = 0;
    for (let s = 0; s < scanned.length; s++) {
      if (scanned[s]! < i) continue;
      i = scanned[s]!;
      const k = kind[i]!;
      if (heading[i]) {
        i++;
        continue;
      }
      if (k & K_ARABIC) {
        i = this.arabicAt(i);
        continue;
      }
      if ((k & K_CAP_WORD) === 0) {
        i = Math.max(i + 1, this.lowercaseHeadAt(i));
        continue;
      }
      const runEnd = this.extendRun(i);
      i = Math.max(i + 1, this.processRun(i, runEnd));
    }
  }

  /** The acronyms and full names that the candidates starting in [from, to) define, the first of each. */
  definitions(from: number, to: number): HeuristicDefinitions {
    const acronyms = new Map<string, { name: string; id: string }>();
    for (const d of this.acronymDefinitions) {
      if (d.start >= from && d.start < to && !acronyms.has(d.acronym)) acronyms.set(d.acronym, { name: d.name, id: d.id });
    }
    const surnames = new Map<string, { name: string; id: string }>();
    for (const c of this.candidates) {
      if (c.type !== 'person' || c.titleOnly || c.lastToken <= c.firstToken || c.start < from || c.start >= to) continue;
      const last = this.word(c.lastToken)!;
      if (last.text.length < 3 || last.script !== 'latin') continue;
      const id = c.id ?? slugOf(c.name);
      if (!surnames.has(last.text)) surnames.set(last.text, { name: c.name, id });
    }
    return { acronyms, surnames };
  }

  /** Links later mentions with the document's definitions, and returns the actors found (the second step). */
  finish(definitions: HeuristicDefinitions): HeuristicActor[] {
    this.linkMentions(definitions);
    return this.actors();
  }

  // --- token predicates -------------------------------------------------------------------

  /** The word token i is (its first token): everything about token i but its offsets, read from a few objects in cache. */
  private word(i: number): Token | undefined {
    return this.v.words[this.v.wordOf[i]!];
  }

  private isCapWord(i: number): boolean {
    return i >= 0 && i < this.v.kind.length && (this.v.kind[i]! & K_CAP_WORD) !== 0;
  }

  private isLower(i: number): boolean {
    return i >= 0 && i < this.v.kind.length && (this.v.kind[i]! & K_LOWER) !== 0;
  }

  /** Whether token i has all the K_* flags of `mask`. */
  private hasKind(i: number, mask: number): boolean {
    return i >= 0 && i < this.v.kind.length && (this.v.kind[i]! & mask) === mask;
  }

  private knownAt(i: number): KnownSpan | undefined {
    const k = this.v.known[i]! - 1;
    return k >= 0 ? this.v.knownSpans[k] : undefined;
  }

  private gapOk(i: number): boolean {
    // Tokens i-1 and i may belong to one name.
    const g = this.v.gap[i];
    return (g === GAP_SPACE || g === GAP_HYPHEN) && !this.v.heading[i];
  }

  private sentenceStart(i: number): boolean {
    return (this.v.flags[i]! & F_BOUNDARY) !== 0 || i === 0;
  }

  private languageAt(offset: number): Lang {
    const spans = this.v.spans;
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = spans[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return s.language;
    }
    if (spans.length > 0) return spans[Math.min(Math.max(lo, 0), spans.length - 1)]!.language;
    return 'fr';
  }

  /** A capitalised word that is common vocabulary here: used in lower case elsewhere, or shaped like an abstract noun or adverb. */
  private isCommonWord(i: number): boolean {
    const id = this.v.wordOf[i]!;
    if (this.commonWords[id] === 0) {
      const f = this.v.words[id]!.folded;
      const common = ((this.v.lowerWords.get(f) ?? 0) & W_VOCABULARY) !== 0 || hasNounShape(f) || hasPluralAdjectiveShape(f);
      this.commonWords[id] = common ? 2 : 1;
    }
    return this.commonWords[id] === 2;
  }

  /** Never a person's name on its own. */
  private isNonName(i: number): boolean {
    return this.hasCue(i, C_NON_NAME);
  }

  /** Whether token i's word has the C_* bit `cue` (computed once per word). */
  private hasCue(i: number, cue: number): boolean {
    const id = this.v.wordOf[i]!;
    let cues = this.v.wordCues[id]!;
    if (cues === 0) {
      cues = cuesOf(this.v.words[id]!.folded);
      this.v.wordCues[id] = cues;
    }
    return (cues & cue) !== 0;
  }

  private isHead(i: number): boolean {
    return this.hasKind(i, K_CAP_WORD | K_ORG_HEAD) && this.knownAt(i) === undefined;
  }

  // --- runs of capitalised words --------------------------------------------------------------

  /** The end (exclusive) of the run of capitalised words, with name particles and initials, that starts at i. */
  private extendRun(i: number): number {
    const { gap } = this.v;
    const n = this.v.starts.length;
    // Bounded: a longer capitalised stretch is a title or a list, and an unbounded run would make a
    // document of capitalised words quadratic (each organisation found restarts the scan after it).
    const limit = Math.min(n, i + MAX_RUN_TOKENS);
    let j = i + 1;
    while (j < limit) {
      if (this.v.heading[j]) break;
      const g = gap[j];
      if ((g === GAP_SPACE || g === GAP_HYPHEN) && this.isCapWord(j)) {
        j++;
        continue;
      }
      // An initial inside a name: "John F. Kennedy".
      if (g === GAP_DOT && j - 1 > i && this.word(j - 1)!.text.length === 1 && this.word(j - 1)!.upperInitial && this.isCapWord(j) && (this.v.flags[j]! & F_NEWLINE) === 0) {
        j++;
        continue;
      }
      // A possessive between capitalised words ("Public Prosecutor's Office"), unless it follows a
      // name the lexicon knows ("Europol's European Cybercrime Centre" stays two entities).
      if (g === GAP_APOSTROPHE && this.word(j)!.text === 's' && j + 1 < n && gap[j + 1] === GAP_SPACE && this.isCapWord(j + 1) && this.knownAt(j - 1) === undefined && !this.v.heading[j + 1]) {
        j += 2;
        continue;
      }
      // "O'Brien", "N'Diaye".
      if (g === GAP_APOSTROPHE && (this.word(j - 1)!.text === 'O' || this.word(j - 1)!.text === 'N') && this.isCapWord(j)) {
        j++;
        continue;
      }
      // Lower-case particles between capitalised words: "Luiz da Silva", "Ana de la Fuente", "Abu Bakr al-Baghdadi".
      if ((g === GAP_SPACE || g === GAP_HYPHEN) && this.hasKind(j, K_LOWER | K_NAME_PARTICLE)) {
        let k = j + 1;
        if (k < n && this.gapOk(k) && this.hasKind(k, K_LOWER | K_NAME_PARTICLE)) k++;
        if (k < limit && this.gapOk(k) && this.isCapWord(k)) {
          j = k + 1;
          continue;
        }
      }
      break;
    }
    return j;
  }

  /** Turns the run [a,b) into organisation or person candidates; returns where scanning resumes. */
  private processRun(a: number, b: number): number {
        // An organisation head inside the run, or a head prefix followed by a lower-case head ("Haute commission").
    for (let h = a; h < b; h++) {
      if (this.isHead(h) && !this.isSentenceInitialFiller(h, a)) {
        let pre = this.preModifierStart(a, h);
        if (pre === a) pre = this.bridgedPreModifiers(a, h);
        const end = this.organisationAt(pre, h);
        if (end > h) {
          if (pre > a) this.processPersons(a, pre);
          return end;
        }
      }
    }
    const last = b - 1;
    if (this.hasCue(last, C_HEAD_PREFIX) && b < this.v.starts.length && this.gapOk(b) && this.isLower(b) && this.hasKind(b, K_ORG_HEAD)) {
      const end = this.organisationAt(last, b);
      if (end > b) {
        if (last > a) this.processPersons(a, last);
        return end;
      }
    }
    const defined = this.acronymBackedAt(a, b);
    if (defined > a) return defined;
    if (b === a + 1 && this.roleOwnedAcronymAt(a)) return b;
    this.processPersons(a, b);
    return b;
  }

  /**
   * An acronym that a role belongs to is an organisation: "le directeur de l'OCAM", "the head of
   * the NCA", "el jefe de la UCO". Its later bare mentions get the same id. True when it recorded one.
   */
  private roleOwnedAcronymAt(i: number): boolean {
    const { gap } = this.v;
    const t = this.word(i)!;
    if (!t.allCaps || t.text.length < 3 || t.text.length > 8 || this.knownAt(i) !== undefined || ROMAN_NUMERAL.test(t.text)) return false;
    // Back over an article, then a connector, to the role: "directeur de l'", "head of the", "jefe de la".
    // An article, or a connector that holds one (du, del), makes the acronym a body's name: "the
    // director of DNA testing" has none, and there the acronym only qualifies a noun.
    let p = i - 1;
    let article = false;
    if (p >= 0 && this.isLower(p) && ROLE_ACRONYM_ARTICLES.has(this.word(p)!.folded) && (gap[p + 1] === GAP_SPACE || gap[p + 1] === GAP_APOSTROPHE)) {
      article = true;
      p--;
    }
    if (p < 0 || !this.isLower(p) || !ROLE_ACRONYM_CONNECTORS.has(this.word(p)!.folded) || (gap[p + 1] !== GAP_SPACE && gap[p + 1] !== GAP_APOSTROPHE)) return false;
    if (!article && !ROLE_ACRONYM_CONTRACTIONS.has(this.word(p)!.folded)) return false;
    p--;
    if (p < 0 || gap[p + 1] !== GAP_SPACE || !ROLE_WORDS.has(this.word(p)!.folded)) return false;
    const start = this.v.starts[i]!;
    const id = slugOf(t.text);
    this.candidates.push({ start, end: this.v.ends[i]!, name: t.text, id, type: 'organization', firstToken: i, lastToken: i });
    this.acronymDefinitions.push({ acronym: t.text, name: t.text, id, start });
    return true;
  }

  /** Whether token k is an acronym of `minLength` to 10 capitals standing alone in parentheses: "(DEA)". */
  private isParenthesisedAcronym(k: number, minLength: number): boolean {
    const t = this.word(k);
    if (t === undefined || (this.v.flags[k]! & F_OPEN_PAREN) === 0 || !t.allCaps) return false;
    return t.text.length >= minLength && t.text.length <= 10 && closesRightAfter(this.v.text, this.v.ends[k]!);
  }

  /**
   * The end of an organisation that starts at token s and was read up to `end`, when an acronym in
   * parentheses follows within a few words of the same clause and the initials from s up to it
   * spell it: "Centro de Inteligencia contra el Terrorismo y el Crimen Organizado (CITCO)". The
   * initials are those of the capitalised words, or of every word but the function words.
   * Returns `end` when there is no such acronym.
   */
  private spelledUpTo(s: number, end: number): number {
    const { gap, flags } = this.v;
    const n = this.v.starts.length;
    let k = end;
    while (k < n && k - end <= MAX_SPELLED_EXTENSION && (flags[k]! & F_OPEN_PAREN) === 0) {
      const g = gap[k];
      if ((g !== GAP_SPACE && g !== GAP_APOSTROPHE && g !== GAP_HYPHEN) || this.v.heading[k]) return end;
      k++;
    }
    if (k === end || !this.isParenthesisedAcronym(k, 3)) return end;
    const acr = this.word(k)!;
    // The words between may not belong to another actor or be an acronym of their own.
    for (let i = end; i < k; i++) {
      const known = this.knownAt(i);
      if ((known !== undefined && known.category === 'actor') || this.word(i)!.allCaps) return end;
    }
    let capitals = '';
    let content = '';
    let capitalsBefore = '';
    let contentBefore = '';
    for (let i = s; i < k; i++) {
      if (i === end) {
        capitalsBefore = capitals;
        contentBefore = content;
      }
      const t = this.word(i)!;
      if (i > s && gap[i] === GAP_HYPHEN) continue;
      const initial = t.text.charAt(0);
      if (this.isCapWord(i)) capitals += initial;
      if (!FUNCTION_WORDS.has(t.folded) && t.text.length > 1) content += initial;
    }
    const wanted = acr.text.toUpperCase();
    // Spelled by the name as read already ("Border Enforcement Directorate américaine (BED)"): the
    // words after it are the sentence's, not the name's.
    if (capitalsBefore.toUpperCase() === wanted || contentBefore.toUpperCase() === wanted) return end;
    return capitals.toUpperCase() === wanted || content.toUpperCase() === wanted ? k : end;
  }

  /**
   * A run of capitalised words with no organisational head, followed by an acronym in parentheses
   * spelled by their initials: "European Multidisciplinary Platform Against Criminal Threats
   * (EMPACT)". A writer who spells out a body and then gives its acronym is naming an
   * organisation; the initials make the match hard to get by chance. Returns the run's end, or
   * `a` when it is not such a name.
   */
  private acronymBackedAt(a: number, b: number): number {
    const { text, gap } = this.v;
    if (b >= this.v.starts.length) return a;
    let s = a;
    if (this.isSentenceInitialFiller(s, a)) s++;
    if (b - s < 2) return a;
    if (!this.isParenthesisedAcronym(b, 2)) return a;
    const acr = this.word(b)!;
    if (this.knownAt(b) !== undefined) return a;
    let initials = '';
    for (let i = s; i < b; i++) {
      if (this.knownAt(i) !== undefined) return a;
      const t = this.word(i)!;
      if (!this.isCapWord(i)) continue;
      const f = t.folded;
      if (ROLE_WORDS.has(f) || TITLE_WORDS.has(f) || TITLE_ABBREVIATIONS.has(f) || MONTHS.has(f) || WEEKDAYS.has(f)) return a;
      // A hyphenated second part ("Co-operation") adds no initial.
      if (i > s && gap[i] === GAP_HYPHEN) continue;
      initials += t.text.charAt(0);
    }
    if (initials.length < 2 || initials.toUpperCase() !== acr.text.toUpperCase()) return a;
    const start = this.v.starts[s]!;
    const name = normaliseSpace(text.slice(start, this.v.ends[b - 1]!));
    const id = slugOf(name);
    this.candidates.push({ start, end: this.v.ends[b - 1]!, name, id, type: 'organization', firstToken: s, lastToken: b - 1 });
    this.acronymDefinitions.push({ acronym: acr.text, name, id, start });
    return b;
  }

  /**
   * English names join their capitalised words with "and" or "of" before the head ("Fiscal
   * Information and Investigation Service", "Maritime Analysis and Operations Centre"): extends
   * the pre-modifiers starting at `a` over such a joint, when capitalised words stand on both sides.
   */
  private bridgedPreModifiers(a: number, h: number): number {
    const { gap } = this.v;
    if (this.languageAt(this.v.starts[h]!) !== 'en' || a < 2 || a === h) return a;
    const joint = this.word(a - 1)!;
    if (!this.isLower(a - 1) || (joint.folded !== 'and' && joint.folded !== 'of' && joint.folded !== 'for') || gap[a] !== GAP_SPACE || gap[a - 1] !== GAP_SPACE) return a;
    let b = a - 2;
    // An acronym after the joint, or a head before it, means two bodies ("Romanian Police and DIICOT ...").
    if (!this.isCapWord(b) || this.knownAt(b) !== undefined || this.word(a)!.allCaps || ORG_HEADS.has(this.word(b)!.folded)) return a;
    // The run before the joint, as long as it is made of words that may stand in a name.
    while (b - 1 >= 0 && a - b < MAX_RUN_TOKENS && this.gapOk(b) && this.isCapWord(b - 1) && this.knownAt(b - 1) === undefined && !ORG_HEADS.has(this.word(b - 1)!.folded)) b--;
    const pre = this.preModifierStart(b, a - 1);
    return pre <= a - 2 ? pre : a;
  }

  /**
   * A lower-case head that names an institution by its capitalised portfolio: "le ministère de la
   * Justice", "la sûreté de l'Etat", "el departamento de Seguridad Nacional". Returns where
   * scanning resumes (i when nothing was found).
   */
  private lowercaseHeadAt(i: number): number {
    const { gap } = this.v;
    const t = this.word(i)!;
    if (t.script !== 'latin' || !LOWERCASE_HEADS.has(t.folded) || this.knownAt(i) !== undefined) return i;
    const lang = this.languageAt(this.v.starts[i]!);
    if (lang === 'en') return i;
    // The complement must start with a capitalised generic word (Justice, Intérieur, État), not a place.
    let m = i + 1;
    const connectors = ORG_CONNECTORS[lang] ?? ORG_CONNECTORS['fr']!;
    if (m >= this.v.starts.length || gap[m] !== GAP_SPACE || !connectors.first.has(this.word(m)!.folded)) return i;
    m++;
    if (this.word(m - 1)!.folded === 'd') {
      if (gap[m] !== GAP_APOSTROPHE) return i;
    } else if (m < this.v.starts.length && this.isLower(m) && connectors.second.has(this.word(m)!.folded)) {
      m++;
    }
    if (m >= this.v.starts.length || !this.isCapWord(m) || this.knownAt(m) !== undefined || !COMMON_CAPITALISED.has(this.word(m)!.folded)) return i;
    const end = this.organisationAt(i, i);
    return end > i ? end : i;
  }

  /** Whether token i is a sentence-initial filler ("The", "Les", "Recently") rather than part of a name. */
  private isSentenceInitialFiller(i: number, runStart: number): boolean {
    return i === runStart && this.sentenceStart(i) && this.hasCue(i, C_FILLER);
  }

  /** First token of the capitalised words before head h that belong to the organisation ("UN Security Council"). */
  private preModifierStart(a: number, h: number): number {
    let p = h;
    while (p - 1 >= a) {
      const i = p - 1;
      const f = this.word(i)!.folded;
      // Through a possessive: "Public Prosecutor's Office".
      if (this.word(i)!.text === 's' && this.v.gap[i] === GAP_APOSTROPHE && i - 1 >= a && this.isCapWord(i - 1)) {
        p = i;
        continue;
      }
      if (!this.isCapWord(i)) break;
      // An acronym ("UN", "EU") is never the article it spells ("un").
      const acronym = this.word(i)!.allCaps && this.word(i)!.text.length >= 2;
      // A role owning the head is part of the name ("the Prosecutor's Office").
      const possessive = this.word(i + 1)!.text === 's' && this.v.gap[i + 1] === GAP_APOSTROPHE;
      if (!acronym && FUNCTION_WORDS.has(f) || MONTHS.has(f) || WEEKDAYS.has(f) || (ROLE_WORDS.has(f) && !possessive) || TITLE_WORDS.has(f) || TITLE_ABBREVIATIONS.has(f) || NAMING_CUES.has(f)) break;
      if (ROLE_MODIFIERS.has(f) && !HEAD_PREFIXES.has(f) && !COMMON_CAPITALISED.has(f)) break;
      if (this.isSentenceInitialFiller(i, i)) break;
      if (this.word(i)!.allCaps && this.word(i)!.text.length === 1) break;
      p = i;
    }
    if (p < h && this.word(p)!.text === 's') p++;
    return p;
  }

  // --- organisations --------------------------------------------------------------------------

  /**
   * Builds the organisation whose first token is `s` and head is `h` (pre-modifiers are s..h-1),
   * validates it and records it. Returns the end (exclusive) of the organisation, or `h` when
   * nothing was recorded.
   */
  private organisationAt(s: number, h: number): number {
    const { text } = this.v;
    const lang = this.languageAt(this.v.starts[h]!);
    // English-style names put capitalised words before the head; after such a head a French or
    // Spanish sentence goes on with its own adjectives ("la Drug Enforcement Administration
    // américaine"), which are not part of the name.
    const englishStyle = lang === 'en' || (h > s && !HEAD_PREFIXES.has(this.word(s)!.folded));
    let end = this.extendOrganisation(h, lang, englishStyle);
    if (!this.validOrganisation(s, h, end)) return h;
    // The extension stops at prepositions such as "contra" or "pour"; an acronym in parentheses
    // a little further on, spelled by the initials up to it, says the name goes on to there.
    const spelled = this.spelledUpTo(s, end);
    if (spelled > end && this.validOrganisation(s, h, spelled)) end = spelled;

    const start = this.v.starts[s]!;
    const stop = this.v.ends[end - 1]!;
    const name = normaliseSpace(text.slice(start, stop));
    const cand: Candidate = { start, end: stop, name, type: 'organization', firstToken: s, lastToken: end - 1 };
    this.candidates.push(cand);

    // "(DEA)" right after the name, possibly after adjectives of the sentence ("... Administration américaine (DEA)").
    let k = end;
    let skipped = 0;
    while (k < this.v.starts.length && skipped < 2 && this.v.gap[k] === GAP_SPACE && this.isLower(k) && this.isAdjective(k)) {
      k++;
      skipped++;
    }
    const acr = this.word(k);
    if (acr !== undefined && this.isParenthesisedAcronym(k, 2)) {
      const covering = this.knownAt(k);
      if (covering === undefined) {
        const id = slugOf(name);
        cand.id = id;
        this.acronymDefinitions.push({ acronym: acr.text, name, id, start });
      }
    }
    return end;
  }

  /** The end (exclusive) of the organisation whose head is h. */
  private extendOrganisation(h: number, lang: Lang, englishStyle: boolean): number {
    const { gap } = this.v;
    const n = this.v.starts.length;
    // An English-style name quoted in another language keeps its own connectors ("le Federal
    // Bureau of Investigation"), besides the paragraph's ("la Nouvelle Banque de Développement").
    const connectors = englishStyle && lang !== 'en' ? connectorsWithEnglish(lang) : (ORG_CONNECTORS[lang] ?? ORG_CONNECTORS['fr']!);
    const romance = lang !== 'en' && lang !== 'ar';
    let end = h + 1;
    let lowercase = 0;
    let k = h + 1;
    // Coordination joins two parts of one name only inside a complement ("Office on Drugs and
    // Crime"); right after the head it joins two bodies ("Romanian Police and DIICOT").
    let complemented = false;
    while (k < n && k - h < MAX_ORG_TOKENS) {
      if (this.v.heading[k]) break;
      const g = gap[k];
      const t = this.word(k)!;
      if (this.isCapWord(k)) {
        if (g !== GAP_SPACE && g !== GAP_HYPHEN) break;
        if (k !== end) break;
        const known = this.knownAt(k);
        if (known !== undefined) {
          // A capitalised demonym after a French or Spanish head is part of the name ("Instituto Español").
          if (romance && !englishStyle && known.category === 'country' && known.start === this.v.starts[k] && known.end === this.v.ends[k]) {
            end = k + 1;
            k++;
            continue;
          }
          break;
        }
        if (this.stopsOrganisation(k)) break;
        // Glued capitalised words continue the name only when they are generic ("Comisaría General",
        // "of Internal Affairs"); a proper name here starts something else ("... Centre Jean-Philippe Lecouffe").
        if (!this.continuesName(k)) break;
        end = k + 1;
        k++;
        continue;
      }
      if (t.numeric) {
        if (g === GAP_SPACE && k === end && t.text.length <= 4 && (NUMBER_WORDS.has(this.word(k - 1)!.folded) || k - 1 === h)) {
          end = k + 1;
          k++;
          continue;
        }
        break;
      }
      if (!this.isLower(k) || g !== GAP_SPACE || k !== end) break;
      const f = t.folded;
      // "Juzgado de Instrucción número 3".
      if (NUMBER_WORDS.has(f) && f.length > 1 && k + 1 < n && gap[k + 1] === GAP_SPACE && this.word(k + 1)!.numeric && this.word(k + 1)!.text.length <= 4) {
        end = k + 2;
        k += 2;
        continue;
      }
      // A lower-case adjective: "Police fédérale belge", "Comisaría general".
      if (romance && !englishStyle && this.isAdjective(k) && !connectors.first.has(f) && !COORDINATORS.has(f)) {
        if (lowercase >= MAX_ORG_LOWERCASE) break;
        lowercase++;
        end = k + 1;
        k++;
        continue;
      }
      // A connector and its complement: "de la Sûreté", "of Internal Affairs", "del Interior".
      if (connectors.first.has(f)) {
        let m = k + 1;
        if (f === 'd') {
          if (m >= n || gap[m] !== GAP_APOSTROPHE) break;
        } else {
          if (m >= n || gap[m] !== GAP_SPACE) break;
          const second = this.word(m)!;
          if (this.isLower(m) && connectors.second.has(second.folded)) {
            m++;
            if (m >= n) break;
            const expected = second.folded === 'l' ? GAP_APOSTROPHE : GAP_SPACE;
            if (gap[m] !== expected) break;
          }
        }
        if (this.v.heading[m]) break;
        const next = this.complementAt(m, lang, englishStyle, lowercase);
        if (next <= m) break;
        complemented = true;
        for (let q = m; q < next; q++) if (this.isLower(q)) lowercase++;
        end = next;
        k = next;
        continue;
      }
      // Coordination inside a name: "Office on Drugs and Crime", "Ministère de l'Europe et des Affaires étrangères".
      if (COORDINATORS.has(f) && complemented) {
        let m = k + 1;
        if (m < n && gap[m] === GAP_SPACE && this.isLower(m) && connectors.first.has(this.word(m)!.folded)) {
          m++;
          if (m < n && this.isLower(m) && connectors.second.has(this.word(m)!.folded) && gap[m] === GAP_SPACE) m++;
          else if (m < n && this.word(m - 1)!.folded === 'd' && gap[m] !== GAP_APOSTROPHE) break;
        }
        if (m < n && (gap[m] === GAP_SPACE || gap[m] === GAP_APOSTROPHE) && this.isCapWord(m) && !this.word(m)!.allCaps && !ORG_HEADS.has(this.word(m)!.folded) && !this.stopsOrganisation(m)) {
          const known = this.knownAt(m);
          if (known === undefined) {
            end = m + 1;
            k = m + 1;
            continue;
          }
          // A threat as the second field of a unit ("Unidad de Droga y Crimen Organizado").
          if (known.category === 'threat' && known.start === this.v.starts[m]!) {
            let q = m;
            while (q < n && this.v.starts[q]! < known.end) q++;
            end = q;
            k = q;
            continue;
          }
        }
        break;
      }
      break;
    }
    return end;
  }

  /** A capitalised word glued to an organisation name that belongs to it: a generic word, a head, an adjective, "Número". */
  private continuesName(i: number): boolean {
    const f = this.word(i)!.folded;
    if (COMMON_CAPITALISED.has(f) || ORG_HEADS.has(f) || NUMBER_WORDS.has(f) || ORG_ADJECTIVES.has(f) || this.isCommonWord(i)) return true;
    if (f.startsWith('anti') && f.length > 6) return true;
    for (const suffix of CAPITALISED_ADJECTIVE_SUFFIXES) if (f.length > suffix.length + 2 && f.endsWith(suffix)) return true;
    return false;
  }

  /** A capitalised word that cannot continue an organisation name: a title, a date, a function word. */
  private stopsOrganisation(i: number, afterConnector = false): boolean {
    const f = this.word(i)!.folded;
    return (
      FUNCTION_WORDS.has(f) ||
      MONTHS.has(f) ||
      WEEKDAYS.has(f) ||
      TITLE_WORDS.has(f) ||
      TITLE_ABBREVIATIONS.has(f) ||
      // "Office of the President" names a body; "NCA Commander Sarah ..." starts a person.
      (ROLE_WORDS.has(f) && !ORG_HEADS.has(f) && !ADJECTIVAL_ROLE_WORDS.has(f) && (!afterConnector || !COMMON_CAPITALISED.has(f))) ||
      ROLE_PLURALS.has(f) ||
      NAMING_CUES.has(f) ||
      EVENT_WORDS.has(f)
    );
  }

  /**
   * The end (exclusive) of the complement starting at token m, after a connector: capitalised
   * words ("de la Sûreté nationale", "of Internal Affairs"), a multi-word lexicon actor ("de la
   * Sûreté nationale"), or in French and Spanish a lower-case noun and its adjectives ("de
   * partenariat", "de la police judiciaire"). Returns m when there is no complement.
   */
  private complementAt(m: number, lang: Lang, englishStyle: boolean, lowercase: number): number {
        const n = this.v.starts.length;
    const t = this.word(m);
    if (t === undefined) return m;
    if (this.isCapWord(m)) {
      const known = this.knownAt(m);
      if (known !== undefined) {
        // A country or region after a connector names whose organisation it is ("Police du Burkina
        // Faso"): the organisation stops before it. A multi-word actor ("de la Sûreté nationale") is
        // part of a longer name; a bare acronym is not.
        if (known.start !== this.v.starts[m] || known.category === 'country' || known.category === 'region') return m;
        let q = m;
        while (q < n && this.v.starts[q]! < known.end) q++;
        // A threat names the unit's field ("Unidad contra la Inmigración Ilegal").
        if (known.category === 'threat') return q;
        return q - m >= 2 ? q : m;
      }
      if (this.stopsOrganisation(m, true)) return m;
      return m + 1;
    }
    if (lang === 'en' || englishStyle || !this.isLower(m)) return m;
    const f = t.folded;
    if (FUNCTION_WORDS.has(f) || t.text.length < 3 || MONTHS.has(f) || WEEKDAYS.has(f)) return m;
    if (lowercase >= MAX_ORG_LOWERCASE) return m;
    const known = this.knownAt(m);
    if (known !== undefined && known.category !== 'threat') return m;
    // A threat names the body's field ("Office central de répression du trafic illicite des
    // stupéfiants"): the complement takes it whole, or the name would end inside it.
    if (known !== undefined && known.start === this.v.starts[m]) {
      let q = m;
      while (q < n && this.v.starts[q]! < known.end) q++;
      return q;
    }
    // Infinitives follow a bare "de" ("afin de renforcer"): a verb, not a noun.
    const before = this.word(m - 1)!.folded;
    if ((before === 'de' || before === 'd') && isInfinitiveShape(f, lang)) return m;
    let q = m + 1;
    // "de première instance": a pre-nominal adjective and its noun.
    if (PRENOMINAL_ADJECTIVES.has(f) && q < n && this.v.gap[q] === GAP_SPACE && this.isLower(q) && !FUNCTION_WORDS.has(this.word(q)!.folded)) q++;
    // Adjectives after the noun: "de la police judiciaire", "de renseignement financier".
    let adjectives = 0;
    while (q < n && adjectives < 2 && this.v.gap[q] === GAP_SPACE && this.isLower(q) && this.isAdjective(q) && !FUNCTION_WORDS.has(this.word(q)!.folded)) {
      q++;
      adjectives++;
    }
    return q;
  }

  /** A French or Spanish adjective that may continue a name: a demonym, a listed adjective, an adjectival suffix. */
  private isAdjective(i: number): boolean {
    const t = this.word(i)!;
    const f = t.folded;
    if (FUNCTION_WORDS.has(f) || f.length < 3) return false;
    // A final accented vowel marks a verb ("coordinó", "arrêté" is a participle, "detuvo" aside).
    const last = t.text.charAt(t.text.length - 1);
    if (last === 'ó' || last === 'é' || last === 'á' || last === 'í') return false;
    const known = this.knownAt(i);
    if (known !== undefined) return known.category === 'country' && known.start === this.v.starts[i] && known.end === this.v.ends[i];
    if (ORG_ADJECTIVES.has(f)) return true;
    return hasAdjectiveSuffix(f);
  }

  private validOrganisation(s: number, h: number, end: number): boolean {
        if (end - s < 2) return false;
    // Something besides the head that names it: a capitalised word, a lower-case noun, a number.
    let capitalised = 0;
    let other = 0;
    let countriesOnly = true;
    let naming = 0;
    for (let i = s; i < end; i++) {
      if (i === h) continue;
      const t = this.word(i)!;
      const f = t.folded;
      if (this.isLower(i) && (ORG_CONNECTORS['fr']!.first.has(f) || ORG_CONNECTORS['es']!.first.has(f) || ORG_CONNECTORS['en']!.first.has(f) || ORG_CONNECTORS['fr']!.second.has(f) || ORG_CONNECTORS['es']!.second.has(f) || ORG_CONNECTORS['en']!.second.has(f) || COORDINATORS.has(f))) continue;
      const known = this.knownAt(i);
      if (known === undefined || known.category === 'actor' || known.category === 'threat') countriesOnly = false;
      if (this.isCapWord(i)) capitalised++;
      else other++;
      if (!GENERIC_UNIT_WORDS.has(f) && !t.numeric) naming++;
    }
    if (capitalised + other === 0 || countriesOnly || naming === 0) return false;
    if (WEAK_ORG_HEADS.has(this.word(h)!.folded) && capitalised === 0) return false;
    // The head itself at the start of a sentence with only lower-case words after it is a common
    // noun phrase in English ("Police said"); French and Spanish complements are lower case.
    const start = this.v.starts[s]!;
    const stop = this.v.ends[end - 1]!;
    for (const k of this.overlappingKnown(start, stop)) {
      const inside = k.start >= start && k.end <= stop;
      if (k.category === 'actor') {
        if (!inside || (k.start === start && k.end === stop)) return false;
        // The lexicon actor followed by nothing but adjectives or a country: keep the lexicon's entity.
        if (k.start === start && !this.hasNamingWordAfter(k.end, end)) return false;
      } else if (!inside) {
        return false;
      } else if (k.start === start && k.end === stop) {
        return false;
      }
    }
    return true;
  }

  /** Whether tokens from offset `after` to token `end` include a capitalised word that is not a country. */
  private hasNamingWordAfter(after: number, end: number): boolean {
        for (let i = end - 1; i >= 0 && this.v.starts[i]! >= after; i--) {
      if (this.isCapWord(i) && this.knownAt(i) === undefined) return true;
    }
    return false;
  }

  private overlappingKnown(start: number, stop: number): KnownSpan[] {
    const spans = this.v.knownSpans;
    // Binary search for the first span ending after `start`; spans are sorted by start.
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: KnownSpan[] = [];
    // A span starting before `start` may still reach into it: look back a few.
    for (let i = Math.max(0, lo - 4); i < spans.length && spans[i]!.start < stop; i++) {
      if (spans[i]!.end > start) out.push(spans[i]!);
    }
    return out;
  }

  // --- people -------------------------------------------------------------------------------

  /** Finds people in the capitalised run [a,b). */
  private processPersons(a: number, b: number): void {
    // A run quoted from end to end is a code name or a slogan ("High Value Target", « Bouclier Nord »).
    if ((this.v.flags[a]! & F_OPEN_QUOTE) !== 0 && b < this.v.starts.length && (this.v.flags[b]! & F_CLOSE_QUOTE) !== 0) return;
    // A capitalised function word inside the run ("Platform Against Criminal Threats", "Office Of
    // The ...") marks a title-cased phrase, not a sequence of names.
    for (let i = a + 1; i < b; i++) {
      // (Initials are not function words: the "U" and "S" of "Assistant U.S. Attorney Mark Smith".)
      if (this.isCapWord(i) && this.hasCue(i, C_FUNCTION_WORD) && !this.hasCue(i, C_NAME_PARTICLE) && !this.sentenceStart(i) && !TITLE_ABBREVIATIONS.has(this.word(i)!.folded) && this.word(i)!.text.length > 1) return;
    }
    let p = a;
    while (p < b) {
      // Skip breakers: words that are never names.
      if (this.isPersonBreaker(p, a)) {
        p++;
        continue;
      }
      let q = p + 1;
      while (q < b && !this.isPersonBreaker(q, a)) q++;
      this.personSegment(p, q, a, b);
      p = q;
    }
  }

  private isPersonBreaker(i: number, runStart: number): boolean {
    const t = this.word(i)!;
    if (this.knownAt(i) !== undefined) return true;
    if (t.text === 's' && this.v.gap[i] === GAP_APOSTROPHE) return true; // a possessive
    if (this.isLower(i)) return false; // a particle inside the run
    // A courtesy title inside a run starts the name after it ("Selon Mme Dupont", "Según Señora Ruiz"):
    // the capitalised word before it is another thing, usually a sentence's first word.
    if (i > runStart && (TITLE_ABBREVIATIONS.has(t.folded) || TITLE_WORDS.has(t.folded))) return true;
    if (i === runStart && this.sentenceStart(i)) {
      if (this.hasCue(i, C_FILLER)) return true;
      // A capitalised common word opening the sentence ("Mendicité", "Cocaine"): not a name.
      if (this.isCommonWord(i) && !this.hasCue(i, C_NOUN_SUFFIX_NAME)) return true;
    }
    // A capitalised particle inside the run ("Alexander De Croo") or opening a name mid-sentence ("Van Tigchelt").
    if (this.hasCue(i, C_NAME_PARTICLE) && (i > runStart || !this.hasCue(i, C_FUNCTION_WORD))) return false;
    if (t.allCaps && t.text.length >= 2) {
      // A surname in capitals after a given name ("Abdellatif HAMMOUCHI"); other capitals are acronyms.
      const prev = this.word(i - 1);
      const next = this.word(i + 1);
      const last = next === undefined || !this.gapOk(i + 1) || !this.isCapWord(i + 1);
      if (!(i > runStart && prev !== undefined && !prev.allCaps && last && t.text.length >= 4 && /[AEIOUY]/.test(t.text))) return true;
      return ROMAN_NUMERAL.test(t.text);
    }
    return this.isNonName(i);
  }

  /** Evaluates the segment [p,q) of name-like tokens as a person. */
  private personSegment(p: number, q: number, runStart: number, runEnd: number): void {
    const { text } = this.v;
    // Trim lower-case particles and initials at the edges; trailing capitalised particles too.
    while (p < q && (this.isLower(p) || isInitial(this.word(p)!))) p++;
    while (q > p && (this.isLower(q - 1) || isInitial(this.word(q - 1)!) || (this.hasCue(q - 1, C_NAME_PARTICLE) && q - 1 > p))) q--;
    if (q <= p) return;

    let words = 0;
    let common = 0;
    for (let i = p; i < q; i++) {
      const t = this.word(i)!;
      if (this.isLower(i) || isInitial(t)) continue;
      if (NAME_PARTICLES.has(t.folded) && i > p) continue;
      words++;
      if (this.isCommonWord(i) && !this.hasCue(i, C_NOUN_SUFFIX_NAME)) common++;
    }
    if (words === 0 || words > MAX_PERSON_WORDS) return;

    if (this.namedThing(p, q)) return;
    const title = this.titleBefore(p);
    const roleDirect = !title && this.roleDirectlyBefore(p);
    if (words === 1) {
      if (!title && !roleDirect) return;
      const t = this.word(p)!;
      if (t.text.length < 2) return;
      if (!title && (common > 0 || PLACE_PREFIXES.has(t.folded))) return;
    } else {
      if (!title && !roleDirect && (this.locativeBefore(p) || PLACE_PREFIXES.has(this.word(p)!.folded) || PLACE_SUFFIXES.has(this.word(q - 1)!.folded))) return;
      // A first particle that is also an article ("De", "La") only opens a name mid-sentence.
      if (!title && ARTICLE_PARTICLES.has(this.word(p)!.folded) && this.sentenceStart(p)) return;
      const cue = title || roleDirect || this.roleBefore(p) || this.speechBefore(p) || this.appositionAfter(q) || this.speechAfter(q);
      if (cue ? common >= words : common > 0) return;
      if (!cue) {
        // One hyphenated compound alone is a place or a code name ("Marrakech-Ménara", "Ali-Atar"), not a person.
        let spaced = false;
        for (let i = p + 1; i < q; i++) if (this.v.gap[i] !== GAP_HYPHEN) spaced = true;
        if (!spaced) return;
        // "Canillas de Madrid", "Palma de Mallorca": one word, then "de" and another name is a place
        // more often than a person ("Ana de Blas" needs a cue).
        if (this.isLower(p + 1) && NAME_PARTICLES.has(this.word(p + 1)!.folded)) return;
      }
      // Glued to a capitalised common word of the same run ("European Multidisciplinary Platform",
      // "Internet Referral"): part of a title-cased phrase unless a cue says it is a person.
      if (!cue && ((p > runStart && this.isGenericCapital(p - 1)) || (q < runEnd && this.isGenericCapital(q)))) return;
    }

    // A regnal number after a royal's name: "le Roi Mohammed VI".
    let endToken = q;
    if (endToken < runEnd && this.word(endToken)!.allCaps && ROMAN_NUMERAL.test(this.word(endToken)!.text) && this.regnalBefore(p)) endToken++;

    const start = this.v.starts[p]!;
    const stop = this.v.ends[endToken - 1]!;
    const cand: Candidate = {
      start,
      end: stop,
      name: normaliseSpace(text.slice(start, stop)),
      type: 'person',
      firstToken: p,
      lastToken: endToken - 1,
    };
    if (words === 1) cand.titleOnly = true;
    this.candidates.push(cand);
  }

  /** A capitalised generic word (not a role or title): "European", "National", "Platform". */
  private isGenericCapital(i: number): boolean {
    const f = this.word(i)!.folded;
    if (ROLE_WORDS.has(f) || TITLE_WORDS.has(f) || TITLE_ABBREVIATIONS.has(f) || REGNAL_ROLES.has(f)) return false;
    return COMMON_CAPITALISED.has(f) || EVENT_WORDS.has(f) || ORG_HEADS.has(f) || PLACE_SUFFIXES.has(f) || this.isCommonWord(i);
  }

  /** The run [p,q) is the name of an operation, a ship, a slogan, a place: "l'opération Weka II", "« Epervier »", "la région de Souss-Massa". */
  private namedThing(p: number, q: number): boolean {
    const { flags, gap } = this.v;
    const prev = this.word(p - 1);
    if (prev !== undefined && (gap[p] === GAP_SPACE || gap[p] === GAP_HYPHEN || (flags[p]! & F_OPEN_QUOTE) !== 0) && NAMING_CUES.has(prev.folded)) return true;
    // "l'aéroport Marrakech-Ménara", "la région Souss-Massa".
    if (prev !== undefined && gap[p] === GAP_SPACE && PLACE_NOUNS.has(prev.folded) && !this.isCapWord(p - 1)) return true;
    // "la ville de ...", "the city of ...", "la provincia de ...".
    if (prev !== undefined && (prev.folded === 'de' || prev.folded === 'd' || prev.folded === 'of' || prev.folded === 'del') && p >= 2) {
      const noun = this.word(p - 2)!;
      if (PLACE_NOUNS.has(noun.folded) && gap[p - 1] === GAP_SPACE) return true;
    }
    // English puts "the" before named things, never before a person's name: "the EU Policy Cycle",
    // "the Schengen Borders Code" (a known acronym or country may stand between). A title or a
    // role is not in the way here: they are not in the run.
    if (this.languageAt(this.v.starts[p]!) === 'en') {
      let b = p - 1;
      while (b >= 0 && b >= p - 2 && gap[b + 1] === GAP_SPACE && this.knownAt(b) !== undefined && this.knownAt(b)!.category !== 'actor') b--;
      if (b === p - 1 && b >= 0 && this.knownAt(b)?.category === 'actor' && this.word(b)!.allCaps && gap[b + 1] === GAP_SPACE) b--;
      const article = this.word(b);
      if (article !== undefined && b < p && gap[b + 1] === GAP_SPACE && article.folded === 'the' && this.isLower(b)) return true;
    }
    // Quoted from end to end.
    if ((flags[p]! & F_OPEN_QUOTE) !== 0 && q < this.v.starts.length && (flags[q]! & F_CLOSE_QUOTE) !== 0) return true;
    if ((flags[p]! & F_OPEN_QUOTE) !== 0 && q === this.v.starts.length) return true;
    return false;
  }

  /** A courtesy title right before token p: "M. Dupont", "Mr Fedotov", "Mme Verlinden", "Doña Ana". */
  private titleBefore(p: number): boolean {
    const { gap } = this.v;
    const prev = this.word(p - 1);
    if (prev === undefined || !prev.upperInitial) return false;
    const g = gap[p];
    const f = prev.folded;
    if (TITLE_ABBREVIATIONS.has(f)) return g === GAP_DOT || g === GAP_SPACE;
    if (DOTTED_TITLES.has(f)) return g === GAP_DOT && prev.text.length <= 2 && (f !== 'me' || this.languageAt(this.v.starts[p - 1]!) === 'fr');
    if (TITLE_WORDS.has(f)) return g === GAP_SPACE;
    return false;
  }

  /** A role word right before token p, possibly with its modifiers and a nationality ("le ministre Laftit", "Executive Director Yury"). */
  private roleDirectlyBefore(p: number): boolean {
    const { gap } = this.v;
    const prev = this.word(p - 1);
    if (prev === undefined || gap[p] !== GAP_SPACE) return false;
    return ROLE_WORDS.has(prev.folded) || REGNAL_ROLES.has(prev.folded);
  }

  /** A role within a few tokens before p in the same clause ("le Premier ministre belge Alexander ..."), or further back across an apposition comma. */
  private roleBefore(p: number): boolean {
    const { gap, flags } = this.v;
    const comma = gap[p] === GAP_COMMA;
    const window = comma ? APPOSITION_ROLE_WINDOW : ROLE_WINDOW;
    for (let i = p - 1, steps = 0; i >= 0 && steps < window; i--, steps++) {
      const t = this.word(i)!;
      if (ROLE_WORDS.has(t.folded) || TITLE_WORDS.has(t.folded)) return true;
      // Stop at the start of the clause (a dot after "M" or "Dr" is not one, see buildView).
      if ((flags[i]! & F_BOUNDARY) !== 0) return false;
      if (!comma && gap[i] === GAP_COMMA) return false;
    }
    return false;
  }

  private speechBefore(p: number): boolean {
    const { gap } = this.v;
    const prev = this.word(p - 1);
    if (prev === undefined || gap[p] !== GAP_SPACE) return false;
    if (SPEECH_VERBS.has(prev.folded) || SOURCE_PREPOSITIONS.has(prev.folded)) return true;
    return prev.folded === 'to' && this.word(p - 2)?.folded === 'according';
  }

  /** ", inspecteur d'Interpol", ", the Executive Director of ..." after the name. */
  private appositionAfter(q: number): boolean {
    const { gap } = this.v;
    if (q >= this.v.starts.length || gap[q] !== GAP_COMMA) return false;
    let i = q;
    if (ARTICLES.has(this.word(i)!.folded)) {
      i++;
      if (i >= this.v.starts.length || (gap[i] !== GAP_SPACE && gap[i] !== GAP_APOSTROPHE)) return false;
    }
    for (let steps = 0; steps < 3 && i < this.v.starts.length; steps++, i++) {
      const f = this.word(i)!.folded;
      if (ROLE_WORDS.has(f)) return true;
      if (!ROLE_MODIFIERS.has(f) && !ARTICLES.has(f)) return false;
      if (i + 1 < this.v.starts.length && gap[i + 1] !== GAP_SPACE && gap[i + 1] !== GAP_HYPHEN) return false;
    }
    return false;
  }

  /** "... a déclaré", "... said", "... s'est félicitée", "... ha señalado" after the name. */
  private speechAfter(q: number): boolean {
    const { gap } = this.v;
    for (let i = q, steps = 0; i < this.v.starts.length && steps < 3; i++, steps++) {
      const g = gap[i];
      if (g !== GAP_SPACE && g !== GAP_APOSTROPHE) return false;
      const f = this.word(i)!.folded;
      if (SPEECH_VERBS.has(f)) return true;
      if (!SPEECH_AUXILIARIES.has(f)) return false;
    }
    return false;
  }

  private regnalBefore(p: number): boolean {
    for (let i = p - 1; i >= 0 && i >= p - 3; i--) if (REGNAL_ROLES.has(this.word(i)!.folded)) return true;
    return false;
  }

  /**
   * "à Addis-Abeba", "in New York", "en la Costa del Sol", and the later items of a list of places
   * ("à Tripoli, Lampedusa et Marseille", "en Valencia y Palma de Mallorca").
   */
  private locativeBefore(p: number): boolean {
    const { gap } = this.v;
    let i = p - 1;
    for (let steps = 0; i >= 0 && steps < 12; steps++) {
      const t = this.word(i)!;
      const g = gap[i + 1];
      if (g !== GAP_SPACE && g !== GAP_APOSTROPHE && g !== GAP_COMMA && g !== GAP_HYPHEN) return false;
      if (LOCATIVE_PREPOSITIONS.has(t.text.toLowerCase())) return true;
      // A title or a role introduces a person, whatever list it stands in.
      if (ROLE_WORDS.has(t.folded) || TITLE_WORDS.has(t.folded) || TITLE_ABBREVIATIONS.has(t.folded)) return false;
      // Articles right before the place ("en la", "in the"), the places of the list and their joints.
      const listed = this.isCapWord(i) || COORDINATORS.has(t.folded) || (this.isLower(i) && (ARTICLES.has(t.folded) || NAME_PARTICLES.has(t.folded)));
      if (!listed) return false;
      if (g === GAP_COMMA && !this.isCapWord(i)) return false;
      i--;
    }
    return false;
  }

  // --- Arabic -------------------------------------------------------------------------------

  /** Arabic has no capitals: people are found after courtesy titles, organisations after heads. Returns where scanning resumes. */
  private arabicAt(i: number): number {
    const { text } = this.v;
    const t = this.word(i)!;
    if (this.knownAt(i) !== undefined) return i + 1;
    const stem = arabicStem(t.folded);
    if (AR_PERSON_TITLES.has(stem) || AR_PERSON_TITLES.has(t.folded)) {
      let q = i + 1;
      let words = 0;
      while (q < this.v.starts.length && words < 4 && this.v.gap[q] === GAP_SPACE && this.word(q)!.script === 'arabic' && !this.v.heading[q]) {
        const f = this.word(q)!.folded;
        if (this.knownAt(q) !== undefined || AR_STOP_WORDS.has(f) || AR_ROLE_WORDS.has(arabicStem(f)) || AR_ROLE_WORDS.has(f) || AR_MONTHS.has(f) || AR_PERSON_TITLES.has(f) || AR_ORG_HEADS.has(arabicStem(f)) || AR_WEAK_ORG_HEADS.has(arabicStem(f))) break;
        const definite = f.startsWith('ال');
        const afterOpener = q > i + 1 && AR_NAME_OPENERS.has(this.word(q - 1)!.folded);
        if (definite && !afterOpener) break;
        q++;
        words++;
      }
      // A name cannot end on an opener ("عبد" alone).
      while (q > i + 1 && AR_NAME_OPENERS.has(this.word(q - 1)!.folded)) q--;
      if (q > i + 1) {
        const start = this.v.starts[i + 1]!;
        const end = this.v.ends[q - 1]!;
        this.candidates.push({ start, end, name: normaliseSpace(text.slice(start, end)), type: 'person', firstToken: i + 1, lastToken: q - 1 });
        return q;
      }
      return i + 1;
    }
    const strong = AR_ORG_HEADS.has(stem);
    const weak = !strong && AR_WEAK_ORG_HEADS.has(stem);
    if (!strong && !weak) return i + 1;
    let q = i + 1;
    let complements = 0;
    while (q < this.v.starts.length && complements < 4 && this.v.gap[q] === GAP_SPACE && this.word(q)!.script === 'arabic' && !this.v.heading[q]) {
      const f = this.word(q)!.folded;
      if (AR_STOP_WORDS.has(f) || AR_MONTHS.has(f) || AR_TIME_WORDS.has(f)) break;
      if (!(f.startsWith('ال') || f.startsWith('لل'))) break;
      const known = this.knownAt(q);
      if (known !== undefined) {
        if (known.category === 'actor') break;
        // A demonym or country inside the name ("وزارة الداخلية المغربية") is kept.
      }
      q++;
      complements++;
    }
    if (complements < (strong ? 1 : 2)) return i + 1;
    // "النيابة العامة المختصة" is "the competent prosecution": a qualifier that points at whichever
    // body is concerned names none, as "le parquet compétent" names none in French.
    if (AR_GENERIC_QUALIFIERS.has(this.word(q - 1)!.folded)) return q;
    const start = this.v.starts[i]!;
    const end = this.v.ends[q - 1]!;
    // A country or threat inside the name is fine; one that reaches past it is not.
    for (const k of this.overlappingKnown(start, end)) if (k.start < start || k.end > end) return i + 1;
    const raw = normaliseSpace(text.slice(start, end));
    this.candidates.push({ start, end, name: stripArabicClitic(raw), type: 'organization', firstToken: i, lastToken: q - 1 });
    return q;
  }

  // --- linking and output -------------------------------------------------------------------

  /**
   * Later mentions of what was found: a bare surname after the full name ("Fedotov" after "Yury
   * Fedotov"), a title-only mention that names a known person, and bare acronyms defined in
   * parentheses ("DEA" after "Drug Enforcement Administration (DEA)").
   */
  private linkMentions(definitions: HeuristicDefinitions): void {
    const { surnames, acronyms } = definitions;
    for (const c of this.candidates) {
      if (c.titleOnly && c.firstToken === c.lastToken) {
        const full = surnames.get(this.word(c.firstToken)!.text);
        if (full !== undefined) {
          c.id = full.id;
          c.name = full.name;
        }
      }
    }
    if (surnames.size === 0 && acronyms.size === 0) return;

    const taken = new Uint8Array(this.v.starts.length);
    for (const c of this.candidates) taken.fill(1, c.firstToken, c.lastToken + 1);
    const { kind, wordOf, words } = this.v;
    for (const i of this.v.scanned) {
      if ((kind[i]! & K_CAP_WORD) === 0 || taken[i] || this.v.heading[i] || this.knownAt(i) !== undefined) continue;
      // The word's first token stands for this one (same text), and is in cache.
      const t = words[wordOf[i]!]!;
      const acronym = t.allCaps ? acronyms.get(t.text) : undefined;
      if (acronym !== undefined) {
        this.candidates.push({ start: this.v.starts[i]!, end: this.v.ends[i]!, name: acronym.name, id: acronym.id, type: 'organization', firstToken: i, lastToken: i });
        continue;
      }
      const person = surnames.get(t.text);
      if (person === undefined) continue;
      // "Stock" after "Jürgen Stock" is the man; "stock" elsewhere in the text makes it a word too.
      if (this.isCommonWord(i) || this.isNonName(i)) continue;
      // A bare surname only: not glued to other capitalised words ("Fedotov said", not "Fedotov Street").
      const joinedBefore = i > 0 && this.gapOk(i) && this.isCapWord(i - 1) && !this.isSentenceInitialFiller(i - 1, i - 1);
      const joinedAfter = i + 1 < this.v.starts.length && this.gapOk(i + 1) && this.isCapWord(i + 1);
      if (joinedBefore || joinedAfter) continue;
      this.candidates.push({ start: this.v.starts[i]!, end: this.v.ends[i]!, name: person.name, id: person.id, type: 'person', firstToken: i, lastToken: i });
    }
  }

  private actors(): HeuristicActor[] {
    const sorted = this.candidates.slice().sort((a, b) => a.start - b.start || b.end - a.end);
    const out: HeuristicActor[] = [];
    let lastEnd = -1;
    for (const c of sorted) {
      if (c.start < lastEnd || c.end <= c.start) continue;
      const id = c.id ?? slugOf(c.name);
      if (id === '') continue;
      out.push({
        start: c.start,
        end: c.end,
        text: this.v.text.slice(c.start, c.end),
        name: c.name,
        id,
        type: c.type,
        language: this.languageAt(c.start),
      });
      lastEnd = c.end;
    }
    return out;
  }
}

/** Qualifiers of a generic reference: competent, concerned, relevant (both genders, singular and plural). */
const AR_GENERIC_QUALIFIERS: ReadonlySet<string> = new Set(
  ['المختص', 'المختصة', 'المختصين', 'المختصون', 'المعني', 'المعنية', 'المعنيين', 'المعنيون', 'المسؤولة', 'المسؤول'].map(foldWord),
);

const AR_TIME_WORDS: ReadonlySet<string> = new Set(
  ['الأسبوع', 'الماضي', 'الماضية', 'الجاري', 'الجارية', 'الحالي', 'الحالية', 'المقبل', 'المقبلة', 'الشهر', 'السنة', 'الساعة', 'اليوم', 'الليلة', 'الأخير', 'الأخيرة'].map(foldWord),
);

// ---------------------------------------------------------------------------------------------
// Small word-shape helpers.

function isInitial(t: Token): boolean {
  return t.text.length === 1 && t.upperInitial;
}

function hasAdjectiveSuffix(f: string): boolean {
  if (f.startsWith('anti') && f.length > 6) return true;
  for (const suffix of ADJECTIVE_SUFFIXES) if (f.length > suffix.length + 2 && f.endsWith(suffix)) return true;
  return false;
}

function hasPluralAdjectiveShape(f: string): boolean {
  if (f.length < 6) return false;
  for (const suffix of PLURAL_ADJECTIVE_SUFFIXES) if (f.endsWith(suffix)) return true;
  return false;
}

function hasNounShape(folded: string): boolean {
  if (folded.length < 5) return false;
  for (const suffix of NOUN_SUFFIXES) if (folded.length >= suffix.length + 3 && folded.endsWith(suffix)) return true;
  return false;
}

/** Sentence adverbs ("Recently", "Parallèlement", "Finalmente"). */
function isAdverbShape(folded: string): boolean {
  // Long enough to spare names ("Kelly", "Clément").
  return (folded.length >= 7 && folded.endsWith('ly')) || (folded.length >= 9 && (folded.endsWith('ment') || folded.endsWith('mente')));
}

function isInfinitiveShape(folded: string, lang: Lang): boolean {
  if (folded.length < 4) return false;
  if (lang === 'es') return folded.endsWith('ar') || folded.endsWith('er') || folded.endsWith('ir');
  return folded.endsWith('er') || folded.endsWith('ir');
}

/** The Arabic stem of a folded word without one clitic (و ف ب ك ل), "لل" read as "ال". */
function arabicStem(folded: string): string {
  if (folded.startsWith('لل') && folded.length > 3) return 'ال' + folded.slice(2);
  const c = folded.charAt(0);
  if ((c === 'و' || c === 'ف' || c === 'ب' || c === 'ك' || c === 'ل') && folded.length > 3) {
    const rest = folded.slice(1);
    if (rest.startsWith('لل')) return 'ال' + rest.slice(2);
    return rest;
  }
  return folded;
}

function stripArabicClitic(name: string): string {
  const firstSpace = name.indexOf(' ');
  const head = firstSpace < 0 ? name : name.slice(0, firstSpace);
  const rest = firstSpace < 0 ? '' : name.slice(firstSpace);
  const folded = foldWord(head);
  if (AR_ORG_HEADS.has(folded) || AR_WEAK_ORG_HEADS.has(folded)) return name;
  const c = head.charAt(0);
  if ((c === 'و' || c === 'ف' || c === 'ب' || c === 'ك' || c === 'ل') && head.length > 3) {
    const stripped = head.slice(1);
    if (stripped.startsWith('ل') && !stripped.startsWith('لل') && c === 'ل') return 'ا' + stripped + rest;
    return (stripped.startsWith('لل') ? 'ا' + stripped.slice(1) : stripped) + rest;
  }
  return name;
}

/** Whether a closing parenthesis follows offset `at`, spaces aside. */
function closesRightAfter(text: string, at: number): boolean {
  for (let i = at; i < text.length && i < at + 4; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x29) return true;
    if (!isSpaceCode(c)) return false;
  }
  return false;
}

const UNUSUAL_SPACE = /\s\s|[\t\n\r\f\v\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;

function normaliseSpace(s: string): string {
  // Most names have single plain spaces already: no new string then.
  return UNUSUAL_SPACE.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}

const LETTER_OR_NUMBER_RE = /^[\p{L}\p{N}]$/u;

/** Kebab-case slug of a name, diacritics folded ("Sûreté de l'État" -> "surete-de-l-etat"). */
export function slug(name: string): string {
  // The folded name's runs of letters and numbers (code points of \p{L} or \p{N}), joined by "-".
  const folded = foldWord(name);
  const runs: string[] = [];
  let runStart = -1;
  for (let i = 0; i <= folded.length; ) {
    const c = i < folded.length ? folded.charCodeAt(i) : -1;
    const size = c >= 0xd800 && c <= 0xdbff && (folded.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    const inRun = c >= 0 && (c < 0x80 ? (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) : LETTER_OR_NUMBER_RE.test(folded.slice(i, i + size)));
    if (inRun && runStart < 0) runStart = i;
    if (!inRun && runStart >= 0) {
      runs.push(folded.slice(runStart, i));
      runStart = -1;
    }
    i += size;
  }
  return runs.join('-');
}

/** Most names `slugOf` remembers before it starts afresh. */
const MAX_SLUG_MEMO = 20_000;
let slugMemo = new Map<string, string>();

/**
 * `slug`, memoised: names repeat within a document and from one recognition of it to the next
 * (the editor recognises a document again on every change).
 */
function slugOf(name: string): string {
  let id = slugMemo.get(name);
  if (id === undefined) {
    id = slug(name);
    if (slugMemo.size >= MAX_SLUG_MEMO) slugMemo = new Map();
    slugMemo.set(name, id);
  }
  return id;
}

/** The connectors of `lang` and of English together, made once per language. */
const mixedConnectors = new Map<string, { first: ReadonlySet<string>; second: ReadonlySet<string> }>();
function connectorsWithEnglish(lang: Lang): { first: ReadonlySet<string>; second: ReadonlySet<string> } {
  let mixed = mixedConnectors.get(lang);
  if (mixed === undefined) {
    const own = ORG_CONNECTORS[lang] ?? ORG_CONNECTORS['fr']!;
    const en = ORG_CONNECTORS['en']!;
    mixed = { first: new Set([...own.first, ...en.first]), second: new Set([...own.second, ...en.second]) };
    mixedConnectors.set(lang, mixed);
  }
  return mixed;
}
