/**
 * A tokenised text as columns: per token its offsets and its word number, plus one token object per
 * distinct word.
 *
 * The stages after tokenisation (language detection, the lexicon trie, the heuristics) read these
 * compact arrays rather than the token objects: a long document has a token every six characters
 * but repeats a few thousand words, so a fact about a word is computed once per word and read per
 * token from an array, without a hash lookup per token and per question, and without touching
 * token objects that are long out of the processor's cache.
 */
import type { Token } from './tokenize';

/** The tokens of a text as parallel arrays. Token i is [starts[i], ends[i]) and reads as `words[wordOf[i]]`. */
export interface TokenColumns {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** The word number of each token; tokens written alike (same `text`) share one. */
  readonly wordOf: Int32Array;
  /**
   * One token of each word (its first occurrence), by word number. Everything a token says
   * besides its offsets (text, folded form, script, case) is the same for every token of a word.
   */
  readonly words: readonly Token[];
}

/** Columns for tokens that come without them (tokenizeWithColumns makes them on the way). */
export function tokenColumns(tokens: readonly Token[]): TokenColumns {
  const columns = new TokenColumnsBuilder(tokens.length);
  const numbers = new Map<string, number>();
  for (const token of tokens) {
    let word = numbers.get(token.text);
    if (word === undefined) {
      word = columns.addWord(token);
      numbers.set(token.text, word);
    }
    columns.push(token.start, token.end, word);
  }
  return columns.finish();
}

/** Appends tokens to growing columns. */
export class TokenColumnsBuilder {
  private starts: Int32Array;
  private ends: Int32Array;
  private wordOf: Int32Array;
  private count = 0;
  private readonly words: Token[] = [];

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.wordOf = new Int32Array(size);
  }

  /** Numbers a new word, whose first token is `token`; returns its number. */
  addWord(token: Token): number {
    this.words.push(token);
    return this.words.length - 1;
  }

  push(start: number, end: number, word: number): void {
    const i = this.count;
    if (i === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
      this.wordOf = grown(this.wordOf);
    }
    this.starts[i] = start;
    this.ends[i] = end;
    this.wordOf[i] = word;
    this.count = i + 1;
  }

  finish(): TokenColumns {
    const n = this.count;
    return { starts: this.starts.subarray(0, n), ends: this.ends.subarray(0, n), wordOf: this.wordOf.subarray(0, n), words: this.words };
  }
}

function grown(column: Int32Array): Int32Array {
  const next = new Int32Array(column.length * 2);
  next.set(column);
  return next;
}
