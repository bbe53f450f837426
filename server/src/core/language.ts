/**
 * Language detection for press releases in French, English, Spanish and Arabic.
 *
 * Arabic is told apart by its script. The three Latin-script languages are told apart by their
 * function words ("the", "les", "los"...): they make up a third of any running text, so a
 * paragraph of a few lines is enough, and a headline or a one-line caption is not (it then takes
 * the language of the document, see `languageSpans`). Words that two of the languages share
 * ("de", "la", "en", "que", "un") are left out because they do not discriminate.
 */
import type { TokenColumns } from './text/tokenColumns';
import type { Lang, LanguageSpan } from './types';

/** The Latin-script languages scored by function words, in the order of the score array. */
const LATIN_LANGUAGES = ['fr', 'en', 'es'] as const;

// Function words per language, lower case. Only forms that are rare or absent in the other two
// languages; accented forms are listed as written (texts are NFC in practice).
const FUNCTION_WORDS: Record<(typeof LATIN_LANGUAGES)[number], readonly string[]> = {
  fr: [
    'le', 'les', 'des', 'du', 'et', 'est', 'une', 'dans', 'pour', 'sur', 'avec', 'par', 'qui', 'au',
    'aux', 'ont', 'été', 'cette', 'ces', 'ses', 'leur', 'leurs', 'nous', 'vous', 'il', 'ils', 'elle',
    'elles', 'ne', 'pas', 'plus', 'mais', 'où', 'à', 'l', 'd', 'qu', 'sont', 'était', 'être', 'aussi',
    'ainsi', 'selon', 'lors', 'après', 'contre', 'vers', 'chez', 'très', 'sous', 'deux', 'notamment',
    'afin', 'depuis', 'avait', 'même', 'tous', 'toutes', 'autres', 'notre', 'votre', 'ce', 'cet',
    'dont', 'ou', 'également', 'entre', 'leurs', 'lequel', 'laquelle', 'auprès', 'aujourd',
  ],
  en: [
    'the', 'of', 'and', 'to', 'in', 'is', 'was', 'were', 'that', 'for', 'with', 'on', 'by', 'from',
    'as', 'at', 'has', 'have', 'had', 'been', 'which', 'said', 'their', 'this', 'these', 'those',
    'it', 'its', 'an', 'are', 'be', 'will', 'not', 'or', 'who', 'also', 'into', 'than', 'they', 'he',
    'she', 'his', 'her', 'we', 'our', 'would', 'can', 'more', 'after', 'over', 'such', 'other', 'all',
    'there', 'about', 'between', 'under', 'during', 'against', 'including', 'while', 'across',
  ],
  es: [
    'el', 'los', 'las', 'del', 'y', 'por', 'para', 'con', 'una', 'su', 'sus', 'al', 'es', 'ha', 'han',
    'fue', 'como', 'más', 'este', 'esta', 'estos', 'estas', 'sobre', 'según', 'también', 'desde',
    'hasta', 'lo', 'sido', 'muy', 'pero', 'cuando', 'durante', 'otros', 'otras', 'dos', 'ya', 'ser',
    'está', 'están', 'sin', 'tras', 'o', 'ni', 'todos', 'donde', 'hay', 'había', 'habían', 'dicha',
    'dicho', 'ante', 'bajo', 'cual', 'cuales', 'además', 'así', 'mediante', 'entre',
  ],
};

// "entre" and "leurs" appear above for readability of the lists; a word listed for two languages
// is dropped from both when the table is built, so shared words never count.
const WORD_LANGUAGE: ReadonlyMap<string, number> = (() => {
  const seen = new Map<string, number>();
  LATIN_LANGUAGES.forEach((lang, index) => {
    for (const w of FUNCTION_WORDS[lang]) {
      const before = seen.get(w);
      seen.set(w, before === undefined || before === index ? index : -1);
    }
  });
  for (const [w, index] of seen) if (index < 0) seen.delete(w);
  return seen;
})();

/** Fewest function-word hits for a Latin-script verdict: below this a paragraph is a headline or a caption. */
const MIN_HITS = 3;
/** Share of the hits the winning language needs. */
const MIN_SHARE = 0.6;
/** Hits at which confidence saturates. */
const FULL_CONFIDENCE_HITS = 12;
/** Fewest Arabic letters for an Arabic verdict. */
const MIN_ARABIC_LETTERS = 12;
/** A trie over the function words, walked character by character so that no word string is built. */
interface TrieNode {
  next: Map<number, TrieNode>;
  /** Index into LATIN_LANGUAGES of the word ending here, or -1. */
  language: number;
}

const FUNCTION_WORD_TRIE: TrieNode = (() => {
  const root: TrieNode = { next: new Map(), language: -1 };
  for (const [word, index] of WORD_LANGUAGE) {
    let node = root;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let child = node.next.get(c);
      if (child === undefined) {
        child = { next: new Map(), language: -1 };
        node.next.set(c, child);
      }
      node = child;
    }
    node.language = index;
  }
  return root;
})();

// Per code unit, computed on first sight: 1 not a letter, 2 a letter, 3 an Arabic letter (0 = not
// yet known); and its lower-case form when that is one code unit.
const NOT_LETTER = 1;
const LETTER = 2;
const ARABIC_LETTER = 3;
const unitClass = new Uint8Array(65536);
const unitLower = new Uint16Array(65536);
const LETTER_RE = /[\p{L}\p{M}]/u;

function classOfUnit(c: number): number {
  let k = unitClass[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    // Surrogate halves are letters of some astral script: never Arabic, never a function word.
    if (c >= 0xd800 && c <= 0xdfff) k = LETTER;
    else if (!LETTER_RE.test(ch)) k = NOT_LETTER;
    else k = isArabicUnit(c) ? ARABIC_LETTER : LETTER;
    const lower = ch.toLowerCase();
    unitLower[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
    unitClass[c] = k;
  }
  return k;
}

function isArabicUnit(c: number): boolean {
  return (
    (c >= 0x0600 && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfeff)
  );
}

/** What detection counts in a stretch of text: function-word hits per Latin language, and letters. */
interface Tally {
  /** Hits per index of LATIN_LANGUAGES. */
  hits: [number, number, number];
  arabicLetters: number;
  /** Letters of any other script. */
  otherLetters: number;
}

const emptyTally = (): Tally => ({ hits: [0, 0, 0], arabicLetters: 0, otherLetters: 0 });

/**
 * Counts text[from,to) code unit by code unit: words are runs of letters; a Latin word walks the
 * trie while it can, and counts when it ends on a function word.
 */
function tallyUnits(text: string, from: number, to: number, tally: Tally): void {
  const hits = tally.hits;
  let inWord = false;
  let node: TrieNode | undefined;
  for (let i = from; i <= to; i++) {
    const k = i < to ? classOfUnit(text.charCodeAt(i)) : NOT_LETTER;
    if (k === NOT_LETTER) {
      if (inWord && node !== undefined && node.language >= 0) hits[node.language]!++;
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      node = k === ARABIC_LETTER ? undefined : FUNCTION_WORD_TRIE;
    }
    if (k === ARABIC_LETTER) tally.arabicLetters++;
    else tally.otherLetters++;
    if (node !== undefined) node = node.next.get(unitLower[text.charCodeAt(i)]!);
  }
}

/**
 * Tokens stand for the letters of a text: the characters between two tokens are never letters,
 * except halves of surrogate pairs outside every token (an emoji), which the code-unit count takes
 * for letters of a word. Ranges that hold one are counted unit by unit, so both ways agree.
 */
const SURROGATE_RE = /[\uD800-\uDFFF]/;

// What a word of the vocabulary adds to a tally, in TokenTallies.counts (five numbers per word).
const UNCOUNTED = 0;
const LETTERS_ONLY = 1; // only letters of non-Arabic scripts, in the fifth number
const COUNTS = 2; // function-word hits or Arabic letters too

/**
 * The tokens of a text, read for detection: each word is counted once (unit by unit, so digits
 * inside a token split it as they split a word) and then added up per range. Documents repeat a
 * small vocabulary, so this costs an array read per token instead of a walk per letter.
 */
class TokenTallies {
  /** Per word number: UNCOUNTED, LETTERS_ONLY or COUNTS. */
  private readonly kinds: Uint8Array;
  /** Per word number, five numbers: hits in fr, en, es, Arabic letters, other letters. */
  private readonly counts: Int32Array;
  /** Index of the first token not yet passed: ranges are usually read in order. */
  private next = 0;

  constructor(
    private readonly text: string,
    private readonly columns: TokenColumns,
  ) {
    this.kinds = new Uint8Array(columns.words.length);
    this.counts = new Int32Array(columns.words.length * 5);
  }

  /**
   * Adds the counts of text[from,to) to a fresh `tally`. Letters of other scripts are only counted
   * in full when the Arabic letters reach MIN_ARABIC_LETTERS, the only case where `verdict` reads them.
   */
  add(from: number, to: number, tally: Tally): void {
    const text = this.text;
    if (this.columns.surrogateOutsideTokens && SURROGATE_RE.test(text.slice(from, to))) {
      tallyUnits(text, from, to, tally);
      return;
    }
    const { starts, ends, wordOf } = this.columns;
    const { kinds, counts } = this;
    // Most words are neither function words nor Arabic: they only add letters of other scripts,
    // which the verdict reads only when the range has enough Arabic letters. So they are passed
    // over, and counted in a second pass when that happens.
    const first = this.firstEndingAfter(from);
    let i = first;
    for (; i < starts.length && starts[i]! < to; i++) {
      if (starts[i]! < from || ends[i]! > to) {
        // A token cut by the range (a sample that ends inside a word): count the part inside.
        tallyUnits(text, Math.max(from, starts[i]!), Math.min(to, ends[i]!), tally);
        continue;
      }
      const id = wordOf[i]!;
      const kind = kinds[id] === UNCOUNTED ? this.countWord(id) : kinds[id]!;
      if (kind === LETTERS_ONLY) continue;
      const at = id * 5;
      tally.hits[0] += counts[at]!;
      tally.hits[1] += counts[at + 1]!;
      tally.hits[2] += counts[at + 2]!;
      tally.arabicLetters += counts[at + 3]!;
      tally.otherLetters += counts[at + 4]!;
    }
    this.next = i;
    if (tally.arabicLetters < MIN_ARABIC_LETTERS) return;
    for (let k = first; k < i; k++) {
      const id = wordOf[k]!;
      if (kinds[id] === LETTERS_ONLY && starts[k]! >= from && ends[k]! <= to) tally.otherLetters += counts[id * 5 + 4]!;
    }
  }

  /** Counts word `id` of the vocabulary; returns its kind. */
  private countWord(id: number): number {
    const written = this.columns.words[id]!.text;
    const tally = emptyTally();
    tallyUnits(written, 0, written.length, tally);
    const at = id * 5;
    this.counts[at] = tally.hits[0];
    this.counts[at + 1] = tally.hits[1];
    this.counts[at + 2] = tally.hits[2];
    this.counts[at + 3] = tally.arabicLetters;
    this.counts[at + 4] = tally.otherLetters;
    const kind = tally.hits[0] + tally.hits[1] + tally.hits[2] + tally.arabicLetters > 0 ? COUNTS : LETTERS_ONLY;
    this.kinds[id] = kind;
    return kind;
  }

  private firstEndingAfter(offset: number): number {
    const ends = this.columns.ends;
    let i = this.next;
    if (i > 0 && ends[i - 1]! > offset) {
      // Out of order: binary search for the first token ending after `offset`.
      let lo = 0;
      let hi = ends.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ends[mid]! <= offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }
    while (i < ends.length && ends[i]! <= offset) i++;
    return i;
  }
}

/**
 * Detects the language of text[start,end) from function words; null when not confident.
 * `columns`, when given, are the tokens of the text (or of a part covering the range): they are
 * read instead of the characters, with the same verdict.
 */
export function detectLanguage(
  text: string,
  start = 0,
  end: number = text.length,
  columns?: TokenColumns,
): { language: Lang; confidence: number } | null {
  if (typeof text !== 'string') return null;
  const from = Math.max(0, Math.min(start | 0, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  if (to - from === 0) return null;
  const tally = emptyTally();
  if (columns === undefined) tallyUnits(text, from, to, tally);
  else new TokenTallies(text, columns).add(from, to, tally);
  return verdict(tally);
}

function verdict(tally: Tally): { language: Lang; confidence: number } | null {
  const { hits, arabicLetters } = tally;
  const letters = arabicLetters + tally.otherLetters;
  if (arabicLetters >= MIN_ARABIC_LETTERS && arabicLetters * 2 >= letters) {
    return { language: 'ar', confidence: round(arabicLetters / letters) };
  }
  const total = hits[0] + hits[1] + hits[2];
  if (total < MIN_HITS) return null;
  let best = 0;
  for (let i = 1; i < hits.length; i++) if (hits[i]! > hits[best]!) best = i;
  const share = hits[best]! / total;
  if (share < MIN_SHARE) return null;
  return { language: LATIN_LANGUAGES[best]!, confidence: round(share * Math.min(1, total / FULL_CONFIDENCE_HITS)) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Splits text[start,end) into paragraphs (blank-line separated) and gives each its language;
 * short or unclear paragraphs take `fallback`. Adjacent spans of one language are merged.
 *
 * The spans tile [start,end) without gaps: each paragraph's span runs to the start of the next
 * paragraph, so the blank lines belong to the paragraph above them. `columns` are read instead of
 * the characters when given, as in `detectLanguage`. `leading`, when given, says that text[start]
 * continues a paragraph that began earlier in that language (a slice of a long text, see
 * text/slices.ts): the first paragraph takes it instead of being detected.
 */
export function languageSpans(text: string, start: number, end: number, fallback: Lang, columns?: TokenColumns, leading?: Lang): LanguageSpan[] {
  const tallies = columns === undefined ? undefined : new TokenTallies(text, columns);
  const from = Math.max(0, Math.min(start | 0, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const spans: LanguageSpan[] = [];
  const push = (s: number, e: number, language: Lang): void => {
    const last = spans[spans.length - 1];
    if (last !== undefined && last.language === language) last.end = e;
    else spans.push({ start: s, end: e, language });
  };

  // Paragraph starts: the first non-blank line after one or more blank lines.
  let paragraphStart = from;
  let sawBlank = false;
  let lineStart = from;
  let spanStart = from;
  // A lone CR ends a line too (old Mac files). The next LF and the next CR are kept, each searched
  // again only once passed, so that a document without one of them is searched for it once, not
  // once per line.
  let lf = text.indexOf('\n', from);
  let cr = text.indexOf('\r', from);
  while (lineStart < to) {
    if (lf >= 0 && lf < lineStart) lf = text.indexOf('\n', lineStart);
    if (cr >= 0 && cr < lineStart) cr = text.indexOf('\r', lineStart);
    let nl = lf < 0 || lf >= to ? to : lf;
    if (cr >= 0 && cr < nl && text.charCodeAt(cr + 1) !== 10) nl = cr;
    const blank = isBlank(text, lineStart, nl);
    if (blank) {
      sawBlank = true;
    } else if (sawBlank) {
      // lineStart opens a new paragraph: close the previous one at its own end, with its span
      // stretching up to here.
      if (paragraphStart < lineStart) push(spanStart, lineStart, paragraphStart === from && leading !== undefined ? leading : paragraphLanguage(text, paragraphStart, lineStart, fallback, tallies));
      spanStart = lineStart;
      paragraphStart = lineStart;
      sawBlank = false;
    }
    lineStart = nl + 1;
  }
  push(spanStart, to, paragraphStart === from && leading !== undefined ? leading : paragraphLanguage(text, paragraphStart, to, fallback, tallies));
  return spans;
}

/** Enough of a paragraph to tell its language: a long one (or a document on one line) is sampled. */
export const PARAGRAPH_SAMPLE = 4096;

function paragraphLanguage(text: string, start: number, end: number, fallback: Lang, tallies: TokenTallies | undefined): Lang {
  const to = Math.min(end, start + PARAGRAPH_SAMPLE);
  if (tallies === undefined) return detectLanguage(text, start, to)?.language ?? fallback;
  if (to <= start) return fallback;
  const tally = emptyTally();
  tallies.add(start, to, tally);
  return verdict(tally)?.language ?? fallback;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xa0 && c !== 0xfeff && c !== 12 && c !== 11) return false;
  }
  return true;
}
