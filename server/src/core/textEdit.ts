/**
 * Text edits: the one currency in which the core hands changes to its front ends. The language
 * server turns them into LSP TextEdits (offsets become positions), the CLI applies them to the
 * file, and the tests apply them to compare whole documents before and after.
 */

/** A replacement of text[start,end) by newText; offsets are UTF-16 into the original text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Edits in application order: by start, an insertion before a replacement that starts at the same
 * offset, and otherwise in the order given (two insertions at one offset keep their order, as LSP
 * specifies for a TextEdit[]).
 */
function ordered(edits: readonly TextEdit[]): TextEdit[] {
  return edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index)
    .map((e) => e.edit);
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const edit of ordered(edits)) {
    const { start, end } = edit;
    // Overlapping or out-of-range edits are a bug of whoever planned them; applying them anyway
    // would silently corrupt the document, which is the one thing edits must never do.
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < at || end < start || end > text.length) {
      throw new RangeError(`Overlapping or out-of-range edit [${start}, ${end}) (text length ${text.length}).`);
    }
    parts.push(text.slice(at, start), edit.newText);
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
