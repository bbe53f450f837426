/**
 * Finds the lexicon's terms in a tokenised document.
 *
 * The lexicon is compiled once into a trie over folded tokens; matching is then one Map lookup per
 * distinct word of the document and an array read per token (plus a few lookups for Arabic clitic
 * stems), and a walk down the trie only where a term starts. The rules of issue 2 are checked on the candidates the trie yields, never by looping
 * over entries: case rules, combining forms, the language of the paragraph, the separators inside
 * a term and the currency rule.
 */
import type { Lang, LanguageSpan, Lexicon, LexiconEntry, ThreatFrame, Variant } from '../types';
import { tokenize, tokenizeEach, type Token } from '../text/tokenize';
import { tokenColumns, type TokenColumns } from '../text/tokenColumns';
import { Match, type EntityMatch, type IgnoredSpan, type MatchWork } from './entityMatch';

export type { MatchWork } from './entityMatch';
import { hyphenJoins, joinsTerm, touchesCurrency } from './gaps';
import { LanguageCursor } from './languageCursor';
import { TermTrie, arabicStems, offsetAfterLetters, type ArabicStem, type TrieNode } from './termTrie';
import { compileFrameHeads, scanFrames, type FrameHeadGroup, type FrameScan } from './threatFrames';

/** A variant of an entry, ready to be checked against the text. */
interface TermValue {
  type: 'term';
  entry: LexiconEntry;
  variant: Variant;
  /** For a variant under the `exact` case rule: its tokens as they must be written. */
  exact?: ExactForm;
  /** The variant ends with a dot ("EE. UU."): the dot after the last token belongs to the match. */
  trailingDot: boolean;
}

/** The tokens of an `exact` variant as written, without diacritics, and whether each is in capitals. */
interface ExactForm {
  written: string[];
  bare: string[];
  allCaps: boolean[];
}

interface IgnoreValue {
  type: 'ignore';
}

interface HeadValue {
  type: 'head';
  group: FrameHeadGroup;
}

type TrieValue = TermValue | IgnoreValue | HeadValue;

/** What the matcher found in one document. */
export interface LexiconMatches {
  /** Every candidate that passed the rules, overlapping ones included (see resolve.ts). */
  matches: EntityMatch[];
  /** Where terms of the `ignore` list occur. */
  ignored: IgnoredSpan[];
}

/** The input of one matching pass. */
export interface MatchInput {
  text: string;
  /** Tokens of the part of the text to scan, in order; or, instead, their columns. */
  tokens?: readonly Token[];
  /** The columns of those tokens (see tokenColumns.ts), which are all matching reads. */
  columns?: TokenColumns;
  /** When given, receives the work of the pass (added to what it holds). */
  work?: MatchWork;
  /** Paragraph languages; offsets outside every span take `language`. */
  spans: readonly LanguageSpan[];
  language: Lang;
}

// What a word of a document is to the trie (bits of the per-word roles in `match`).
const UNSEEN = 0;
const SEEN = 1;
const STARTS_TERM = 2; // its folded form is a first key of the trie
const ARABIC = 4; // its clitic stems may be

/** A word that continues no term (see TermTrie.innerKey); no folded word is empty. */
const NO_KEY = '';

// Memo sizes: enough for the vocabulary of many documents, small enough never to matter.
const MAX_MEMO = 50_000;
const SHORT_ACRONYM = 3;

/** A lexicon compiled for matching. Build it once per lexicon and reuse it for every document. */
export class LexiconMatcher {
  private readonly trie = new TermTrie<TrieValue>();
  /** Languages the lexicon has variants in; a paragraph in another language is not filtered. */
  private readonly languages = new Set<Lang>();
  private readonly ignoreForms = new Set<string>();
  /** The first folded word of each form of `ignoreForms`. */
  private readonly ignoreFirstWords = new Set<string>();
  private readonly foldCache = new Map<string, string>();
  private stemMemo = new Map<string, readonly ArabicStem[]>();

  constructor(readonly lexicon: Lexicon) {
    const entries = lexicon.entries instanceof Map ? [...lexicon.entries.values()] : [];
    const terms: { entry: LexiconEntry; variant: Variant }[] = [];
    for (const entry of entries) {
      if (!entry || !Array.isArray(entry.variants)) continue;
      for (const variant of entry.variants) {
        if (!variant || typeof variant.text !== 'string') continue;
        if (typeof variant.lang === 'string') this.languages.add(variant.lang);
        terms.push({ entry, variant });
      }
      for (const frame of Array.isArray(entry.frames) ? entry.frames : []) if (frame && typeof frame.lang === 'string') this.languages.add(frame.lang);
    }
    // The variants are tokenised together: at start-up, one pass is much cheaper than thousands.
    const termTokens = tokenizeEach(
      terms.map((t) => t.variant.text),
      this.foldCache,
    );
    for (let n = 0; n < terms.length; n++) {
      const { entry, variant } = terms[n]!;
      const tokens = termTokens[n]!;
      if (tokens.length === 0) continue;
      const value: TermValue = { type: 'term', entry, variant, trailingDot: variant.text.trimEnd().endsWith('.') };
      if (variant.caseRule === 'exact') {
        value.exact = { written: tokens.map((t) => t.text), bare: tokens.map((t) => stripMarks(t.text)), allCaps: tokens.map((t) => t.allCaps) };
      }
      for (const keys of this.keySequences(tokens)) this.trie.insert(keys, value);
    }
    // Frames share their head and object forms: each is tokenised once.
    const formKeys = new Map<string, string[][]>();
    const keysOf = (form: string): string[][] => {
      let keys = formKeys.get(form);
      if (keys === undefined) {
        keys = this.keySequences(tokenize(form, 0, form.length, this.foldCache));
        formKeys.set(form, keys);
      }
      return keys;
    };
    for (const group of compileFrameHeads(entries, keysOf)) {
      this.trie.insert(group.keys, { type: 'head', group });
    }
    const ignore = lexicon.ignore instanceof Set ? lexicon.ignore : new Set<string>();
    for (const term of ignore) {
      if (typeof term !== 'string') continue;
      const tokens = tokenize(term, 0, term.length, this.foldCache);
      if (tokens.length === 0) continue;
      this.ignoreForms.add(tokens.map((t) => t.folded).join(' '));
      this.ignoreFirstWords.add(tokens[0]!.folded);
      for (const keys of this.keySequences(tokens)) this.trie.insert(keys, { type: 'ignore' });
    }
  }

  /** Number of term keys in the trie (variants, Arabic article-free forms, frame heads, ignores). */
  get size(): number {
    return this.trie.size;
  }

  /** True when the folded words of `text` are a term of the `ignore` list. */
  isIgnored(text: string): boolean {
    if (this.ignoreForms.size === 0) return false;
    return this.ignoreForms.has(tokenize(text, 0, text.length, this.foldCache).map((t) => t.folded).join(' '));
  }

  /**
   * `isIgnored(text.slice(start, end))` for a span of a tokenised document, read from its columns:
   * when the span starts and ends on token boundaries, its tokens are the document's.
   */
  isIgnoredSpan(text: string, columns: TokenColumns, start: number, end: number): boolean {
    if (this.ignoreForms.size === 0) return false;
    const { starts, ends, wordOf, words } = columns;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    if (lo === starts.length || starts[lo] !== start || ends[lo]! > end) return this.isIgnored(text.slice(start, end));
    if (!this.ignoreFirstWords.has(words[wordOf[lo]!]!.folded)) return false;
    const folded: string[] = [];
    let k = lo;
    for (; k < starts.length && ends[k]! <= end; k++) folded.push(words[wordOf[k]!]!.folded);
    if (ends[k - 1] !== end) return this.isIgnored(text.slice(start, end));
    return this.ignoreForms.has(folded.join(' '));
  }

  /** Finds every candidate match in the tokens; overlaps are left to `resolveMatches`. */
  match(input: MatchInput): LexiconMatches {
    const out: EntityMatch[] = [];
    const ignored: IgnoredSpan[] = [];
    const text = input.text;
    const rootChildren = this.trie.root.children;
    // Matching reads the columns, never the token objects.
    const columns = input.columns ?? tokenColumns(text, input.tokens ?? []);
    if (rootChildren === undefined || columns.starts.length === 0) return { matches: out, ignored };
    const cursor = new LanguageCursor(input.spans, input.language);
    const { starts, ends, wordOf, words } = columns;
    const work: MatchWork = input.work ?? { lookups: 0, nodes: 0 };
    const frames: FrameScan = {
      text,
      columns,
      out,
      work,
      stems: (folded) => this.stems(folded),
      allows: (frame, paragraphLang, head) => this.frameAllowed(frame, paragraphLang, head),
    };
    const walk = (i: number, node: TrieNode<TrieValue>, skip: number): void => {
      const start = skip === 0 ? starts[i]! : starts[i]! + offsetAfterLetters(words[wordOf[i]!]!.text, skip);
      // Most walks ("de", "la" before a word that continues no term) end without a value: the
      // paragraph's language is read only for one that has some.
      let paragraphLang: Lang | undefined;
      let j = i;
      let current: TrieNode<TrieValue> | undefined = node;
      for (;;) {
        if (current.values !== undefined) {
          paragraphLang ??= cursor.at(starts[i]!);
          this.accept(text, columns, i, j, start, skip, current.values, paragraphLang, out, ignored, frames);
        }
        const children: Map<string, TrieNode<TrieValue>> | undefined = current.children;
        if (children === undefined || j + 1 >= starts.length) break;
        // The next word as the trie holds it, found once per word of the document: most words
        // ("la" or "de" followed by an ordinary word) continue no term, and cost no lookup here.
        const nextWord = wordOf[j + 1]!;
        let key = innerKeys[nextWord];
        if (key === undefined) {
          key = this.trie.innerKey(words[nextWord]!.folded) ?? NO_KEY;
          innerKeys[nextWord] = key;
          work.lookups++;
        }
        if (key === NO_KEY) break;
        current = children.get(key);
        work.lookups++;
        if (current === undefined) break;
        work.nodes++;
        const here = words[wordOf[j]!]!;
        if (!joinsTerm(text, ends[j]!, starts[j + 1]!, here.allCaps && ends[j]! - starts[j]! <= SHORT_ACRONYM)) break;
        j++;
      }
    };
    // Where each word enters the trie, looked up on its first occurrence; most words start no term
    // and are passed over on one byte.
    const entries: (TrieNode<TrieValue> | undefined)[] = new Array(words.length);
    const roles = new Uint8Array(words.length);
    // Per word of the document, the string the trie holds for it below the root, or NO_KEY.
    const innerKeys: (string | undefined)[] = new Array(words.length);
    for (let i = 0; i < starts.length; i++) {
      const id = wordOf[i]!;
      let role = roles[id]!;
      if (role === UNSEEN) {
        const word = words[id]!;
        entries[id] = rootChildren.get(word.folded);
        work.lookups++;
        if (entries[id] !== undefined) work.nodes++;
        role = (entries[id] !== undefined ? STARTS_TERM : 0) | (word.script === 'arabic' ? ARABIC : 0) | SEEN;
        roles[id] = role;
      }
      if (role === SEEN) continue;
      if (role & STARTS_TERM) walk(i, entries[id]!, 0);
      if (role & ARABIC) {
        for (const stem of this.stems(words[id]!.folded)) {
          const stemNode = rootChildren.get(stem.key);
          work.lookups++;
          if (stemNode !== undefined) {
            work.nodes++;
            walk(i, stemNode, stem.skip);
          }
        }
      }
    }
    return { matches: out, ignored };
  }

  /** Checks the values ending at token j of a walk that started at token i. */
  private accept(
    text: string,
    columns: TokenColumns,
    i: number,
    j: number,
    start: number,
    skip: number,
    values: readonly TrieValue[],
    paragraphLang: Lang,
    out: EntityMatch[],
    ignored: IgnoredSpan[],
    frames: FrameScan,
  ): void {
    const { starts, ends, wordOf, words } = columns;
    const first = words[wordOf[i]!]!;
    const lastEnd = ends[j]!;
    // The variants of one entry sit side by side at a node ("Europol" in fr, en and es): one match
    // per entry is enough, the one in the paragraph's language when there is one.
    let previous: EntityMatch | undefined;
    for (const value of values) {
      if (value.type === 'ignore') {
        ignored.push({ start, end: lastEnd });
        continue;
      }
      if (value.type === 'head') {
        scanFrames(frames, value.group, i, j, start, paragraphLang);
        continue;
      }
      const { entry, variant } = value;
      const rank = variant.lang === paragraphLang ? 0 : 1;
      if (previous !== undefined && previous.entry === entry && previous.rank <= rank) continue;
      if (!this.caseAgrees(value, columns, i, j, skip)) continue;
      if (variant.kind === 'combining' && !(j + 1 < starts.length && hyphenJoins(text, lastEnd, starts[j + 1]!))) continue;
      if (entry.category !== 'actor' && !this.languageAllows(variant, paragraphLang, first)) continue;
      if (entry.category === 'country' && touchesCurrency(text, start, lastEnd)) continue;
      const end = value.trailingDot && text.charCodeAt(lastEnd) === 46 ? lastEnd + 1 : lastEnd;
      const match: EntityMatch = new Match(start, end, i, j, entry.category, entry, variant.text, variant.lang, paragraphLang, 'term', rank);
      if (previous !== undefined && previous.entry === entry && previous.end === end) out[out.length - 1] = match;
      else out.push(match);
      previous = match;
    }
  }

  /** The case rule of a variant against the text (Arabic has no case). */
  private caseAgrees(value: TermValue, columns: TokenColumns, i: number, j: number, skip: number): boolean {
    const rule = value.variant.caseRule;
    const { wordOf, words } = columns;
    const first = words[wordOf[i]!]!;
    if (rule === 'fold' || skip > 0 || first.script === 'arabic') return true;
    if (rule === 'capitalized') return first.upperInitial;
    const exact = value.exact;
    if (rule === 'exact' && exact !== undefined) {
      for (let k = i; k <= j; k++) {
        const token = words[wordOf[k]!]!;
        const actual = token.text;
        if (actual === exact.written[k - i]) continue;
        // Common words meet acronyms all the time ("au" and AU, "un" and UN): reject them cheaply.
        if (!token.allCaps && exact.allCaps[k - i]) return false;
        // "ETATS" for "ÉTATS": same letters and case, diacritics aside.
        const bare = exact.bare[k - i];
        if (bare === undefined || actual.length < bare.length || stripMarks(actual) !== bare) return false;
      }
      return true;
    }
    return true;
  }

  /**
   * Countries, regions and threats match only in their own language's paragraphs, unless the form is
   * an acronym, Arabic (unambiguous by script) or the paragraph's language is one the lexicon lacks.
   * The same form in the paragraph's language is another value at the same trie node, so "the form
   * exists in that language" needs no extra lookup.
   */
  private languageAllows(variant: Variant, paragraphLang: Lang, first: Token): boolean {
    return (
      variant.lang === paragraphLang ||
      variant.kind === 'acronym' ||
      first.script === 'arabic' ||
      !this.languages.has(paragraphLang)
    );
  }

  private frameAllowed(frame: ThreatFrame, paragraphLang: Lang, head: Token): boolean {
    return frame.lang === paragraphLang || (head.script === 'arabic' && frame.lang === 'ar') || !this.languages.has(paragraphLang);
  }

  /** The key sequences a variant is filed under: its folded tokens, plus the article-free Arabic form. */
  private keySequences(tokens: readonly Token[]): string[][] {
    const keys = tokens.map((t) => t.folded);
    const first = tokens[0];
    if (first === undefined) return [];
    const sequences = [keys];
    if (first.script === 'arabic' && first.folded.startsWith('\u0627\u0644') && first.folded.length >= 4) {
      sequences.push([first.folded.slice(2), ...keys.slice(1)]);
    }
    return sequences;
  }

  private stems(folded: string): readonly ArabicStem[] {
    let stems = this.stemMemo.get(folded);
    if (stems === undefined) {
      if (this.stemMemo.size >= MAX_MEMO) this.stemMemo = new Map();
      stems = arabicStems(folded);
      this.stemMemo.set(folded, stems);
    }
    return stems;
  }
}

function stripMarks(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}
