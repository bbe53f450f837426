/**
 * The paragraph language at an offset, read from the language spans of a document.
 */
import type { Lang, LanguageSpan } from '../types';

/** Walks sorted language spans; forward reads are amortised O(1), backward ones a binary search. */
export class LanguageCursor {
  private index = 0;

  constructor(
    private readonly spans: readonly LanguageSpan[],
    /** The language of offsets no span covers. */
    readonly fallback: Lang,
  ) {}

  /** The language of the span containing `offset`, or the fallback. */
  at(offset: number): Lang {
    const spans = this.spans;
    if (spans.length === 0) return this.fallback;
    let i = this.index;
    if (i >= spans.length || spans[i]!.start > offset) {
      let lo = 0;
      let hi = spans.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (spans[mid]!.start <= offset) lo = mid;
        else hi = mid - 1;
      }
      i = lo;
    }
    while (i + 1 < spans.length && spans[i + 1]!.start <= offset) i++;
    this.index = i;
    const span = spans[i]!;
    return span.start <= offset && offset < span.end ? span.language : this.fallback;
  }
}
