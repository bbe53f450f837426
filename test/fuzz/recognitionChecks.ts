/**
 * The invariants of one recognition (test/unit/fuzzRecognizer.test.ts and its regression tests):
 * every entity in the body, not empty, on code-point and line-break boundaries, its text the
 * slice of its offsets, its range their positions, no paragraph break inside, sorted; paragraph
 * spans ordered and inside the text.
 */
import assert from 'node:assert/strict';
import { locateBody } from '#core/frontMatter/locate';
import { CATEGORIES, type Recognition } from '#core/types';
import { assertOffsets, assertRange, lineStarts, show } from './invariants';

/** Checks one recognition of `text` against the invariants; returns the number of entities. */
export function checkRecognition(text: string, result: Recognition, what = 'entity'): number {
  const starts = lineStarts(text);
  const { bodyStart } = locateBody(text);
  let previous = -1;
  for (const e of result.entities) {
    const label = `${what} ${e.category}:${e.id} ${show(e.text)}`;
    assert.ok(CATEGORIES.includes(e.category), `${label}: category`);
    assert.ok(typeof e.id === 'string' && e.id !== '', `${label}: id`);
    assert.ok(typeof e.name === 'string' && e.name !== '', `${label}: name`);
    assertOffsets(text, e.start, e.end, label, false);
    assert.ok(e.start >= bodyStart, `${label}: starts in the body (${e.start} < ${bodyStart})`);
    assert.equal(e.text, text.slice(e.start, e.end), `${label}: text is the slice`);
    assert.ok(!/(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r|\n)/.test(e.text), `${label}: does not run across a paragraph break`);
    assertRange(text, starts, e.range, label, e);
    assert.ok(e.start >= previous, `${label}: sorted by start`);
    previous = e.start;
  }
  let end = 0;
  for (const span of result.spans) {
    assert.ok(span.start >= end && span.start <= span.end && span.end <= text.length, `span ${JSON.stringify(span)} ordered and inside`);
    end = span.end;
  }
  return result.entities.length;
}
