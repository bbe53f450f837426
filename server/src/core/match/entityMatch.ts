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

/** A stretch of text covered by a term of the lexicon's `ignore` list. */
export interface IgnoredSpan {
  start: number;
  end: number;
}
