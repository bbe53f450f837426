/**
 * Tokenisation: the one pass over the text that every later stage shares.
 *
 * A token is a maximal run of letters, combining marks and digits. Apostrophes, hyphens, dots and
 * spaces separate tokens, which is what makes French elision ("l'Espagne", "qu'Europol") and
 * compound adjectives ("maroco-espagnole") fall out of plain token matching. Offsets are UTF-16
 * code units into the original string, so they never split a surrogate pair (a pair is one
 * code point of `\p{L}` or is outside every token).
 */

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

const TOKEN_RE = /[\p{L}\p{M}\p{N}]+/gu;
const ARABIC_RE = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN_RE = /\p{Script=Latin}/u;
const DIGITS_RE = /^\p{N}+$/u;
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

/**
 * Splits text into tokens. `fold` is memoised per distinct word, which keeps the pass close to the
 * cost of the regular expression alone on long documents (vocabularies are small).
 */
export function tokenize(text: string, from = 0, to = text.length, cache: Map<string, string> = new Map()): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = from;
  for (let m = TOKEN_RE.exec(text); m !== null && m.index < to; m = TOKEN_RE.exec(text)) {
    let raw = m[0];
    let end = m.index + raw.length;
    if (end > to) {
      raw = raw.slice(0, to - m.index);
      end = to;
    }
    let folded = cache.get(raw);
    if (folded === undefined) {
      folded = foldWord(raw);
      cache.set(raw, folded);
    }
    const first = raw.charAt(0);
    const script: Script = ARABIC_RE.test(first) ? 'arabic' : LATIN_RE.test(first) ? 'latin' : 'other';
    const lower = raw.toLowerCase();
    const upper = raw.toUpperCase();
    tokens.push({
      start: m.index,
      end,
      text: raw,
      folded,
      script,
      upperInitial: first !== first.toLowerCase() && first === first.toUpperCase(),
      allCaps: raw === upper && raw !== lower,
      numeric: DIGITS_RE.test(raw),
    });
  }
  return tokens;
}
