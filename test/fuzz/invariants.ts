/**
 * The invariants every fuzz property checks, written independently of the code under test: line
 * starts and positions are computed here from the LSP definition (a line ends at "\n", "\r\n" or
 * a lone "\r"; characters are UTF-16 code units), not with the core's LineIndex.
 */
import assert from 'node:assert/strict';

export interface Pos {
  line: number;
  character: number;
}

export interface Rng {
  start: Pos;
  end: Pos;
}

/** The offsets where each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** The LSP position of an offset that is not inside a "\r\n". */
export function positionOf(starts: readonly number[], offset: number): Pos {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo]! };
}

/** The length of a line's content (without its break). */
export function lineLength(text: string, starts: readonly number[], line: number): number {
  const start = starts[line]!;
  let end = line + 1 < starts.length ? starts[line + 1]! : text.length;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return end - start;
}

/** The offset of a position that lies within its line (asserts that it does). */
export function offsetOf(text: string, starts: readonly number[], p: Pos, what: string): number {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: integer position ${JSON.stringify(p)}`);
  assert.ok(p.line >= 0 && p.line < starts.length, `${what}: line ${p.line} of ${starts.length}`);
  assert.ok(p.character >= 0 && p.character <= lineLength(text, starts, p.line), `${what}: character ${p.character} past the end of line ${p.line} (${lineLength(text, starts, p.line)})`);
  return starts[p.line]! + p.character;
}

/** True when an offset falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** True when an offset falls between the "\r" and the "\n" of a line break. */
export function splitsCrlf(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
}

/** [start, end) is a range of the text on code-point and line-break boundaries. */
export function assertOffsets(text: string, start: number, end: number, what: string, allowEmpty = true): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: integer offsets [${start}, ${end})`);
  assert.ok(start >= 0 && end <= text.length, `${what}: [${start}, ${end}) inside the text (length ${text.length})`);
  assert.ok(allowEmpty ? start <= end : start < end, `${what}: [${start}, ${end}) ordered${allowEmpty ? '' : ' and not empty'}`);
  for (const o of [start, end]) {
    assert.ok(!splitsPair(text, o), `${what}: offset ${o} splits a surrogate pair`);
    assert.ok(!splitsCrlf(text, o), `${what}: offset ${o} splits a CRLF`);
  }
}

/** An LSP range is inside the text, on boundaries, and (when given) agrees with the offsets. */
export function assertRange(text: string, starts: readonly number[], range: Rng, what: string, offsets?: { start: number; end: number }): { start: number; end: number } {
  const start = offsetOf(text, starts, range.start, `${what} start`);
  const end = offsetOf(text, starts, range.end, `${what} end`);
  assertOffsets(text, start, end, what);
  if (offsets !== undefined) {
    assert.deepEqual({ start, end }, { start: offsets.start, end: offsets.end }, `${what}: range and offsets agree`);
    assert.deepEqual(range, { start: positionOf(starts, offsets.start), end: positionOf(starts, offsets.end) }, `${what}: range of the offsets`);
  }
  return { start, end };
}

/** A short printable form of a text for messages (every code unit visible). */
export function show(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
