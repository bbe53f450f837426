/**
 * Tokenisation: the one pass over the text that every later stage shares.
 *
 * A token is a maximal run of letters, combining marks and digits. Apostrophes, hyphens, dots and
 * spaces separate tokens, which is what makes French elision ("l'Espagne", "qu'Europol") and
 * compound adjectives ("maroco-espagnole") fall out of plain token matching. Offsets are UTF-16
 * code units into the original string, so they never split a surrogate pair (a pair is one
 * code point of `\p{L}` or is outside every token).
 */
import { TokenColumnsBuilder, type ColumnPool, type TokenColumns } from './tokenColumns';

/** The writing system of a token, which decides how it is folded. */
export type Script = 'latin' | 'arabic' | 'other';

/** One word or number of the text. */
export interface Token {
  /** UTF-16 offset of the first code unit. */
  start: number;
  /** UTF-16 offset just past the last code unit. */
  end: number;
  /** The token exactly as written. */
  text: string;
  /** Case-, diacritic- and (for Arabic) orthography-folded form used for matching. */
  folded: string;
  script: Script;
  /** True when the first character is an upper-case letter. */
  upperInitial: boolean;
  /** True when the token has at least one letter and no lower-case letter ("DGSN", "UE"). */
  allCaps: boolean;
  /** True when the token is only digits. */
  numeric: boolean;
}

const ARABIC_RE = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN_RE = /\p{Script=Latin}/u;
const WORD_RE = /^[\p{L}\p{M}\p{N}]+$/u;
const DIGIT_RE = /^\p{N}+$/u;
const MARKS_RE = /\p{M}+/gu;
const TATWEEL_RE = /\u0640/g;

/** Folds an Arabic word: drops tashkeel and tatweel, unifies alef, ya and ta marbuta forms. */
export function foldArabic(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED]/g, '')
    .replace(TATWEEL_RE, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647');
}

/** Folds any word for matching: lower case, no diacritics; Arabic orthographic variants unified. */
export function foldWord(s: string): string {
  if (ARABIC_RE.test(s)) return foldArabic(s);
  return s.normalize('NFD').replace(MARKS_RE, '').toLowerCase().normalize('NFC');
}

// Character classes of UTF-16 code units, computed on first sight from the Unicode regular
// expressions above and kept in a fixed 64 KiB table: the scan then costs one array read per
// character instead of a regular-expression step, and no string is built for words already seen.
const KNOWN = 1;
const WORD = 2;
const UPPER = 4; // changes under toLowerCase and not under toUpperCase
const HAS_LOWER = 8; // changes under toUpperCase
const CASED = 16; // changes under toLowerCase
const DIGIT = 32;
const ARABIC = 64;
const LATIN = 128;
const unitClass = new Uint8Array(65536);

function classify(s: string): number {
  let flags = KNOWN;
  if (WORD_RE.test(s)) flags |= WORD;
  const lower = s.toLowerCase();
  const upper = s.toUpperCase();
  if (s !== lower) flags |= CASED;
  if (s !== upper) flags |= HAS_LOWER;
  if (s !== lower && s === upper) flags |= UPPER;
  if (DIGIT_RE.test(s)) flags |= DIGIT;
  if (ARABIC_RE.test(s)) flags |= ARABIC;
  if (LATIN_RE.test(s)) flags |= LATIN;
  return flags;
}

function classOfUnit(c: number): number {
  let f = unitClass[c]!;
  if (f === 0) {
    f = classify(String.fromCharCode(c));
    unitClass[c] = f;
  }
  return f;
}

/** Class of the code point at i (a surrogate pair counts as one) and its length in code units. */
function classAt(text: string, i: number, len: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classify(text.slice(i, i + 2)) | 0x100;
  }
  return classOfUnit(c);
}

/** What tokenisation knows about one distinct word, computed once per word. */
interface WordInfo {
  /** The word itself, shared by every token of it so that long documents keep one copy. */
  text: string;
  folded: string;
  script: Script;
  upperInitial: boolean;
  allCaps: boolean;
  numeric: boolean;
  /** The pass of `tokenizeWithColumns` that last numbered this word, and its number there. */
  pass: number;
  number: number;
}

/** The per-word memo that goes with a caller's fold cache, and a count of the passes that numbered words. */
interface WordMemo {
  words: Map<string, WordInfo>;
  passes: number;
}

// Keyed weakly by the caller's map, so the memo lives exactly as long as that cache; sharing the
// word strings between tokens divides the memory (and the garbage-collection time) of a 10 MB
// document by several times.
const wordMemos = new WeakMap<Map<string, string>, WordMemo>();

function describeWord(raw: string, first: number, allCaps: boolean, numeric: boolean, cache: Map<string, string>): WordInfo {
  let folded = cache.get(raw);
  if (folded === undefined) {
    folded = foldWord(raw);
    cache.set(raw, folded);
  }
  // The script and the initial are those of the first code unit, as `charAt(0)` would give.
  const unit = first & 0x100 ? KNOWN : first;
  return {
    text: raw,
    folded,
    script: unit & ARABIC ? 'arabic' : unit & LATIN ? 'latin' : 'other',
    upperInitial: (unit & UPPER) !== 0,
    allCaps,
    numeric,
    pass: 0,
    number: -1,
  };
}

/**
 * Splits text[from, to) into tokens. Folding is memoised per distinct word in `cache` (pass the
 * same map across calls to share it), which keeps the pass close to the cost of the character
 * scan alone on long documents: vocabularies are small.
 */
export function tokenize(text: string, from = 0, to = text.length, cache: Map<string, string> = new Map()): Token[] {
  return scan(text, from, to, cache, undefined);
}

/**
 * `tokenize` of each of many short texts (the variants of a lexicon), in one pass over them joined
 * by line breaks: a line break is never inside a token, and one long pass costs a fraction of
 * thousands of short ones. Token offsets are into the joined text.
 */
export function tokenizeEach(texts: readonly string[], cache: Map<string, string> = new Map()): Token[][] {
  const joined = texts.join('\n');
  const tokens = scan(joined, 0, joined.length, cache, undefined);
  const each: Token[][] = [];
  let k = 0;
  let end = -1;
  for (const text of texts) {
    end += text.length + 1;
    const own: Token[] = [];
    while (k < tokens.length && tokens[k]!.start < end) own.push(tokens[k++]!);
    each.push(own);
  }
  return each;
}

/**
 * `tokenize`, and the columns of its tokens (offsets and word numbers, see tokenColumns.ts), made
 * in the same pass: the word numbers come from the per-word memo the pass reads anyway.
 */
export function tokenizeWithColumns(text: string, from = 0, to = text.length, cache: Map<string, string> = new Map()): { tokens: Token[]; columns: TokenColumns } {
  // About one token per six characters in prose; the columns grow if there are more.
  const columns = new TokenColumnsBuilder(Math.ceil((Math.min(to, text.length) - Math.max(0, from)) / 6));
  const tokens = scan(text, from, to, cache, columns);
  return { tokens, columns: columns.finish() };
}

/**
 * The columns of text[from, to) alone, without a token object per token: what recognition reads.
 * A long document has a token every six characters, so leaving those objects out saves most of the
 * allocation (and the collector's work) of tokenisation. With a `pool`, the columns are written
 * into buffers an earlier document gave back (see ColumnPool).
 */
export function tokenizeColumns(text: string, from = 0, to = text.length, cache: Map<string, string> = new Map(), pool?: ColumnPool): TokenColumns {
  const columns = new TokenColumnsBuilder(Math.ceil((Math.min(to, text.length) - Math.max(0, from)) / 6), pool);
  scan(text, from, to, cache, columns, false);
  return columns.finish();
}

function scan(text: string, from: number, to: number, cache: Map<string, string>, columns: TokenColumnsBuilder | undefined, keepTokens = true): Token[] {
  let memo = wordMemos.get(cache);
  if (memo === undefined) {
    memo = { words: new Map(), passes: 0 };
    wordMemos.set(cache, memo);
  }
  const words = memo.words;
  const pass = columns === undefined ? 0 : ++memo.passes;
  const tokens: Token[] = [];
  const limit = Math.min(Math.max(0, to), text.length);
  let i = Math.max(0, from);
  // Never start inside a surrogate pair.
  if (i > 0 && i < limit && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) i++;
  while (i < limit) {
    const c = text.charCodeAt(i);
    let f = c < 0xd800 || c > 0xdfff ? classOfUnit(c) : classAt(text, i, limit);
    if ((f & WORD) === 0) {
      // Language detection counts the halves of a pair outside every token as letters (see language.ts).
      if (columns !== undefined && c >= 0xd800 && c <= 0xdfff) columns.surrogateOutsideTokens = true;
      i += f & 0x100 ? 2 : 1;
      continue;
    }
    const start = i;
    const first = f;
    let allUpper = true; // no unit with a lower-case letter
    let cased = false;
    let digits = true;
    let next = 0; // the code unit after the token, 0 at the end
    for (;;) {
      if (f & HAS_LOWER) allUpper = false;
      if (f & CASED) cased = true;
      if ((f & DIGIT) === 0) digits = false;
      i += f & 0x100 ? 2 : 1;
      if (i >= limit) {
        next = 0;
        break;
      }
      next = text.charCodeAt(i);
      f = next < 0xd800 || next > 0xdfff ? classOfUnit(next) : classAt(text, i, limit);
      if ((f & WORD) === 0) break;
    }
    const raw = text.slice(start, i);
    let word = words.get(raw);
    if (word === undefined) {
      word = describeWord(raw, first, allUpper && cased, digits, cache);
      words.set(raw, word);
    }
    let token: Token | undefined;
    if (keepTokens) {
      token = tokenOf(word, start, i);
      tokens.push(token);
    }
    if (columns !== undefined) {
      if (word.pass !== pass) {
        word.pass = pass;
        word.number = columns.addWord(token ?? tokenOf(word, start, i));
      }
      columns.push(start, i, word.number, next);
    }
  }
  return tokens;
}

function tokenOf(word: WordInfo, start: number, end: number): Token {
  return {
    start,
    end,
    text: word.text,
    folded: word.folded,
    script: word.script,
    upperInitial: word.upperInitial,
    allCaps: word.allCaps,
    numeric: word.numeric,
  };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
