/**
 * Variants of known names (issue 5): misspelt or transliterated names of lexicon actors, such as
 * "Hamouchi" for Hammouchi, "Fernandez Dias" for Fernández Díaz or "Yasine Mansuri" for Yassine
 * Mansouri, recognised as that actor with a `nameVariant` saying which spelling they approximate.
 *
 * The pass runs after exact matching and the heuristics, and only looks at capitalised words in the
 * gaps exact matching left. Words are compared on their transliteration skeletons (double letters,
 * ou/u, ch/sh, z/s, y/i, ph/f, k/q/c, e/a, Arabic hamza seats and foreign letters... folded), with
 * the Damerau-Levenshtein distance on top, under guard rails that favour precision:
 * - a word that differs must be capitalised, 4 letters long or more, and not a common word of the
 *   document or of the genre (titles, roles, months, function words);
 * - the distance allowed grows with the length (0 below 5 letters, 1 up to 7, 2 from 8), and only
 *   a long given name may differ beyond its skeleton: surnames and organisations' names vary by
 *   transliteration alone, because a one-letter change often makes another real name;
 * - a match never overlaps another entity, nor a longer name the heuristics found around it;
 * - a surname alone (a one-word lexicon form) is compared more strictly, never matches next to
 *   another capitalised name, and beyond transliteration only when the document names the actor
 *   exactly or in full elsewhere;
 * - acronyms are never compared, and a span two actors explain equally well is left alone;
 * - Arabic words, which have no capitals, only vary inside a person's name of several words, next
 *   to a word written as the lexicon writes it.
 *
 * Cost does not grow with the lexicon: its name words are filed once per lexicon under their
 * skeleton, so each distinct capitalised word of a document costs one lookup, whatever the number
 * of entries; at each of its occurrences, only the names whose first word fits the words before it
 * are aligned (see `Posting`), however many names end alike; the comparisons by distance are made
 * only with the names of actors the document already names.
 */
import type { HeuristicActor } from '../heuristics/actors';
import {
  COMMON_CAPITALISED,
  EVENT_WORDS,
  FUNCTION_WORDS,
  MONTHS,
  ORG_HEADS,
  REGNAL_ROLES,
  ROLE_MODIFIERS,
  ROLE_PLURALS,
  ROLE_WORDS,
  TITLE_ABBREVIATIONS,
  TITLE_WORDS,
  WEEKDAYS,
} from '../heuristics/cues';
import { isAcronymForm } from '../lexicon/expand';
import { foldWord, tokenize, type Token } from '../text/tokenize';
import type { TokenColumns } from '../text/tokenColumns';
import type { Lang, LanguageSpan, Lexicon, LexiconEntry, NameVariantMatch } from '../types';
import { Match, type EntityMatch } from './entityMatch';
import { isHyphen, joinsTerm } from './gaps';
import { LanguageCursor } from './languageCursor';
import { mergeByPosition } from './resolve';
import { arabicStems, offsetAfterLetters } from './termTrie';

// ---------------------------------------------------------------------------------------------
// Folding and distance.

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

// The letters the skeleton rules read, as UTF-16 code units.
const A = 0x61;
const C = 0x63;
const D = 0x64;
const E = 0x65;
const F = 0x66;
const H = 0x68;
const I = 0x69;
const J = 0x6a;
const K = 0x6b;
const O = 0x6f;
const P = 0x70;
const Q = 0x71;
const S = 0x73;
const U = 0x75;
const Y = 0x79;
const Z = 0x7a;

function isVowel(c: number): boolean {
  return c === A || c === E || c === I || c === U;
}

/**
 * The transliteration skeleton of a folded Latin word (lower case, no diacritics): the spellings
 * that transliterations of one name alternate between are written alike. ph/f, dj/j, ch/sh,
 * ck/k, q/k, c/k (c/s before e, i, y), z/s, o/u (so ou/u), y/i, a final h after a vowel
 * (Abdallah/Abdalla), a final e after a consonant (Yassine/Yassin), e/a (the short a of Arabic:
 * Mohamed/Muhammad), and doubled letters (Hammouchi/Hamouchi) collapse.
 */
export function latinSkeleton(folded: string, strict = false): string {
  // One pass over the letters (this runs for every name word of a lexicon of any size); the rules
  // are those of the comment above, applied left to right.
  const out: number[] = [];
  const n = folded.length;
  for (let i = 0; i < n; i++) {
    const c = folded.charCodeAt(i);
    const next = i + 1 < n ? folded.charCodeAt(i + 1) : 0;
    switch (c) {
      case P:
        if (next === H) i++;
        out.push(next === H ? F : P);
        break;
      case D:
        if (next === J) i++;
        out.push(next === J ? J : D);
        break;
      case C:
        if (next === H) {
          out.push(S, H);
          i++;
        } else if (next === K) {
          out.push(K);
          i++;
        } else out.push(next === E || next === I || next === Y ? S : K);
        break;
      case Q:
        out.push(K);
        break;
      case Z:
        out.push(S);
        break;
      case O:
        out.push(U);
        break;
      case Y:
        out.push(I);
        break;
      default:
        out.push(c);
    }
  }
  // A final h after a vowel (Abdallah/Abdalla), then a mute final e (Yassine/Yassin, Amine/Amin).
  if (out.length > 2 && out[out.length - 1] === H && isVowel(out[out.length - 2]!)) out.pop();
  if (out.length > 3 && out[out.length - 1] === E && !isVowel(out[out.length - 2]!)) out.pop();
  let skeleton = '';
  let previous = -1;
  for (let c of out) {
    // Arabic's short a is written a or e (Mohamed/Muhammad, Mehdi/Mahdi, Abdel/Abdal); not in the
    // strict skeleton of a word that stands alone ("Shabab", the youth, is not "Shebab").
    if (c === E && !strict) c = A;
    if (c !== previous) skeleton += String.fromCharCode(c);
    previous = c;
  }
  return skeleton;
}

const ARABIC_ARTICLE = '\u0627\u0644';

/**
 * The skeleton of a folded Arabic word (tashkeel, tatweel, alef, ya and ta marbuta forms are
 * folded already): hamza seats, the letters that write the g of foreign names (ج غ گ ڭ), their s
 * and z (س ز ث), and پ ڤ are unified, the article ال goes, and doubled letters collapse.
 */
export function arabicSkeleton(folded: string): string {
  let s = folded
    .replace(/\u0624/g, '\u0648') // ؤ -> و
    .replace(/\u0626/g, '\u064A') // ئ -> ي
    .replace(/\u0621/g, '') // ء
    .replace(/[\u062C\u06AF\u06AD]/g, '\u063A') // ج گ ڭ -> غ (the g of foreign names: يورجن، يورغن)
    .replace(/[\u0632\u062B]/g, '\u0633') // ز ث -> س (their s and z: فرنانديز، فرنانديث)
    .replace(/\u067E/g, '\u0628') // پ -> ب
    .replace(/\u06A4/g, '\u0641'); // ڤ -> ف
  if (s.startsWith(ARABIC_ARTICLE) && s.length >= 5) s = s.slice(2);
  return s.replace(/(.)\1+/gu, '$1');
}

/** The skeleton of an already folded word, Arabic or Latin. */
function skeletonOfFolded(folded: string): string {
  return ARABIC_LETTER.test(folded) ? arabicSkeleton(folded) : latinSkeleton(folded);
}

/** The strict skeleton (e and a kept apart) of an already folded word. */
function strictSkeleton(folded: string): string {
  return ARABIC_LETTER.test(folded) ? arabicSkeleton(folded) : latinSkeleton(folded, true);
}

/** The transliteration skeleton of any word, as written: folded first (case, diacritics, Arabic forms). */
export function nameSkeleton(word: string): string {
  return skeletonOfFolded(foldWord(word));
}

/** The rows `editDistance` works in, grown as needed (it runs for many pairs of short words). */
let rows = new Int32Array(3 * 32);
/** Longest second string whose rows are kept for the next call. */
const MAX_SHARED_ROW = 256;

/**
 * The Damerau-Levenshtein distance (optimal string alignment: insertions, deletions,
 * substitutions and transpositions of adjacent letters) between two strings, by UTF-16 code unit.
 * With `limit`, any distance above it is reported as `limit + 1`, which lets the loop stop early.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  if (n === 0 || m === 0) return Math.min(Math.max(n, m), limit + 1);
  // Three rows of the table (the one two rows up, for transpositions), in one reused buffer.
  const width = m + 1;
  if (rows.length < 3 * width && width <= MAX_SHARED_ROW) rows = new Int32Array(3 * width);
  const table = rows.length >= 3 * width ? rows : new Int32Array(3 * width);
  let before = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j <= m; j++) table[previous + j] = j;
  for (let i = 1; i <= n; i++) {
    table[current] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = table[previous + j - 1]! + (ai === bj ? 0 : 1);
      const up = table[previous + j]! + 1;
      if (up < d) d = up;
      const left = table[current + j - 1]! + 1;
      if (left < d) d = left;
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) {
        const swap = table[before + j - 2]! + 1;
        if (swap < d) d = swap;
      }
      table[current + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return Math.min(table[previous + m]!, limit + 1);
}

/** The distance between two names' words: the edit distance of their transliteration skeletons. */
export function nameDistance(a: string, b: string): number {
  return editDistance(nameSkeleton(a), nameSkeleton(b));
}

/** Shortest word compared by edit distance; shorter ones must match exactly (or by skeleton, see below). */
export const MIN_FUZZY_LENGTH = 5;
/** Shortest word that may differ from the lexicon's by its skeleton alone, inside a name of several words ("Dias" for "Díaz"). */
export const MIN_SKELETON_LENGTH = 4;
/** The most edits allowed over all the words of one name. */
export const MAX_NAME_DISTANCE = 2;
/**
 * How far (in UTF-16 code units) the mention that vouches for a surname written beyond
 * transliteration may stand from it. Well within the context a slice of a long document is read
 * with (recognize.ts OVERLAP_CHARS), so that slices decide as the whole text does.
 */
export const CORROBORATION_CHARS = 2_000;
/** Shortest given name that may differ beyond transliteration (by one edit). */
export const MIN_GIVEN_NAME_TYPO = 8;

/** The most edits allowed between two words of the given length (the shorter one's, in letters). */
export function distanceCap(length: number): number {
  if (length < MIN_FUZZY_LENGTH) return 0;
  return length <= 7 ? 1 : 2;
}

// ---------------------------------------------------------------------------------------------
// The index of name words, built once per lexicon.

/** One word of a lexicon name. */
interface FormWord {
  folded: string;
  skeleton: string;
  arabic: boolean;
  /** Written with a capital in the lexicon: the text's word must have one too. */
  capital: boolean;
}

/** A name of a lexicon actor, as the variant pass compares it. */
interface NameForm {
  /** A number of its own, for the scan's bookkeeping. */
  id: number;
  entry: LexiconEntry;
  /** The lexicon's spelling: what the fix writes and `nameVariant.canonical` says. */
  text: string;
  /** The languages the lexicon lists this spelling in (first: the entry's first). */
  langs: Lang[];
  words: FormWord[];
  /** An `accepted:` spelling: matches only as written (after folding), and is reported as accepted. */
  accepted: boolean;
  /** For accepted spellings: the closest regular name, and the distance to it. */
  canonical?: { text: string; distance: number };
  /** A person's name of several words whose first word is the given name of the entry's own name. */
  givenName: boolean;
  /** The lexicon's name with a prefix joined to the next word (see `joinedForms`): never written so in the lexicon. */
  joined?: boolean;
}

/**
 * A spelling of an actor as the index files it: under the skeleton of its last word, and only
 * tokenised and checked (`NameVariantIndex.formsOf`) when a document has a word of that skeleton.
 */
interface FiledName {
  entry: LexiconEntry;
  text: string;
  langs: Lang[];
  accepted: boolean;
  /** Once prepared: the name and its joined alternatives; empty when it is no name the pass compares. */
  forms?: NameForm[];
}

/**
 * The prepared names of one index key, as the document scan reads them at each occurrence of a
 * word of that skeleton. They are grouped so that the work at an occurrence depends on the names
 * that may start where it stands, not on how many names of the lexicon end alike.
 */
interface Posting {
  /** The names, in the order they are tried. */
  readonly forms: readonly NameForm[];
  /** The most words before the last, over the names. */
  readonly maxBefore: number;
  /**
   * Names of several words whose first word must keep its skeleton (see `mayMisspellFirst`), by
   * that skeleton: indices into `forms`, ascending.
   */
  readonly byFirst: ReadonlyMap<string, readonly number[]>;
  /** The others (one word, an Arabic first word, a given name that may be misspelt): looked at wherever they may start. */
  readonly always: readonly number[];
  /** Names of several words by actor, for a word that exact matching covered: indices into `forms`, ascending. */
  readonly byEntry: ReadonlyMap<LexiconEntry, readonly number[]>;
}

/** Whether the first word of a name of several words may differ from the lexicon's beyond its skeleton (a long given name, see `align`). */
function mayMisspellFirst(form: NameForm): boolean {
  return form.givenName && !form.accepted && form.words[0]!.folded.length >= MIN_GIVEN_NAME_TYPO;
}

/** First words that Arabic names and their transliterations write joined or apart ("Abdel Latif", "عبد اللطيف"). */
const JOINING_PREFIXES = new Set(
  ['abd', 'abdel', 'abdal', 'abdul', 'abdou', 'abu', 'abou', 'ben', 'bin', 'ibn', 'ould', 'ait', 'bou', 'el', 'al', 'عبد', 'ابو', 'بن', 'ابن', 'ولد', 'ايت'].map(foldWord),
);

/** Words of the genre that are never a name, whatever their capital (titles, roles, months, function words...). */
const NOT_NAMES: readonly ReadonlySet<string>[] = [
  FUNCTION_WORDS,
  COMMON_CAPITALISED,
  MONTHS,
  WEEKDAYS,
  ROLE_WORDS,
  ROLE_PLURALS,
  ROLE_MODIFIERS,
  TITLE_WORDS,
  TITLE_ABBREVIATIONS,
  EVENT_WORDS,
  ORG_HEADS,
  REGNAL_ROLES,
];

function isListedNonName(folded: string): boolean {
  for (const list of NOT_NAMES) if (list.has(folded)) return true;
  return false;
}

/** Particles that continue a person's name after a surname ("Hamad bin Jassim", "Mohamed Ould Abdelaziz"). */
const FOLLOWING_PARTICLES = new Set(['bin', 'ben', 'ibn', 'ould', 'bint', 'bent', 'uld'].map(foldWord));
/** Articles that transliterated surnames carry ("El Hammouchi", "Al-Mansouri"): not another name. */
const SURNAME_ARTICLES = new Set(['el', 'al', 'el-', 'al-'].map(foldWord));

/** The work of one pass, counted for the structural test of issue 2's "Speed" (nothing is timed). */
export interface VariantWork {
  /** Lookups of a word's skeleton in the index. */
  lookups: number;
  /** Candidate alignments of a lexicon name with the text, and words compared by distance. */
  checks: number;
}

/** A lexicon match found through a variant spelling (see `nameVariantOf`). */
export class VariantMatch extends Match {
  constructor(
    start: number,
    end: number,
    firstToken: number,
    lastToken: number,
    entry: LexiconEntry,
    variant: string,
    lang: Lang,
    paragraphLang: Lang,
    public readonly nameVariant: NameVariantMatch,
  ) {
    super(start, end, firstToken, lastToken, 'actor', entry, variant, lang, paragraphLang, 'term', 0);
  }
}

/** The variant a match was found through, for matches of this pass; undefined for every other match. */
export function nameVariantOf(m: EntityMatch): NameVariantMatch | undefined {
  return m instanceof VariantMatch ? m.nameVariant : undefined;
}

/** What the pass reads of one recognised document. */
export interface VariantInput {
  text: string;
  columns: TokenColumns;
  /** Paragraph languages, and the language of offsets outside them. */
  spans: readonly LanguageSpan[];
  language: Lang;
  /** The resolved lexicon matches, sorted by position. */
  resolved: EntityMatch[];
  /** The heuristic actors, sorted by position. */
  heuristic: HeuristicActor[];
  /**
   * The whole document's words written in lower case (folded word -> flags, bit 1: written in
   * lower case, as heuristics/actors.ts `addLowerCaseVocabulary` collects them), when the text
   * given is one slice's window of a longer document; otherwise the text's own words are read.
   */
  vocabulary?: ReadonlyMap<string, number>;
  /** Terms of the `ignore` lists: nothing is found over them. */
  ignored?: { overlaps(span: { start: number; end: number }): boolean };
  /** When given, receives the work of the pass. */
  work?: VariantWork;
}

/** The document's matches and heuristic actors with the variants applied. */
export interface VariantResult {
  /** The resolved matches plus the variant matches, sorted by position; a same-actor match a variant extends is gone (the input arrays when nothing changed). */
  resolved: EntityMatch[];
  /** The heuristic actors, less those a variant explains. */
  heuristic: HeuristicActor[];
}

/** A name of the lexicon found at a span of tokens, before the choice among overlapping ones. */
interface Candidate {
  form: NameForm;
  start: number;
  end: number;
  first: number;
  last: number;
  distance: number;
  /** Words written exactly as in the lexicon (after folding). */
  exactWords: number;
  /** A one-word name found beyond a pure transliteration: needs the actor named elsewhere, in full or exactly. */
  needsCorroboration: boolean;
  /** Resolved matches of the same actor that this one contains (an exact surname in a misspelt full name). */
  absorbs: EntityMatch[];
  /** The words of the text that differ from the lexicon's (folded). */
  differing: string[];
}

/** Most entries of the per-word memo before it starts afresh. */
const MAX_MEMO = 50_000;
/** Most words in a name the pass compares (longer ones are organisations' full titles). */
const MAX_NAME_WORDS = 6;
/** A word starting with a lower-case letter: the mark of a described title ("Direction générale de..."). */
const LOWER_CASE_WORD = /(?:^|[\s'’-])\p{Ll}/u;
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

/** Whether the code unit at i belongs to a word as the tokenizer cuts words (letters, marks, digits; a surrogate half counts). */
function isWordUnit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return WORD_CHARACTER.test(text.charAt(i));
}

/** The last word of a text, as the tokenizer cuts words (runs of letters, marks and digits). */
function lastWord(text: string): string | undefined {
  let end = text.length;
  while (end > 0 && !isWordUnit(text, end - 1)) end--;
  let start = end;
  while (start > 0 && isWordUnit(text, start - 1)) start--;
  return start < end ? text.slice(start, end) : undefined;
}

/**
 * The variant finder of one lexicon. The index is built on the first document that needs it and
 * reused for every later one, as the matcher's trie is.
 *
 * Each name is filed under the skeleton of its last word only: every name the rails let through
 * ends with a word whose skeleton is the lexicon's (a surname, or an organisation's word, varies by
 * transliteration alone), so that word finds it. Building costs one key per name and no
 * tokenisation; a name is tokenised when a document first has a word of its key. The one-word
 * names that may differ beyond transliteration are compared with a document's words only for the
 * actors that document names (see DocumentScan.singles): the document bounds that work, not the
 * lexicon.
 */
export class NameVariantIndex {
  private postings: Map<string, FiledName[]> | undefined;
  /** Per folded word of the documents: the names it may end (null: none). */
  private memo = new Map<string, Posting | null>();
  /** Per index key that a document's word had: its names, prepared and grouped (at most one per key). */
  private readonly prepared = new Map<string, Posting | null>();
  private readonly foldCache = new Map<string, string>();
  private skeletons = new Map<string, string>();
  private strictSkeletons = new Map<string, string>();
  /** Per actor: its regular names, its one-word names, its given name's skeleton, its accepted words (each made on first need). */
  private readonly actors = new Map<LexiconEntry, { regular?: NameForm[]; singles?: NameForm[]; given?: string | null; acceptedWords?: Set<string> | null }>();
  private readonly singleCounts = new Map<LexiconEntry, number>();
  private forms = 0;

  constructor(readonly lexicon: Lexicon) {}

  /** True when the lexicon has names to compare at all (so a document needs no pass). */
  get isEmpty(): boolean {
    return this.index().size === 0;
  }

  /** Number of keys in the index (last-word skeletons), for tests. */
  get size(): number {
    return this.index().size;
  }

  private index(): Map<string, FiledName[]> {
    if (this.postings === undefined) this.postings = this.build();
    return this.postings;
  }

  private build(): Map<string, FiledName[]> {
    const postings = new Map<string, FiledName[]>();
    const file = (name: FiledName): void => {
      const last = lastWord(name.text);
      if (last === undefined) return;
      // Most last words are a lexicon's surnames, each once: no memo here.
      const folded = foldWord(last);
      const arabic = ARABIC_LETTER.test(folded);
      if (folded.length < (name.accepted ? 2 : arabic ? 3 : MIN_SKELETON_LENGTH)) return;
      const key = skeletonOfFolded(folded);
      const list = postings.get(key);
      if (list === undefined) postings.set(key, [name]);
      else list.push(name);
    };
    const entries: Iterable<LexiconEntry> = this.lexicon.entries instanceof Map ? this.lexicon.entries.values() : [];
    for (const entry of entries) {
      if (!entry || entry.category !== 'actor' || !Array.isArray(entry.variants) || typeof entry.name !== 'string') continue;
      const filed: FiledName[] = [];
      for (const variant of eligibleVariants(entry)) {
        // The same spelling in several languages (YAML anchors) is one name in several languages.
        const twin = filed.find((f) => f.text === variant.text);
        if (twin !== undefined) {
          if (!twin.langs.includes(variant.lang)) twin.langs.push(variant.lang);
          continue;
        }
        const name: FiledName = { entry, text: variant.text, langs: [variant.lang], accepted: false };
        filed.push(name);
        file(name);
      }
      const langs = Object.keys(entry.names ?? {});
      for (const spelling of Array.isArray(entry.accepted) ? entry.accepted : []) {
        if (typeof spelling === 'string') file({ entry, text: spelling, langs: langs.length > 0 ? langs : ['und'], accepted: true });
      }
    }
    return postings;
  }

  /**
   * @internal The skeleton of a folded word, memoised: the words of names repeat across a lexicon
   * (first names, particles), and a document's words across its versions (one per keystroke).
   */
  skeletonOf(folded: string): string {
    let skeleton = this.skeletons.get(folded);
    if (skeleton === undefined) {
      skeleton = skeletonOfFolded(folded);
      // The memo starts afresh rather than grow for ever.
      if (this.skeletons.size >= MAX_MEMO) this.skeletons = new Map();
      this.skeletons.set(folded, skeleton);
    }
    return skeleton;
  }

  /** @internal The strict skeleton of a folded word (see `strictSkeleton`), memoised as `skeletonOf`. */
  strictOf(folded: string): string {
    let skeleton = this.strictSkeletons.get(folded);
    if (skeleton === undefined) {
      skeleton = strictSkeleton(folded);
      if (this.strictSkeletons.size >= MAX_MEMO) this.strictSkeletons = new Map();
      this.strictSkeletons.set(folded, skeleton);
    }
    return skeleton;
  }

  /** A spelling as words, or undefined when it is no name the pass compares. */
  private formOf(entry: LexiconEntry, text: string, langs: Lang[], accepted: boolean): NameForm | undefined {
    const tokens = tokenize(text, 0, text.length, this.foldCache);
    if (tokens.length === 0 || tokens.length > MAX_NAME_WORDS) return undefined;
    const words: FormWord[] = [];
    for (const t of tokens) {
      // An acronym inside ("UN Security Council") makes the whole name one to match exactly.
      if (!accepted && t.allCaps && t.text.length > 1) return undefined;
      words.push({ folded: t.folded, skeleton: this.skeletonOf(t.folded), arabic: t.script === 'arabic', capital: t.upperInitial });
    }
    const form: NameForm = { id: this.forms++, entry, text, langs, words, accepted, givenName: false };
    if (!accepted && entry.type !== 'person' && !isOrganisationName(form)) return undefined;
    const given = this.givenOf(entry);
    form.givenName = given !== null && words.length > 1 && words[0]!.skeleton === given;
    return form;
  }

  private actor(entry: LexiconEntry): { regular?: NameForm[]; singles?: NameForm[]; given?: string | null; acceptedWords?: Set<string> | null } {
    let facts = this.actors.get(entry);
    if (facts === undefined) this.actors.set(entry, (facts = {}));
    return facts;
  }

  /** The skeleton of a person's given name: the first word of its own name, when that has several words. */
  private givenOf(entry: LexiconEntry): string | null {
    const facts = this.actor(entry);
    if (facts.given === undefined) {
      const tokens = entry.type === 'person' ? tokenize(entry.name, 0, entry.name.length, this.foldCache) : [];
      facts.given = tokens.length > 1 ? this.skeletonOf(tokens[0]!.folded) : null;
    }
    return facts.given;
  }

  /** An actor's regular names (not its accepted spellings), prepared. */
  private regularOf(entry: LexiconEntry): NameForm[] {
    const facts = this.actor(entry);
    if (facts.regular === undefined) {
      facts.regular = [];
      const seen = new Set<string>();
      for (const variant of eligibleVariants(entry)) {
        if (seen.has(variant.text)) continue;
        seen.add(variant.text);
        const form = this.formOf(entry, variant.text, [variant.lang], false);
        if (form !== undefined) facts.regular.push(form);
      }
    }
    return facts.regular;
  }

  /** The names of a filed spelling to align with a text: the spelling and its joined alternatives. */
  private formsOf(name: FiledName): NameForm[] {
    if (name.forms === undefined) {
      const form = this.formOf(name.entry, name.text, name.langs, name.accepted);
      if (form === undefined) name.forms = [];
      else {
        if (form.accepted) {
          const own = this.formOf(name.entry, name.entry.name, ['und'], true);
          form.canonical = closestRegular(form, this.regularOf(name.entry)) ?? {
            text: name.entry.name,
            distance: editDistance(phraseSkeleton(form.words), phraseSkeleton(own?.words ?? [])),
          };
        }
        name.forms = [form, ...joinedForms(form).map((f) => ({ ...f, id: this.forms++ }))];
      }
    }
    return name.forms;
  }

  /**
   * @internal The names a word of the text may end (those whose last word has its skeleton),
   * prepared, or undefined when there are none. One map lookup for a word seen before.
   */
  postingOf(folded: string, work: VariantWork): Posting | undefined {
    let found = this.memo.get(folded);
    if (found === undefined) {
      work.lookups++;
      const key = this.skeletonOf(folded);
      found = this.prepared.get(key);
      if (found === undefined) {
        const filed = this.index().get(key);
        if (filed === undefined) found = null;
        else {
          // Only keys of the index are kept here, so this map is bounded by the lexicon.
          found = this.prepare(filed);
          this.prepared.set(key, found);
        }
      }
      if (this.memo.size >= MAX_MEMO) this.memo = new Map();
      this.memo.set(folded, found);
    }
    return found ?? undefined;
  }

  /** The names filed under one key, prepared and grouped for the document scan (see `Posting`). */
  private prepare(filed: readonly FiledName[]): Posting | null {
    const forms: NameForm[] = [];
    for (const name of filed) for (const form of this.formsOf(name)) forms.push(form);
    if (forms.length === 0) return null;
    let maxBefore = 0;
    const byFirst = new Map<string, number[]>();
    const always: number[] = [];
    const byEntry = new Map<LexiconEntry, number[]>();
    const add = <K>(map: Map<K, number[]>, key: K, f: number): void => {
      const list = map.get(key);
      if (list === undefined) map.set(key, [f]);
      else list.push(f);
    };
    forms.forEach((form, f) => {
      const first = form.words[0]!;
      maxBefore = Math.max(maxBefore, form.words.length - 1);
      if (form.words.length === 1 || first.arabic || mayMisspellFirst(form)) always.push(f);
      else add(byFirst, first.skeleton, f);
      if (form.words.length > 1) add(byEntry, form.entry, f);
    });
    return { forms, maxBefore, byFirst, always, byEntry };
  }

  /** Finds the variants of known names in a document and applies them to its matches and heuristic actors. */
  find(input: VariantInput): VariantResult {
    if (this.isEmpty) return { resolved: input.resolved, heuristic: input.heuristic };
    const scan = new DocumentScan(this, input);
    const candidates = scan.candidates();
    if (candidates.length === 0) return { resolved: input.resolved, heuristic: input.heuristic };
    return scan.apply(candidates);
  }

  /** @internal An actor's one-word names that may differ beyond transliteration when the document names it. */
  singlesOf(entry: LexiconEntry): readonly NameForm[] {
    const facts = this.actor(entry);
    facts.singles ??= this.regularOf(entry).filter((f) => f.words.length === 1 && !f.words[0]!.arabic && f.words[0]!.folded.length >= MIN_FUZZY_LENGTH);
    return facts.singles;
  }

  /** @internal Whether `singlesOf(entry)` has names (a number in a map: no object to read for each actor a document names). */
  hasSingles(entry: LexiconEntry): boolean {
    let count = this.singleCounts.get(entry);
    if (count === undefined) this.singleCounts.set(entry, (count = this.singlesOf(entry).length));
    return count > 0;
  }

  /** @internal The words of an actor's accepted spellings (folded), if it has any. */
  acceptedWordsOf(entry: LexiconEntry): ReadonlySet<string> | undefined {
    const facts = this.actor(entry);
    if (facts.acceptedWords === undefined) {
      const words = new Set<string>();
      for (const spelling of Array.isArray(entry.accepted) ? entry.accepted : []) {
        if (typeof spelling === 'string') for (const t of tokenize(spelling, 0, spelling.length, this.foldCache)) words.add(t.folded);
      }
      facts.acceptedWords = words.size > 0 ? words : null;
    }
    return facts.acceptedWords ?? undefined;
  }
}

/** The variants of an actor that may be names the pass compares: names (not acronyms), and for organisations proper names only. */
function* eligibleVariants(entry: LexiconEntry): Iterable<{ text: string; lang: Lang }> {
  const person = entry.type === 'person';
  for (const variant of entry.variants) {
    if (!variant || typeof variant.text !== 'string' || variant.kind !== 'name' || variant.caseRule === 'exact') continue;
    // A word in lower case marks a described title ("Direction générale de..."): ruled out before tokenising it.
    if (isAcronymForm(variant.text) || (!person && LOWER_CASE_WORD.test(variant.text))) continue;
    yield variant;
  }
}

/**
 * Organisations take part only with proper names, every word capitalised ("Europol", "Boko
 * Haram"), never with a described title ("Direction générale de..."), nor in Arabic, whose
 * organisation names are made of common words.
 */
function isOrganisationName(form: NameForm): boolean {
  if (!form.words.every((w) => w.capital && !w.arabic)) return false;
  return form.words.length > 1 || form.words[0]!.folded.length >= MIN_FUZZY_LENGTH;
}

/** The name with a joining prefix written together with the next word ("Abdel Latif" as "Abdellatif", "عبد اللطيف" as "عبداللطيف"). */
function joinedForms(form: NameForm): NameForm[] {
  const out: NameForm[] = [];
  for (let q = 0; q + 1 < form.words.length; q++) {
    const a = form.words[q]!;
    const b = form.words[q + 1]!;
    if (!JOINING_PREFIXES.has(a.folded) || a.arabic !== b.arabic) continue;
    const folded = a.folded + b.folded;
    const joined: FormWord = { folded, skeleton: skeletonOfFolded(folded), arabic: a.arabic, capital: a.capital };
    out.push({ ...form, words: [...form.words.slice(0, q), joined, ...form.words.slice(q + 2)], joined: true });
  }
  return out;
}

/** Sum of the skeleton distances of two names word by word; Infinity when their word counts differ. */
function wordsDistance(a: readonly FormWord[], b: readonly FormWord[]): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let d = 0;
  for (let i = 0; i < a.length; i++) d += editDistance(a[i]!.skeleton, b[i]!.skeleton);
  return d;
}

/** The skeletons of a name's words, joined by spaces. */
function phraseSkeleton(words: readonly FormWord[]): string {
  return words.map((w) => w.skeleton).join(' ');
}

/** The regular name of the entry an accepted spelling is closest to. */
function closestRegular(form: NameForm, regular: readonly NameForm[]): { text: string; distance: number } | undefined {
  let best: { text: string; distance: number } | undefined;
  for (const r of regular) {
    const d = wordsDistance(form.words, r.words);
    if (d !== Number.POSITIVE_INFINITY && (best === undefined || d < best.distance)) best = { text: r.text, distance: d };
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// One document.

/** Spans sorted by start with the running furthest end: the ones overlapping a stretch, by binary search. */
class SortedSpans<T extends { start: number; end: number }> {
  private readonly furthest: number[] = [];

  constructor(readonly spans: readonly T[]) {
    let f = -1;
    for (const s of spans) {
      f = Math.max(f, s.end);
      this.furthest.push(f);
    }
  }

  /** The spans sharing at least one code unit with [start, end). */
  overlapping(start: number, end: number): T[] {
    const { spans, furthest } = this;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.start < end) lo = mid + 1;
      else hi = mid;
    }
    const out: T[] = [];
    for (let k = lo - 1; k >= 0 && furthest[k]! > start; k--) if (spans[k]!.end > start && spans[k]!.end > spans[k]!.start) out.push(spans[k]!);
    return out;
  }
}

/** What one word of the text is to the pass. */
interface TextWord {
  folded: string;
  skeleton: string;
  arabic: boolean;
  capital: boolean;
  allCaps: boolean;
  /** Offsets of the part compared (an Arabic clitic may be left out at the start). */
  start: number;
  end: number;
  /** Two tokens of the text read as one word ("Abdel Latif" for "Abdellatif"). */
  joined: boolean;
  /** The first word of an Arabic name: it may carry clitics (و ف ب ك ل, the article). */
  clitic: boolean;
}

/** The actors a document names, and among them, in the same order, those with one-word names to compare (see `singles`). */
class Named {
  private readonly all = new Set<LexiconEntry>();
  readonly withSingles: LexiconEntry[] = [];

  constructor(private readonly index: NameVariantIndex) {}

  add(entry: LexiconEntry): void {
    const size = this.all.size;
    this.all.add(entry);
    // Looked up while the entry is at hand, once per actor.
    if (this.all.size !== size && this.index.hasSingles(entry)) this.withSingles.push(entry);
  }
}

// Per-word roles in one document (bits).
const ROLE_NAMES = 1; // the last word of some lexicon name (by skeleton)

/** At a word exact matching did not cover, postings of at most this many names are looked at name by name; longer ones through their groups. */
const FEW_NAMES = 2;
/** At a word exact matching covered, postings of at most this many names are looked at name by name; longer ones through their actors. */
const SMALL_POSTING = 8;
/** Starts of an attempt lie within this many tokens before its anchor (two per word before the last). */
const START_SPAN = 2 * (MAX_NAME_WORDS - 1) + 1;
/** The most edits `distanceCap` allows for any length. */
const WIDEST_CAP = distanceCap(Number.POSITIVE_INFINITY);

class DocumentScan {
  private readonly work: VariantWork;
  private spans: SortedSpans<EntityMatch> | undefined;
  private lowercase: Set<string> | undefined;
  /** The skeletons of the document's words, by word number (each made on first need). */
  private readonly skeletons: (string | undefined)[] = [];
  /** Which of the document's words are joining prefixes, by word number (see `joinsPrefix`). */
  private prefixes: Uint8Array | undefined;
  /** The candidates found so far. */
  private readonly out: Candidate[] = [];
  /** The attempts made (name and start, see `attempt`). */
  private readonly tried = new Set<number>();
  /** Names and starts to try at one token (see `tryAt`), as f * 16 + (s - i + START_SPAN). */
  private readonly keys: number[] = [];
  /** The names attempted, numbered from 0 in this document: keys of `tried` that stay small integers. */
  private readonly numbers = new Map<number, number>();

  constructor(
    private readonly index: NameVariantIndex,
    private readonly input: VariantInput,
  ) {
    this.work = input.work ?? { lookups: 0, checks: 0 };
  }

  /** The resolved matches, for the questions of `align` and `standsAlone` (indexed on first need). */
  private get resolvedSpans(): SortedSpans<EntityMatch> {
    return (this.spans ??= new SortedSpans(this.input.resolved));
  }

  /** Every acceptable alignment of a lexicon name with the text's gaps. */
  candidates(): Candidate[] {
    const { columns, resolved } = this.input;
    const { starts, ends, wordOf, words } = columns;
    // What each word is to the pass, decided once per word (words are numbered as they first
    // occur); each token then costs one byte read, and most have no role.
    const roles = new Uint8Array(words.length);
    const postings: (Posting | undefined)[] = [];
    // The capitalised Latin words of 5+ letters, by length (compared with the surnames alone of the actors named, see `singles`).
    const gapWords: number[][] = [];
    let gaps = 0;
    for (let id = 0; id < words.length; id++) {
      const word = words[id]!;
      if (!isScannable(word)) continue;
      const posting = this.index.postingOf(word.folded, this.work);
      if (posting !== undefined) {
        postings[id] = posting;
        roles[id] = ROLE_NAMES;
      }
      if (word.script === 'latin' && word.folded.length >= MIN_FUZZY_LENGTH) {
        (gapWords[word.folded.length] ??= []).push(id);
        gaps++;
      }
    }
    // One sweep over the resolved matches along the tokens: the furthest end among those starting
    // before the token ends (covered or not), the ones over the token, and the actors named.
    let r = 0;
    let furthest = -1;
    const over: EntityMatch[] = [];
    const named = new Named(this.index);
    // The actor last named by a match ending with each word: most mentions repeat one, and this
    // spares the set a lookup (the entries lie all over a large lexicon's memory).
    const namedAt: (LexiconEntry | undefined)[] = [];
    const name = (m: EntityMatch): void => {
      if (m.category !== 'actor') return;
      const w = wordOf[m.lastToken];
      if (w === undefined) named.add(m.entry);
      else if (namedAt[w] !== m.entry) named.add((namedAt[w] = m.entry));
    };
    for (let i = 0; i < starts.length; i++) {
      const id = wordOf[i]!;
      if ((roles[id]! & ROLE_NAMES) === 0) continue;
      const posting = postings[id]!;
      const start = starts[i]!;
      while (r < resolved.length && resolved[r]!.start < ends[i]!) {
        const m = resolved[r++]!;
        if (m.end > furthest) furthest = m.end;
        // Only a match reaching past the token's start can be over it or a later token.
        if (m.end > m.start && m.end > start) over.push(m);
        name(m);
      }
      if (furthest > start) {
        // Exact matching covered the word. Inside an actor's match it may still anchor a longer,
        // misspelt name of that actor ("Abdelatef Hammouchi" around the exact "Hammouchi").
        if (posting.byEntry.size === 0) continue;
        let kept = 0;
        for (const m of over) if (m.end > start) over[kept++] = m;
        over.length = kept;
        this.tryCovered(posting, over, i, postings);
      } else {
        // Nothing passed so far reaches this token, nor any later one.
        over.length = 0;
        this.tryAt(posting, i);
      }
    }
    for (; r < resolved.length; r++) {
      name(resolved[r]!);
    }
    if (gaps > 0) this.singles(named, gapWords);
    return this.out;
  }

  /** Tries `form` from token s to token `anchor`: once per name and start, whatever the anchor. */
  private attempt(form: NameForm, s: number, anchor: number): void {
    const key = this.triedKey(form, s);
    if (this.tried.has(key)) return;
    this.tried.add(key);
    this.work.checks++;
    const c = this.align(form, s, anchor);
    if (c !== undefined) this.out.push(c);
  }

  /** The key of a name and start in `tried`. */
  private triedKey(form: NameForm, s: number): number {
    let number = this.numbers.get(form.id);
    if (number === undefined) this.numbers.set(form.id, (number = this.numbers.size));
    return number * (this.input.columns.starts.length + 1) + s;
  }

  /**
   * The names of `posting` that end at token i, in its order, each from every start its words
   * allow; a start where the name's first word cannot be read is passed over (`mayStart`).
   */
  private tryAt(posting: Posting, i: number): void {
    const { forms } = posting;
    if (forms.length <= FEW_NAMES) {
      for (const form of forms) {
        // The word is the name's last; each word before takes one or two tokens of the text.
        const before = form.words.length - 1;
        for (let s = Math.max(0, i - 2 * before); s <= i - before; s++) if (this.mayStart(form, s)) this.attempt(form, s, i);
      }
      return;
    }
    // More names end alike: only those whose first word reads as a word before i are looked at,
    // through one lookup per start, then tried in the same order as above (name, then start).
    const { text, columns } = this.input;
    const { starts, ends, wordOf, words } = columns;
    const keys = this.keys;
    keys.length = 0;
    for (let s = Math.max(0, i - 2 * posting.maxBefore); s < i; s++) {
      const id = wordOf[s]!;
      const found = posting.byFirst.get(this.skeletonOfWord(id));
      if (found !== undefined) startsHere(forms, found, s, i, keys);
      if (this.joinsPrefix(s) && joinable(text, ends[s]!, starts[s + 1]!)) {
        const joined = posting.byFirst.get(this.index.skeletonOf(words[id]!.folded + words[wordOf[s + 1]!]!.folded));
        if (joined !== undefined) startsHere(forms, joined, s, i, keys);
      }
    }
    for (const f of posting.always) {
      const form = forms[f]!;
      const before = form.words.length - 1;
      for (let s = Math.max(0, i - 2 * before); s <= i - before; s++) if (this.mayStart(form, s)) keys.push(f * 16 + (s - i + START_SPAN));
    }
    if (keys.length > 1) keys.sort((a, b) => a - b);
    for (let k = 0; k < keys.length; k++) {
      if (k > 0 && keys[k] === keys[k - 1]) continue;
      const key = keys[k]!;
      this.attempt(forms[key >> 4]!, i - START_SPAN + (key & 15), i);
    }
  }

  /**
   * At token i, which exact matching covered (`over`: the resolved matches over it): the names of
   * several words of the actors matched there, in the posting's order. A name that would start
   * inside a match reaching the token's end, or end inside a match going further, can only repeat
   * or cross what exact matching found, and is not aligned (see the checks at the end of `align`).
   */
  private tryCovered(posting: Posting, over: readonly EntityMatch[], i: number, postings: readonly (Posting | undefined)[]): void {
    const { starts, ends, wordOf } = this.input.columns;
    const end = ends[i]!;
    let furthest = -1;
    let covering = Number.POSITIVE_INFINITY;
    let actors = 0;
    for (const m of over) {
      if (m.end > furthest) furthest = m.end;
      if (m.end >= end && m.start < covering) covering = m.start;
      if (m.category === 'actor') actors++;
    }
    if (actors === 0) return;
    // A start passed over here is marked as tried, as `attempt` would have marked it, only when a
    // later token may end the same names from it (a word of the same skeleton close after).
    let again = false;
    for (let k = i + 1; k <= i + posting.maxBefore && k < starts.length && !again; k++) again = postings[wordOf[k]!] === posting;
    const crossed = furthest > end;
    if (!again && (crossed || covering <= starts[Math.max(0, i - 2 * posting.maxBefore)]!)) return;
    const { forms } = posting;
    if (forms.length <= SMALL_POSTING) {
      // Few names: each is checked against the actors over the word.
      for (const form of forms) {
        if (form.words.length === 1) continue;
        let named = false;
        for (let k = 0; k < over.length && !named; k++) named = over[k]!.category === 'actor' && over[k]!.entry === form.entry;
        if (named) this.tryCoveredForm(form, i, crossed, covering, again);
      }
      return;
    }
    let indices: readonly number[] | undefined;
    for (let k = 0; k < over.length; k++) {
      const m = over[k]!;
      if (m.category !== 'actor') continue;
      let seen = false;
      for (let e = 0; e < k && !seen; e++) seen = over[e]!.category === 'actor' && over[e]!.entry === m.entry;
      if (seen) continue;
      const more = posting.byEntry.get(m.entry);
      if (more === undefined) continue;
      indices = indices === undefined ? more : [...indices, ...more].sort((a, b) => a - b);
    }
    if (indices !== undefined) for (const f of indices) this.tryCoveredForm(forms[f]!, i, crossed, covering, again);
  }

  /** One name of `tryCovered` from each start its words allow. */
  private tryCoveredForm(form: NameForm, i: number, crossed: boolean, covering: number, again: boolean): void {
    const { starts } = this.input.columns;
    const before = form.words.length - 1;
    for (let s = Math.max(0, i - 2 * before); s <= i - before; s++) {
      if (crossed || starts[s]! >= covering) {
        if (again) this.tried.add(this.triedKey(form, s));
      } else if (this.mayStart(form, s)) this.attempt(form, s, i);
    }
  }

  /**
   * False when `align(form, s, ...)` is bound to fail on the name's first word: a name of several
   * words only starts on a word with the skeleton of its first one (or, for a long given name, one
   * edit away), read alone or joined to the next. A quick test that leaves the decision to `align`.
   */
  private mayStart(form: NameForm, s: number): boolean {
    if (form.words.length === 1) return true;
    const want = form.words[0]!;
    if (want.arabic) return true;
    const { text, columns } = this.input;
    const { starts, ends, wordOf, words } = columns;
    const id = wordOf[s]!;
    const t = words[id]!;
    if (startsAs(t.folded, this.skeletonOfWord(id), want, form)) return true;
    if (s + 1 < starts.length && this.joinsPrefix(s) && joinable(text, ends[s]!, starts[s + 1]!)) {
      const folded = t.folded + words[wordOf[s + 1]!]!.folded;
      return startsAs(folded, this.index.skeletonOf(folded), want, form);
    }
    return false;
  }

  /** The skeleton of the document's word number `id`. */
  private skeletonOfWord(id: number): string {
    return (this.skeletons[id] ??= this.index.skeletonOf(this.input.columns.words[id]!.folded));
  }

  /**
   * A surname alone beyond transliteration ("Hamdouchi" for Hammouchi) is only taken for an actor
   * the document names exactly or in full, so only those actors' one-word names are compared, by
   * distance, with the capitalised words of the text: the work depends on the document, not the
   * lexicon. The words that come close are then tried where they stand in the gaps.
   */
  private singles(named: Named, byLength: readonly (readonly number[] | undefined)[]): void {
    for (const c of this.out) if (c.form.words.length > 1) named.add(c.form.entry);
    const { columns } = this.input;
    const { words } = columns;
    // A word is only compared with names whose length is within its distance cap.
    const close = new Map<number, NameForm[]>();
    const strict: string[] = [];
    const letters: number[] = [];
    for (const entry of named.withSingles) {
      for (const form of this.index.singlesOf(entry)) {
        const want = form.words[0]!;
        const wanted = this.index.strictOf(want.folded);
        const wantedLetters = letterSet(wanted);
        const length = want.folded.length;
        for (let l = Math.max(0, length - WIDEST_CAP); l <= length + WIDEST_CAP; l++) {
          const ids = byLength[l];
          if (ids === undefined) continue;
          const cap = distanceCap(Math.min(l, length));
          if (Math.abs(l - length) > cap) continue;
          for (const id of ids) {
            this.work.checks++;
            const folded = words[id]!.folded;
            // Written as the lexicon writes it: `align` would find nothing to vary (exact matching's business).
            if (folded === want.folded) continue;
            const skeleton = (strict[id] ??= this.index.strictOf(folded));
            // Each edit adds or removes at most two letters from the set of letters a word uses.
            if (bitCount((letters[id] ??= letterSet(skeleton)) ^ wantedLetters) > 2 * cap) continue;
            if (editDistance(skeleton, wanted, cap) > cap) continue;
            const list = close.get(id);
            if (list === undefined) close.set(id, [form]);
            else list.push(form);
          }
        }
      }
    }
    if (close.size === 0) return;
    const { starts, wordOf } = columns;
    const marked = new Uint8Array(words.length);
    for (const id of close.keys()) marked[id] = 1;
    for (let i = 0; i < starts.length; i++) {
      if (marked[wordOf[i]!] === 0) continue;
      // `align` keeps the words exact matching covered out.
      for (const form of close.get(wordOf[i]!)!) this.attempt(form, i, i);
    }
  }

  /** The candidate of `form` starting at token `s` and covering token `anchor`, if the guard rails allow it. */
  private align(form: NameForm, s: number, anchor: number): Candidate | undefined {
    const { text, columns } = this.input;
    const { starts, ends } = columns;
    const n = starts.length;
    let k = s;
    let distance = 0;
    const differing: string[] = [];
    let exactWords = 0;
    let joinedAny = false;
    let start = -1;
    for (let q = 0; q < form.words.length; q++) {
      const want = form.words[q]!;
      if (k >= n) return undefined;
      if (q > 0 && !joinsTerm(text, ends[k - 1]!, starts[k]!, false)) return undefined;
      let got = this.compare(this.word(k, false, q === 0 && want.arabic), want, form);
      let used = 1;
      if (got === undefined && k + 1 < n && this.joinsPrefix(k) && joinable(text, ends[k]!, starts[k + 1]!)) {
        got = this.compare(this.word(k, true, false), want, form);
        used = 2;
      }
      if (got === undefined) return undefined;
      if (q === 0) start = got.word.start;
      // Beyond transliteration, only a long given name may be misspelt ("Abdelatef Hammouchi"):
      // surnames and organisations' words vary by transliteration alone, and short given names
      // are too often other names ("Mohamed Harami" is not Mohamed Haramou, "Jorge" not Jürgen).
      // A surname alone may, when the document names the actor otherwise (see `apply`).
      const givenTypo = q === 0 && form.givenName && Math.min(got.word.folded.length, want.folded.length) >= MIN_GIVEN_NAME_TYPO && got.distance <= 1;
      if (got.distance > 0 && form.words.length > 1 && !givenTypo) return undefined;
      distance += got.distance;
      if (got.exact) exactWords++;
      else differing.push(got.word.folded);
      if (used === 2) joinedAny = true;
      k += used;
    }
    const last = k - 1;
    // The word the name was found by is its last one.
    if (anchor !== last) return undefined;
    const end = ends[last]!;
    const wordsCount = form.words.length;
    if (!form.accepted) {
      // Written exactly as the lexicon writes it: exact matching's business (and a reason it declined).
      if (exactWords === wordsCount && !joinedAny && form.joined !== true) return undefined;
      if (distance > MAX_NAME_DISTANCE) return undefined;
      // Arabic has no capitals: a variant needs a word written as in the lexicon beside it.
      if (form.words.some((w) => w.arabic) && (wordsCount < 2 || exactWords === 0)) return undefined;
    }
    if (this.input.ignored?.overlaps({ start, end })) return undefined;
    // Never across or over another entity; an exact match of the same actor inside is absorbed.
    const absorbs: EntityMatch[] = [];
    for (const m of this.resolvedSpans.overlapping(start, end)) {
      if (m.entry !== form.entry || m.start < start || m.end > end) return undefined;
      absorbs.push(m);
    }
    // A name exact matching found whole ("Abdellatif Hammouchi") is no variant of another spelling.
    if (absorbs.length > 0) {
      let k = s;
      while (k <= last && absorbs.some((m) => m.start <= starts[k]! && ends[k]! <= m.end)) k++;
      if (k > last) return undefined;
    }
    const single = wordsCount === 1 && !form.accepted;
    if (single && !this.standsAlone(s, last)) return undefined;
    return { form, start, end, first: s, last, distance, exactWords, needsCorroboration: single && distance > 0, absorbs, differing };
  }

  /** True when token k is a Latin prefix that names write apart or joined ("Abdel Latif", "Ben Ali"). */
  private joinsPrefix(k: number): boolean {
    const { words, wordOf } = this.input.columns;
    const id = wordOf[k]!;
    // Per word: 0 not known yet, 1 no, 2 yes.
    const prefixes = (this.prefixes ??= new Uint8Array(words.length));
    if (prefixes[id] === 0) {
      const t = words[id]!;
      prefixes[id] = t.script === 'latin' && JOINING_PREFIXES.has(t.folded) ? 2 : 1;
    }
    return prefixes[id] === 2;
  }

  /** Token k as a word of the text (with the next token when `joined`; without a clitic when `clitic` and Arabic). */
  private word(k: number, joined: boolean, clitic: boolean): TextWord {
    const { columns } = this.input;
    const { starts, ends, wordOf, words } = columns;
    const t = words[wordOf[k]!]!;
    if (joined) {
      const u = words[wordOf[k + 1]!]!;
      const folded = t.folded + u.folded;
      const arabic = t.script === 'arabic';
      return { folded, skeleton: this.index.skeletonOf(folded), arabic, capital: t.upperInitial, allCaps: t.allCaps && u.allCaps, start: starts[k]!, end: ends[k + 1]!, joined: true, clitic: false };
    }
    return {
      folded: t.folded,
      skeleton: this.skeletonOfWord(wordOf[k]!),
      arabic: t.script === 'arabic',
      capital: t.upperInitial,
      allCaps: t.allCaps,
      start: starts[k]!,
      end: ends[k]!,
      joined: false,
      clitic,
    };
  }

  /** How a word of the text compares with a word of a lexicon name: its distance, or undefined when the rails forbid it. */
  private compare(word: TextWord, want: FormWord, form: NameForm): { word: TextWord; distance: number; exact: boolean } | undefined {
    if (word.arabic !== want.arabic) return undefined;
    if (word.folded === want.folded) return { word, distance: 0, exact: !word.joined };
    if (word.clitic && !form.accepted) {
      // The first word may carry the conjunctions, prepositions and article of Arabic.
      const raw = this.input.text.slice(word.start, word.end);
      for (const stem of arabicStems(word.folded)) {
        const d = this.fuzzy({ ...word, folded: stem.key, skeleton: this.index.skeletonOf(stem.key), clitic: false }, want, form);
        if (d !== undefined) return { word: { ...word, start: word.start + offsetAfterLetters(raw, stem.skip) }, distance: d, exact: stem.key === want.folded };
      }
    }
    const d = this.fuzzy(word, want, form);
    return d === undefined ? undefined : { word, distance: d, exact: false };
  }

  /** The skeleton distance of two different words when the rails allow comparing them. */
  private fuzzy(word: TextWord, want: FormWord, form: NameForm): number | undefined {
    if (word.folded === want.folded) return 0;
    if (form.accepted) return undefined;
    if (!word.arabic) {
      if (want.capital && !word.capital) return undefined;
      // All-caps short words are acronyms: never compared.
      if (word.allCaps && word.folded.length < 6) return undefined;
      if (this.isCommonWord(word.folded)) return undefined;
    }
    const length = Math.min(word.folded.length, want.folded.length);
    if (length < MIN_SKELETON_LENGTH) return undefined;
    const severalWords = form.words.length > 1;
    if (length < MIN_FUZZY_LENGTH && !severalWords) return undefined;
    const cap = distanceCap(length);
    // A word that is the whole name (a surname alone) is compared more strictly.
    const single = form.words.length === 1;
    const d = single ? editDistance(this.index.strictOf(word.folded), this.index.strictOf(want.folded), cap) : editDistance(word.skeleton, want.skeleton, cap);
    return d <= cap ? d : undefined;
  }

  /** True for a word the document also writes in lower case, or one the genre's lists say is no name. */
  private isCommonWord(folded: string): boolean {
    const vocabulary = this.input.vocabulary;
    if (vocabulary !== undefined && vocabulary.size > 0) return ((vocabulary.get(folded) ?? 0) & 1) !== 0 || isListedNonName(folded);
    if (this.lowercase === undefined) {
      this.lowercase = new Set();
      for (const w of this.input.columns.words) {
        if (w.script === 'latin' && !w.upperInitial && !w.numeric && w.text.length > 1) this.lowercase.add(w.folded);
      }
    }
    return this.lowercase.has(folded) || isListedNonName(folded);
  }

  /**
   * A surname alone must stand alone: no other capitalised name right before it ("Ahmed Hamouchi" is
   * someone else) or after it, and no "bin ..." continuing it. Titles, roles, function words and
   * known entities around it are fine ("M. Hamouchi", "Director General Hamouchi").
   */
  private standsAlone(first: number, last: number): boolean {
    const { text, columns } = this.input;
    const { starts, ends, wordOf, words } = columns;
    const nameLike = (k: number): boolean => {
      const t = words[wordOf[k]!]!;
      if (t.script !== 'latin' || !t.upperInitial || t.numeric || t.text.length < 2) return false;
      if (SURNAME_ARTICLES.has(t.folded) || this.isCommonWord(t.folded)) return false;
      return this.resolvedSpans.overlapping(starts[k]!, ends[k]!).length === 0;
    };
    const adjacent = (a: number, b: number): boolean => /^[ \u00a0\u202f\-\u2010\u2011]+$/.test(text.slice(ends[a]!, starts[b]!));
    if (first > 0 && adjacent(first - 1, first) && nameLike(first - 1)) return false;
    const next = last + 1;
    if (next < starts.length && adjacent(last, next)) {
      if (nameLike(next)) return false;
      const t = words[wordOf[next]!]!;
      if (FOLLOWING_PARTICLES.has(t.folded) && next + 1 < starts.length && adjacent(next, next + 1) && nameLike(next + 1)) return false;
    }
    return true;
  }

  /** Chooses among overlapping candidates, applies the heuristics' evidence, and merges the result. */
  apply(candidates: Candidate[]): VariantResult {
    const { input } = this;
    const chosen = choose(candidates);
    // A longer name the heuristics found around a candidate is someone (or something) else.
    const heuristics = new SortedSpans(input.heuristic);
    const explained = new Set<HeuristicActor>();
    const kept: Candidate[] = [];
    for (const c of chosen) {
      const around = heuristics.overlapping(c.start, c.end);
      if (around.some((h) => h.start < c.start || h.end > c.end)) continue;
      kept.push(c);
    }
    // A surname alone beyond transliteration needs the actor named nearby: as the lexicon writes
    // it, or by a full name (a surname alone does not vouch for another).
    const naming: { start: number; entry: LexiconEntry }[] = [];
    for (const m of input.resolved) if (m.category === 'actor') naming.push(m);
    for (const c of kept) if (c.form.words.length > 1) naming.push({ start: c.start, entry: c.form.entry });
    const vouched = (c: Candidate): boolean => naming.some((m) => m.entry === c.form.entry && Math.abs(m.start - c.start) <= CORROBORATION_CHARS);
    const final = kept.filter((c) => !c.needsCorroboration || vouched(c));
    if (final.length === 0) return { resolved: input.resolved, heuristic: input.heuristic };

    const absorbed = new Set<EntityMatch>();
    const matches: EntityMatch[] = [];
    const cursor = new LanguageCursor(input.spans, input.language);
    for (const c of final) {
      for (const h of heuristics.overlapping(c.start, c.end)) explained.add(h);
      for (const m of c.absorbs) absorbed.add(m);
      const paragraphLang = cursor.at(c.start);
      const lang = c.form.langs.includes(paragraphLang) ? paragraphLang : c.form.langs[0]!;
      const canonical = c.form.accepted ? (c.form.canonical?.text ?? c.form.entry.name) : c.form.text;
      const distance = c.form.accepted ? (c.form.canonical?.distance ?? 0) : c.distance;
      // "Abdellatif Hamouchi" once «Hamouchi» is an accepted spelling: accepted as well.
      const acceptedWords = this.index.acceptedWordsOf(c.form.entry);
      const accepted = c.form.accepted || (acceptedWords !== undefined && c.differing.every((w) => acceptedWords.has(w)));
      const nameVariant: NameVariantMatch = { canonical, distance, accepted };
      matches.push(new VariantMatch(c.start, c.end, c.first, c.last, c.form.entry, canonical, lang, paragraphLang, nameVariant));
    }
    const resolved = absorbed.size === 0 ? input.resolved : input.resolved.filter((m) => !absorbed.has(m));
    return {
      resolved: mergeByPosition([resolved, matches]),
      heuristic: explained.size === 0 ? input.heuristic : input.heuristic.filter((h) => !explained.has(h)),
    };
  }
}

/** A word of the text that may start a search: a capitalised Latin word of 4+ letters, or an Arabic word of 3+. */
function isScannable(t: Token): boolean {
  if (t.numeric) return false;
  if (t.script === 'arabic') return t.folded.length >= 3;
  return t.script === 'latin' && t.upperInitial && t.folded.length >= MIN_SKELETON_LENGTH;
}

/** Adds the names `found` (indices into `forms`) that may start at token s and end at token i, as keys of `tryAt`. */
function startsHere(forms: readonly NameForm[], found: readonly number[], s: number, i: number, keys: number[]): void {
  for (const f of found) {
    const before = forms[f]!.words.length - 1;
    if (s >= i - 2 * before && s <= i - before) keys.push(f * 16 + (s - i + START_SPAN));
  }
}

/**
 * Whether a word of the text (folded, and its skeleton) may be read as the first word of a name of
 * several words: only as itself or by transliteration, or one edit away for a long given name
 * (what `align` lets through, see `givenTypo` there).
 */
function startsAs(folded: string, skeleton: string, want: FormWord, form: NameForm): boolean {
  if (folded === want.folded || skeleton === want.skeleton) return true;
  return form.givenName && !form.accepted && Math.min(folded.length, want.folded.length) >= MIN_GIVEN_NAME_TYPO && editDistance(skeleton, want.skeleton, 1) <= 1;
}

/** The letters a word uses, as bits (code units folded onto 32 bits: two letters may share one, which only makes the set coarser). */
function letterSet(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) bits |= 1 << (word.charCodeAt(i) & 31);
  return bits;
}

/** The number of bits set in a 32-bit integer. */
function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Two tokens that may be one name word written apart: one space or one hyphen between them. */
function joinable(text: string, from: number, to: number): boolean {
  if (to - from !== 1) return false;
  const c = text.charCodeAt(from);
  return c === 32 || c === 0xa0 || isHyphen(c);
}

/**
 * The candidates kept: the longest first (more words, then more text), then the closest; a span
 * that two actors explain equally well goes to neither. Sorted by position.
 */
function choose(candidates: Candidate[]): Candidate[] {
  const better = (a: Candidate, b: Candidate): number =>
    b.form.words.length - a.form.words.length ||
    b.end - b.start - (a.end - a.start) ||
    Number(b.form.accepted) - Number(a.form.accepted) ||
    a.distance - b.distance ||
    b.exactWords - a.exactWords ||
    a.start - b.start;
  const order = candidates.slice().sort(better);
  const taken: Candidate[] = [];
  const rejected = new Set<Candidate>();
  for (let i = 0; i < order.length; i++) {
    const c = order[i]!;
    if (rejected.has(c)) continue;
    // Ties with another actor on the same span: ambiguous.
    let ambiguous = false;
    for (let j = i + 1; j < order.length && better(c, order[j]!) === 0; j++) {
      const o = order[j]!;
      if (o.start === c.start && o.end === c.end && o.form.entry !== c.form.entry) {
        ambiguous = true;
        rejected.add(o);
      }
    }
    if (ambiguous) continue;
    if (taken.some((t) => t.start < c.end && c.start < t.end)) continue;
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start || b.end - a.end);
}
