/**
 * The matcher's result before it becomes an Entity: a lexicon entry found at a span of tokens.
 */
import type { Category, Lang, LexiconEntry } from '../types';

/** One lexicon (or threat-frame) match in a document. */
export interface EntityMatch {
  /** UTF-16 offsets of the match in the document: [start, end). */
  start: number;
  end: number;
  /** Indices of the first and last tokens covered, for overlap resolution. */
  firstToken: number;
  lastToken: number;
  /** The entry's category (copied for the resolution passes). */
  category: Category;
  entry: LexiconEntry;
  /** The variant as written in the lexicon, or the matched text for a threat frame. */
  variant: string;
  /** Language of the variant or frame. */
  lang: Lang;
  /** Paragraph language at the match. */
  paragraphLang: Lang;
  /** How the match was found. */
  via: 'term' | 'frame';
  /** Tie-break among matches of equal span: lower wins (a variant of the paragraph's language first). */
  rank: number;
}

/**
 * How the matcher and the frames make their EntityMatch objects. A class keeps the thousands of
 * matches of a long document to one shape, and V8 allocates its instances markedly faster than
 * object literals that outlive their function (about a sixth of the matching time on a 1 MB document).
 */
export class Match implements EntityMatch {
  constructor(
    public start: number,
    public end: number,
    public firstToken: number,
    public lastToken: number,
    public category: Category,
    public entry: LexiconEntry,
    public variant: string,
    public lang: Lang,
    public paragraphLang: Lang,
    public via: 'term' | 'frame',
    public rank: number,
  ) {}
}

/** A stretch of text covered by a term of the lexicon's `ignore` list. */
export interface IgnoredSpan {
  start: number;
  end: number;
}

/**
 * The work of one matching pass, counted for the tests of issue 2's "Speed" section: matching
 * must not grow with the lexicon, and these counts say so without timing anything.
 */
export interface MatchWork {
  /** Lookups of a word (or an Arabic stem) among the children of a trie node, frame objects included. */
  lookups: number;
  /** Trie nodes those lookups reached. */
  nodes: number;
}
