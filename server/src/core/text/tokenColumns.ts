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

/** The four typed arrays behind a set of columns, at their full length. */
interface ColumnBuffers {
  starts: Int32Array;
  ends: Int32Array;
  wordOf: Int32Array;
  after: Uint16Array;
}

/** Largest set of buffers a pool keeps (tokens): 14 bytes each, so about 28 MiB. */
const MAX_POOLED_TOKENS = 2 * 1024 * 1024;
/** How many sets a pool keeps: enough for the documents a server analyses side by side. */
const MAX_POOLED_SETS = 4;

/**
 * Column buffers handed back by finished recognitions, for the next ones to write into.
 *
 * Typed arrays live outside the JavaScript heap, and V8 starts a full collection once enough such
 * memory has been allocated since the last one. A full collection costs in proportion to the whole
 * heap, lexicon included: hundreds of milliseconds with a 100k-entry lexicon. Recognising a 10 MB
 * document allocates over 20 MB of columns, so without reuse every second or third long document
 * paid for one. A recognizer owns one pool; columns go back to it only when nothing reads them any
 * more, and a recognition that is abandoned halfway simply leaves its buffers to the collector.
 */
export class ColumnPool {
  private readonly free: ColumnBuffers[] = [];

  /** A set of buffers of at least `capacity` tokens, or undefined when the pool has none. */
  take(capacity: number): ColumnBuffers | undefined {
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      const size = this.free[i]!.starts.length;
      if (size >= capacity && (best === -1 || size < this.free[best]!.starts.length)) best = i;
    }
    if (best === -1) return undefined;
    return this.free.splice(best, 1)[0];
  }

  /** Takes back the buffers behind `columns`, which the caller must never read again. */
  give(columns: TokenColumns): void {
    const buffers: ColumnBuffers = {
      starts: new Int32Array(columns.starts.buffer),
      ends: new Int32Array(columns.ends.buffer),
      wordOf: new Int32Array(columns.wordOf.buffer),
      after: new Uint16Array(columns.after.buffer),
    };
    const size = buffers.starts.length;
    if (size > MAX_POOLED_TOKENS || buffers.ends.length !== size || buffers.wordOf.length !== size || buffers.after.length !== size) return;
    if (this.free.some((b) => b.starts.buffer === buffers.starts.buffer)) return;
    this.free.push(buffers);
    // Keep the largest sets: a small one is easily allocated again, a large one is what costs.
    if (this.free.length > MAX_POOLED_SETS) {
      this.free.sort((a, b) => b.starts.length - a.starts.length);
      this.free.length = MAX_POOLED_SETS;
    }
  }

  /** Tokens of room in the pool (tests). */
  get pooledTokens(): number {
    return this.free.reduce((n, b) => n + b.starts.length, 0);
  }
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

  constructor(capacity: number, pool?: ColumnPool) {
    const size = Math.max(16, capacity);
    const reused = pool?.take(size);
    // Reused buffers hold an earlier document's values past `count`: finish() never shows them.
    this.starts = reused?.starts ?? new Int32Array(size);
    this.ends = reused?.ends ?? new Int32Array(size);
    this.wordOf = reused?.wordOf ?? new Int32Array(size);
    this.after = reused?.after ?? new Uint16Array(size);
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
