/**
 * Conversion between UTF-16 offsets and LSP line/character positions.
 *
 * Lines end at "\n", "\r\n" or a lone "\r", as LSP defines them. Characters are UTF-16 code
 * units, which is what JavaScript string indices already are.
 */
import type { Position, Range } from '../types';

/** A precomputed table of line starts for one text. */
export class LineIndex {
  private readonly starts: number[];
  /** The line of the last lookup: callers mostly ask for offsets in order, on the same or the next line. */
  private hint = 0;

  constructor(private readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // The usual case: "\n" only, found by the string search rather than unit by unit.
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13 /* \r */) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        } else if (c === 10 /* \n */) {
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }

  /** Number of lines (a text always has at least one). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The position of a UTF-16 offset; offsets are clamped into the text. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { line, character: o - this.starts[line]! };
  }

  /** The last line whose start is at or before `o` (which is within the text). */
  private lineOf(o: number): number {
    const starts = this.starts;
    for (let line = this.hint; line <= this.hint + 1 && line < starts.length; line++) {
      if (starts[line]! <= o && (line + 1 === starts.length || o < starts[line + 1]!)) return (this.hint = line);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return (this.hint = lo);
  }

  /** The UTF-16 offset of a position; positions past a line's end are clamped to it. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const lineStart = this.starts[position.line]!;
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1]! : this.text.length;
    let lineEnd = next;
    if (lineEnd > lineStart && this.text.charCodeAt(lineEnd - 1) === 10) lineEnd--;
    if (lineEnd > lineStart && this.text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    return Math.min(lineStart + Math.max(0, position.character), lineEnd);
  }

  /** The range of a pair of offsets. */
  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
