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
   * The code unit right after each token (0 where the text, or the part of it tokenised, ends),
   * so that the usual separator, one space, is known without reading the text again.
   */
  readonly after: Uint16Array;
  /**
   * One token of each word (its first occurrence), by word number. Everything a token says
   * besides its offsets (text, folded form, script, case) is the same for every token of a word.
   */
  readonly words: readonly Token[];
  /**
   * False when no UTF-16 surrogate stands between two tokens, i.e. nothing of the text but its
   * tokens holds a letter even by a code-unit reading (see language.ts). True when unknown.
   */
  readonly surrogateOutsideTokens: boolean;
}

/** Columns for the tokens of `text` that come without them (tokenizeWithColumns makes them on the way). */
export function tokenColumns(text: string, tokens: readonly Token[]): TokenColumns {
  const columns = new TokenColumnsBuilder(tokens.length);
  // The text between the tokens is not known here.
  columns.surrogateOutsideTokens = true;
  const numbers = new Map<string, number>();
  for (const token of tokens) {
    let word = numbers.get(token.text);
    if (word === undefined) {
      word = columns.addWord(token);
      numbers.set(token.text, word);
    }
    columns.push(token.start, token.end, word, text.charCodeAt(token.end) || 0);
  }
  return columns.finish();
}

/** Appends tokens to growing columns. */
export class TokenColumnsBuilder {
  private starts: Int32Array;
  private ends: Int32Array;
  private wordOf: Int32Array;
  private after: Uint16Array;
  private count = 0;
  private readonly words: Token[] = [];
  /** Set by the tokenizer when it passes a surrogate between two tokens. */
  surrogateOutsideTokens = false;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.wordOf = new Int32Array(size);
    this.after = new Uint16Array(size);
  }

  /** Numbers a new word, whose first token is `token`; returns its number. */
  addWord(token: Token): number {
    this.words.push(token);
    return this.words.length - 1;
  }

  push(start: number, end: number, word: number, after: number): void {
    const i = this.count;
    if (i === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
      this.wordOf = grown(this.wordOf);
      const next = new Uint16Array(this.after.length * 2);
      next.set(this.after);
      this.after = next;
    }
    this.starts[i] = start;
    this.ends[i] = end;
    this.wordOf[i] = word;
    this.after[i] = after;
    this.count = i + 1;
  }

  finish(): TokenColumns {
    const n = this.count;
    return {
      starts: this.starts.subarray(0, n),
      ends: this.ends.subarray(0, n),
      wordOf: this.wordOf.subarray(0, n),
      after: this.after.subarray(0, n),
      words: this.words,
      surrogateOutsideTokens: this.surrogateOutsideTokens,
    };
  }
}

function grown(column: Int32Array): Int32Array {
  const next = new Int32Array(column.length * 2);
  next.set(column);
  return next;
}
