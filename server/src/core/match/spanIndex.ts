/**
 * Containment and overlap queries against a set of spans, in O(log n) each: long documents have
 * tens of thousands of matches, so no check may loop over all of them.
 */

/** A half-open stretch of text [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Spans sorted by start with the running furthest end, which answers both queries by binary search. */
export class SpanIndex {
  private readonly starts: number[];
  private readonly furthestEnd: number[];

  constructor(spans: Iterable<Span>) {
    const sorted = [...spans];
    let ordered = true;
    for (let i = 1; i < sorted.length && ordered; i++) ordered = sorted[i]!.start >= sorted[i - 1]!.start;
    if (!ordered) sorted.sort((a, b) => a.start - b.start);
    this.starts = sorted.map((s) => s.start);
    this.furthestEnd = [];
    let furthest = -Infinity;
    for (const s of sorted) {
      furthest = Math.max(furthest, s.end);
      this.furthestEnd.push(furthest);
    }
  }

  get size(): number {
    return this.starts.length;
  }

  /** Index of the last span whose start is < offset (or <= offset when `inclusive`), or -1. */
  private lastStarting(offset: number, inclusive: boolean): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.starts[mid]!;
      if (s < offset || (inclusive && s === offset)) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** True when some span contains `m` (equal spans count unless `strictly`). */
  contains(m: Span, strictly = false): boolean {
    if (strictly) {
      const before = this.lastStarting(m.start, false);
      if (before >= 0 && this.furthestEnd[before]! >= m.end) return true;
      const upTo = this.lastStarting(m.start, true);
      return upTo >= 0 && this.furthestEnd[upTo]! > m.end;
    }
    const upTo = this.lastStarting(m.start, true);
    return upTo >= 0 && this.furthestEnd[upTo]! >= m.end;
  }

  /** True when some span shares at least one code unit with `m`. */
  overlaps(m: Span): boolean {
    const before = this.lastStarting(m.end, false);
    return before >= 0 && this.furthestEnd[before]! > m.start;
  }
}
